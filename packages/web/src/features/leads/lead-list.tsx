import { Badge, Group } from '@mantine/core';
import { type Lead, LeadsQuery } from '@pulse/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findLeads } from '../../api/leads.ts';
import { addDays, startOfDayInstant } from '../../shared/format.ts';
import { useFormat } from '../../shared/use-format.ts';
import { leadSourceOptions, leadStatusOptions } from '../crm/labels.ts';
import { RECORD_PATHS, RecordLink } from '../crm/RecordLink.tsx';
import { rawQuery } from '../list/list-state.ts';
import type { FilterValues, ListDefinition } from '../list/list-types.ts';
import { parseQuery } from '../list/parse-query.ts';
import { unitOptions } from '../structure/unit-options.ts';
import { useUnits } from '../structure/use-units.ts';

export const LEAD_STATUS_COLORS = {
  new: 'blue',
  working: 'cyan',
  qualified: 'teal',
  unqualified: 'gray',
  handed_off: 'indigo',
  converted: 'green',
} as const;

/** The leads list: columns, filters and sorts of GET /api/leads. */
/** Day filters the API takes as instants: [from, to), the last day included. */
const DAY_RANGES = [
  ['arrivedFrom', 'arrivedTo'],
  ['handedOffFrom', 'handedOffTo'],
  ['touchedFrom', 'touchedTo'],
] as const;

export function useLeadList(fixed?: FilterValues): ListDefinition<Lead> {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const units = useUnits();
  return useMemo(() => {
    const definition: ListDefinition<Lead> = {
      entity: 'leads',
      testId: 'leads',
      label: t('leads.title'),
      searchPlaceholder: t('leads.search'),
      fixed,
      columns: [
        {
          id: 'title',
          label: t('leads.fields.title'),
          width: 'minmax(200px, 2.5fr)',
          render: (row) => <RecordLink to={RECORD_PATHS.lead(row.id)}>{row.title}</RecordLink>,
        },
        {
          id: 'status',
          label: t('leads.fields.status'),
          width: '160px',
          render: (row) => (
            <Group gap={4} wrap="nowrap">
              <Badge size="sm" variant="light" color={LEAD_STATUS_COLORS[row.status]}>
                {t(`crm.leadStatus.${row.status}`)}
              </Badge>
              {row.overdueResponse && (
                <Badge size="sm" color="red" variant="filled">
                  {t('leads.late')}
                </Badge>
              )}
            </Group>
          ),
        },
        {
          id: 'source',
          label: t('leads.fields.source'),
          width: '140px',
          render: (row) => t(`crm.leadSource.${row.source}`),
        },
        {
          id: 'company',
          label: t('leads.fields.companyName'),
          width: 'minmax(150px, 1.5fr)',
          render: (row) => row.companyName ?? '',
        },
        {
          id: 'contact',
          label: t('leads.fields.contactName'),
          width: 'minmax(140px, 1.3fr)',
          render: (row) => row.contactName ?? '',
        },
        {
          id: 'phone',
          label: t('crm.phone'),
          width: '150px',
          render: (row) => (row.phone ? format.phone(row.phone) : ''),
        },
        { id: 'email', label: t('crm.email'), width: 'minmax(150px, 1.2fr)', render: (row) => row.email ?? '' },
        {
          id: 'assignee',
          label: t('leads.fields.assignee'),
          width: 'minmax(130px, 1.2fr)',
          render: (row) => row.assignee?.fullName ?? '',
        },
        {
          id: 'qualifier',
          label: t('leads.fields.qualifier'),
          width: 'minmax(130px, 1.2fr)',
          render: (row) => row.qualifier?.fullName ?? '',
        },
        {
          id: 'arrived',
          label: t('leads.fields.arrivedAt'),
          width: '150px',
          sort: 'arrived',
          render: (row) => format.instant(row.arrivedAt),
        },
        {
          id: 'response',
          label: t('leads.fields.response'),
          width: '130px',
          render: (row) =>
            row.responseMs !== null
              ? format.duration(row.responseMs)
              : row.waitingMs !== null
                ? t('leads.waitingFor', { time: format.duration(row.waitingMs) })
                : '',
        },
        {
          id: 'updated',
          label: t('list.updated'),
          width: '150px',
          sort: 'updated',
          render: (row) => format.instant(row.updatedAt),
        },
      ],
      defaultColumns: ['title', 'status', 'source', 'company', 'contact', 'phone', 'assignee', 'arrived', 'response'],
      sorts: [
        { value: 'arrived', label: t('leads.fields.arrivedAt') },
        { value: 'updated', label: t('list.updated') },
      ],
      defaultSort: 'arrived',
      defaultOrder: 'desc',
      filters: [
        { key: 'status', label: t('leads.fields.status'), kind: 'select', options: leadStatusOptions(t) },
        { key: 'source', label: t('leads.fields.source'), kind: 'select', options: leadSourceOptions(t) },
        {
          key: 'waiting',
          label: t('leads.waitingFilter'),
          kind: 'select',
          options: [{ value: 'overdue', label: t('leads.late') }],
        },
        { key: 'assigneeId', label: t('leads.fields.assignee'), kind: 'user' },
        { key: 'qualifierId', label: t('leads.fields.qualifier'), kind: 'user' },
        { key: 'takerId', label: t('leads.taker'), kind: 'user' },
        {
          key: 'unitId',
          label: t('leads.fields.unit'),
          kind: 'select',
          options: unitOptions(units.data ?? [], i18n.language),
        },
        { key: 'arrivedFrom', label: t('leads.arrivedFrom'), kind: 'day' },
        { key: 'arrivedTo', label: t('leads.arrivedTo'), kind: 'day' },
        { key: 'handedOffFrom', label: t('leads.handedOffFrom'), kind: 'day' },
        { key: 'handedOffTo', label: t('leads.handedOffTo'), kind: 'day' },
        { key: 'touchedFrom', label: t('leads.touchedFrom'), kind: 'day' },
        { key: 'touchedTo', label: t('leads.touchedTo'), kind: 'day' },
      ],
      // Days are picked in the user's zone; the API filters by instants.
      toQuery: (state) => {
        const query = rawQuery(state);
        for (const [from, to] of DAY_RANGES) {
          const first = state.filters[from];
          const last = state.filters[to];
          if (first) query[from] = startOfDayInstant(first, format.timeZone);
          if (last) query[to] = startOfDayInstant(addDays(last, 1), format.timeZone);
        }
        return query;
      },
      fetchPage: (query, signal) => findLeads(parseQuery(LeadsQuery, query), signal),
      rowId: (row) => row.id,
      rowHref: (row) => RECORD_PATHS.lead(row.id),
      isDimmed: (row) => row.status === 'unqualified' || row.status === 'converted',
    };
    return definition;
  }, [t, i18n.language, format, fixed, units.data]);
}
