import type { Actor } from '../access/actor.ts';

/** Only the administrator changes the organisation's name, currency, zone and language. */
export function canManageOrganization(actor: Actor): boolean {
  return actor.role === 'admin';
}
