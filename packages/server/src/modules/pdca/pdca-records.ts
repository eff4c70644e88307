import type { PdcaAction, PdcaCycle, PdcaPermissions, PdcaStage } from '@pulse/contracts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import type { Ctx } from '../plans/plan-context.ts';
import { getVisiblePlan, type LoadedPlan } from '../plans/plan-records.ts';
import { canViewCycle, cyclePart, cyclePermissions } from './pdca.policy.ts';
import { type ActionRow, type CycleRow, getCycleRow } from './pdca.queries.ts';

/** A cycle as a use case works with it, with its plan as the plan rules load it. */
export interface LoadedCycle {
  row: CycleRow;
  plan: LoadedPlan;
  /** The units whose reps, sales and actions the actor sees; null for the whole plan (cyclePart). */
  part: readonly string[] | null;
}

/**
 * The cycle if the actor sees its plan in full, or is a head the plan includes in part (who
 * sees their part). Another organisation's cycle, or one of a plan outside the actor's reach, is
 * 404; a plan that includes a rep only as themself is 403.
 */
export async function getVisibleCycle(ctx: Ctx, cycleId: string): Promise<LoadedCycle> {
  const row = await getCycleRow(ctx.tx, ctx.actor.orgId, cycleId);
  if (!row) throw notFound('Cycle');
  const plan = await getVisiblePlan(ctx, row.plan_id).catch((error: unknown) => {
    throw error instanceof AppError && error.status === 404 ? notFound('Cycle') : error;
  });
  if (!canViewCycle(ctx.actor, plan.access)) {
    throw forbidden("The cycle shows the plan's reps: a head of sales or the director sees it");
  }
  return { row, plan, part: cyclePart(ctx.actor, plan.access) };
}

/** A stage write needs the plan still approved: a plan reopened for revision pauses its cycles. */
export function assertPlanApproved(cycle: LoadedCycle): void {
  if (cycle.plan.row.status !== 'approved') {
    throw conflict('The plan is being revised; its cycles wait until it is approved again', [
      { path: 'plan.status', message: 'plan_not_approved' },
    ]);
  }
}

/** A stage done out of order, or twice: 409 naming the stage. */
export function stageConflict(message: string, stage: PdcaStage, reason: string) {
  return conflict(message, [{ path: `stages.${stage}`, message: reason }]);
}

/** The fields an audit entry of a cycle compares. */
export function cycleFields(row: CycleRow): Record<string, unknown> {
  return {
    planApprovedBy: row.plan_approved_by,
    goalsIssuedBy: row.goals_issued_by,
    reviewedBy: row.reviewed_by,
    reviewComment: row.review_comment,
  };
}

const done = (id: string | null, name: string | null, at: Date | null) =>
  id && at ? { by: { id, fullName: name ?? '' }, at: at.toISOString() } : null;

/** Whether an action is in the actor's part: any for the whole plan; else owned by them or in their units. */
export function actionInPart(ctx: Ctx, part: readonly string[] | null, row: ActionRow): boolean {
  return part === null || row.owner_id === ctx.actor.userId || part.includes(row.owner_unit_id ?? '');
}

/** The first stage not yet done, in the order plan → do → check → act. */
export function currentStage(row: CycleRow): PdcaStage | null {
  if (!row.plan_approved_at) return 'plan';
  if (!row.goals_issued_at) return 'do';
  if (!row.reviewed_at) return 'check';
  if (row.action_count === 0) return 'act';
  return null;
}

/** What the actor may do in the cycles of this plan (the same for each of its months). */
export function permissionsOf(ctx: Ctx, plan: LoadedPlan): PdcaPermissions {
  return cyclePermissions(ctx.actor, {
    level: plan.level,
    scopeUnitId: plan.row.scope_unit_id,
    approved: plan.row.status === 'approved',
    access: plan.access,
  });
}

export function presentCycle(row: CycleRow, permissions: PdcaPermissions): PdcaCycle {
  return {
    id: row.cycle_id,
    planId: row.plan_id,
    month: row.month_start.slice(0, 7),
    monthStart: row.month_start,
    planApproved: done(row.plan_approved_by, row.plan_approved_name, row.plan_approved_at),
    goalsIssued: done(row.goals_issued_by, row.goals_issued_name, row.goals_issued_at),
    reviewed: done(row.reviewed_by, row.reviewed_name, row.reviewed_at),
    goalRepCount: row.goal_rep_count,
    actionCount: row.action_count,
    currentStage: currentStage(row),
    permissions,
  };
}

/** How the action's task stands: done by its due time or after it, open, open past it, cancelled. */
export function taskState(row: ActionRow, now: Date): PdcaAction['taskState'] {
  if (row.task_status === 'cancelled') return 'cancelled';
  if (row.task_status === 'done') {
    return row.task_completed_at && row.task_completed_at <= row.task_due_at ? 'done-on-time' : 'done-late';
  }
  return now > row.task_due_at ? 'overdue' : 'open';
}

export function presentAction(row: ActionRow, now: Date): PdcaAction {
  return {
    id: row.action_id,
    cycleId: row.cycle_id,
    title: row.title,
    owner: { id: row.owner_id, fullName: row.owner_name },
    dueDay: row.due_day,
    taskId: row.task_id,
    taskState: taskState(row, now),
    check:
      row.check_result && row.checked_by && row.checked_at
        ? {
            result: row.check_result as 'effective' | 'partly' | 'not-effective',
            note: row.check_note,
            by: { id: row.checked_by, fullName: row.checked_name ?? '' },
            at: row.checked_at.toISOString(),
          }
        : null,
    version: row.version,
  };
}

export function actionFields(
  row: Pick<ActionRow, 'title' | 'owner_id' | 'due_day' | 'task_id' | 'check_result' | 'check_note'>,
) {
  return {
    title: row.title,
    ownerId: row.owner_id,
    dueDay: row.due_day,
    taskId: row.task_id,
    checkResult: row.check_result,
    checkNote: row.check_note,
  };
}

/** The first day of the month before `monthStart`. */
export function previousMonthStart(monthStart: string): string {
  const [year, month] = monthStart.split('-').map(Number) as [number, number];
  const y = month === 1 ? year - 1 : year;
  const m = month === 1 ? 12 : month - 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}
