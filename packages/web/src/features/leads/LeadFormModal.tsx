import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { CreateLeadRequest, type LeadDetail, LeadSource, UpdateLeadRequest } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { changedFields } from '../crm/changed-fields.ts';
import { leadSourceOptions } from '../crm/labels.ts';
import { RECORD_PATHS } from '../crm/RecordLink.tsx';
import { unitOptions } from '../structure/unit-options.ts';
import { useUnits } from '../structure/use-units.ts';
import { useCreateLead, useUpdateLead } from './use-leads.ts';

interface LeadValues {
  title: string;
  source: LeadSource;
  companyName: string;
  inn: string;
  contactName: string;
  phone: string;
  email: string;
  notes: string;
  unitId: string | null;
}

function valuesOf(lead: LeadDetail | null): LeadValues {
  return {
    title: lead?.title ?? '',
    source: lead?.source ?? 'inbound_call',
    companyName: lead?.companyName ?? '',
    inn: lead?.inn ?? '',
    contactName: lead?.contactName ?? '',
    phone: lead?.phone ?? '',
    email: lead?.email ?? '',
    notes: lead?.notes ?? '',
    unitId: lead?.unitId ?? null,
  };
}

/** Blank boxes are "none" for the API. */
function body(values: Partial<LeadValues>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...values };
  for (const key of ['companyName', 'inn', 'contactName', 'phone', 'email', 'notes'] as const) {
    if (key in values) result[key] = values[key]?.trim() ? values[key].trim() : null;
  }
  return result;
}

/** Creates a lead, or edits one (`lead` given). */
export function LeadFormModal({
  lead,
  opened,
  onClose,
}: {
  lead: LeadDetail | null;
  opened: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={lead ? t('leads.edit') : t('leads.create')} size="lg">
      {opened && <LeadForm lead={lead} onClose={onClose} />}
    </Modal>
  );
}

function LeadForm({ lead, onClose }: { lead: LeadDetail | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const units = useUnits();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const create = useCreateLead();
  const update = useUpdateLead(lead?.id ?? '');
  const [initial] = useState(() => valuesOf(lead));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof LeadValues>(key: K, value: LeadValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  function fail(error: unknown) {
    setErrors(fromError(error));
    notifyError(errorMessage(error));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!lead) {
      const checked = checkWith(CreateLeadRequest, body(values));
      if (!checked.ok) return setErrors(fromIssues(checked.issues));
      setErrors({});
      create.mutate(checked.data, {
        onSuccess: (created) => {
          notifySuccess(t('leads.created'));
          onClose();
          void navigate(RECORD_PATHS.lead(created.id));
        },
        onError: fail,
      });
      return;
    }
    const checked = checkWith(UpdateLeadRequest, { ...body(changedFields(initial, values)), version: lead.version });
    if (!checked.ok) return setErrors(fromIssues(checked.issues));
    setErrors({});
    update.mutate(checked.data, {
      onSuccess: () => {
        notifySuccess(t('leads.updated'));
        onClose();
      },
      onError: fail,
    });
  }

  const text = (key: 'title' | 'companyName' | 'inn' | 'contactName' | 'phone' | 'email') => ({
    value: values[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
    error: errors[key],
    'data-testid': `lead-form-${key}`,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('leads.fields.title')} required data-autofocus {...text('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('leads.fields.source')}
            data={leadSourceOptions(t)}
            value={values.source}
            onChange={(value) => {
              const source = LeadSource.safeParse(value);
              if (source.success) set('source', source.data);
            }}
            allowDeselect={false}
          />
          <Select
            label={t('leads.fields.unit')}
            data={unitOptions(units.data ?? [], i18n.language)}
            value={values.unitId}
            onChange={(value) => set('unitId', value)}
            clearable
          />
          <TextInput label={t('leads.fields.companyName')} {...text('companyName')} />
          <TextInput label={t('leads.fields.inn')} inputMode="numeric" {...text('inn')} />
          <TextInput label={t('leads.fields.contactName')} {...text('contactName')} />
          <TextInput label={t('crm.phone')} type="tel" {...text('phone')} />
          <TextInput label={t('crm.email')} type="email" {...text('email')} />
        </SimpleGrid>
        <Textarea
          label={t('leads.fields.notes')}
          value={values.notes}
          onChange={(event) => set('notes', event.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="lead-form-submit">
            {lead ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
