import { Button, Group, Modal, Stack } from '@mantine/core';
import { CreateDealRequest } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { parseMoneyInput } from '../../shared/money.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { useMe } from '../auth/session.tsx';
import { canReassign } from '../crm/permissions.ts';
import { RECORD_PATHS } from '../crm/RecordLink.tsx';
import { DealFields } from './DealFields.tsx';
import { type DealFormValues, emptyDealValues } from './deal-form-values.ts';
import { useCreateDeal } from './use-deals.ts';

interface Props {
  opened: boolean;
  onClose(): void;
  preset?: Partial<DealFormValues>;
}

/** A new deal in the default pipeline's first stage unless chosen otherwise. */
export function DealCreateModal({ opened, onClose, preset }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('deals.create')} size="lg">
      {opened && <CreateForm onClose={onClose} preset={preset ?? {}} />}
    </Modal>
  );
}

function CreateForm({ onClose, preset }: { onClose(): void; preset: Partial<DealFormValues> }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const create = useCreateDeal();
  const currency = me.organization.currency;
  const [values, setValues] = useState<DealFormValues>(() => emptyDealValues(preset, me.user.id));
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const amountMinor = values.amount.trim() ? parseMoneyInput(values.amount, currency) : 0;
    if (amountMinor === null) {
      setErrors({ amountMinor: t('validation.amount') });
      return;
    }
    const checked = checkWith(CreateDealRequest, {
      title: values.title,
      companyId: values.companyId,
      contactId: values.contactId,
      pipelineId: values.pipelineId ?? undefined,
      stageId: values.stageId ?? undefined,
      amountMinor,
      expectedCloseDate: values.expectedCloseDate || null,
      channel: values.channel,
      territory: values.territory,
      source: values.source,
      nextStep: values.nextStep,
      ownerId: canReassign(me) ? (values.ownerId ?? undefined) : undefined,
    });
    if (!checked.ok) {
      setErrors(fromIssues(checked.issues));
      return;
    }
    setErrors({});
    create.mutate(checked.data, {
      onSuccess: (deal) => {
        notifySuccess(t('deals.created'));
        onClose();
        void navigate(RECORD_PATHS.deal(deal.id));
      },
      onError: (error) => {
        setErrors(fromError(error));
        notifyError(errorMessage(error));
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <DealFields
          values={values}
          onChange={setValues}
          errors={errors}
          currency={currency}
          canChooseOwner={canReassign(me)}
          withStage
          amountFromLines={false}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="deal-form-submit">
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
