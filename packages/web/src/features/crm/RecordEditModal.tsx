import { Button, Group, Modal, Stack } from '@mantine/core';
import { type QueryKey, type UseMutationResult, useQueryClient } from '@tanstack/react-query';
import { type ComponentType, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, type SafeParser, useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { isStale } from '../../shared/stale.ts';
import { useMe } from '../auth/session.tsx';
import { type EmailValue, filledEmails, filledPhones, type PhoneValue } from './ContactPointsEditor.tsx';
import { changedFields } from './changed-fields.ts';
import { canReassign } from './permissions.ts';

/** What every client record's form holds besides its own fields. */
export interface ClientFormValues {
  ownerId: string | null;
  phones: PhoneValue[];
  emails: EmailValue[];
}

/** What every editable record's form holds: an owner, whom only heads and administrators change. */
export interface OwnedFormValues {
  ownerId: string | null;
}

/** The props a record's fields component takes, in the create and the edit form alike. */
export interface RecordFieldsProps<V> {
  values: V;
  onChange(values: V): void;
  errors: FieldErrors;
  /** Heads and administrators choose the owner; others own what they create. */
  canChooseOwner: boolean;
}

/** The fields of the update request (without the version), or the problems that keep the form from being sent. */
export type RecordChanges = { ok: true; changes: object } | { ok: false; issues: { path: string }[] };

type Versioned = { id: string; version: number };

/** What tells one record type's edit modal from another's. */
export interface RecordEditProps<R extends Versioned, V extends OwnedFormValues, B> {
  record: R;
  opened: boolean;
  onClose(): void;
  title: string;
  /** Said when the save went through. */
  savedMessage: string;
  toValues(record: R): V;
  /** Gets the record too, for what the fields depend on (a deal's currency). */
  Fields: ComponentType<RecordFieldsProps<V> & { record: R }>;
  /**
   * What the form changed, as update fields. By default the fields that differ from the record as
   * read, phones and e-mails compared by their filled rows.
   */
  toChanges?(initial: V, values: V, record: R): RecordChanges;
  /** The update request's contract: the form is checked against it before sending. */
  schema: SafeParser<B>;
  /** The record's update mutation; called as a hook inside the form, so each opening starts afresh. */
  useUpdate(id: string): UseMutationResult<unknown, Error, B>;
  /** The record's query, reloaded when the save meets a newer version. */
  queryKey: QueryKey;
  /** Prefix of the form's test ids: `${testId}-submit`. */
  testId: string;
}

/** Edits a record (company, contact, deal) in a modal; the form mounts on opening, so it starts from the record as read. */
export function RecordEditModal<R extends Versioned, V extends OwnedFormValues, B>({
  opened,
  onClose,
  title,
  ...form
}: RecordEditProps<R, V, B>) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      {opened && <EditForm {...form} onClose={onClose} />}
    </Modal>
  );
}

type EditFormProps<R extends Versioned, V extends OwnedFormValues, B> = Omit<
  RecordEditProps<R, V, B>,
  'opened' | 'title'
>;

/** Sends only what changed, with the version read; a stale version reloads the record. */
function EditForm<R extends Versioned, V extends OwnedFormValues, B>({
  record,
  onClose,
  savedMessage,
  toValues,
  Fields,
  toChanges = changedClientFields,
  schema,
  useUpdate,
  queryKey,
  testId,
}: EditFormProps<R, V, B>) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const update = useUpdate(record.id);
  const [initial] = useState(() => toValues(record));
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const changed = toChanges(initial, values, record);
    if (!changed.ok) {
      setErrors(fromIssues(changed.issues));
      return;
    }
    const changes: { ownerId?: unknown } = { ...changed.changes };
    if (!canReassign(me)) delete changes.ownerId;
    const checked = checkWith(schema, { ...changes, version: record.version });
    if (!checked.ok) {
      setErrors(fromIssues(checked.issues));
      return;
    }
    setErrors({});
    update.mutate(checked.data, {
      onSuccess: () => {
        notifySuccess(savedMessage);
        onClose();
      },
      onError: (error) => {
        if (isStale(error)) {
          notifyError(t('work.stale'));
          void queryClient.invalidateQueries({ queryKey });
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
        <Fields record={record} values={values} onChange={setValues} errors={errors} canChooseOwner={canReassign(me)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid={`${testId}-submit`}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The fields that differ from the record as read; a phone or e-mail row left blank is no change. */
function changedClientFields<V extends OwnedFormValues>(initial: V, values: V): RecordChanges {
  return { ok: true, changes: changedFields(filledContactPoints(initial), filledContactPoints(values)) };
}

function filledContactPoints<V extends OwnedFormValues>(values: V): V {
  if (!hasContactPoints(values)) return values;
  return { ...values, phones: filledPhones(values.phones), emails: filledEmails(values.emails) };
}

function hasContactPoints(values: OwnedFormValues): values is ClientFormValues {
  return 'phones' in values && Array.isArray(values.phones) && 'emails' in values && Array.isArray(values.emails);
}
