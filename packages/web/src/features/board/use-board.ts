import type { BoardDeal, PipelineBoard } from '@pulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { moveDealStage } from '../../api/deals.ts';
import { getBoard } from '../../api/pipelines.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { isStale } from '../../shared/stale.ts';
import { moveCard, withVersion } from './board-move.ts';

/** Cards per column: a column shows its oldest deals; the list shows the rest. */
export const CARDS_PER_STAGE = 100;

export const boardKey = (pipelineId: string, ownerId: string | null) => ['board', pipelineId, ownerId] as const;

export function useBoard(pipelineId: string | null, ownerId: string | null) {
  return useQuery({
    queryKey: boardKey(pipelineId ?? '', ownerId),
    queryFn: ({ signal }) =>
      getBoard(pipelineId ?? '', { perStage: CARDS_PER_STAGE, ownerId: ownerId ?? undefined }, signal),
    enabled: Boolean(pipelineId),
  });
}

/** What closing a deal as lost carries. */
export interface LostDetails {
  lostReasonId: string;
  competitorId: string | null;
  lostComment: string | null;
}

export interface MoveRequest {
  deal: BoardDeal;
  toStageId: string;
  toStageName: string;
  lost?: LostDetails;
}

/**
 * Moves a card at once and asks the server after; a refusal puts it back. A stale version (someone
 * else moved or edited the deal) reloads the board and says so.
 */
export function useMoveDeal(pipelineId: string, ownerId: string | null) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const key = boardKey(pipelineId, ownerId);
  return useMutation({
    mutationFn: ({ deal, toStageId, lost }: MoveRequest) =>
      moveDealStage(deal.id, {
        stageId: toStageId,
        version: deal.version,
        ...(lost
          ? { lostReasonId: lost.lostReasonId, competitorId: lost.competitorId, lostComment: lost.lostComment }
          : {}),
      }),
    onMutate: async ({ deal, toStageId }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<PipelineBoard>(key);
      if (previous) queryClient.setQueryData(key, moveCard(previous, deal.id, toStageId));
      return { previous };
    },
    onError: (error, _request, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      if (isStale(error)) {
        notifyError(t('board.stale'));
        void queryClient.invalidateQueries({ queryKey: key });
        return;
      }
      notifyError(errorMessage(error));
    },
    onSuccess: (saved, { deal, toStageName }) => {
      const current = queryClient.getQueryData<PipelineBoard>(key);
      if (current) queryClient.setQueryData(key, withVersion(current, deal.id, saved.version));
      queryClient.setQueryData(['deals', 'one', saved.id], saved);
      notifySuccess(t('board.moved', { title: deal.title, stage: toStageName }));
    },
    onSettled: async () => {
      // Totals and order come from the server once all moves have landed.
      if (queryClient.isMutating({ mutationKey: ['move-deal'] }) <= 1) {
        await queryClient.invalidateQueries({ queryKey: ['board'] });
      }
      await queryClient.invalidateQueries({ queryKey: ['deals'], predicate: (query) => query.queryKey[1] !== 'one' });
      await queryClient.invalidateQueries({ queryKey: ['my-day'] });
    },
    mutationKey: ['move-deal'],
  });
}
