import { Badge, Button, Checkbox } from '@mantine/core';
import { type Task, TasksQuery } from '@pulse/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findTasks } from '../../api/activities.ts';
import { addDays, startOfDayInstant } from '../../shared/format.ts';
import { useFormat } from '../../shared/use-format.ts';
import { PRIORITY_COLORS, taskStatusOptions, yesNoOptions } from '../crm/labels.ts';
import { RecordLink } from '../crm/RecordLink.tsx';
import { recordOf } from '../crm/record-of.ts';
import { rawQuery } from '../list/list-state.ts';
import type { ListDefinition } from '../list/list-types.ts';
import { parseQuery } from '../list/parse-query.ts';
import { togglable } from './task-toggle.ts';

/** The tasks list, earliest due first; the checkbox completes or reopens a task, "Edit" opens an open one. */
export function useTaskList(onToggle: (task: Task) => void, onEdit?: (task: Task) => void): ListDefinition<Task> {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const definition: ListDefinition<Task> = {
      entity: 'tasks',
      testId: 'tasks',
      label: t('tasks.title'),
      searchPlaceholder: t('tasks.search'),
      columns: [
        {
          id: 'done',
          label: t('tasks.fields.done'),
          width: '60px',
          render: (row) => (
            <Checkbox
              checked={row.status === 'done'}
              disabled={!togglable(row)}
              onChange={() => onToggle(row)}
              aria-label={
                row.status === 'done'
                  ? t('tasks.reopen', { title: row.title })
                  : t('tasks.complete', { title: row.title })
              }
              data-testid={`tasks-complete-${row.id}`}
            />
          ),
        },
        { id: 'title', label: t('quick.taskTitle'), width: 'minmax(200px, 2.5fr)', render: (row) => row.title },
        {
          id: 'dueAt',
          label: t('tasks.fields.dueAt'),
          width: '170px',
          sort: 'dueAt',
          render: (row) => (
            <span style={{ color: row.isOverdue ? 'var(--mantine-color-red-7)' : undefined }}>
              {format.instant(row.dueAt)}
            </span>
          ),
        },
        {
          id: 'priority',
          label: t('quick.priority'),
          width: '110px',
          render: (row) => (
            <Badge size="sm" variant="light" color={PRIORITY_COLORS[row.priority]}>
              {t(`crm.priority.${row.priority}`)}
            </Badge>
          ),
        },
        {
          id: 'status',
          label: t('quick.status'),
          width: '130px',
          render: (row) =>
            row.isOverdue ? (
              <Badge size="sm" color="red" variant="light">
                {t('tasks.overdue')}
              </Badge>
            ) : (
              t(`crm.taskStatus.${row.status}`)
            ),
        },
        {
          id: 'record',
          label: t('activities.fields.record'),
          width: 'minmax(170px, 2fr)',
          render: (row) => {
            const record = recordOf(row);
            return record ? <RecordLink to={record.path}>{record.title}</RecordLink> : '';
          },
        },
        {
          id: 'assignee',
          label: t('quick.assignee'),
          width: 'minmax(130px, 1.3fr)',
          render: (row) => row.assignee.fullName,
        },
        {
          id: 'completedAt',
          label: t('tasks.fields.completedAt'),
          width: '150px',
          render: (row) => (row.completedAt ? format.instant(row.completedAt) : ''),
        },
        {
          id: 'createdAt',
          label: t('list.created'),
          width: '150px',
          sort: 'createdAt',
          render: (row) => format.instant(row.createdAt),
        },
        ...(onEdit
          ? [
              {
                id: 'actions',
                label: t('common.actions'),
                width: '110px',
                render: (row: Task) =>
                  row.permissions.edit ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => onEdit(row)}
                      aria-label={t('tasks.edit.action', { title: row.title })}
                      data-testid={`tasks-edit-${row.id}`}
                    >
                      {t('common.edit')}
                    </Button>
                  ) : (
                    ''
                  ),
              },
            ]
          : []),
      ],
      defaultColumns: ['done', 'title', 'dueAt', 'priority', 'status', 'record', 'assignee', 'actions'],
      sorts: [
        { value: 'dueAt', label: t('tasks.fields.dueAt') },
        { value: 'createdAt', label: t('list.created') },
      ],
      defaultFilters: { status: 'open' },
      defaultSort: 'dueAt',
      defaultOrder: 'asc',
      filters: [
        {
          key: 'status',
          label: t('quick.status'),
          kind: 'select',
          options: [...taskStatusOptions(t), { value: 'not-cancelled', label: t('tasks.notCancelled') }],
        },
        { key: 'overdue', label: t('tasks.overdue'), kind: 'select', options: yesNoOptions(t) },
        { key: 'assigneeId', label: t('quick.assignee'), kind: 'user' },
        { key: 'dueFrom', label: t('tasks.dueFrom'), kind: 'day' },
        { key: 'dueTo', label: t('tasks.dueTo'), kind: 'day' },
      ],
      toQuery: (state) => {
        const query = rawQuery(state);
        if (state.filters.dueFrom) query.dueFrom = startOfDayInstant(state.filters.dueFrom, format.timeZone);
        if (state.filters.dueTo) query.dueTo = startOfDayInstant(addDays(state.filters.dueTo, 1), format.timeZone);
        return query;
      },
      fetchPage: (query, signal) => findTasks(parseQuery(TasksQuery, query), signal),
      rowId: (row) => row.id,
      rowHref: (row) => recordOf(row)?.path ?? '/tasks',
      isDimmed: (row) => row.status !== 'open',
    };
    return definition;
  }, [t, format, onToggle, onEdit]);
}
