import { Button, Group, Modal, Stack } from '@mantine/core';
import { type Company, UpdateCompanyRequest } from '@pulse/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { isStale } from '../../shared/stale.ts';
import { useMe } from '../auth/session.tsx';
import { filledEmails, filledPhones } from '../crm/ContactPointsEditor.tsx';
import { canReassign } from '../crm/permissions.ts';
import { CompanyFields } from './CompanyFields.tsx';
import { type CompanyFormValues, changedFields, companyValues } from './company-form-values.ts';
import { COMPANIES_KEY, useUpdateCompany } from './use-companies.ts';

export function CompanyEditModal({ company, opened, onClose }: { company: Company; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('companies.edit')} size="lg">
      {opened && <EditForm company={company} onClose={onClose} />}
    </Modal>
  );
}

/** Sends only what changed, with the version read; a stale version reloads the company. */
function EditForm({ company, onClose }: { company: Company; onClose(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const update = useUpdateCompany(company.id);
  const [initial] = useState(() => companyValues(company));
  const [values, setValues] = useState<CompanyFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const changes = changedFields(
      { ...initial, phones: filledPhones(initial.phones), emails: filledEmails(initial.emails) },
      { ...values, phones: filledPhones(values.phones), emails: filledEmails(values.emails) },
    );
    if (!canReassign(me)) delete changes.ownerId;
    const checked = checkWith(UpdateCompanyRequest, { ...changes, version: company.version });
    if (!checked.ok) {
      setErrors(fromIssues(checked.issues));
      return;
    }
    setErrors({});
    update.mutate(checked.data, {
      onSuccess: () => {
        notifySuccess(t('companies.updated'));
        onClose();
      },
      onError: (error) => {
        if (isStale(error)) {
          notifyError(t('work.stale'));
          void queryClient.invalidateQueries({ queryKey: [...COMPANIES_KEY, 'one', company.id] });
          onClose();
          return;
        }
        setErrors(fromError(error));
        notifyError(errorMessage(error));
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <CompanyFields values={values} onChange={setValues} errors={errors} canChooseOwner={canReassign(me)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="company-form-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
