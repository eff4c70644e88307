import type { PdcaCycle, PdcaCycleDetails, PdcaCycles, PdcaDeviations } from '@pulse/contracts';
import type { Updateable } from 'kysely';
import type { PdcaCyclesTable } from '../../db/schema.ts';
import { forbidden } from '../../http/errors.ts';
import { auditChange } from '../audit/record-audit.ts';
import type { Ctx } from '../plans/plan-context.ts';
import { getVisiblePlan } from '../plans/plan-records.ts';
import { canApproveMonth, canRunCycle, canViewCycle, cyclePart } from './pdca.policy.ts';
import {
  ensureCycles,
  findActions,
  findCycles,
  findPartCounts,
  getCycleOfMonth,
  getCycleRow,
  lockCycle,
  type PartCounts,
} from './pdca.queries.ts';
import { computeDeviations } from './pdca-deviations.ts';
import {
  actionInPart,
  assertPlanApproved,
  cycleFields,
  getVisibleCycle,
  type LoadedCycle,
  permissionsOf,
  presentAction,
  presentCycle,
  previousMonthStart,
  stageConflict,
} from './pdca-records.ts';

// The stages of the monthly cycle, in order: Plan (the month's plan approved) → Do (goals
// issued) → Check (the review) → Act (corrective actions, see pdca-actions.service.ts).
// A stage out of order or done twice is a 409 naming the stage.

/** How many deviations the cycle screen shows (the full list is GET …/deviations). */
const TOP_DEVIATIONS = 5;

/**
 * The cycles of a plan, one per month of its period. They are created here, on the first read
 * after the plan is approved (the months of a plan in revision keep the cycles they have).
 */
export async function listCycles(ctx: Ctx, planId: string): Promise<PdcaCycles> {
  const plan = await getVisiblePlan(ctx, planId);
  if (!canViewCycle(ctx.actor, plan.access)) {
    throw forbidden("The cycles show the plan's reps: a head of sales or the director sees them");
  }
  if (plan.row.status === 'approved') {
    await ensureCycles(
      ctx.tx,
      ctx.actor.orgId,
      planId,
      plan.period.months.map((month) => `${month}-01`),
    );
  }
  const rows = await findCycles(ctx.tx, ctx.actor.orgId, planId);
  const permissions = permissionsOf(ctx, plan);
  const counts = await partCounts(ctx, planId, cyclePart(ctx.actor, plan.access));
  return { items: rows.map((row) => withPartCounts(presentCycle(row, permissions), counts)) };
}

/** The counts of a head's part of the plan by cycle; null when the actor sees the whole plan. */
async function partCounts(
  ctx: Ctx,
  planId: string,
  part: readonly string[] | null,
): Promise<Map<string, PartCounts> | null> {
  if (part === null) return null;
  return findPartCounts(ctx.tx, ctx.actor.orgId, planId, { unitIds: part, userId: ctx.actor.userId });
}

/**
 * A cycle with the goal and action counts of the actor's part. The stage it waits on stays the
 * whole plan's: the month's state is the plan's, whoever looks at it.
 */
function withPartCounts<C extends PdcaCycle>(cycle: C, counts: Map<string, PartCounts> | null): C {
  const part = counts?.get(cycle.id);
  return part ? { ...cycle, ...part } : cycle;
}

/** One screen: the stages, the top deviations, this month's actions and last month's to check. */
export async function getCycleDetails(ctx: Ctx, cycleId: string): Promise<PdcaCycleDetails> {
  const cycle = await getVisibleCycle(ctx, cycleId);
  return detailsOf(ctx, cycle);
}

export async function getDeviations(ctx: Ctx, cycleId: string): Promise<PdcaDeviations> {
  return computeDeviations(ctx, await getVisibleCycle(ctx, cycleId));
}

/** Plan: the month's plan approved, by whoever approves the plan itself. */
export async function approveMonthPlan(ctx: Ctx, cycleId: string): Promise<PdcaCycleDetails> {
  const cycle = await lockedCycle(ctx, cycleId);
  const { plan, row } = cycle;
  if (!canApproveMonth(ctx.actor, plan.level, plan.row.scope_unit_id)) {
    throw forbidden(
      plan.level === 'team'
        ? "A team's month is approved by the head of sales over the team, the commercial director or an administrator"
        : `A ${plan.level} month is approved by the commercial director or an administrator`,
    );
  }
  if (row.plan_approved_at) throw stageConflict("The month's plan is already approved", 'plan', 'stage_done');
  return writeStage(ctx, cycle, { plan_approved_by: ctx.actor.userId, plan_approved_at: ctx.deps.now() });
}

/** Do: goals issued to the reps (the goals themselves are the plan module's; this records the step). */
export async function issueGoals(ctx: Ctx, cycleId: string): Promise<PdcaCycleDetails> {
  const cycle = await lockedCycle(ctx, cycleId, 'run');
  if (!cycle.row.plan_approved_at) {
    throw stageConflict("Approve the month's plan before issuing goals", 'do', 'plan_not_approved');
  }
  if (cycle.row.goals_issued_at) throw stageConflict('Goals are already issued for this month', 'do', 'stage_done');
  return writeStage(ctx, cycle, { goals_issued_by: ctx.actor.userId, goals_issued_at: ctx.deps.now() });
}

/** Check: the head's comment, with the deviations as they stand kept beside it. */
export async function reviewCycle(ctx: Ctx, cycleId: string, input: { comment: string }): Promise<PdcaCycleDetails> {
  const cycle = await lockedCycle(ctx, cycleId, 'run');
  if (!cycle.row.goals_issued_at) {
    throw stageConflict('Issue the goals before reviewing the month', 'check', 'goals_not_issued');
  }
  if (cycle.row.reviewed_at) throw stageConflict('The month is already reviewed', 'check', 'stage_done');
  const deviations = await computeDeviations(ctx, cycle);
  return writeStage(ctx, cycle, {
    reviewed_by: ctx.actor.userId,
    reviewed_at: ctx.deps.now(),
    review_comment: input.comment,
    review_snapshot: JSON.stringify(deviations),
  });
}

/**
 * The cycle, locked for the stage write, with the right checked: `approve` is the month's
 * plan approval, `run` the planner's steps after it. The plan must be approved (409).
 */
export async function lockedCycle(
  ctx: Ctx,
  cycleId: string,
  right: 'approve' | 'run' = 'approve',
): Promise<LoadedCycle> {
  const cycle = await getVisibleCycle(ctx, cycleId);
  if (right === 'run' && !canRunCycle(ctx.actor, cycle.plan.row.scope_unit_id)) {
    throw forbidden('The head of the unit, the commercial director or an administrator runs the cycle');
  }
  assertPlanApproved(cycle);
  await lockCycle(ctx.tx, ctx.actor.orgId, cycleId);
  const fresh = await getCycleRow(ctx.tx, ctx.actor.orgId, cycleId);
  return fresh ? { ...cycle, row: fresh } : cycle;
}

async function writeStage(
  ctx: Ctx,
  cycle: LoadedCycle,
  changes: Updateable<PdcaCyclesTable>,
): Promise<PdcaCycleDetails> {
  const { tx, actor } = ctx;
  await tx
    .updateTable('pdca_cycles')
    .set(changes)
    .where('org_id', '=', actor.orgId)
    .where('cycle_id', '=', cycle.row.cycle_id)
    .execute();
  const after = await getVisibleCycle(ctx, cycle.row.cycle_id);
  await auditChange(ctx, {
    action: 'update',
    entity: 'pdca_cycle',
    entityId: cycle.row.cycle_id,
    before: cycleFields(cycle.row),
    after: cycleFields(after.row),
  });
  return detailsOf(ctx, after);
}

async function detailsOf(ctx: Ctx, cycle: LoadedCycle): Promise<PdcaCycleDetails> {
  const { tx, actor, deps } = ctx;
  const now = deps.now();
  const { items, ...totals } = await computeDeviations(ctx, cycle);
  const previous = await getCycleOfMonth(tx, actor.orgId, cycle.row.plan_id, previousMonthStart(cycle.row.month_start));
  // A head who sees part of the plan sees the actions owned by them or in their units.
  const actionsOf = async (cycleId: string) =>
    (await findActions(tx, actor.orgId, cycleId))
      .filter((row) => actionInPart(ctx, cycle.part, row))
      .map((row) => presentAction(row, now));
  const counts = await partCounts(ctx, cycle.row.plan_id, cycle.part);
  return {
    ...withPartCounts(presentCycle(cycle.row, permissionsOf(ctx, cycle.plan)), counts),
    reviewComment: cycle.row.review_comment,
    deviations: { ...totals, top: items.slice(0, TOP_DEVIATIONS) },
    actions: await actionsOf(cycle.row.cycle_id),
    previousActions: previous ? await actionsOf(previous.cycle_id) : [],
  };
}
