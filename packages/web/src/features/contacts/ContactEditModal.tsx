import { Button, Group, Modal, Stack } from '@mantine/core';
import { type Contact, UpdateContactRequest } from '@pulse/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { isStale } from '../../shared/stale.ts';
import { useMe } from '../auth/session.tsx';
import { changedFields } from '../companies/company-form-values.ts';
import { filledEmails, filledPhones } from '../crm/ContactPointsEditor.tsx';
import { canReassign } from '../crm/permissions.ts';
import { ContactFields } from './ContactFields.tsx';
import { type ContactFormValues, contactValues } from './contact-form-values.ts';
import { contactKey, useUpdateContact } from './use-contacts.ts';

export function ContactEditModal({ contact, opened, onClose }: { contact: Contact; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('contacts.edit')} size="lg">
      {opened && <EditForm contact={contact} onClose={onClose} />}
    </Modal>
  );
}

function EditForm({ contact, onClose }: { contact: Contact; onClose(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const update = useUpdateContact(contact.id);
  const [initial] = useState(() => contactValues(contact));
  const [values, setValues] = useState<ContactFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const changes = changedFields(
      { ...initial, phones: filledPhones(initial.phones), emails: filledEmails(initial.emails) },
      { ...values, phones: filledPhones(values.phones), emails: filledEmails(values.emails) },
    );
    if (!canReassign(me)) delete changes.ownerId;
    const checked = checkWith(UpdateContactRequest, { ...changes, version: contact.version });
    if (!checked.ok) {
      setErrors(fromIssues(checked.issues));
      return;
    }
    setErrors({});
    update.mutate(checked.data, {
      onSuccess: () => {
        notifySuccess(t('contacts.updated'));
        onClose();
      },
      onError: (error) => {
        if (isStale(error)) {
          notifyError(t('work.stale'));
          void queryClient.invalidateQueries({ queryKey: contactKey(contact.id) });
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
        <ContactFields values={values} onChange={setValues} errors={errors} canChooseOwner={canReassign(me)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="contact-form-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
