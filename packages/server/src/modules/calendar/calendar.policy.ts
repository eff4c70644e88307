import type { Actor } from '../access/actor.ts';

/** Everyone reads the work calendar (every per-day figure uses it); the administrator edits it. */
export function canManageCalendar(actor: Actor): boolean {
  return actor.role === 'admin';
}
