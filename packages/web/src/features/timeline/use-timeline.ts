import type { Activity, DealStageChange, Task } from '@pulse/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { findActivities, findTasks } from '../../api/activities.ts';

/** The record a timeline belongs to: exactly one link. */
export type TimelineLink = { companyId: string } | { contactId: string } | { leadId: string } | { dealId: string };

export type TimelineEntry =
  | { type: 'activity'; at: string; activity: Activity }
  | { type: 'task'; at: string; task: Task }
  | { type: 'stage'; at: string; change: DealStageChange };

const PAGE = 50;

/** Activities and tasks of a record, newest first, a page of each at a time. */
export function useTimeline(link: TimelineLink, stageHistory: readonly DealStageChange[] = []) {
  const activities = useInfiniteQuery({
    queryKey: ['activities', 'timeline', link],
    queryFn: ({ pageParam, signal }) =>
      findActivities({ ...link, sort: 'occurredAt', order: 'desc', limit: PAGE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const tasks = useInfiniteQuery({
    queryKey: ['tasks', 'timeline', link],
    queryFn: ({ pageParam, signal }) =>
      findTasks({ ...link, sort: 'dueAt', order: 'desc', limit: PAGE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const entries = useMemo(() => {
    const all: TimelineEntry[] = [
      ...(activities.data?.pages.flatMap((page) => page.items) ?? []).map(
        (activity): TimelineEntry => ({ type: 'activity', at: activity.occurredAt, activity }),
      ),
      ...(tasks.data?.pages.flatMap((page) => page.items) ?? []).map(
        (task): TimelineEntry => ({ type: 'task', at: task.completedAt ?? task.dueAt, task }),
      ),
      ...stageHistory.map((change): TimelineEntry => ({ type: 'stage', at: change.changedAt, change })),
    ];
    // ISO instants in UTC sort as strings; open tasks stay on top until done.
    return all.sort((a, b) => rank(b) - rank(a) || b.at.localeCompare(a.at));
  }, [activities.data, tasks.data, stageHistory]);

  return { activities, tasks, entries };
}

function rank(entry: TimelineEntry): number {
  return entry.type === 'task' && entry.task.status === 'open' ? 1 : 0;
}
