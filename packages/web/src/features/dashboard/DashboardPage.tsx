import { Group, Loader, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type Dashboard, DashboardPeriodKind, type KpiCatalogId, type KpiCatalogUnit } from '@pulse/contracts';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { formatDay, formatInstant, parseDay } from '../../shared/format.ts';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useMe } from '../auth/session.tsx';
import { unitOptions } from '../structure/unit-options.ts';
import { useUnits } from '../structure/use-units.ts';
import { appPath, parsePeriod, repCardPath, unitsInScope } from './dashboard-values.ts';
import type { GridRow } from './KpiGrid.tsx';
import { KpiGridCard } from './KpiGridCard.tsx';
import { Leaderboard } from './Leaderboard.tsx';
import { RedFlagsPanel } from './RedFlagsPanel.tsx';
import { TeamTotals } from './TeamTotals.tsx';
import { useDashboard, useKpiUnits } from './use-dashboard.ts';

/**
 * The head of sales' Pulse: for today, the week or the month to date, every KPI per rep and team
 * against its target as a traffic light, plan attainment and forecast, the leaderboard and today's
 * red flags. Period and unit live in the URL, so a view can be bookmarked or sent; the figures
 * refresh every 30 s.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const period = parsePeriod(params.get('period'));
  const unitId = params.get('unitId');
  const date = parseDay(params.get('date'));
  const dashboard = useDashboard({ period, unitId, date });
  const units = useUnits({ enabled: me.scope.kind === 'organisation' || me.scope.unitIds.length > 0 });
  const kpiUnits = useKpiUnits();
  const unitChoices = useMemo(
    () => unitOptions(unitsInScope(units.data ?? [], me.scope), i18n.language),
    [units.data, me.scope, i18n.language],
  );

  const setParam = useCallback(
    (key: string, value: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <PageTitle>{t('dashboard.title')}</PageTitle>
          {dashboard.data && (
            <AsOf dashboard={dashboard.data} updatedAt={dashboard.dataUpdatedAt} fetching={dashboard.isFetching} />
          )}
        </Stack>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label={t('dashboard.period')}
            value={period}
            onChange={(value) => setParam('period', value === 'today' ? null : value)}
            data={DashboardPeriodKind.options.map((kind) => ({ value: kind, label: t(`dashboard.periods.${kind}`) }))}
            data-testid="dashboard-period"
          />
          <TextInput
            type="date"
            label={t('dashboard.date')}
            value={date ?? ''}
            onChange={(event) => setParam('date', event.currentTarget.value || null)}
            w={170}
            data-testid="dashboard-date"
          />
          {unitChoices.length > 1 && (
            <Select
              label={t('dashboard.unit')}
              placeholder={t('dashboard.allUnits')}
              data={unitChoices}
              value={unitId}
              onChange={(value) => setParam('unitId', value)}
              clearable
              searchable
              w={240}
              data-testid="dashboard-unit"
            />
          )}
        </Group>
      </Group>
      {dashboard.error && !dashboard.data ? (
        <QueryError error={dashboard.error} onRetry={() => dashboard.refetch()} />
      ) : !dashboard.data ? (
        <CenteredLoader />
      ) : (
        <DashboardBody dashboard={dashboard.data} units={kpiUnits} />
      )}
    </Stack>
  );
}

/** The period the figures cover, the day they are as of, and when they were last fetched. */
function AsOf({ dashboard, updatedAt, fetching }: { dashboard: Dashboard; updatedAt: number; fetching: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { period } = dashboard;
  const range =
    period.from === period.to
      ? formatDay(period.to, i18n.language)
      : `${formatDay(period.from, i18n.language)} – ${formatDay(period.to, i18n.language)}`;
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" c="dimmed" data-testid="dashboard-as-of" data-from={period.from} data-to={period.to}>
        {t('dashboard.asOf', { range, days: period.workingDays })}
      </Text>
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="dashboard-updated">
        {t('dashboard.updatedAt', {
          time: formatInstant(new Date(updatedAt).toISOString(), i18n.language, me.user.timeZone),
        })}
      </Text>
      {fetching && <Loader size={12} aria-label={t('dashboard.refreshing')} />}
    </Group>
  );
}

function DashboardBody({
  dashboard,
  units,
}: {
  dashboard: Dashboard;
  units: ReadonlyMap<KpiCatalogId, KpiCatalogUnit>;
}) {
  const { t } = useTranslation();
  const rows: GridRow[] = useMemo(
    () =>
      dashboard.rows.map((row) => ({
        id: row.userId,
        name: row.fullName,
        href: repCardPath(row.userId),
        kpis: row.kpis,
        plan: row.plan,
      })),
    [dashboard.rows],
  );
  const drill = useCallback(
    (userId: string, kpi: KpiCatalogId) =>
      appPath(dashboard.rows.find((row) => row.userId === userId)?.kpis[kpi]?.drillDown),
    [dashboard.rows],
  );
  return (
    <Stack gap="md">
      <KpiGridCard
        title={t('dashboard.grid.title')}
        testId="dashboard-reps"
        nameHeader={t('dashboard.grid.rep')}
        rows={rows}
        kpis={dashboard.kpis}
        units={units}
        emptyText={t('dashboard.grid.empty')}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <RedFlagsPanel flags={dashboard.flags} />
        <Leaderboard entries={dashboard.leaderboard} drill={drill} />
      </SimpleGrid>
      <TeamTotals dashboard={dashboard} units={units} />
    </Stack>
  );
}
