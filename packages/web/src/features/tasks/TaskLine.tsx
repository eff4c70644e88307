import { Badge, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import type { Task } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError } from '../../shared/notify.ts';
import { isStale } from '../../shared/stale.ts';
import { useFormat } from '../../shared/use-format.ts';
import { useTransitionTask } from '../activities/use-work.ts';
import { PRIORITY_COLORS } from '../crm/labels.ts';
import { RECORD_PATHS, RecordLink } from '../crm/RecordLink.tsx';
import { TaskEditModal } from './TaskEditModal.tsx';
import { togglable } from './task-toggle.ts';

interface TaskLineProps {
  task: Task;
  /** Called before the server answers, so a list can drop the task at once. */
  onCompleting?(task: Task): void;
  /** Called when completing failed, so the list can put it back. */
  onCompleteFailed?(task: Task): void;
  showLinks?: boolean;
}

/** One task with a checkbox that completes it (or reopens a done one), and an edit button while it is open. */
export function TaskLine({ task, onCompleting, onCompleteFailed, showLinks = true }: TaskLineProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const transition = useTransitionTask();
  const [editing, setEditing] = useState(false);
  const done = task.status === 'done';
  const cancelled = task.status === 'cancelled';
  // The server says what this user may do now (an open task only is edited; a closed one is reopened first).
  const editable = task.permissions.edit;

  function toggle() {
    if (cancelled) return;
    if (!done) onCompleting?.(task);
    transition.mutate(
      { id: task.id, transition: done ? 'reopen' : 'complete', version: task.version },
      {
        onError: (error) => {
          onCompleteFailed?.(task);
          notifyError(isStale(error) ? t('work.stale') : errorMessage(error));
        },
      },
    );
  }

  const links = [
    task.deal && { path: RECORD_PATHS.deal(task.deal.id), title: task.deal.title },
    task.lead && { path: RECORD_PATHS.lead(task.lead.id), title: task.lead.title },
    task.company && { path: RECORD_PATHS.company(task.company.id), title: task.company.title },
    task.contact && { path: RECORD_PATHS.contact(task.contact.id), title: task.contact.title },
  ].filter((link) => link !== null);

  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid={`task-${task.id}`}>
      <Checkbox
        checked={done}
        disabled={!togglable(task) || transition.isPending}
        onChange={toggle}
        aria-label={done ? t('tasks.reopen', { title: task.title }) : t('tasks.complete', { title: task.title })}
        data-testid={`task-complete-${task.id}`}
        mt={2}
      />
      <Stack gap={2} miw={0} style={{ flex: 1 }}>
        <Text
          size="sm"
          td={done || cancelled ? 'line-through' : undefined}
          c={done || cancelled ? 'dimmed' : undefined}
        >
          {task.title}
        </Text>
        <Group gap={6}>
          <Text size="xs" c={task.isOverdue ? 'red' : 'dimmed'}>
            {t('tasks.due', { when: format.instant(task.dueAt) })}
          </Text>
          {task.isOverdue && (
            <Badge size="xs" color="red" variant="light">
              {t('tasks.overdue')}
            </Badge>
          )}
          {task.priority !== 'normal' && (
            <Badge size="xs" color={PRIORITY_COLORS[task.priority]} variant="light">
              {t(`crm.priority.${task.priority}`)}
            </Badge>
          )}
          {cancelled && (
            <Badge size="xs" color="gray" variant="light">
              {t('crm.taskStatus.cancelled')}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {task.assignee.fullName}
          </Text>
          {showLinks &&
            links.map((link) => (
              <RecordLink key={link.path} to={link.path}>
                <Text span size="xs">
                  {link.title}
                </Text>
              </RecordLink>
            ))}
        </Group>
      </Stack>
      {editable && (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => setEditing(true)}
          aria-label={t('tasks.edit.action', { title: task.title })}
          data-testid={`edit-task-${task.id}`}
        >
          {t('common.edit')}
        </Button>
      )}
      {editing && <TaskEditModal task={task} onClose={() => setEditing(false)} />}
    </Group>
  );
}
