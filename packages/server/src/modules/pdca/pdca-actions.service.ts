import type { PdcaAction } from '@pulse/contracts';
import { conflict, notFound, unprocessable } from '../../http/errors.ts';
import { startOfNextDay } from '../activities/my-day.queries.ts';
import { createTask, updateTask } from '../activities/tasks.service.ts';
import { auditChange } from '../audit/record-audit.ts';
import type { Ctx } from '../plans/plan-context.ts';
import { scopeUnitIds } from '../plans/plan-records.ts';
import { getActionRow } from './pdca.queries.ts';
import { lockedCycle } from './pdca.service.ts';
import { actionFields, presentAction, stageConflict } from './pdca-records.ts';

// Act: a corrective action of a reviewed month, owned by a person of the plan's scope and
// carried out as their task (created through the tasks use case, so it has the task rules and
// its own audit entry). The action's task state (done on time, late, open, overdue) is what
// the next month's review sees, and the check records whether the action worked.

/** Creates the action and its owner's task, due at the end of the due day in the owner's time zone. */
export async function createAction(
  ctx: Ctx,
  cycleId: string,
  input: { title: string; ownerId: string; dueDay: string },
): Promise<PdcaAction> {
  const cycle = await lockedCycle(ctx, cycleId, 'run');
  if (!cycle.row.reviewed_at) {
    throw stageConflict('Review the month before planning corrective actions', 'act', 'not_reviewed');
  }
  await assertOwnerInScope(ctx, cycle.plan.units, cycle.plan.row.scope_unit_id, input.ownerId);
  const task = await createTask(ctx, {
    title: input.title,
    description: `Corrective action of the ${cycle.row.month_start.slice(0, 7)} review`,
    dueAt: (await dueAtOf(ctx, input.ownerId, input.dueDay)).toISOString(),
    priority: 'normal',
    assigneeId: input.ownerId,
  });
  const now = ctx.deps.now();
  const { action_id } = await ctx.tx
    .insertInto('pdca_actions')
    .values({
      org_id: ctx.actor.orgId,
      cycle_id: cycleId,
      title: input.title,
      owner_id: input.ownerId,
      due_day: input.dueDay,
      task_id: task.id,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning('action_id')
    .executeTakeFirstOrThrow();
  const row = await loadAction(ctx, action_id);
  await auditChange(ctx, {
    action: 'create',
    entity: 'pdca_action',
    entityId: action_id,
    before: null,
    after: actionFields(row),
  });
  return presentAction(row, now);
}

/** Edits an unchecked action read at `version`; its task follows (an open task only: 409 otherwise). */
export async function updateAction(
  ctx: Ctx,
  actionId: string,
  input: { version: number; title?: string; ownerId?: string; dueDay?: string },
): Promise<PdcaAction> {
  const before = await loadAction(ctx, actionId);
  const cycle = await lockedCycle(ctx, before.cycle_id, 'run');
  if (before.version !== input.version) {
    throw conflict('The action was changed since you read it; reload it and try again', [
      { path: 'body.version', message: 'Stale version' },
    ]);
  }
  if (before.checked_at) throw conflict('A checked action is final', [{ path: 'check', message: 'checked' }]);
  const ownerId = input.ownerId ?? before.owner_id;
  const dueDay = input.dueDay ?? before.due_day;
  if (ownerId !== before.owner_id) {
    await assertOwnerInScope(ctx, cycle.plan.units, cycle.plan.row.scope_unit_id, ownerId);
  }
  await updateTask(ctx, before.task_id, {
    version: before.task_version,
    title: input.title,
    assigneeId: ownerId,
    dueAt: (await dueAtOf(ctx, ownerId, dueDay)).toISOString(),
  });
  await writeAction(ctx, before, { title: input.title ?? before.title, owner_id: ownerId, due_day: dueDay });
  return presentAction(await loadAction(ctx, actionId), ctx.deps.now());
}

/** Records, at a later review, whether the action worked. */
export async function checkAction(
  ctx: Ctx,
  actionId: string,
  input: { result: 'effective' | 'partly' | 'not-effective'; note?: string },
): Promise<PdcaAction> {
  const before = await loadAction(ctx, actionId);
  await lockedCycle(ctx, before.cycle_id, 'run');
  if (before.checked_at) throw conflict('The action is already checked', [{ path: 'check', message: 'checked' }]);
  await writeAction(ctx, before, {
    check_result: input.result,
    check_note: input.note || null,
    checked_by: ctx.actor.userId,
    checked_at: ctx.deps.now(),
  });
  return presentAction(await loadAction(ctx, actionId), ctx.deps.now());
}

async function loadAction(ctx: Ctx, actionId: string) {
  const row = await getActionRow(ctx.tx, ctx.actor.orgId, actionId);
  if (!row) throw notFound('Action');
  return row;
}

async function writeAction(
  ctx: Ctx,
  before: Awaited<ReturnType<typeof loadAction>>,
  changes: {
    title?: string;
    owner_id?: string;
    due_day?: string;
    check_result?: string;
    check_note?: string | null;
    checked_by?: string;
    checked_at?: Date;
  },
): Promise<void> {
  const updated = await ctx.tx
    .updateTable('pdca_actions')
    .set({ ...changes, version: before.version + 1, updated_at: ctx.deps.now() })
    .where('org_id', '=', ctx.actor.orgId)
    .where('action_id', '=', before.action_id)
    .where('version', '=', before.version)
    .returning('action_id')
    .executeTakeFirst();
  if (!updated) {
    throw conflict('The action was changed since you read it; reload it and try again', [
      { path: 'body.version', message: 'Stale version' },
    ]);
  }
  const after = await loadAction(ctx, before.action_id);
  await auditChange(ctx, {
    action: 'update',
    entity: 'pdca_action',
    entityId: before.action_id,
    before: actionFields(before),
    after: actionFields(after),
  });
}

/** The owner is an active person working in the plan's scope (anyone active for the organisation). */
async function assertOwnerInScope(
  ctx: Ctx,
  units: Parameters<typeof scopeUnitIds>[0],
  scopeUnitId: string | null,
  ownerId: string,
): Promise<void> {
  const owner = await ctx.tx
    .selectFrom('users')
    .select(['unit_id', 'active'])
    .where('org_id', '=', ctx.actor.orgId)
    .where('user_id', '=', ownerId)
    .executeTakeFirst();
  const inScope = scopeUnitIds(units, scopeUnitId);
  if (!owner?.active || (inScope !== null && !inScope.includes(owner.unit_id ?? ''))) {
    throw unprocessable("The owner must be an active person in the plan's scope", [
      { path: 'body.ownerId', message: 'rep_outside_scope' },
    ]);
  }
}

/** The last second of the due day where the owner works. */
async function dueAtOf(ctx: Ctx, ownerId: string, dueDay: string): Promise<Date> {
  const owner = await ctx.tx
    .selectFrom('users')
    .select('time_zone')
    .where('org_id', '=', ctx.actor.orgId)
    .where('user_id', '=', ownerId)
    .executeTakeFirst();
  const nextDay = await startOfNextDay(ctx.tx, dueDay, owner?.time_zone ?? 'UTC');
  return new Date(nextDay.getTime() - 1000);
}
