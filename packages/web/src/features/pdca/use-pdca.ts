import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { generatePlanGoals } from '../../api/goals.ts';
import {
  approveMonthPlan,
  type CheckPdcaActionBody,
  type CreatePdcaActionBody,
  checkAction,
  createAction,
  findCycles,
  getCycle,
  getDeviations,
  issueGoals,
  reviewCycle,
  type UpdatePdcaActionBody,
  updateAction,
} from '../../api/pdca.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError } from '../../shared/notify.ts';
import { pdcaErrorKey } from './pdca-errors.ts';

/** Every cycle query, and the month goals the cycle screen shows, live under this key. */
export const PDCA_KEY = ['pdca'] as const;

export function useCycles(planId: string) {
  return useQuery({ queryKey: [...PDCA_KEY, 'plan', planId], queryFn: ({ signal }) => findCycles(planId, signal) });
}

export function useCycle(cycleId: string | null) {
  return useQuery({
    queryKey: [...PDCA_KEY, 'cycle', cycleId],
    queryFn: ({ signal }) => getCycle(cycleId ?? '', signal),
    enabled: cycleId !== null,
  });
}

export function useDeviations(cycleId: string) {
  return useQuery({
    queryKey: [...PDCA_KEY, 'cycle', cycleId, 'deviations'],
    queryFn: ({ signal }) => getDeviations(cycleId, signal),
  });
}

/** A cycle request's failure in words: the stage rule it hit, else the generic message. */
export function usePdcaErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  const generic = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      const key = pdcaErrorKey(error);
      return key ? t(key) : generic(error);
    },
    [t, generic],
  );
}

/** Every change to a cycle, its actions and its month's goals; each reloads the cycle screen. */
export function usePdcaMutations(planId: string, cycleId: string) {
  const queryClient = useQueryClient();
  const message = usePdcaErrorMessage();
  const refresh = () => queryClient.invalidateQueries({ queryKey: PDCA_KEY });
  const onError = (error: unknown) => {
    notifyError(message(error));
    void refresh();
  };
  const options = { onSuccess: refresh, onError };
  return {
    approve: useMutation({ mutationFn: () => approveMonthPlan(cycleId), ...options }),
    issue: useMutation({ mutationFn: () => issueGoals(cycleId), ...options }),
    review: useMutation({ mutationFn: (comment: string) => reviewCycle(cycleId, comment), ...options }),
    generateGoals: useMutation({ mutationFn: (month: string) => generatePlanGoals(planId, month), ...options }),
    createAction: useMutation({ mutationFn: (body: CreatePdcaActionBody) => createAction(cycleId, body), ...options }),
    updateAction: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdatePdcaActionBody }) => updateAction(id, body),
      ...options,
    }),
    checkAction: useMutation({
      mutationFn: ({ id, body }: { id: string; body: CheckPdcaActionBody }) => checkAction(id, body),
      ...options,
    }),
  };
}
