import type { Actor } from '../access/actor.ts';

/** Only the CRM administrator edits the organisation's structure and its people. */
export function canManageStructure(actor: Actor): boolean {
  return actor.role === 'admin';
}

/** A unit is visible when it lies in the actor's scope. */
export function canViewUnit(actor: Actor, unitId: string): boolean {
  return actor.scope.kind === 'organisation' || actor.scope.unitIds.includes(unitId);
}
