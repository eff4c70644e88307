import { Badge } from '@mantine/core';
import { type Deal, DealsQuery } from '@pulse/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findDeals } from '../../api/deals.ts';
import { addDays, startOfDayInstant } from '../../shared/format.ts';
import { useFormat } from '../../shared/use-format.ts';
import { CompanyPicker } from '../companies/CompanyPicker.tsx';
import { channelOptions, DEAL_STATUS_COLORS, dealStatusOptions, yesNoOptions } from '../crm/labels.ts';
import { RECORD_PATHS, RecordLink } from '../crm/RecordLink.tsx';
import { rawQuery } from '../list/list-state.ts';
import type { FilterValues, ListDefinition } from '../list/list-types.ts';
import { parseQuery } from '../list/parse-query.ts';
import { DealFlags } from './DealFlags.tsx';
import { usePipelines } from './use-pipelines.ts';

/** The deals list: columns, filters and sorts of GET /api/deals. */
export function useDealList(fixed?: FilterValues): ListDefinition<Deal> {
  const { t } = useTranslation();
  const format = useFormat();
  const pipelines = usePipelines();
  return useMemo(() => {
    const all = pipelines.data ?? [];
    const pipelineOptions = all.map((pipeline) => ({ value: pipeline.id, label: pipeline.name }));
    const stageOptions = all.flatMap((pipeline) =>
      pipeline.stages
        .filter((stage) => !stage.archived)
        .map((stage) => ({ value: stage.id, label: all.length > 1 ? `${pipeline.name} · ${stage.name}` : stage.name })),
    );
    const definition: ListDefinition<Deal> = {
      entity: 'deals',
      testId: 'deals',
      label: t('deals.title'),
      searchPlaceholder: t('deals.search'),
      fixed,
      columns: [
        {
          id: 'title',
          label: t('deals.fields.title'),
          width: 'minmax(200px, 2.5fr)',
          sort: 'title',
          render: (row) => <RecordLink to={RECORD_PATHS.deal(row.id)}>{row.title}</RecordLink>,
        },
        {
          id: 'company',
          label: t('deals.fields.company'),
          width: 'minmax(160px, 2fr)',
          render: (row) =>
            row.companyId ? <RecordLink to={RECORD_PATHS.company(row.companyId)}>{row.companyName}</RecordLink> : '',
        },
        { id: 'stage', label: t('deals.fields.stage'), width: 'minmax(120px, 1.2fr)', render: (row) => row.stageName },
        {
          id: 'status',
          label: t('deals.fields.status'),
          width: '100px',
          render: (row) => (
            <Badge size="sm" variant="light" color={DEAL_STATUS_COLORS[row.status]}>
              {t(`crm.dealStatus.${row.status}`)}
            </Badge>
          ),
        },
        {
          id: 'amount',
          label: t('deals.fields.amount'),
          width: '150px',
          sort: 'amount',
          align: 'right',
          render: (row) => format.money(row.amountMinor, row.currency),
        },
        {
          id: 'probability',
          label: t('deals.fields.probability'),
          width: '80px',
          align: 'right',
          render: (row) => `${row.probability} %`,
        },
        { id: 'owner', label: t('deals.fields.owner'), width: 'minmax(140px, 1.3fr)', render: (row) => row.ownerName },
        {
          id: 'expectedClose',
          label: t('deals.fields.expectedClose'),
          width: '130px',
          sort: 'expectedClose',
          render: (row) => (row.expectedCloseDate ? format.day(row.expectedCloseDate) : ''),
        },
        {
          id: 'flags',
          label: t('deals.fields.flags'),
          width: '170px',
          render: (row) => <DealFlags isRotting={row.isRotting} noNextStep={row.noNextStep} />,
        },
        {
          id: 'pipeline',
          label: t('deals.fields.pipeline'),
          width: 'minmax(120px, 1fr)',
          render: (row) => row.pipelineName,
        },
        {
          id: 'contact',
          label: t('deals.fields.contact'),
          width: 'minmax(140px, 1.3fr)',
          render: (row) => row.contactName ?? '',
        },
        {
          id: 'channel',
          label: t('companies.fields.channel'),
          width: '120px',
          render: (row) => (row.channel ? t(`crm.channel.${row.channel}`) : ''),
        },
        { id: 'territory', label: t('deals.fields.territory'), width: '120px', render: (row) => row.territory ?? '' },
        {
          id: 'nextStep',
          label: t('deals.fields.nextStep'),
          width: 'minmax(140px, 1.5fr)',
          render: (row) => row.nextStep ?? '',
        },
        {
          id: 'lostReason',
          label: t('deals.fields.lostReason'),
          width: '140px',
          render: (row) => row.lostReasonName ?? '',
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
      defaultColumns: ['title', 'company', 'stage', 'status', 'amount', 'owner', 'expectedClose', 'flags'],
      sorts: [
        { value: 'updated', label: t('list.updated') },
        { value: 'created', label: t('list.created') },
        { value: 'amount', label: t('deals.fields.amount') },
        { value: 'expectedClose', label: t('deals.fields.expectedClose') },
        { value: 'title', label: t('deals.fields.title') },
      ],
      defaultSort: 'updated',
      defaultOrder: 'desc',
      filters: [
        { key: 'status', label: t('deals.fields.status'), kind: 'select', options: dealStatusOptions(t) },
        { key: 'ownerId', label: t('deals.fields.owner'), kind: 'user' },
        { key: 'pipelineId', label: t('deals.fields.pipeline'), kind: 'select', options: pipelineOptions },
        { key: 'stageId', label: t('deals.fields.stage'), kind: 'select', options: stageOptions },
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
        { key: 'expectedCloseFrom', label: t('deals.closeFrom'), kind: 'day' },
        { key: 'expectedCloseTo', label: t('deals.closeTo'), kind: 'day' },
        { key: 'closedFrom', label: t('deals.closedFrom'), kind: 'day' },
        { key: 'closedTo', label: t('deals.closedTo'), kind: 'day' },
        { key: 'rotting', label: t('deals.rotting'), kind: 'select', options: yesNoOptions(t) },
        { key: 'noNextStep', label: t('deals.noNextStep'), kind: 'select', options: yesNoOptions(t) },
      ],
      // Closing days are picked in the user's zone; the API filters by instants.
      toQuery: (state) => {
        const query = rawQuery(state);
        const { closedFrom, closedTo } = state.filters;
        if (closedFrom) query.closedFrom = startOfDayInstant(closedFrom, format.timeZone);
        if (closedTo) query.closedTo = startOfDayInstant(addDays(closedTo, 1), format.timeZone);
        return query;
      },
      fetchPage: (query, signal) => findDeals(parseQuery(DealsQuery, query), signal),
      rowId: (row) => row.id,
      rowHref: (row) => RECORD_PATHS.deal(row.id),
      isDimmed: (row) => row.status === 'lost',
    };
    return definition;
  }, [t, format, fixed, pipelines.data]);
}
