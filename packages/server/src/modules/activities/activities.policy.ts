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

/** A saved view is edited and deleted by its owner only. */
export function canEditSavedView(actor: Actor, view: { user_id: string }): boolean {
  return view.user_id === actor.userId;
}

/** The owner sees their own views; everyone in the organisation sees shared ones. */
export function canSeeSavedView(actor: Actor, view: { user_id: string; shared: boolean }): boolean {
  return view.shared || view.user_id === actor.userId;
}
