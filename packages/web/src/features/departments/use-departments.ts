import type { DashboardPeriodKind } from '@pulse/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getDepartmentsDashboard } from '../../api/daily-views.ts';

/** The departments side by side for a period up to `date` (default today); refreshes every minute. */
export function useDepartments(period: DashboardPeriodKind, date: string | null) {
  return useQuery({
    queryKey: ['daily-control', 'departments', period, date],
    queryFn: ({ signal }) => getDepartmentsDashboard({ period, date }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}
