import {
  type CreatePlanRequest,
  type DecomposePlanRequest,
  Ok,
  Plan,
  PlanDetails,
  PlanLines,
  PlanProgress,
  PlanProgressDaily,
  pageOf,
  type ReconcilePlanRequest,
  type RevisePlanRequest,
  SeasonalityHistory,
  type UpdatePlanLineRequest,
  type UpdatePlanRequest,
} from '@pulse/contracts';
import { http, type Output } from './client.ts';

const PlanList = pageOf(Plan).pick({ items: true });

export type CreatePlanBody = Output<typeof CreatePlanRequest>;
export type UpdatePlanBody = Output<typeof UpdatePlanRequest>;
export type DecomposePlanBody = Output<typeof DecomposePlanRequest>;
export type UpdatePlanLineBody = Output<typeof UpdatePlanLineRequest>;
export type ReconcilePlanBody = Output<typeof ReconcilePlanRequest>;
export type RevisePlanBody = Output<typeof RevisePlanRequest>;

export async function findPlans(signal?: AbortSignal): Promise<Plan[]> {
  return (await http.get('/api/plans', PlanList, { query: { limit: 100 }, signal })).items;
}

export function getPlan(id: string, signal?: AbortSignal): Promise<PlanDetails> {
  return http.get(`/api/plans/${id}`, PlanDetails, { signal });
}

export function createPlan(body: CreatePlanBody): Promise<PlanDetails> {
  return http.post('/api/plans', PlanDetails, body);
}

export function updatePlan(id: string, body: UpdatePlanBody): Promise<PlanDetails> {
  return http.patch(`/api/plans/${id}`, PlanDetails, body);
}

export async function deletePlan(id: string): Promise<void> {
  await http.delete(`/api/plans/${id}`, Ok);
}

export function getSeasonalityHistory(id: string, signal?: AbortSignal): Promise<SeasonalityHistory> {
  return http.get(`/api/plans/${id}/seasonality-history`, SeasonalityHistory, { signal });
}

export function seasonalityFromHistory(id: string, version: number): Promise<PlanDetails> {
  return http.post(`/api/plans/${id}/seasonality/from-history`, PlanDetails, { version });
}

export function decomposePlan(id: string, body: DecomposePlanBody): Promise<PlanLines> {
  return http.post(`/api/plans/${id}/decompose`, PlanLines, body);
}

export function getPlanLines(id: string, signal?: AbortSignal): Promise<PlanLines> {
  return http.get(`/api/plans/${id}/lines`, PlanLines, { signal });
}

export function updatePlanLine(id: string, lineId: string, body: UpdatePlanLineBody): Promise<PlanLines> {
  return http.patch(`/api/plans/${id}/lines/${lineId}`, PlanLines, body);
}

export function reconcilePlan(id: string, body: ReconcilePlanBody): Promise<PlanLines> {
  return http.post(`/api/plans/${id}/reconcile`, PlanLines, body);
}

export function approvePlan(id: string, version: number): Promise<PlanDetails> {
  return http.post(`/api/plans/${id}/approve`, PlanDetails, { version });
}

export function revisePlan(id: string, body: RevisePlanBody): Promise<PlanDetails> {
  return http.post(`/api/plans/${id}/revise`, PlanDetails, body);
}

/** Plan versus fact of every line on a day (default today in the organisation's zone). */
export function getPlanProgress(id: string, date: string | undefined, signal?: AbortSignal): Promise<PlanProgress> {
  return http.get(`/api/plans/${id}/progress`, PlanProgress, { query: { date }, signal });
}

/** One line's cumulative plan (three scenarios) and fact, day by day. */
export function getPlanProgressDaily(id: string, lineId: string, signal?: AbortSignal): Promise<PlanProgressDaily> {
  return http.get(`/api/plans/${id}/progress/daily`, PlanProgressDaily, { query: { lineId }, signal });
}

/** Where the browser downloads the plan as a workbook (a plain GET with the session cookie). */
export function planExportUrl(id: string): string {
  return `/api/plans/${id}/export.xlsx`;
}
