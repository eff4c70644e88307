import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { type Task, TaskPriority } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { isStale } from '../../shared/stale.ts';
import { useInvalidateWork, useUpdateTask } from '../activities/use-work.ts';
import { WorkLinksFields } from '../activities/WorkLinksFields.tsx';
import { useWorkFieldErrors } from '../activities/work-errors.ts';
import { useMe } from '../auth/session.tsx';
import { priorityOptions } from '../crm/labels.ts';
import { canReassign } from '../crm/permissions.ts';
import { UserPicker } from '../people/UserPicker.tsx';
import { type TaskFormValues, taskFormValues, taskPatch } from './task-form.ts';

/** Edits an open task: what, when, how urgent, whose, and what it is about. */
export function TaskEditModal({ task, onClose }: { task: Task | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={task !== null} onClose={onClose} title={t('tasks.edit.title')} size="lg">
      {task && <TaskEditForm key={task.id} task={task} onClose={onClose} />}
    </Modal>
  );
}

function TaskEditForm({ task, onClose }: { task: Task; onClose(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const timeZone = me.user.timeZone;
  const errorMessage = useErrorMessage();
  const { fromIssues } = useFieldErrors();
  const workErrors = useWorkFieldErrors();
  const invalidate = useInvalidateWork();
  const update = useUpdateTask();
  const [initial] = useState(() => taskFormValues(task, timeZone));
  const [values, setValues] = useState<TaskFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof TaskFormValues>(key: K, value: TaskFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = taskPatch(task, initial, values, timeZone);
    if (!checked.ok) return setErrors(fromIssues(checked.issues));
    setErrors({});
    if (Object.keys(checked.data).length === 1) return onClose();
    update.mutate(
      { id: task.id, body: checked.data },
      {
        onSuccess: () => {
          notifySuccess(t('tasks.edit.saved'));
          onClose();
        },
        onError: (error) => {
          if (isStale(error) || isApiError(error, 'conflict')) {
            // Changed meanwhile, or done/cancelled by someone: the form's copy is out of date.
            notifyError(isStale(error) ? t('work.stale') : t('tasks.edit.closed'));
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
    <form onSubmit={submit} noValidate data-testid="task-form">
      <Stack gap="sm">
        <TextInput
          label={t('quick.taskTitle')}
          value={values.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          error={errors.title}
          required
          data-autofocus
          data-testid="task-form-title"
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('quick.dueDay')}
            type="date"
            value={values.day}
            onChange={(event) => set('day', event.currentTarget.value)}
            error={errors.dueAt}
            required
            data-testid="task-form-day"
          />
          <TextInput
            label={t('quick.time')}
            type="time"
            value={values.time}
            onChange={(event) => set('time', event.currentTarget.value)}
            required
            data-testid="task-form-time"
          />
          <Select
            label={t('quick.priority')}
            data={priorityOptions(t)}
            value={values.priority}
            onChange={(value) => {
              const priority = TaskPriority.safeParse(value);
              if (priority.success) set('priority', priority.data);
            }}
            allowDeselect={false}
            data-testid="task-form-priority"
          />
        </Group>
        {canReassign(me) && (
          <UserPicker
            label={t('quick.assignee')}
            value={values.assigneeId}
            onChange={(assigneeId) => set('assigneeId', assigneeId)}
            error={errors.assigneeId}
            data-testid="task-form-assignee"
          />
        )}
        <Textarea
          label={t('quick.description')}
          value={values.description}
          onChange={(event) => set('description', event.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={2}
          maxRows={8}
          data-testid="task-form-description"
        />
        <WorkLinksFields
          value={values.links}
          onChange={(links) => set('links', links)}
          errors={errors}
          testId="task-form"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="task-form-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
