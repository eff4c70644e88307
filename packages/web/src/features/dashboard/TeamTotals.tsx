import type { Dashboard, KpiCatalogId, KpiCatalogUnit } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import type { GridRow } from './KpiGrid.tsx';
import { KpiGridCard } from './KpiGridCard.tsx';

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
    <KpiGridCard
      title={t('dashboard.teams.title')}
      testId="dashboard-teams"
      nameHeader={t('dashboard.teams.name')}
      rows={rows}
      kpis={dashboard.kpis}
      units={units}
      emptyText={t('dashboard.teams.empty')}
    />
  );
}
