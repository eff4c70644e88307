import type { PdcaPermissions, PlanLevel } from '@pulse/contracts';
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

/**
 * What the actor may do in a cycle of this plan, from the same rules the stage writes check
 * (approve: canApproveMonth; the rest: canRunCycle). A plan that is not approved pauses its
 * cycles, so nothing is allowed then. The stage order is the cycle's `currentStage`.
 */
export function cyclePermissions(
  actor: Actor,
  plan: { level: PlanLevel; scopeUnitId: string | null; approved: boolean },
): PdcaPermissions {
  const approveMonth = plan.approved && canApproveMonth(actor, plan.level, plan.scopeUnitId);
  const run = plan.approved && canRunCycle(actor, plan.scopeUnitId);
  return { approveMonth, issueGoals: run, review: run, addAction: run, checkAction: run };
}
