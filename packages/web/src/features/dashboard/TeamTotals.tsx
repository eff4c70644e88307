import { Card, Title } from '@mantine/core';
import type { Dashboard, KpiCatalogId, KpiCatalogUnit } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { type GridRow, KpiGrid } from './KpiGrid.tsx';

/**
 * The teams of the view and everyone together, with the same columns as the reps: each team's
 * figure is its members' summed measures against the team's own target.
 */
export function TeamTotals({
  dashboard,
  units,
}: {
  dashboard: Dashboard;
  units: ReadonlyMap<KpiCatalogId, KpiCatalogUnit>;
}) {
  const { t } = useTranslation();
  const rows: GridRow[] = [
    ...dashboard.teams.map((team) => ({
      id: team.unitId,
      name: t('dashboard.teams.team', { name: team.name, n: team.memberIds.length }),
      href: null,
      kpis: team.kpis,
      plan: team.plan,
    })),
    {
      id: 'total',
      name: t('dashboard.teams.total', { n: dashboard.rows.length }),
      href: null,
      kpis: dashboard.total.kpis,
      plan: dashboard.total.plan,
      strong: true,
    },
  ];
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        {t('dashboard.teams.title')}
      </Title>
      <KpiGrid
        testId="dashboard-teams"
        label={t('dashboard.teams.title')}
        nameHeader={t('dashboard.teams.name')}
        rows={rows}
        kpis={dashboard.kpis}
        units={units}
        emptyText={t('dashboard.teams.empty')}
      />
    </Card>
  );
}
