import type { PlanDetails, PlanLines } from '@pulse/contracts';
import { type QueryClient, useIsMutating, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  approvePlan,
  type CreatePlanBody,
  createPlan,
  type DecomposePlanBody,
  decomposePlan,
  findPlans,
  getPlan,
  getPlanLines,
  getSeasonalityHistory,
  type ReconcilePlanBody,
  reconcilePlan,
  revisePlan,
  seasonalityFromHistory,
  type UpdatePlanBody,
  type UpdatePlanLineBody,
  updatePlan,
  updatePlanLine,
} from '../../api/plans.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError } from '../../shared/notify.ts';
import { formatMonth } from '../pdca/pdca-stages.ts';
import { noCapacityOf, planErrorKey } from './plan-errors.ts';

export const PLANS_KEY = ['plans'] as const;
const planKey = (id: string) => ['plans', 'one', id] as const;
const linesKey = (id: string) => ['plans', 'one', id, 'lines'] as const;
const historyKey = (id: string) => ['plans', 'one', id, 'history'] as const;

export function usePlans() {
  return useQuery({ queryKey: [...PLANS_KEY, 'list'], queryFn: ({ signal }) => findPlans(signal) });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: planKey(id), queryFn: ({ signal }) => getPlan(id, signal) });
}

export function usePlanLines(id: string) {
  return useQuery({ queryKey: linesKey(id), queryFn: ({ signal }) => getPlanLines(id, signal) });
}

export function useSeasonalityHistory(id: string) {
  return useQuery({ queryKey: historyKey(id), queryFn: ({ signal }) => getSeasonalityHistory(id, signal) });
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlanBody) => createPlan(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...PLANS_KEY, 'list'] }),
  });
}

/** A plan request's failure in words: the plan rule or lock it hit, else the generic message. */
export function usePlanErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const generic = useErrorMessage();
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown) => {
      const noCapacity = noCapacityOf(error);
      if (noCapacity) {
        const team = noCapacity.unitId === null ? null : unitLabel(queryClient, noCapacity.unitId);
        const month = formatMonth(noCapacity.month, i18n.language);
        return t(planErrorKey(error, team !== null) ?? 'plans.refusals.no_capacity', { month, team });
      }
      const key = planErrorKey(error);
      return key ? t(key) : generic(error);
    },
    [t, i18n.language, generic, queryClient],
  );
}

/** A unit's name from a plan tree already loaded (the team a refusal is about), if any has it. */
function unitLabel(queryClient: QueryClient, unitId: string): string | null {
  for (const [, data] of queryClient.getQueriesData<PlanLines>({ queryKey: PLANS_KEY })) {
    const lines = data && typeof data === 'object' && Array.isArray(data.lines) ? data.lines : [];
    const line = lines.find((candidate) => candidate.kind === 'unit' && candidate.unitId === unitId);
    if (line) return line.label;
  }
  return null;
}

/**
 * Every change to one plan. Each answer is the new plan or tree; it replaces the cached one at
 * once (live totals), and the rest of the plan's queries reload for the new version.
 */
export function usePlanMutations(id: string) {
  const queryClient = useQueryClient();
  const message = usePlanErrorMessage();
  const refresh = () => queryClient.invalidateQueries({ queryKey: PLANS_KEY });
  // A refused change (stale version, locked plan) reloads the plan, so the next try reads it anew.
  const onError = (error: unknown) => {
    notifyError(message(error));
    void refresh();
  };
  const mutationKey = ['plan-change', id];
  const withPlan = (plan: PlanDetails) => {
    queryClient.setQueryData(planKey(id), plan);
    return refresh();
  };
  const withLines = (lines: PlanLines) => {
    queryClient.setQueryData(linesKey(id), lines);
    return refresh();
  };
  return {
    /** True while any change to this plan is on its way: its version is about to move. */
    busy: useIsMutating({ mutationKey }) > 0,
    update: useMutation({
      mutationKey,
      mutationFn: (body: UpdatePlanBody) => updatePlan(id, body),
      onSuccess: withPlan,
      onError,
    }),
    fromHistory: useMutation({
      mutationKey,
      mutationFn: (version: number) => seasonalityFromHistory(id, version),
      onSuccess: withPlan,
      onError,
    }),
    decompose: useMutation({
      mutationKey,
      mutationFn: (body: DecomposePlanBody) => decomposePlan(id, body),
      onSuccess: withLines,
      onError,
    }),
    updateLine: useMutation({
      mutationKey,
      mutationFn: ({ lineId, body }: { lineId: string; body: UpdatePlanLineBody }) => updatePlanLine(id, lineId, body),
      onSuccess: withLines,
      onError,
    }),
    reconcile: useMutation({
      mutationKey,
      mutationFn: (body: ReconcilePlanBody) => reconcilePlan(id, body),
      onSuccess: withLines,
      onError,
    }),
    approve: useMutation({
      mutationKey,
      mutationFn: (version: number) => approvePlan(id, version),
      onSuccess: withPlan,
      onError,
    }),
    revise: useMutation({
      mutationKey,
      mutationFn: (body: { version: number; reason: string }) => revisePlan(id, body),
      onSuccess: withPlan,
      onError,
    }),
  };
}
