import type { Role } from '@pulse/contracts';
import type { Actor } from '../access/actor.ts';

// Who reads and who sets KPI targets. Everyone reads the targets within their scope (a rep their
// own, a head their subtree's people and units, organisation-wide roles all). Targets are set by
// the head of sales for their subtree, and by the commercial director and the administrator for
// anyone: the same people who plan.

const SETTERS_FOR_ALL: readonly Role[] = ['commercial_director', 'admin'];

/** Whether the actor sets targets at all (a rep, an analyst… cannot: 403). */
export function canSetTargets(actor: Actor): boolean {
  return SETTERS_FOR_ALL.includes(actor.role) || actor.role === 'head_of_sales';
}

/**
 * Whether the actor sets targets for this subject: a person (by the unit they work in) or a
 * unit. Outside the reach of a head it is refused with 422 by the caller, as bad input.
 */
export function canSetTargetFor(
  actor: Actor,
  subject: { kind: 'user'; userId: string; unitId: string | null } | { kind: 'unit'; unitId: string },
): boolean {
  if (SETTERS_FOR_ALL.includes(actor.role)) return true;
  if (actor.role !== 'head_of_sales') return false;
  if (subject.kind === 'user' && subject.userId === actor.userId) return true;
  return subject.unitId !== null && actor.scope.unitIds.includes(subject.unitId);
}

/** Whether the actor sees a target of this subject. */
export function canViewTargetOf(
  actor: Actor,
  subject: { userId: string | null; userUnitId: string | null; unitId: string | null },
): boolean {
  if (actor.scope.kind === 'organisation') return true;
  if (subject.userId !== null && subject.userId === actor.userId) return true;
  if (actor.scope.kind === 'own') return false;
  const unitId = subject.userId !== null ? subject.userUnitId : subject.unitId;
  return unitId !== null && actor.scope.unitIds.includes(unitId);
}
