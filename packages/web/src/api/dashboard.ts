import { Dashboard, type DashboardPeriodKind } from '@pulse/contracts';
import { http } from './client.ts';

/** What the dashboard is asked for: the period, the day it ends on, and one unit of the caller's scope. */
export interface DashboardParams {
  period: DashboardPeriodKind;
  /** 'YYYY-MM-DD'; today in the organisation's zone when absent. */
  date?: string | null;
  /** The whole scope when absent. */
  unitId?: string | null;
}

/** The head's Pulse dashboard: KPI cells per rep and team, plan attainment, leaderboard and today's red flags. */
export function getDashboard(params: DashboardParams, signal?: AbortSignal): Promise<Dashboard> {
  return http.get('/api/daily-control/dashboard', Dashboard, {
    query: { period: params.period, date: params.date ?? undefined, unitId: params.unitId ?? undefined },
    signal,
  });
}
