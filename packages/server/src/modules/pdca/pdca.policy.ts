import type { PlanLevel } from '@pulse/contracts';
import type { Actor } from '../access/actor.ts';
import type { PlanAccess } from '../plans/plans.policy.ts';
import { canApprovePlan, canPlanFor } from '../plans/plans.policy.ts';

// The cycle follows its plan's rules. The month's plan is approved by whoever approves the
// plan (team: the head over the team; department and organisation: the commercial director or
// an administrator). Issuing goals, the review and the corrective actions are the planner's
// work: the head of the scope's subtree, the director, an administrator. The cycle screen
// shows every rep's figures, so it needs the plan in full: a rep, whose plan includes them
// only in part, gets 403.

export function canViewCycle(access: PlanAccess): boolean {
  return access === 'full';
}

export function canApproveMonth(actor: Actor, level: PlanLevel, scopeUnitId: string | null): boolean {
  return canApprovePlan(actor, level, scopeUnitId);
}

export function canRunCycle(actor: Actor, scopeUnitId: string | null): boolean {
  return canPlanFor(actor, scopeUnitId);
}
