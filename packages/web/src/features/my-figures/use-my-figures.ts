import type { DashboardPeriodKind } from '@pulse/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getMyDashboard } from '../../api/daily-views.ts';

/** How often the figures refresh while the page is open: calls and deals land all day. */
export const MY_FIGURES_REFRESH_MS = 30_000;

/** The signed-in user's own figures for a period; the previous period stays on screen while the next loads. */
export function useMyFigures(period: DashboardPeriodKind) {
  return useQuery({
    queryKey: ['daily-control', 'me', period],
    queryFn: ({ signal }) => getMyDashboard(period, signal),
    placeholderData: keepPreviousData,
    refetchInterval: MY_FIGURES_REFRESH_MS,
  });
}
