import { RepCard, type RepCardQuery } from '@pulse/contracts';
import { http } from './client.ts';

/** A rep's card for a period: KPIs over time beside the team's median, the funnel, strengths and weaknesses. */
export function getRepCard(userId: string, query: RepCardQuery, signal?: AbortSignal): Promise<RepCard> {
  return http.get(`/api/daily-control/reps/${encodeURIComponent(userId)}/card`, RepCard, {
    query: { ...query },
    signal,
  });
}
