import { Button, Group, Stack } from '@mantine/core';
import type { Task } from '@pulse/contracts';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError } from '../../shared/notify.ts';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { isStale } from '../../shared/stale.ts';
import { useTransitionTask } from '../activities/use-work.ts';
import { useMe } from '../auth/session.tsx';
import { canRecordWork } from '../crm/permissions.ts';
import { EntityList } from '../list/EntityList.tsx';
import { QuickCreateModal } from '../quick-create/QuickCreateModal.tsx';
import { TaskEditModal } from './TaskEditModal.tsx';
import { useTaskList } from './task-list.tsx';

export function TasksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const transition = useTransitionTask();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Task | null>(null);
  const { mutate } = transition;
  const toggle = useCallback(
    (task: Task) =>
      mutate(
        { id: task.id, transition: task.status === 'done' ? 'reopen' : 'complete', version: task.version },
        { onError: (error) => notifyError(isStale(error) ? t('work.stale') : errorMessage(error)) },
      ),
    [mutate, t, errorMessage],
  );
  const definition = useTaskList(toggle, setEditing);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageTitle>{t('tasks.title')}</PageTitle>
        {canRecordWork(me) && (
          <Button onClick={() => setCreating(true)} data-testid="task-create">
            {t('tasks.create')}
          </Button>
        )}
      </Group>
      <EntityList definition={definition} />
      <QuickCreateModal opened={creating} initialKind="task" onClose={() => setCreating(false)} />
      <TaskEditModal task={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
