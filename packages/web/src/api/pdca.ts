import {
  type CheckPdcaActionRequest,
  type CreatePdcaActionRequest,
  PdcaAction,
  PdcaCycleDetails,
  PdcaCycles,
  PdcaDeviations,
  type UpdatePdcaActionRequest,
} from '@pulse/contracts';
import { http, type Output } from './client.ts';

export type CreatePdcaActionBody = Output<typeof CreatePdcaActionRequest>;
export type UpdatePdcaActionBody = Output<typeof UpdatePdcaActionRequest>;
export type CheckPdcaActionBody = Output<typeof CheckPdcaActionRequest>;

export async function findCycles(planId: string, signal?: AbortSignal): Promise<PdcaCycles['items']> {
  return (await http.get('/api/pdca', PdcaCycles, { query: { planId }, signal })).items;
}

export function getCycle(cycleId: string, signal?: AbortSignal): Promise<PdcaCycleDetails> {
  return http.get(`/api/pdca/${cycleId}`, PdcaCycleDetails, { signal });
}

export function getDeviations(cycleId: string, signal?: AbortSignal): Promise<PdcaDeviations> {
  return http.get(`/api/pdca/${cycleId}/deviations`, PdcaDeviations, { signal });
}

export function approveMonthPlan(cycleId: string): Promise<PdcaCycleDetails> {
  return http.post(`/api/pdca/${cycleId}/approve-plan`, PdcaCycleDetails);
}

export function issueGoals(cycleId: string): Promise<PdcaCycleDetails> {
  return http.post(`/api/pdca/${cycleId}/issue-goals`, PdcaCycleDetails);
}

export function reviewCycle(cycleId: string, comment: string): Promise<PdcaCycleDetails> {
  return http.post(`/api/pdca/${cycleId}/review`, PdcaCycleDetails, { comment });
}

export function createAction(cycleId: string, body: CreatePdcaActionBody): Promise<PdcaAction> {
  return http.post(`/api/pdca/${cycleId}/actions`, PdcaAction, body);
}

export function updateAction(id: string, body: UpdatePdcaActionBody): Promise<PdcaAction> {
  return http.patch(`/api/pdca/actions/${id}`, PdcaAction, body);
}

export function checkAction(id: string, body: CheckPdcaActionBody): Promise<PdcaAction> {
  return http.post(`/api/pdca/actions/${id}/check`, PdcaAction, body);
}
