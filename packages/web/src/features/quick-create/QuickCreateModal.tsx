import { Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { ActivityDirection, TaskPriority } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { zonedParts } from '../../shared/format.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { todayIn } from '../../shared/use-format.ts';
import { NextStepFields } from '../activities/NextStepFields.tsx';
import { needsNextStep } from '../activities/next-step.ts';
import { useCreateActivity, useCreateTask } from '../activities/use-work.ts';
import { useMe } from '../auth/session.tsx';
import { CompanyPicker } from '../companies/CompanyPicker.tsx';
import { directionOptions, priorityOptions } from '../crm/labels.ts';
import { canReassign } from '../crm/permissions.ts';
import { UserPicker } from '../people/UserPicker.tsx';
import { type CurrentRecord, useCurrentRecord } from './current-record.tsx';
import { completes, emptyQuickValues, type QuickKind, type QuickValues, quickRequest } from './quick-values.ts';

interface QuickCreateModalProps {
  opened: boolean;
  initialKind: QuickKind;
  onClose(): void;
  /** Links the new work to this record instead of the page's own (e.g. a deal listed in "My day"). */
  record?: CurrentRecord;
  /** A first subject, e.g. "Call back". */
  subject?: string;
}

/** A call, meeting or task from anywhere, linked to the record on screen if the user wants. */
export function QuickCreateModal({ opened, initialKind, onClose, record, subject }: QuickCreateModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('quick.title')} size="lg">
      {opened && <QuickCreateForm initialKind={initialKind} onClose={onClose} record={record} subject={subject} />}
    </Modal>
  );
}

/** A call or meeting is logged as just now; a task is due at the next full hour. */
function defaultTime(kind: QuickKind, timeZone: string): string {
  const [, now] = zonedParts(new Date().toISOString(), timeZone);
  if (kind !== 'task') return now;
  const hour = Number(now.slice(0, 2));
  return `${String(Math.min(hour + 1, 23)).padStart(2, '0')}:00`;
}

function QuickCreateForm({
  initialKind,
  onClose,
  subject,
  ...props
}: {
  initialKind: QuickKind;
  onClose(): void;
  record?: CurrentRecord;
  subject?: string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const pageRecord = useCurrentRecord();
  const record = props.record ?? pageRecord;
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const timeZone = me.user.timeZone;
  const [values, setValues] = useState<QuickValues>(() => ({
    ...emptyQuickValues(initialKind, todayIn(timeZone), defaultTime(initialKind, timeZone)),
    subject: subject ?? '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [nextRequired, setNextRequired] = useState(false);
  const [timeTouched, setTimeTouched] = useState(false);
  const createActivity = useCreateActivity();
  const createTask = useCreateTask();
  const set = <K extends keyof QuickValues>(key: K, value: QuickValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  function done(message: string) {
    notifySuccess(message);
    onClose();
  }

  function fail(error: unknown) {
    if (needsNextStep(error)) {
      setNextRequired(true);
      set('planNext', true);
      return;
    }
    setErrors(fromError(error));
    notifyError(errorMessage(error));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const request = quickRequest(values, record, timeZone);
    if (!request.checked.ok) {
      setErrors(fromIssues(request.checked.issues));
      return;
    }
    setErrors({});
    if (request.kind === 'task') {
      createTask.mutate(request.checked.data, { onSuccess: () => done(t('quick.taskCreated')), onError: fail });
    } else {
      createActivity.mutate(request.checked.data, { onSuccess: () => done(t('quick.activityCreated')), onError: fail });
    }
  }

  const isTask = values.kind === 'task';
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SegmentedControl
          value={values.kind}
          onChange={(value) => {
            const kind = value === 'call' || value === 'meeting' ? value : 'task';
            // Until the user picks a time, it follows the kind: now for a call, the next hour for a task.
            setValues((previous) => ({
              ...previous,
              kind,
              ...(timeTouched ? {} : { day: todayIn(timeZone), time: defaultTime(kind, timeZone) }),
            }));
          }}
          data={[
            { value: 'call', label: t('crm.activityKind.call') },
            { value: 'meeting', label: t('crm.activityKind.meeting') },
            { value: 'task', label: t('quick.task') },
          ]}
          data-testid="quick-kind"
        />
        {values.kind === 'call' && (
          <Group grow>
            <Select
              label={t('quick.direction')}
              data={directionOptions(t)}
              value={values.direction}
              onChange={(value) => {
                const direction = ActivityDirection.safeParse(value);
                if (direction.success) set('direction', direction.data);
              }}
              allowDeselect={false}
            />
            <Select
              label={t('quick.status')}
              data={(['done', 'planned', 'missed'] as const).map((value) => ({
                value,
                label: t(`crm.activityStatus.${value}`),
              }))}
              value={values.callStatus}
              onChange={(value) => set('callStatus', value === 'planned' || value === 'missed' ? value : 'done')}
              allowDeselect={false}
              data-testid="quick-call-status"
            />
          </Group>
        )}
        {values.kind === 'meeting' && (
          <Select
            label={t('quick.status')}
            data={(['planned', 'done'] as const).map((value) => ({ value, label: t(`crm.activityStatus.${value}`) }))}
            value={values.meetingStatus}
            onChange={(value) => set('meetingStatus', value === 'done' ? 'done' : 'planned')}
            allowDeselect={false}
            data-testid="quick-meeting-status"
          />
        )}
        <TextInput
          label={isTask ? t('quick.taskTitle') : t('quick.subject')}
          value={values.subject}
          onChange={(event) => set('subject', event.currentTarget.value)}
          error={errors.title ?? errors.subject}
          required={isTask}
          data-autofocus
          data-testid="quick-subject"
        />
        <Group grow>
          <TextInput
            label={isTask ? t('quick.dueDay') : t('quick.day')}
            type="date"
            value={values.day}
            onChange={(event) => {
              setTimeTouched(true);
              set('day', event.currentTarget.value);
            }}
            error={errors.dueAt ?? errors.occurredAt}
            data-testid="quick-day"
          />
          <TextInput
            label={t('quick.time')}
            type="time"
            value={values.time}
            onChange={(event) => {
              setTimeTouched(true);
              set('time', event.currentTarget.value);
            }}
            data-testid="quick-time"
          />
          {!isTask && (
            <TextInput
              label={t('quick.durationMin')}
              type="number"
              min={0}
              value={values.durationMin}
              onChange={(event) => set('durationMin', event.currentTarget.value)}
              error={errors.durationSec}
            />
          )}
        </Group>
        {isTask ? (
          <Group grow>
            <Select
              label={t('quick.priority')}
              data={priorityOptions(t)}
              value={values.priority}
              onChange={(value) => {
                const priority = TaskPriority.safeParse(value);
                if (priority.success) set('priority', priority.data);
              }}
              allowDeselect={false}
            />
            {canReassign(me) && (
              <UserPicker
                label={t('quick.assignee')}
                placeholder={t('quick.assigneeMe')}
                value={values.assigneeId}
                onChange={(value) => set('assigneeId', value)}
                error={errors.assigneeId}
              />
            )}
          </Group>
        ) : (
          <Group grow>
            <TextInput
              label={t('quick.result')}
              value={values.result}
              onChange={(event) => set('result', event.currentTarget.value)}
              error={errors.result}
            />
            {values.kind === 'call' && (
              <TextInput
                label={t('crm.phone')}
                type="tel"
                value={values.phone}
                onChange={(event) => set('phone', event.currentTarget.value)}
                error={errors.phone}
              />
            )}
          </Group>
        )}
        <Textarea
          label={isTask ? t('quick.description') : t('quick.body')}
          value={values.body}
          onChange={(event) => set('body', event.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={6}
        />
        {record ? (
          <Checkbox
            label={t('quick.linkTo', { title: record.title })}
            checked={values.linkCurrent}
            onChange={(event) => set('linkCurrent', event.currentTarget.checked)}
            data-testid="quick-link-current"
          />
        ) : (
          <CompanyPicker
            label={t('quick.company')}
            value={values.companyId}
            onChange={(id) => set('companyId', id)}
            error={errors.companyId}
          />
        )}
        {completes(values) && (
          <>
            {!nextRequired && (
              <Checkbox
                label={t('work.nextStep.add')}
                checked={values.planNext}
                onChange={(event) => set('planNext', event.currentTarget.checked)}
                data-testid="quick-plan-next"
              />
            )}
            {values.planNext && (
              <NextStepFields
                values={values.next}
                onChange={(next) => set('next', next)}
                required={nextRequired}
                missing={nextRequired}
              />
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={createActivity.isPending || createTask.isPending} data-testid="quick-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
