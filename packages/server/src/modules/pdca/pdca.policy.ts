import type { PdcaPermissions, PlanLevel } from '@pulse/contracts';
import type { Actor } from '../access/actor.ts';
import type { PlanAccess } from '../plans/plans.policy.ts';
import { canApprovePlan, canGenerateGoals, canPlanFor } from '../plans/plans.policy.ts';

// The cycle follows its plan's rules. The month's plan is approved by whoever approves the
// plan (team: the head over the team; department and organisation: the commercial director or
// an administrator). Issuing goals, the review and the corrective actions are the planner's
// work: the head of the scope's subtree, the director, an administrator.
//
// A head of sales whose units are only part of the plan (the organisation plan, their
// department's plan) sees the cycle of their part: the month's state, the goals of their reps,
// the deviations of their subtree's reps and sales, and the actions owned in their subtree.
// They generate their reps' goals and adjust them, but the month's stages belong to the plan's
// owner. A rep, whom the plan includes only as themself, gets 403: the cycle is a head's screen.

export function canViewCycle(actor: Actor, access: PlanAccess): boolean {
  return access === 'full' || actor.role === 'head_of_sales';
}

/**
 * The units whose reps, sales and actions the actor sees in a cycle: null for the whole plan
 * (the plan is theirs in full); for a head included in part, the units they head.
 */
export function cyclePart(actor: Actor, access: PlanAccess): readonly string[] | null {
  return access === 'full' ? null : actor.scope.kind === 'own' ? [] : actor.scope.unitIds;
}

export function canApproveMonth(actor: Actor, level: PlanLevel, scopeUnitId: string | null): boolean {
  return canApprovePlan(actor, level, scopeUnitId);
}

export function canRunCycle(actor: Actor, scopeUnitId: string | null): boolean {
  return canPlanFor(actor, scopeUnitId);
}

/**
 * What the actor may do in a cycle of this plan, from the same rules the stage writes check
 * (approve: canApproveMonth; the rest: canRunCycle; goals: canGenerateGoals). A plan that is not
 * approved pauses its cycles, so nothing is allowed then. A head who sees only part of the plan
 * may generate their reps' goals and nothing of the month's stages.
 */
export function cyclePermissions(
  actor: Actor,
  plan: { level: PlanLevel; scopeUnitId: string | null; approved: boolean; access: PlanAccess },
): PdcaPermissions {
  const generateGoals = plan.approved && canGenerateGoals(actor, plan.access, plan.scopeUnitId);
  if (plan.access !== 'full') {
    return {
      approveMonth: false,
      issueGoals: false,
      review: false,
      addAction: false,
      checkAction: false,
      generateGoals,
    };
  }
  const approveMonth = plan.approved && canApproveMonth(actor, plan.level, plan.scopeUnitId);
  const run = plan.approved && canRunCycle(actor, plan.scopeUnitId);
  return { approveMonth, issueGoals: run, review: run, addAction: run, checkAction: run, generateGoals };
}
