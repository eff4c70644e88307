import { subtreeOf, type UnitNode } from '@pulse/domain';
import type { Actor } from '../access/actor.ts';

// Whose work daily control shows: organisation-wide roles everyone (or one unit's subtree), a
// head their subtree (or a unit inside it), line staff only themselves. A unit outside that
// reach, or of another organisation, is answered as missing (404), like GET /api/units/:id.

/** The people a daily-control view covers. */
export type Subjects =
  /** Active people of these units (null: every unit and none). */
  | { kind: 'units'; unitIds: string[] | null }
  /** Only the actor. */
  | { kind: 'self'; userId: string };

/** The roles whose work is measured: people who sell and the heads who also own deals and tasks. */
export const MEASURED_ROLES = ['sales_manager', 'lead_generation', 'head_of_sales'] as const;
/** The roles expected to be on the phone every working day (the no-calls flag). */
export const CALLING_ROLES = ['sales_manager', 'lead_generation'] as const;

/** The people the actor may watch, narrowed to a unit's subtree when given; null when the unit is out of reach. */
export function subjectsOf(actor: Actor, units: readonly UnitNode[], unitId: string | undefined): Subjects | null {
  if (actor.scope.kind === 'own') {
    if (unitId !== undefined && unitId !== actor.unitId) return null;
    return { kind: 'self', userId: actor.userId };
  }
  if (unitId === undefined) {
    return actor.scope.kind === 'organisation' ? { kind: 'units', unitIds: null } : scopeUnits(actor);
  }
  if (!units.some((unit) => unit.id === unitId)) return null;
  if (actor.scope.kind !== 'organisation' && !actor.scope.unitIds.includes(unitId)) return null;
  return { kind: 'units', unitIds: subtreeOf([...units], [unitId]) };
}

function scopeUnits(actor: Actor): Subjects {
  return { kind: 'units', unitIds: [...actor.scope.unitIds] };
}
