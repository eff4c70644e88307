import type { DealDetails } from '@pulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateDealBody,
  createDeal,
  getDeal,
  type MoveDealStageBody,
  moveDealStage,
  type UpdateDealBody,
  updateDeal,
} from '../../api/deals.ts';

export const DEALS_KEY = ['deals'] as const;
export const dealKey = (id: string) => [...DEALS_KEY, 'one', id] as const;

export function useDeal(id: string) {
  return useQuery({ queryKey: dealKey(id), queryFn: ({ signal }) => getDeal(id, signal), retry: false });
}

/** A saved deal is fresh; lists, the board, companies (open deal counts) and "My day" are stale. */
export function useDealSaved(): (deal: DealDetails) => Promise<void> {
  const queryClient = useQueryClient();
  return async (deal) => {
    queryClient.setQueryData(dealKey(deal.id), deal);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: DEALS_KEY, predicate: (query) => query.queryKey[1] !== 'one' }),
      queryClient.invalidateQueries({ queryKey: ['board'] }),
      queryClient.invalidateQueries({ queryKey: ['companies'] }),
      queryClient.invalidateQueries({ queryKey: ['my-day'] }),
      queryClient.invalidateQueries({ queryKey: ['sales'] }),
    ]);
  };
}

export function useCreateDeal() {
  const saved = useDealSaved();
  return useMutation({ mutationFn: (body: CreateDealBody) => createDeal(body), onSuccess: saved });
}

export function useUpdateDeal(id: string) {
  const saved = useDealSaved();
  return useMutation({ mutationFn: (body: UpdateDealBody) => updateDeal(id, body), onSuccess: saved });
}

/** Moving from the deal page; the board has its own optimistic version (use-board.ts). */
export function useMoveDealStage(id: string) {
  const saved = useDealSaved();
  return useMutation({ mutationFn: (body: MoveDealStageBody) => moveDealStage(id, body), onSuccess: saved });
}
