import type { PlanLevel, Role } from '@pulse/contracts';
import type { Actor } from '../access/actor.ts';

// Who sees, edits and approves a plan. The plan's level comes from the kind of its scope unit
// (units.kind): no unit or a directorate is the organisation, a department is a department,
// a team is a team. The head of sales approves team plans in their subtree; department and
// organisation plans need the commercial director (or an administrator).

/** A unit as the plan rules need it. */
export interface PlanUnit {
  id: string;
  parentId: string | null;
  name: string;
  kind: 'directorate' | 'department' | 'team';
}

/** `full`: the plan's scope is within the actor's reach; `partial`: the plan includes the actor. */
export type PlanAccess = 'full' | 'partial';

/** The roles that carry a revenue plan of their own (the rest can be added to a plan by hand). */
export const SELLING_ROLES: readonly Role[] = ['sales_manager'];

const PLANNERS: readonly Role[] = ['commercial_director', 'admin'];

export function planLevel(scopeUnit: Pick<PlanUnit, 'kind'> | null): PlanLevel {
  if (scopeUnit === null || scopeUnit.kind === 'directorate') return 'organisation';
  return scopeUnit.kind;
}

/**
 * Organisation-wide roles see every plan in full; heads see the plans of units in their subtree
 * in full. Anyone sees, in part, a plan whose scope contains their unit or the units they head
 * (the organisation plan, their department's plan): the plan includes them.
 */
export function planAccess(
  actor: Actor,
  scopeUnitId: string | null,
  units: ReadonlyMap<string, PlanUnit>,
): PlanAccess | null {
  if (actor.scope.kind === 'organisation') return 'full';
  const headsIt = actor.scope.kind !== 'own';
  if (headsIt && scopeUnitId !== null && actor.scope.unitIds.includes(scopeUnitId)) return 'full';
  if (scopeUnitId === null) return 'partial';
  const anchors = [actor.unitId, ...(headsIt ? actor.scope.unitIds : [])];
  for (const anchor of anchors) {
    for (let unit = anchor ? units.get(anchor) : undefined; unit; unit = units.get(unit.parentId ?? '')) {
      if (unit.id === scopeUnitId) return 'partial';
    }
  }
  return null;
}

/** Plans a head of sales may create or edit: their own subtree's; the director and administrator any. */
export function canPlanFor(actor: Actor, scopeUnitId: string | null): boolean {
  if (PLANNERS.includes(actor.role)) return true;
  return actor.role === 'head_of_sales' && scopeUnitId !== null && actor.scope.unitIds.includes(scopeUnitId);
}

/** Approving (and reopening with a revision) follows the level: see the notes at the top. */
export function canApprovePlan(actor: Actor, level: PlanLevel, scopeUnitId: string | null): boolean {
  if (PLANNERS.includes(actor.role)) return true;
  return level === 'team' && canPlanFor(actor, scopeUnitId);
}

/**
 * Adjusting a rep's SMART goal: the head of sales over the rep's unit, the commercial director
 * or an administrator; never one's own goal (a goal set for oneself is no goal).
 */
export function canAdjustGoal(actor: Actor, goal: { userId: string; unitId: string | null }): boolean {
  if (goal.userId === actor.userId) return false;
  if (PLANNERS.includes(actor.role)) return true;
  return actor.role === 'head_of_sales' && goal.unitId !== null && actor.scope.unitIds.includes(goal.unitId);
}

/**
 * Generating (refreshing) a month's SMART goals of an approved plan: the planner of the plan's
 * scope for every rep; a head of sales the plan includes in part, for the reps of their units.
 */
export function canGenerateGoals(actor: Actor, access: PlanAccess, scopeUnitId: string | null): boolean {
  return access === 'full' ? canPlanFor(actor, scopeUnitId) : actor.role === 'head_of_sales';
}
