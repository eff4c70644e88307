import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  deleteCalendarDay,
  findCalendarDays,
  getCalendarSettings,
  getCalendarSummary,
  type PutCalendarDayBody,
  putCalendarDay,
  resetCalendar,
  updateCalendarSettings,
} from '../../api/calendar.ts';

const CALENDAR_KEY = ['calendar'] as const;

export function useCalendarSettings() {
  return useQuery({ queryKey: [...CALENDAR_KEY, 'settings'], queryFn: getCalendarSettings });
}

export function useCalendarDays(year: number) {
  return useQuery({ queryKey: [...CALENDAR_KEY, 'days', year], queryFn: () => findCalendarDays(year) });
}

export function useCalendarSummary(year: number) {
  return useQuery({
    queryKey: [...CALENDAR_KEY, 'summary', year],
    queryFn: () => getCalendarSummary(`${year}-01-01`, `${year}-12-31`),
  });
}

/** Any change to the calendar changes working-day counts, so everything calendar is refetched. */
function useInvalidateCalendar(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: CALENDAR_KEY });
}

export function useUpdateCalendarSettings() {
  const invalidate = useInvalidateCalendar();
  return useMutation({ mutationFn: updateCalendarSettings, onSuccess: invalidate });
}

export function usePutCalendarDay() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: ({ day, body }: { day: string; body: PutCalendarDayBody }) => putCalendarDay(day, body),
    onSuccess: invalidate,
  });
}

export function useDeleteCalendarDay() {
  const invalidate = useInvalidateCalendar();
  return useMutation({ mutationFn: deleteCalendarDay, onSuccess: invalidate });
}

export function useResetCalendar() {
  const invalidate = useInvalidateCalendar();
  return useMutation({ mutationFn: resetCalendar, onSuccess: invalidate });
}
