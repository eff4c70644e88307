import { ActionIcon, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import type { KpiCatalogEntry, KpiTarget } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiTargetFilters } from '../../api/kpi.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { formatDay } from '../../shared/format.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useMe } from '../auth/session.tsx';
import { UserPicker } from '../people/UserPicker.tsx';
import { useUnits } from '../structure/use-units.ts';
import { FromGoalsModal } from './FromGoalsModal.tsx';
import { KpiTargetFormModal } from './KpiTargetFormModal.tsx';
import { formatFigure } from './kpi-target-values.ts';
import { useDeleteKpiTarget, useKpiCatalog, useKpiTargets } from './use-kpi-targets.ts';

/**
 * KPI targets with red / amber / green thresholds: the list within the user's scope with filters,
 * a form to set or edit one, and "from SMART goals" for a month.
 */
export function KpiTargetsPage() {
  const { t } = useTranslation();
  const catalog = useKpiCatalog();
  const units = useUnits();
  const [filters, setFilters] = useState<KpiTargetFilters>({});
  const [editing, setEditing] = useState<{ target: KpiTarget | null } | null>(null);
  const [fromGoals, setFromGoals] = useState(false);
  const set = (patch: KpiTargetFilters) => setFilters((current) => ({ ...current, ...patch }));
  const entries = catalog.data?.items ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageTitle>{t('kpiTargets.title')}</PageTitle>
        <Group gap="xs">
          <Button variant="light" onClick={() => setFromGoals(true)} data-testid="kpi-targets-from-goals">
            {t('kpiTargets.fromGoals.button')}
          </Button>
          <Button
            onClick={() => setEditing({ target: null })}
            disabled={entries.length === 0}
            data-testid="kpi-targets-create"
          >
            {t('kpiTargets.create')}
          </Button>
        </Group>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap" data-testid="kpi-targets-filters">
        <Select
          label={t('kpiTargets.fields.kpi')}
          placeholder={t('kpiTargets.filters.allKpis')}
          data={entries.map((entry) => ({ value: entry.id, label: t(`kpi.names.${entry.id}`) }))}
          value={filters.kpiId ?? null}
          onChange={(kpiId) => set({ kpiId })}
          clearable
          searchable
          w={220}
          data-testid="kpi-targets-filter-kpi"
        />
        <UserPicker
          label={t('kpiTargets.subject.user')}
          value={filters.userId ?? null}
          onChange={(userId) => set({ userId })}
          includeInactive
          data-testid="kpi-targets-filter-user"
        />
        <Select
          label={t('kpiTargets.subject.unit')}
          placeholder={t('kpiTargets.filters.allUnits')}
          data={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          value={filters.unitId ?? null}
          onChange={(unitId) => set({ unitId })}
          clearable
          searchable
          w={220}
          data-testid="kpi-targets-filter-unit"
        />
        <TextInput
          type="date"
          label={t('kpiTargets.filters.from')}
          value={filters.from ?? ''}
          onChange={(event) => set({ from: event.currentTarget.value || null })}
          data-testid="kpi-targets-filter-from"
        />
        <TextInput
          type="date"
          label={t('kpiTargets.filters.to')}
          value={filters.to ?? ''}
          onChange={(event) => set({ to: event.currentTarget.value || null })}
          data-testid="kpi-targets-filter-to"
        />
      </Group>
      {catalog.error ? (
        <QueryError error={catalog.error} onRetry={() => catalog.refetch()} />
      ) : (
        <TargetTable filters={filters} catalog={entries} onEdit={(target) => setEditing({ target })} />
      )}
      <KpiTargetFormModal editing={editing} catalog={entries} onClose={() => setEditing(null)} />
      <FromGoalsModal opened={fromGoals} onClose={() => setFromGoals(false)} />
    </Stack>
  );
}

function TargetTable({
  filters,
  catalog,
  onEdit,
}: {
  filters: KpiTargetFilters;
  catalog: readonly KpiCatalogEntry[];
  onEdit(target: KpiTarget): void;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const targets = useKpiTargets(filters);
  const remove = useDeleteKpiTarget();
  const items = targets.data?.pages.flatMap((page) => page.items) ?? [];
  const currency = me.organization.currency;
  const figure = (target: KpiTarget, value: number) => {
    const kpi = catalog.find((entry) => entry.id === target.kpiId);
    return kpi ? formatFigure(kpi.unit, value, i18n.language, currency) : String(value);
  };

  if (targets.error) return <QueryError error={targets.error} onRetry={() => targets.refetch()} />;
  if (!targets.isPending && items.length === 0) {
    return (
      <Text c="dimmed" data-testid="kpi-targets-empty">
        {t('kpiTargets.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Table striped highlightOnHover data-testid="kpi-targets-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('kpiTargets.fields.kpi')}</Table.Th>
            <Table.Th>{t('kpiTargets.fields.subject')}</Table.Th>
            <Table.Th>{t('kpiTargets.fields.grain')}</Table.Th>
            <Table.Th>{t('kpiTargets.fields.period')}</Table.Th>
            <Table.Th ta="right">{t('kpiTargets.fields.target')}</Table.Th>
            <Table.Th ta="right">{t('kpiTargets.fields.greenAt')}</Table.Th>
            <Table.Th ta="right">{t('kpiTargets.fields.amberAt')}</Table.Th>
            <Table.Th>{t('kpiTargets.fields.source')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((target) => (
            <Table.Tr key={target.id} data-testid="kpi-target-row">
              <Table.Td>{t(`kpi.names.${target.kpiId}`)}</Table.Td>
              <Table.Td>{target.subjectName}</Table.Td>
              <Table.Td>{t(`kpiTargets.grains.${target.grain}`)}</Table.Td>
              <Table.Td>
                {formatDay(target.periodFrom, i18n.language)} – {formatDay(target.periodTo, i18n.language)}
              </Table.Td>
              <Table.Td ta="right">{figure(target, target.target)}</Table.Td>
              <Table.Td ta="right">
                <Text span c="teal.7" size="sm">
                  {figure(target, target.greenAt)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text span c="yellow.8" size="sm">
                  {figure(target, target.amberAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={target.source === 'smart-goal' ? 'indigo' : 'gray'}
                  tt="none"
                  style={{ overflow: 'visible' }}
                  styles={{ label: { overflow: 'visible' } }}
                >
                  {t(`kpiTargets.sources.${target.source}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button size="xs" variant="subtle" onClick={() => onEdit(target)} data-testid="kpi-target-edit">
                    {t('common.edit')}
                  </Button>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('common.delete')}
                    loading={remove.isPending && remove.variables?.id === target.id}
                    onClick={() => {
                      if (!window.confirm(t('kpiTargets.confirmDelete'))) return;
                      remove.mutate(target, {
                        onSuccess: () => notifySuccess(t('kpiTargets.deleted')),
                        onError: (error) => notifyError(errorMessage(error)),
                      });
                    }}
                    data-testid="kpi-target-delete"
                  >
                    ×
                  </ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {targets.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => targets.fetchNextPage()} loading={targets.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
