import { Badge } from '@mantine/core';
import { CompaniesQuery, type CompanySummary } from '@pulse/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findCompanies } from '../../api/companies.ts';
import { useFormat } from '../../shared/use-format.ts';
import { archivedOptions, channelOptions, LIFECYCLE_COLORS, lifecycleOptions, yesNoOptions } from '../crm/labels.ts';
import { RECORD_PATHS, RecordLink } from '../crm/RecordLink.tsx';
import { UserName } from '../crm/UserName.tsx';
import type { FilterValues, ListDefinition } from '../list/list-types.ts';
import { parseQuery } from '../list/parse-query.ts';

/** The companies list: columns, filters and sorts of GET /api/companies. */
export function useCompanyList(fixed?: FilterValues): ListDefinition<CompanySummary> {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(
    () => ({
      entity: 'companies',
      testId: 'companies',
      label: t('companies.title'),
      searchPlaceholder: t('companies.search'),
      fixed,
      columns: [
        {
          id: 'name',
          label: t('companies.fields.name'),
          width: 'minmax(200px, 3fr)',
          sort: 'name',
          render: (row) => <RecordLink to={RECORD_PATHS.company(row.id)}>{row.name}</RecordLink>,
        },
        { id: 'inn', label: t('companies.fields.inn'), width: '120px', render: (row) => row.inn ?? '' },
        {
          id: 'lifecycle',
          label: t('companies.fields.lifecycle'),
          width: '140px',
          render: (row) => (
            <Badge size="sm" variant="light" color={LIFECYCLE_COLORS[row.lifecycle]}>
              {t(`crm.lifecycle.${row.lifecycle}`)}
            </Badge>
          ),
        },
        {
          id: 'keyAccount',
          label: t('companies.key'),
          width: '100px',
          render: (row) => (row.isKeyAccount ? <Badge size="sm">{t('companies.key')}</Badge> : ''),
        },
        {
          id: 'owner',
          label: t('companies.fields.owner'),
          width: 'minmax(140px, 1.5fr)',
          render: (row) => <UserName id={row.ownerId} />,
        },
        { id: 'city', label: t('companies.fields.city'), width: 'minmax(110px, 1fr)', render: (row) => row.city ?? '' },
        {
          id: 'region',
          label: t('companies.fields.region'),
          width: 'minmax(120px, 1fr)',
          render: (row) => row.region ?? '',
        },
        {
          id: 'channel',
          label: t('companies.fields.channel'),
          width: '130px',
          render: (row) => (row.channel ? t(`crm.channel.${row.channel}`) : ''),
        },
        {
          id: 'industry',
          label: t('companies.fields.industry'),
          width: 'minmax(120px, 1fr)',
          render: (row) => row.industry ?? '',
        },
        { id: 'segment', label: t('companies.fields.segment'), width: '110px', render: (row) => row.segment ?? '' },
        {
          id: 'phone',
          label: t('companies.fields.phone'),
          width: '150px',
          render: (row) => (row.phone ? format.phone(row.phone) : ''),
        },
        {
          id: 'email',
          label: t('companies.fields.email'),
          width: 'minmax(160px, 1.3fr)',
          render: (row) => row.email ?? '',
        },
        {
          id: 'lastPurchase',
          label: t('companies.fields.lastPurchase'),
          width: '130px',
          render: (row) => (row.lastPurchaseDay ? format.day(row.lastPurchaseDay) : ''),
        },
        {
          id: 'created',
          label: t('list.created'),
          width: '150px',
          sort: 'created',
          render: (row) => format.instant(row.createdAt),
        },
        {
          id: 'updated',
          label: t('list.updated'),
          width: '150px',
          sort: 'updated',
          render: (row) => format.instant(row.updatedAt),
        },
      ],
      defaultColumns: ['name', 'inn', 'lifecycle', 'keyAccount', 'owner', 'city', 'channel', 'phone'],
      sorts: [
        { value: 'name', label: t('companies.fields.name') },
        { value: 'created', label: t('list.created') },
        { value: 'updated', label: t('list.updated') },
      ],
      defaultSort: 'name',
      defaultOrder: 'asc',
      filters: [
        { key: 'ownerId', label: t('companies.fields.owner'), kind: 'user' },
        { key: 'lifecycle', label: t('companies.fields.lifecycle'), kind: 'select', options: lifecycleOptions(t) },
        { key: 'channel', label: t('companies.fields.channel'), kind: 'select', options: channelOptions(t) },
        { key: 'keyAccount', label: t('companies.fields.keyAccount'), kind: 'select', options: yesNoOptions(t) },
        { key: 'region', label: t('companies.fields.region'), kind: 'text' },
        { key: 'segment', label: t('companies.fields.segment'), kind: 'text' },
        { key: 'archived', label: t('crm.archivedFilter'), kind: 'select', options: archivedOptions(t) },
      ],
      fetchPage: (query, signal) => findCompanies(parseQuery(CompaniesQuery, query), signal),
      rowId: (row) => row.id,
      rowHref: (row) => RECORD_PATHS.company(row.id),
      isDimmed: (row) => row.archivedAt !== null,
    }),
    [t, format, fixed],
  );
}
