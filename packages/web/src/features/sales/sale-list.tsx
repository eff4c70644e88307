import { ActionIcon } from '@mantine/core';
import { type Sale, SalesQuery } from '@pulse/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findSales } from '../../api/sales.ts';
import { useFormat } from '../../shared/use-format.ts';
import { CompanyPicker } from '../companies/CompanyPicker.tsx';
import { channelOptions } from '../crm/labels.ts';
import { RECORD_PATHS, RecordLink } from '../crm/RecordLink.tsx';
import type { ListDefinition } from '../list/list-types.ts';
import { parseQuery } from '../list/parse-query.ts';

/** Sales lines: the fact table of won deals and direct sales, newest first; lines entered directly can be deleted. */
export function useSaleList(onDelete?: (sale: Sale) => void): ListDefinition<Sale> {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const definition: ListDefinition<Sale> = {
      entity: 'sales',
      testId: 'sales',
      label: t('sales.title'),
      columns: [
        // First, so the button stays in view however wide the chosen columns make the table. The
        // server says, line by line, whether this user may delete it.
        ...(onDelete
          ? [
              {
                id: 'actions',
                label: t('common.actions'),
                width: '72px',
                render: (row: Sale) =>
                  row.permissions.delete ? (
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="red"
                      onClick={() => onDelete(row)}
                      aria-label={t('sales.delete.title')}
                      title={t('sales.delete.title')}
                      data-testid={`sales-delete-${row.id}`}
                    >
                      ×
                    </ActionIcon>
                  ) : (
                    ''
                  ),
              },
            ]
          : []),
        { id: 'date', label: t('sales.fields.date'), width: '120px', render: (row) => format.day(row.saleDate) },
        {
          id: 'company',
          label: t('deals.fields.company'),
          width: 'minmax(180px, 2fr)',
          render: (row) =>
            row.companyId ? <RecordLink to={RECORD_PATHS.company(row.companyId)}>{row.companyName}</RecordLink> : '',
        },
        {
          id: 'product',
          label: t('lines.product'),
          width: 'minmax(180px, 2fr)',
          render: (row) => row.productName ?? '',
        },
        {
          id: 'quantity',
          label: t('lines.quantity'),
          width: '90px',
          align: 'right',
          render: (row) => String(row.quantity),
        },
        {
          id: 'amount',
          label: t('lines.amount'),
          width: '150px',
          align: 'right',
          render: (row) => format.money(row.amountMinor, row.currency),
        },
        {
          id: 'owner',
          label: t('deals.fields.owner'),
          width: 'minmax(140px, 1.3fr)',
          render: (row) => row.ownerName ?? '',
        },
        {
          id: 'channel',
          label: t('companies.fields.channel'),
          width: '130px',
          render: (row) => (row.channel ? t(`crm.channel.${row.channel}`) : ''),
        },
        { id: 'territory', label: t('deals.fields.territory'), width: '130px', render: (row) => row.territory ?? '' },
        {
          id: 'deal',
          label: t('deals.fields.title'),
          width: '110px',
          render: (row) =>
            row.dealId ? <RecordLink to={RECORD_PATHS.deal(row.dealId)}>{t('sales.openDeal')}</RecordLink> : '',
        },
        {
          id: 'externalRef',
          label: t('sales.fields.externalRef'),
          width: '130px',
          render: (row) => row.externalRef ?? '',
        },
      ],
      defaultColumns: ['actions', 'date', 'company', 'product', 'quantity', 'amount', 'owner', 'channel', 'deal'],
      sorts: [],
      defaultSort: null,
      defaultOrder: 'desc',
      filters: [
        { key: 'from', label: t('activities.from'), kind: 'day' },
        { key: 'to', label: t('activities.to'), kind: 'day' },
        { key: 'ownerId', label: t('deals.fields.owner'), kind: 'user' },
        {
          key: 'companyId',
          label: t('deals.fields.company'),
          kind: 'custom',
          render: ({ label, value, onChange, testId }) => (
            <CompanyPicker label={label} value={value} onChange={(id) => onChange(id)} w={220} data-testid={testId} />
          ),
        },
        { key: 'channel', label: t('companies.fields.channel'), kind: 'select', options: channelOptions(t) },
        { key: 'territory', label: t('deals.fields.territory'), kind: 'text' },
      ],
      fetchPage: (query, signal) => findSales(parseQuery(SalesQuery, query), signal),
      rowId: (row) => row.id,
      rowHref: (row) =>
        row.dealId ? RECORD_PATHS.deal(row.dealId) : row.companyId ? RECORD_PATHS.company(row.companyId) : '/sales',
    };
    return definition;
  }, [t, format, onDelete]);
}
