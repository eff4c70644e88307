import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createKpiTarget,
  deleteKpiTarget,
  findKpiTargets,
  getKpiCatalog,
  type KpiTargetFilters,
  kpiTargetsFromGoals,
  type UpdateKpiTargetBody,
  updateKpiTarget,
} from '../../api/kpi.ts';

const TARGETS_KEY = ['kpi-targets'] as const;

/** The catalog never changes while the app runs. */
export function useKpiCatalog() {
  return useQuery({
    queryKey: ['kpi-catalog'],
    queryFn: ({ signal }) => getKpiCatalog(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useKpiTargets(filters: KpiTargetFilters) {
  return useInfiniteQuery({
    queryKey: [...TARGETS_KEY, filters],
    queryFn: ({ pageParam, signal }) => findKpiTargets(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

function useInvalidateTargets() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: TARGETS_KEY });
}

export function useCreateKpiTarget() {
  const invalidate = useInvalidateTargets();
  return useMutation({ mutationFn: createKpiTarget, onSuccess: invalidate });
}

export function useUpdateKpiTarget() {
  const invalidate = useInvalidateTargets();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateKpiTargetBody }) => updateKpiTarget(id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteKpiTarget() {
  const invalidate = useInvalidateTargets();
  return useMutation({ mutationFn: deleteKpiTarget, onSuccess: invalidate });
}

export function useKpiTargetsFromGoals() {
  const invalidate = useInvalidateTargets();
  return useMutation({ mutationFn: kpiTargetsFromGoals, onSuccess: invalidate });
}
