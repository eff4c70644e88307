import { useQuery } from '@tanstack/react-query';
import { findCompetitors, findLostReasons, findPipelines } from '../../api/pipelines.ts';

/** Pipelines, lost reasons and competitors change rarely: cached for ten minutes. */
const REFERENCE_STALE_MS = 10 * 60_000;

export function usePipelines() {
  return useQuery({
    queryKey: ['pipelines', 'active'],
    queryFn: ({ signal }) => findPipelines('false', signal),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useLostReasons() {
  return useQuery({
    queryKey: ['lost-reasons', 'active'],
    queryFn: ({ signal }) => findLostReasons('true', signal),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useCompetitors() {
  return useQuery({
    queryKey: ['competitors', 'active'],
    queryFn: ({ signal }) => findCompetitors('true', signal),
    staleTime: REFERENCE_STALE_MS,
  });
}
