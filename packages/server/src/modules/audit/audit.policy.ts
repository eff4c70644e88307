import type { Actor } from '../access/actor.ts';

/** The audit log is the administrator's tool. */
export function canViewAudit(actor: Actor): boolean {
  return actor.role === 'admin';
}
