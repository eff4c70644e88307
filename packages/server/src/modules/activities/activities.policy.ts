import type { ActivityPermissions, TaskPermissions } from '@pulse/contracts';
import type { Actor } from '../access/actor.ts';
import { canViewOwnedBy } from '../access/record-scope.ts';

/**
 * Logging activities and managing tasks is sales work; the analyst only reads. (Administrators
 * keep write access: they fix records for people who left.)
 */
export function canRecordWork(actor: Actor): boolean {
  return actor.role !== 'analyst';
}

/** An activity follows the person who performed it; a task follows its assignee. */
export function canViewWorkOf(actor: Actor, performer: { userId: string | null; unitId: string | null }): boolean {
  return canViewOwnedBy(actor, { ownerId: performer.userId, ownerUnitId: performer.unitId });
}

/** Only notes and still-planned meetings may be deleted; everything else that happened is history. */
export function isDeletableActivity(activity: { kind: string; status: string }): boolean {
  return activity.kind === 'note' || (activity.kind === 'meeting' && activity.status === 'planned');
}

/** A planned call or meeting may be completed (done, or a missed call). */
export function isCompletableActivity(activity: { kind: string; status: string }): boolean {
  return activity.status === 'planned' && (activity.kind === 'call' || activity.kind === 'meeting');
}

/** What the actor may do with an activity they see (the list and the record only hold those). */
export function activityPermissions(actor: Actor, activity: { kind: string; status: string }): ActivityPermissions {
  const write = canRecordWork(actor);
  return {
    edit: write,
    delete: write && isDeletableActivity(activity),
    complete: write && isCompletableActivity(activity),
  };
}

/** A task moves complete/cancel: open → done/cancelled; reopen: done or cancelled → open. */
export const TASK_TRANSITIONS = {
  complete: { from: ['open'], to: 'done', done: 'completed' },
  reopen: { from: ['done', 'cancelled'], to: 'open', done: 'reopened' },
  cancel: { from: ['open'], to: 'cancelled', done: 'cancelled' },
} as const satisfies Record<string, { from: readonly string[]; to: 'open' | 'done' | 'cancelled'; done: string }>;
export type TaskTransition = keyof typeof TASK_TRANSITIONS;

export function canTransitionTask(status: string, transition: TaskTransition): boolean {
  return (TASK_TRANSITIONS[transition].from as readonly string[]).includes(status);
}

/** Only an open task is edited; a closed one is reopened first. */
export function isEditableTask(task: { status: string }): boolean {
  return task.status === 'open';
}

/** What the actor may do now with a task they see. */
export function taskPermissions(actor: Actor, task: { status: string }): TaskPermissions {
  const write = canRecordWork(actor);
  return {
    edit: write && isEditableTask(task),
    complete: write && canTransitionTask(task.status, 'complete'),
    reopen: write && canTransitionTask(task.status, 'reopen'),
  };
}

/** A saved view is edited and deleted by its owner only. */
export function canEditSavedView(actor: Actor, view: { user_id: string }): boolean {
  return view.user_id === actor.userId;
}

/** The owner sees their own views; everyone in the organisation sees shared ones. */
export function canSeeSavedView(actor: Actor, view: { user_id: string; shared: boolean }): boolean {
  return view.shared || view.user_id === actor.userId;
}
