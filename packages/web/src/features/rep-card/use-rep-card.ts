import type { RepCardQuery } from '@pulse/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRepCard } from '../../api/rep-card.ts';

/** The card of one rep for a period; the previous period stays on screen while the next loads. */
export function useRepCard(userId: string, query: RepCardQuery) {
  return useQuery({
    queryKey: ['rep-card', userId, query],
    queryFn: ({ signal }) => getRepCard(userId, query, signal),
    placeholderData: keepPreviousData,
  });
}
