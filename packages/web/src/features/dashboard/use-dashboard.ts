import type { KpiCatalogId, KpiCatalogUnit } from '@pulse/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type DashboardParams, getDashboard } from '../../api/dashboard.ts';
import { getKpiCatalog } from '../../api/kpi.ts';

/** The issue asks for at most 30 s between a new activity and the dashboard showing it. */
export const DASHBOARD_REFRESH_MS = 30_000;

/**
 * The dashboard for a period and unit, polled every 30 s while the page is open and refreshed when
 * the window regains focus; the previous figures stay on screen while a new period loads.
 */
export function useDashboard(params: DashboardParams) {
  return useQuery({
    queryKey: ['dashboard', params.period, params.date ?? null, params.unitId ?? null],
    queryFn: ({ signal }) => getDashboard(params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: DASHBOARD_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

/** Each KPI's unit, from the catalog (which never changes while the app runs; shared with KPI targets). */
export function useKpiUnits(): ReadonlyMap<KpiCatalogId, KpiCatalogUnit> {
  const catalog = useQuery({
    queryKey: ['kpi-catalog'],
    queryFn: ({ signal }) => getKpiCatalog(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return useMemo(() => new Map((catalog.data?.items ?? []).map((entry) => [entry.id, entry.unit])), [catalog.data]);
}
