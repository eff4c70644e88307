import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ClientDuplicate, type Contact, CreateContactRequest } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { useMe } from '../auth/session.tsx';
import { filledEmails, filledPhones } from '../crm/ContactPointsEditor.tsx';
import { DuplicateList } from '../crm/DuplicateList.tsx';
import { MergeDialog, type MergeTarget } from '../crm/MergeDialog.tsx';
import { canReassign } from '../crm/permissions.ts';
import { RECORD_PATHS } from '../crm/RecordLink.tsx';
import { ContactFields } from './ContactFields.tsx';
import { type ContactFormValues, emptyContactValues } from './contact-form-values.ts';
import { useCreateContact, useMergeContact } from './use-contacts.ts';

interface Props {
  opened: boolean;
  onClose(): void;
  /** Creating from a company page fills the company in. */
  companyId?: string;
}

/** A new contact; look-alikes (same e-mail or phone, similar name) are shown after it is created. */
export function ContactCreateModal({ opened, onClose, companyId }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('contacts.create')} size="lg">
      {opened && <CreateFlow onClose={onClose} companyId={companyId ?? null} />}
    </Modal>
  );
}

function CreateFlow({ onClose, companyId }: { onClose(): void; companyId: string | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const create = useCreateContact();
  const merge = useMergeContact();
  const [values, setValues] = useState<ContactFormValues>(() => emptyContactValues(me.user.id, companyId));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<{ contact: Contact; duplicates: ClientDuplicate[] } | null>(null);
  const [mergeTarget, setMergeTarget] = useState<MergeTarget | null>(null);

  function finish(contact: { id: string }) {
    onClose();
    // From a company page the new contact simply appears in its list.
    if (!companyId) void navigate(RECORD_PATHS.contact(contact.id));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkWith(CreateContactRequest, {
      ...values,
      phones: filledPhones(values.phones),
      emails: filledEmails(values.emails),
      ownerId: canReassign(me) ? values.ownerId : undefined,
    });
    if (!checked.ok) {
      setErrors(fromIssues(checked.issues));
      return;
    }
    setErrors({});
    create.mutate(checked.data, {
      onSuccess: (result) => {
        notifySuccess(t('contacts.created'));
        if (result.duplicates.length > 0) setCreated(result);
        else finish(result.contact);
      },
      onError: (error) => {
        setErrors(fromError(error));
        notifyError(errorMessage(error));
      },
    });
  }

  if (created) {
    return (
      <Stack gap="sm" data-testid="contact-duplicates-notice">
        <Alert color="yellow" title={t('contacts.duplicates.title')}>
          <Text size="sm">{t('contacts.duplicates.text', { name: created.contact.fullName })}</Text>
        </Alert>
        <DuplicateList
          items={created.duplicates}
          path={RECORD_PATHS.contact}
          testId="contact-duplicates"
          onMerge={(duplicate) =>
            setMergeTarget({
              current: { id: created.contact.id, name: created.contact.fullName },
              other: { id: duplicate.id, name: duplicate.name },
            })
          }
        />
        <Group justify="flex-end">
          <Button onClick={() => finish(created.contact)}>{t('common.close')}</Button>
        </Group>
        <MergeDialog
          target={mergeTarget}
          pending={merge.isPending}
          onClose={() => setMergeTarget(null)}
          onMerge={(choice) =>
            merge.mutate(choice, {
              onSuccess: (survivor) => {
                notifySuccess(t('crm.merge.done'));
                setMergeTarget(null);
                finish(survivor);
              },
              onError: (error) => notifyError(errorMessage(error)),
            })
          }
        />
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ContactFields values={values} onChange={setValues} errors={errors} canChooseOwner={canReassign(me)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="contact-form-submit">
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
