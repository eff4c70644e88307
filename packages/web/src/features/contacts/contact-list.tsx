import { Badge } from '@mantine/core';
import { type ContactSummary, ContactsQuery } from '@pulse/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findContacts } from '../../api/contacts.ts';
import { useFormat } from '../../shared/use-format.ts';
import { CompanyPicker } from '../companies/CompanyPicker.tsx';
import { archivedOptions, channelOptions, LIFECYCLE_COLORS, lifecycleOptions } from '../crm/labels.ts';
import { RECORD_PATHS, RecordLink } from '../crm/RecordLink.tsx';
import { UserName } from '../crm/UserName.tsx';
import type { FilterValues, ListDefinition } from '../list/list-types.ts';
import { parseQuery } from '../list/parse-query.ts';

/** The contacts list: columns, filters and sorts of GET /api/contacts. */
export function useContactList(fixed?: FilterValues): ListDefinition<ContactSummary> {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(
    () => ({
      entity: 'contacts',
      testId: 'contacts',
      label: t('contacts.title'),
      searchPlaceholder: t('contacts.search'),
      fixed,
      columns: [
        {
          id: 'name',
          label: t('contacts.fields.fullName'),
          width: 'minmax(180px, 2fr)',
          sort: 'name',
          render: (row) => <RecordLink to={RECORD_PATHS.contact(row.id)}>{row.fullName}</RecordLink>,
        },
        {
          id: 'position',
          label: t('contacts.fields.position'),
          width: 'minmax(130px, 1.3fr)',
          render: (row) => row.position ?? '',
        },
        {
          id: 'decisionMaker',
          label: t('contacts.decisionMaker'),
          width: '70px',
          render: (row) => (row.isDecisionMaker ? <Badge size="sm">{t('contacts.decisionMaker')}</Badge> : ''),
        },
        {
          id: 'company',
          label: t('contacts.fields.company'),
          width: 'minmax(170px, 2fr)',
          render: (row) =>
            row.companyId ? <RecordLink to={RECORD_PATHS.company(row.companyId)}>{row.companyName}</RecordLink> : '',
        },
        {
          id: 'phone',
          label: t('crm.phone'),
          width: '150px',
          render: (row) => (row.phone ? format.phone(row.phone) : ''),
        },
        { id: 'email', label: t('crm.email'), width: 'minmax(160px, 1.3fr)', render: (row) => row.email ?? '' },
        {
          id: 'lifecycle',
          label: t('companies.fields.lifecycle'),
          width: '120px',
          render: (row) =>
            row.lifecycle ? (
              <Badge size="sm" variant="light" color={LIFECYCLE_COLORS[row.lifecycle]}>
                {t(`crm.lifecycle.${row.lifecycle}`)}
              </Badge>
            ) : (
              ''
            ),
        },
        {
          id: 'owner',
          label: t('companies.fields.owner'),
          width: 'minmax(140px, 1.3fr)',
          render: (row) => <UserName id={row.ownerId} />,
        },
        { id: 'source', label: t('companies.fields.source'), width: '120px', render: (row) => row.source ?? '' },
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
      defaultColumns: ['name', 'position', 'decisionMaker', 'company', 'phone', 'email', 'owner'],
      sorts: [
        { value: 'name', label: t('contacts.fields.fullName') },
        { value: 'created', label: t('list.created') },
        { value: 'updated', label: t('list.updated') },
      ],
      defaultSort: 'name',
      defaultOrder: 'asc',
      filters: [
        {
          key: 'companyId',
          label: t('contacts.fields.company'),
          kind: 'custom',
          render: ({ label, value, onChange, testId }) => (
            <CompanyPicker label={label} value={value} onChange={(id) => onChange(id)} w={220} data-testid={testId} />
          ),
        },
        { key: 'ownerId', label: t('companies.fields.owner'), kind: 'user' },
        { key: 'lifecycle', label: t('companies.fields.lifecycle'), kind: 'select', options: lifecycleOptions(t) },
        { key: 'channel', label: t('companies.fields.channel'), kind: 'select', options: channelOptions(t) },
        { key: 'region', label: t('companies.fields.region'), kind: 'text' },
        { key: 'archived', label: t('crm.archivedFilter'), kind: 'select', options: archivedOptions(t) },
      ],
      fetchPage: (query, signal) => findContacts(parseQuery(ContactsQuery, query), signal),
      rowId: (row) => row.id,
      rowHref: (row) => RECORD_PATHS.contact(row.id),
      isDimmed: (row) => row.archivedAt !== null,
    }),
    [t, format, fixed],
  );
}
