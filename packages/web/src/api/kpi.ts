import {
  type CreateKpiTargetRequest,
  KpiCatalog,
  KpiTarget,
  KpiTargetPage,
  type KpiTargetsFromGoalsRequest,
  KpiTargetsFromGoalsResult,
  Ok,
  type UpdateKpiTargetRequest,
} from '@pulse/contracts';
import { http, type Output } from './client.ts';

export type CreateKpiTargetBody = Output<typeof CreateKpiTargetRequest>;
export type UpdateKpiTargetBody = Output<typeof UpdateKpiTargetRequest>;
export type KpiTargetsFromGoalsBody = Output<typeof KpiTargetsFromGoalsRequest>;

/** The KPI catalog: units, directions, and which KPIs take targets (per day). */
export function getKpiCatalog(signal?: AbortSignal): Promise<KpiCatalog> {
  return http.get('/api/kpi/catalog', KpiCatalog, { signal });
}

/** The list's filters; every one optional. */
export interface KpiTargetFilters {
  kpiId?: string | null;
  userId?: string | null;
  unitId?: string | null;
  from?: string | null;
  to?: string | null;
}

/** One page of the targets the caller sees, latest span first. */
export function findKpiTargets(
  filters: KpiTargetFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<KpiTargetPage> {
  return http.get('/api/kpi/targets', KpiTargetPage, { query: { ...filters, cursor, limit: 50 }, signal });
}

export function createKpiTarget(body: CreateKpiTargetBody): Promise<KpiTarget> {
  return http.post('/api/kpi/targets', KpiTarget, body);
}

export function updateKpiTarget(id: string, body: UpdateKpiTargetBody): Promise<KpiTarget> {
  return http.patch(`/api/kpi/targets/${id}`, KpiTarget, body);
}

export async function deleteKpiTarget(target: { id: string; version: number }): Promise<void> {
  await http.delete(`/api/kpi/targets/${target.id}?version=${target.version}`, Ok);
}

/** Targets from a month's SMART goals; running it again replaces that month's goal targets. */
export function kpiTargetsFromGoals(body: KpiTargetsFromGoalsBody): Promise<KpiTargetsFromGoalsResult> {
  return http.post('/api/kpi/targets/from-goals', KpiTargetsFromGoalsResult, body);
}
