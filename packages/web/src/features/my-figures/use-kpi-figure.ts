import type { KpiCatalogEntry, KpiCatalogId } from '@pulse/contracts';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKpiValue } from '../dashboard/dashboard-values.ts';
import { useValueFormat } from '../dashboard/KpiCellView.tsx';
import { useKpiCatalog } from '../kpi-targets/use-kpi-targets.ts';

/**
 * The viewer's formatter of KPI figures by the catalog's units (the dashboard's rules: money in
 * whole units of the organisation's currency, times as h/min), and the catalog's directions.
 */
export function useKpiFigure() {
  const { t } = useTranslation();
  const format = useValueFormat();
  const catalog = useKpiCatalog();
  const entries = useMemo(() => {
    const byId = new Map<KpiCatalogId, KpiCatalogEntry>();
    for (const entry of catalog.data?.items ?? []) byId.set(entry.id, entry);
    return byId;
  }, [catalog.data]);
  const none = t('common.none');
  const figure = useCallback(
    (kpiId: KpiCatalogId, value: number | null) =>
      value === null ? none : formatKpiValue(entries.get(kpiId)?.unit ?? 'count', value, format),
    [entries, format, none],
  );
  const directions = useMemo(
    () =>
      Object.fromEntries([...entries].map(([id, entry]) => [id, entry.direction])) as Partial<
        Record<KpiCatalogId, KpiCatalogEntry['direction']>
      >,
    [entries],
  );
  return { figure, directions };
}
