import { Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type Activity, ActivityDirection, ActivityStatus } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { isStale } from '../../shared/stale.ts';
import { todayIn } from '../../shared/use-format.ts';
import { useMe } from '../auth/session.tsx';
import { directionOptions } from '../crm/labels.ts';
import { canReassign } from '../crm/permissions.ts';
import { UserPicker } from '../people/UserPicker.tsx';
import {
  type ActivityFormValues,
  activityFormValues,
  activityPatch,
  hasField,
  recordsOutcome,
  statusChoices,
} from './activity-form.ts';
import { NextStepFields } from './NextStepFields.tsx';
import { emptyNextStep, type NextStepValues, needsNextStep, toNextStep } from './next-step.ts';
import { useInvalidateWork, useUpdateActivity } from './use-work.ts';
import { WorkLinksFields } from './WorkLinksFields.tsx';
import { useWorkFieldErrors } from './work-errors.ts';

interface ActivityEditModalProps {
  activity: Activity | null;
  onClose(): void;
  /** Offers "Delete" in the form when the activity may be deleted. */
  onDelete?(activity: Activity): void;
}

/** Corrects a logged call, meeting, e-mail or note: the fields its kind has, its time, who did it and what it is about. */
export function ActivityEditModal({ activity, onClose, onDelete }: ActivityEditModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={activity !== null} onClose={onClose} title={t('activities.edit.title')} size="lg">
      {activity && <ActivityEditForm key={activity.id} activity={activity} onClose={onClose} onDelete={onDelete} />}
    </Modal>
  );
}

function ActivityEditForm({
  activity,
  onClose,
  onDelete,
}: { activity: Activity } & Omit<ActivityEditModalProps, 'activity'>) {
  const { t } = useTranslation();
  const me = useMe();
  const timeZone = me.user.timeZone;
  const errorMessage = useErrorMessage();
  const { fromIssues } = useFieldErrors();
  const workErrors = useWorkFieldErrors();
  const invalidate = useInvalidateWork();
  const update = useUpdateActivity();
  const [initial] = useState(() => activityFormValues(activity, timeZone));
  const [values, setValues] = useState<ActivityFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [planNext, setPlanNext] = useState(false);
  const [nextRequired, setNextRequired] = useState(false);
  const [next, setNext] = useState<NextStepValues>(() => emptyNextStep(todayIn(timeZone)));
  const set = <K extends keyof ActivityFormValues>(key: K, value: ActivityFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));
  const kind = activity.kind;
  const statuses = statusChoices(activity);
  const outcome = recordsOutcome(activity, values);
  const deletable = onDelete !== undefined && activity.permissions.delete;

  function submit(event: FormEvent) {
    event.preventDefault();
    const nextStep = outcome && planNext ? toNextStep(next, timeZone) : null;
    if (outcome && planNext && !nextStep) return setNextRequired(true);
    const checked = activityPatch(activity, initial, values, timeZone, nextStep ?? undefined);
    if (!checked.ok) return setErrors(fromIssues(checked.issues));
    setErrors({});
    // Nothing changed: no request, no new version, no audit entry.
    if (Object.keys(checked.data).length === 1) return onClose();
    update.mutate(
      { id: activity.id, body: checked.data },
      {
        onSuccess: () => {
          notifySuccess(t('activities.edit.saved'));
          onClose();
        },
        onError: (error) => {
          if (needsNextStep(error)) {
            setNextRequired(true);
            setPlanNext(true);
            return;
          }
          if (isStale(error)) {
            // The form holds the old version: reload the lists and let the user start again.
            notifyError(t('work.stale'));
            void invalidate();
            onClose();
            return;
          }
          setErrors(workErrors(error));
          notifyError(errorMessage(error));
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="activity-form">
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput label={t('activities.fields.kind')} value={t(`crm.activityKind.${kind}`)} readOnly />
          {hasField(kind, 'direction') && (
            <Select
              label={t('quick.direction')}
              data={directionOptions(t)}
              value={values.direction}
              onChange={(value) => {
                const direction = ActivityDirection.safeParse(value);
                if (direction.success) set('direction', direction.data);
              }}
              allowDeselect={false}
              error={errors.direction}
              data-testid="activity-form-direction"
            />
          )}
          {statuses.length > 0 ? (
            <Select
              label={t('quick.status')}
              data={statuses.map((value) => ({ value, label: t(`crm.activityStatus.${value}`) }))}
              value={values.status}
              onChange={(value) => {
                const status = ActivityStatus.safeParse(value);
                if (status.success) set('status', status.data);
              }}
              allowDeselect={false}
              error={errors.status}
              data-testid="activity-form-status"
            />
          ) : (
            <TextInput
              label={t('quick.status')}
              value={t(`crm.activityStatus.${activity.status}`)}
              readOnly
              error={errors.status}
            />
          )}
        </Group>
        <TextInput
          label={t('quick.subject')}
          value={values.subject}
          onChange={(event) => set('subject', event.currentTarget.value)}
          error={errors.subject}
          data-autofocus
          data-testid="activity-form-subject"
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('quick.day')}
            type="date"
            value={values.day}
            onChange={(event) => set('day', event.currentTarget.value)}
            error={errors.occurredAt}
            data-testid="activity-form-day"
          />
          <TextInput
            label={t('quick.time')}
            type="time"
            value={values.time}
            onChange={(event) => set('time', event.currentTarget.value)}
            data-testid="activity-form-time"
          />
          {hasField(kind, 'durationSec') && (
            <TextInput
              label={t('quick.durationMin')}
              inputMode="decimal"
              value={values.durationMin}
              onChange={(event) => set('durationMin', event.currentTarget.value)}
              error={errors.durationSec}
              data-testid="activity-form-duration"
            />
          )}
        </Group>
        {(hasField(kind, 'result') || hasField(kind, 'phone')) && (
          <Group grow align="flex-start">
            {hasField(kind, 'result') && (
              <TextInput
                label={t('quick.result')}
                value={values.result}
                onChange={(event) => set('result', event.currentTarget.value)}
                error={errors.result}
                data-testid="activity-form-result"
              />
            )}
            {hasField(kind, 'phone') && (
              <TextInput
                label={t('crm.phone')}
                type="tel"
                value={values.phone}
                onChange={(event) => set('phone', event.currentTarget.value)}
                error={errors.phone}
                data-testid="activity-form-phone"
              />
            )}
          </Group>
        )}
        {hasField(kind, 'recordingUrl') && (
          <TextInput
            label={t('activities.fields.recordingUrl')}
            type="url"
            placeholder="https://"
            value={values.recordingUrl}
            onChange={(event) => set('recordingUrl', event.currentTarget.value)}
            error={errors.recordingUrl}
            data-testid="activity-form-recording"
          />
        )}
        <Textarea
          label={kind === 'note' ? t('activities.fields.text') : t('quick.body')}
          value={values.body}
          onChange={(event) => set('body', event.currentTarget.value)}
          error={errors.body}
          autosize
          minRows={2}
          maxRows={8}
          data-testid="activity-form-body"
        />
        {canReassign(me) && (
          <UserPicker
            label={t('activities.fields.user')}
            value={values.userId}
            onChange={(userId) => set('userId', userId)}
            error={errors.userId}
            data-testid="activity-form-user"
          />
        )}
        <WorkLinksFields
          value={values.links}
          onChange={(links) => set('links', links)}
          errors={errors}
          testId="activity-form"
        />
        {outcome && (
          <>
            {!nextRequired && (
              <Checkbox
                label={t('work.nextStep.add')}
                checked={planNext}
                onChange={(event) => setPlanNext(event.currentTarget.checked)}
              />
            )}
            {planNext && (
              <NextStepFields values={next} onChange={setNext} required={nextRequired} missing={nextRequired} />
            )}
          </>
        )}
        {!activity.permissions.delete && (
          <Text size="xs" c="dimmed">
            {t('activities.edit.history')}
          </Text>
        )}
        <Group justify="space-between">
          {deletable ? (
            <Button
              variant="subtle"
              color="red"
              onClick={() => {
                onClose();
                onDelete?.(activity);
              }}
              data-testid="activity-form-delete"
            >
              {t('common.delete')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="activity-form-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
