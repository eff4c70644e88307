import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getPlanProgress, getPlanProgressDaily } from '../../../api/plans.ts';

/** Plan versus fact on a day; the previous day's table stays on screen while the next one loads. */
export function usePlanProgress(id: string, date: string) {
  return useQuery({
    queryKey: ['plans', 'one', id, 'progress', date],
    queryFn: ({ signal }) => getPlanProgress(id, date || undefined, signal),
    placeholderData: keepPreviousData,
  });
}

/** One line's daily cumulative series; idle until a line is chosen. */
export function usePlanProgressDaily(id: string, lineId: string | null) {
  return useQuery({
    queryKey: ['plans', 'one', id, 'progress', 'daily', lineId],
    queryFn: ({ signal }) => getPlanProgressDaily(id, lineId ?? '', signal),
    enabled: lineId !== null,
  });
}
