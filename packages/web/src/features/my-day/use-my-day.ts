import type { MyDay, Task } from '@pulse/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getMyDay } from '../../api/activities.ts';

export const myDayKey = (userId: string | null) => ['my-day', userId] as const;

/** A salesperson's day; refreshed every few minutes because overdue is a matter of the clock. */
export function useMyDay(userId: string | null) {
  return useQuery({
    queryKey: myDayKey(userId),
    queryFn: ({ signal }) => getMyDay(userId ?? undefined, signal),
    refetchInterval: 5 * 60_000,
  });
}

/** The day without a task: it leaves the list at once when completed, before the server answers. */
export function withoutTask(day: MyDay, taskId: string): MyDay {
  const inDue = day.dueToday.some((task) => task.id === taskId);
  const inOverdue = day.overdue.some((task) => task.id === taskId);
  return {
    ...day,
    counts: {
      ...day.counts,
      dueToday: day.counts.dueToday - (inDue ? 1 : 0),
      overdue: day.counts.overdue - (inOverdue ? 1 : 0),
    },
    dueToday: day.dueToday.filter((task) => task.id !== taskId),
    overdue: day.overdue.filter((task) => task.id !== taskId),
  };
}

export function useRemoveTaskFromDay(userId: string | null) {
  const queryClient = useQueryClient();
  const key = myDayKey(userId);
  return {
    remove(task: Task) {
      void queryClient.cancelQueries({ queryKey: key });
      const day = queryClient.getQueryData<MyDay>(key);
      if (day) queryClient.setQueryData(key, withoutTask(day, task.id));
    },
    restore() {
      void queryClient.invalidateQueries({ queryKey: key });
    },
  };
}
