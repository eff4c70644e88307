import { type DashboardPeriodKind, DepartmentsDashboard, Digest, MyDashboard } from '@pulse/contracts';
import { http } from './client.ts';

// The views of daily control beside the head's dashboard: a rep's own figures, the departments
// side by side, and the head's morning digest.

/** The caller's own KPIs for today, the week or the month to date, with this month's goals. */
export function getMyDashboard(period: DashboardPeriodKind, signal?: AbortSignal): Promise<MyDashboard> {
  return http.get('/api/daily-control/me', MyDashboard, { query: { period }, signal });
}

/** One row per department with the same KPI cells and plan attainment (commercial director, admin). */
export function getDepartmentsDashboard(
  query: { period: DashboardPeriodKind; date?: string | null },
  signal?: AbortSignal,
): Promise<DepartmentsDashboard> {
  return http.get('/api/daily-control/departments', DepartmentsDashboard, { query: { ...query }, signal });
}

/** The morning digest for `date` (default today) in the caller's language: content, text and HTML. */
export function getDigest(date: string | null, signal?: AbortSignal): Promise<Digest> {
  return http.get('/api/daily-control/digest', Digest, { query: { date }, signal });
}
