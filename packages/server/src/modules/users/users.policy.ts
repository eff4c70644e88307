import type { Actor } from '../access/actor.ts';

/** Only the CRM administrator creates, edits and deactivates users. */
export function canManageUsers(actor: Actor): boolean {
  return actor.role === 'admin';
}

/**
 * Organisation-wide roles see everyone; a head sees the people of their subtree; line staff
 * see themselves, their manager and the colleagues of their own unit.
 */
export function canViewUser(actor: Actor, target: { user_id: string; unit_id: string | null }): boolean {
  if (actor.scope.kind === 'organisation') return true;
  if (target.user_id === actor.userId || target.user_id === actor.managerId) return true;
  return target.unit_id !== null && actor.scope.unitIds.includes(target.unit_id);
}
