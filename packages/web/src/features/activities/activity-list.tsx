import { ActionIcon, Badge, Group } from '@mantine/core';
import { ActivitiesQuery, type Activity } from '@pulse/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findActivities } from '../../api/activities.ts';
import { addDays, startOfDayInstant } from '../../shared/format.ts';
import { useFormat } from '../../shared/use-format.ts';
import { CompanyPicker } from '../companies/CompanyPicker.tsx';
import { activityKindOptions, activityStatusOptions, directionOptions } from '../crm/labels.ts';
import { RECORD_PATHS, RecordLink } from '../crm/RecordLink.tsx';
import { recordOf } from '../crm/record-of.ts';
import { rawQuery } from '../list/list-state.ts';
import type { ListDefinition } from '../list/list-types.ts';
import { parseQuery } from '../list/parse-query.ts';

const KIND_COLORS = { call: 'indigo', meeting: 'grape', email: 'cyan', note: 'gray' } as const;

/** What the list's row buttons open; both are dialogs of the page. */
export interface ActivityRowActions {
  onEdit(activity: Activity): void;
  onDelete(activity: Activity): void;
}

/** The activities list: calls, meetings, e-mails and notes, newest first. */
export function useActivityList(actions?: ActivityRowActions): ListDefinition<Activity> {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const definition: ListDefinition<Activity> = {
      entity: 'activities',
      testId: 'activities',
      label: t('activities.title'),
      searchPlaceholder: t('activities.search'),
      columns: [
        // First, so the buttons stay in view however wide the chosen columns make the table.
        // Each row carries what the server lets this user do with it.
        ...(actions
          ? [
              {
                id: 'actions',
                label: t('common.actions'),
                width: '72px',
                render: (row: Activity) => (
                  <Group gap={2} wrap="nowrap">
                    {row.permissions.edit && (
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        onClick={() => actions.onEdit(row)}
                        aria-label={t('common.edit')}
                        title={t('common.edit')}
                        data-testid={`activities-edit-${row.id}`}
                      >
                        ✎
                      </ActionIcon>
                    )}
                    {row.permissions.delete && (
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        color="red"
                        onClick={() => actions.onDelete(row)}
                        aria-label={t('common.delete')}
                        title={t('common.delete')}
                        data-testid={`activities-delete-${row.id}`}
                      >
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                ),
              },
            ]
          : []),
        {
          id: 'occurredAt',
          label: t('activities.fields.occurredAt'),
          width: '150px',
          sort: 'occurredAt',
          render: (row) => format.instant(row.occurredAt),
        },
        {
          id: 'kind',
          label: t('activities.fields.kind'),
          width: '110px',
          render: (row) => (
            <Badge size="sm" variant="light" color={KIND_COLORS[row.kind]}>
              {t(`crm.activityKind.${row.kind}`)}
            </Badge>
          ),
        },
        {
          id: 'direction',
          label: t('quick.direction'),
          width: '110px',
          render: (row) => (row.direction ? t(`crm.direction.${row.direction}`) : ''),
        },
        {
          id: 'status',
          label: t('quick.status'),
          width: '120px',
          render: (row) => t(`crm.activityStatus.${row.status}`),
        },
        {
          id: 'subject',
          label: t('quick.subject'),
          width: 'minmax(180px, 2fr)',
          render: (row) => row.subject ?? row.body ?? '',
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
          id: 'company',
          label: t('deals.fields.company'),
          width: 'minmax(150px, 1.5fr)',
          render: (row) =>
            row.company ? <RecordLink to={RECORD_PATHS.company(row.company.id)}>{row.company.title}</RecordLink> : '',
        },
        {
          id: 'user',
          label: t('activities.fields.user'),
          width: 'minmax(130px, 1.2fr)',
          render: (row) => row.user?.fullName ?? '',
        },
        {
          id: 'duration',
          label: t('activities.fields.duration'),
          width: '100px',
          align: 'right',
          render: (row) => (row.durationSec ? format.duration(row.durationSec * 1000) : ''),
        },
        { id: 'result', label: t('quick.result'), width: 'minmax(140px, 1.5fr)', render: (row) => row.result ?? '' },
        {
          id: 'phone',
          label: t('crm.phone'),
          width: '150px',
          render: (row) => (row.phone ? format.phone(row.phone) : ''),
        },
        {
          id: 'createdAt',
          label: t('list.created'),
          width: '150px',
          sort: 'createdAt',
          render: (row) => format.instant(row.createdAt),
        },
      ],
      defaultColumns: ['actions', 'occurredAt', 'kind', 'direction', 'status', 'subject', 'record', 'user', 'duration'],
      sorts: [
        { value: 'occurredAt', label: t('activities.fields.occurredAt') },
        { value: 'createdAt', label: t('list.created') },
      ],
      defaultSort: 'occurredAt',
      defaultOrder: 'desc',
      filters: [
        { key: 'kind', label: t('activities.fields.kind'), kind: 'select', options: activityKindOptions(t) },
        { key: 'direction', label: t('quick.direction'), kind: 'select', options: directionOptions(t) },
        { key: 'status', label: t('quick.status'), kind: 'select', options: activityStatusOptions(t) },
        { key: 'userId', label: t('activities.fields.user'), kind: 'user' },
        {
          key: 'companyId',
          label: t('deals.fields.company'),
          kind: 'custom',
          render: ({ label, value, onChange, testId }) => (
            <CompanyPicker label={label} value={value} onChange={(id) => onChange(id)} w={220} data-testid={testId} />
          ),
        },
        { key: 'from', label: t('activities.from'), kind: 'day' },
        { key: 'to', label: t('activities.to'), kind: 'day' },
      ],
      toQuery: (state) => {
        const query = rawQuery(state);
        if (state.filters.from) query.from = startOfDayInstant(state.filters.from, format.timeZone);
        if (state.filters.to) query.to = startOfDayInstant(addDays(state.filters.to, 1), format.timeZone);
        return query;
      },
      fetchPage: (query, signal) => findActivities(parseQuery(ActivitiesQuery, query), signal),
      rowId: (row) => row.id,
      rowHref: (row) => recordOf(row)?.path ?? '/activities',
      isDimmed: (row) => row.status === 'cancelled',
    };
    return definition;
  }, [t, format, actions]);
}
