import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createCompetitor,
  createLostReason,
  createPipeline,
  createStage,
  findCompetitors,
  findLostReasons,
  findPipelines,
  reorderStages,
  updateCompetitor,
  updateLostReason,
  updatePipeline,
  updateStage,
} from '../../api/pipelines.ts';

/** Everything on the settings page, archived and inactive entries included. */
export function useAllPipelines() {
  return useQuery({ queryKey: ['pipelines', 'all'], queryFn: ({ signal }) => findPipelines('all', signal) });
}
export function useAllLostReasons() {
  return useQuery({ queryKey: ['lost-reasons', 'all'], queryFn: ({ signal }) => findLostReasons('all', signal) });
}
export function useAllCompetitors() {
  return useQuery({ queryKey: ['competitors', 'all'], queryFn: ({ signal }) => findCompetitors('all', signal) });
}

/** Settings changes refresh the lists the rest of the app caches for ten minutes. */
function useRefresh(keys: string[]): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all(keys.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
  };
}

export function usePipelineMutations() {
  const refresh = useRefresh(['pipelines', 'board', 'deals']);
  return {
    create: useMutation({ mutationFn: createPipeline, onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: Parameters<typeof updatePipeline>[1] }) =>
        updatePipeline(id, body),
      onSuccess: refresh,
    }),
    createStage: useMutation({
      mutationFn: ({ pipelineId, body }: { pipelineId: string; body: Parameters<typeof createStage>[1] }) =>
        createStage(pipelineId, body),
      onSuccess: refresh,
    }),
    updateStage: useMutation({
      mutationFn: ({
        pipelineId,
        stageId,
        body,
      }: {
        pipelineId: string;
        stageId: string;
        body: Parameters<typeof updateStage>[2];
      }) => updateStage(pipelineId, stageId, body),
      onSuccess: refresh,
    }),
    reorder: useMutation({
      mutationFn: ({ pipelineId, stageIds }: { pipelineId: string; stageIds: string[] }) =>
        reorderStages(pipelineId, stageIds),
      onSuccess: refresh,
    }),
  };
}

export function useReferenceMutations() {
  const refreshReasons = useRefresh(['lost-reasons']);
  const refreshCompetitors = useRefresh(['competitors']);
  return {
    createReason: useMutation({ mutationFn: createLostReason, onSuccess: refreshReasons }),
    updateReason: useMutation({
      mutationFn: ({ id, body }: { id: string; body: Parameters<typeof updateLostReason>[1] }) =>
        updateLostReason(id, body),
      onSuccess: refreshReasons,
    }),
    createCompetitor: useMutation({ mutationFn: createCompetitor, onSuccess: refreshCompetitors }),
    updateCompetitor: useMutation({
      mutationFn: ({ id, body }: { id: string; body: Parameters<typeof updateCompetitor>[1] }) =>
        updateCompetitor(id, body),
      onSuccess: refreshCompetitors,
    }),
  };
}
