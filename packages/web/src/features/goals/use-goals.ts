import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adjustPlanGoal, findPlanGoals, getMyGoals } from '../../api/goals.ts';
import { notifyError } from '../../shared/notify.ts';
import { PDCA_KEY, usePdcaErrorMessage } from '../pdca/use-pdca.ts';

/** A plan's goals for one month; under the cycle key, so generating them reloads the table. */
export function useMonthGoals(planId: string, month: string) {
  return useQuery({
    queryKey: [...PDCA_KEY, 'goals', planId, month],
    queryFn: ({ signal }) => findPlanGoals({ planId, month }, signal),
  });
}

export function useAdjustGoal() {
  const queryClient = useQueryClient();
  const message = usePdcaErrorMessage();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; target: number; reason: string }) => adjustPlanGoal(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PDCA_KEY }),
    onError: (error) => notifyError(message(error)),
  });
}

export function useMyGoals() {
  return useQuery({ queryKey: ['my-goals'], queryFn: ({ signal }) => getMyGoals(signal) });
}
