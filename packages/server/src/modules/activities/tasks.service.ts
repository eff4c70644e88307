import type { CreateTaskRequest, Task, TaskPriority, TasksQuery, UpdateTaskRequest } from '@pulse/contracts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { keysetPage } from '../../http/keyset.ts';
import { auditChange } from '../audit/record-audit.ts';
import {
  canRecordWork,
  canTransitionTask,
  canViewWorkOf,
  isEditableTask,
  TASK_TRANSITIONS,
  type TaskTransition,
} from './activities.policy.ts';
import { assertAssignable, assertLinksVisible } from './linked-records.ts';
import { auditedTask, presentTask } from './present.ts';
import { findTasks, getTaskRow, type TaskRow } from './tasks.queries.ts';
import type { WorkCtx } from './work-context.ts';

export async function listTasks(
  ctx: WorkCtx,
  query: TasksQuery,
): Promise<{ items: Task[]; nextCursor: string | null }> {
  const now = ctx.deps.now();
  const rows = await findTasks(ctx.tx, ctx.actor, query, now);
  return keysetPage(rows, query.limit, (row) => presentTask(row, now, ctx.actor));
}

export async function getVisibleTask(ctx: WorkCtx, taskId: string): Promise<Task> {
  return presentTask(await loadVisibleTask(ctx, taskId), ctx.deps.now(), ctx.actor);
}

export async function createTask(ctx: WorkCtx, input: CreateTaskRequest): Promise<Task> {
  if (!canRecordWork(ctx.actor)) throw forbidden();
  await assertLinksVisible(ctx, input);
  const assigneeId = input.assigneeId ?? ctx.actor.userId;
  await assertAssignable(ctx, assigneeId, 'body.assigneeId');
  const row = await insertTask(ctx, {
    title: input.title,
    description: input.description ?? null,
    dueAt: new Date(input.dueAt),
    priority: input.priority,
    assigneeId,
    companyId: input.companyId ?? null,
    contactId: input.contactId ?? null,
    leadId: input.leadId ?? null,
    dealId: input.dealId ?? null,
    sourceActivityId: null,
  });
  return presentTask(row, ctx.deps.now(), ctx.actor);
}

/**
 * Writes a task and its audit entry. The caller has checked the assignee and the links (a
 * next step inherits the already-checked links of its activity).
 */
export async function insertTask(
  ctx: WorkCtx,
  input: {
    title: string;
    description: string | null;
    dueAt: Date;
    priority: TaskPriority;
    assigneeId: string;
    companyId: string | null;
    contactId: string | null;
    leadId: string | null;
    dealId: string | null;
    sourceActivityId: string | null;
  },
): Promise<TaskRow> {
  const { tx, actor, deps } = ctx;
  const now = deps.now();
  const { task_id } = await tx
    .insertInto('tasks')
    .values({
      org_id: actor.orgId,
      title: input.title,
      description: input.description,
      due_at: input.dueAt,
      priority: input.priority,
      status: 'open',
      assignee_id: input.assigneeId,
      created_by: actor.userId,
      company_id: input.companyId,
      contact_id: input.contactId,
      lead_id: input.leadId,
      deal_id: input.dealId,
      source_activity_id: input.sourceActivityId,
      created_at: now,
      updated_at: now,
    })
    .returning('task_id')
    .executeTakeFirstOrThrow();
  const row = await reload(ctx, task_id);
  await audit(ctx, 'create', null, row);
  return row;
}

/** Edits an open task; a stale version or a closed task is a 409. */
export async function updateTask(ctx: WorkCtx, taskId: string, input: UpdateTaskRequest): Promise<Task> {
  if (!canRecordWork(ctx.actor)) throw forbidden();
  const before = await loadVisibleTask(ctx, taskId);
  assertFresh(before, input.version);
  if (!isEditableTask(before)) {
    throw conflict('Only an open task can be edited; reopen it first', [{ path: 'body', message: 'Task is closed' }]);
  }
  await assertLinksVisible(ctx, input, {
    companyId: before.company_id,
    contactId: before.contact_id,
    leadId: before.lead_id,
    dealId: before.deal_id,
  });
  if (input.assigneeId && input.assigneeId !== before.assignee_id) {
    await assertAssignable(ctx, input.assigneeId, 'body.assigneeId');
  }
  const keep = <T>(value: T | undefined, old: T) => (value === undefined ? old : value);
  await write(ctx, before, {
    title: keep(input.title, before.title),
    description: keep(input.description, before.description),
    due_at: input.dueAt ? new Date(input.dueAt) : before.due_at,
    priority: keep(input.priority, before.priority),
    assignee_id: keep(input.assigneeId, before.assignee_id),
    company_id: keep(input.companyId, before.company_id),
    contact_id: keep(input.contactId, before.contact_id),
    lead_id: keep(input.leadId, before.lead_id),
    deal_id: keep(input.dealId, before.deal_id),
  });
  return getVisibleTask(ctx, taskId);
}

/** Completes, reopens or cancels a task read at `version`; from the wrong status it is a 409. */
export async function transitionTask(ctx: WorkCtx, taskId: string, transition: TaskTransition, version: number) {
  if (!canRecordWork(ctx.actor)) throw forbidden();
  const before = await loadVisibleTask(ctx, taskId);
  assertFresh(before, version);
  const rule = TASK_TRANSITIONS[transition];
  if (!canTransitionTask(before.status, transition)) {
    throw conflict(`A task that is ${before.status} cannot be ${rule.done}`, [
      { path: 'body', message: `Task is ${before.status}` },
    ]);
  }
  await write(ctx, before, { status: rule.to, completed_at: rule.to === 'done' ? ctx.deps.now() : null });
  return getVisibleTask(ctx, taskId);
}

async function loadVisibleTask(ctx: WorkCtx, taskId: string): Promise<TaskRow> {
  const row = await getTaskRow(ctx.tx, ctx.actor.orgId, taskId);
  if (!row || !canViewWorkOf(ctx.actor, { userId: row.assignee_id, unitId: row.assignee_unit_id })) {
    throw notFound('Task');
  }
  return row;
}

const staleVersion = () =>
  conflict('Someone changed this task after you opened it; reload and try again', [
    { path: 'body.version', message: 'Stale version' },
  ]);

function assertFresh(row: { version: number }, version: number): void {
  if (row.version !== version) throw staleVersion();
}

type TaskChanges = Partial<{
  title: string;
  description: string | null;
  due_at: Date;
  priority: string;
  status: string;
  completed_at: Date | null;
  assignee_id: string;
  company_id: string | null;
  contact_id: string | null;
  lead_id: string | null;
  deal_id: string | null;
}>;

/** Updates the row only at the version read (a concurrent edit in between is a 409), then audits. */
async function write(ctx: WorkCtx, before: TaskRow, changes: TaskChanges): Promise<void> {
  const { tx, actor, deps } = ctx;
  const updated = await tx
    .updateTable('tasks')
    .set({ ...changes, version: before.version + 1, updated_at: deps.now() })
    .where('org_id', '=', actor.orgId)
    .where('task_id', '=', before.task_id)
    .where('version', '=', before.version)
    .returning('task_id')
    .executeTakeFirst();
  if (!updated) throw staleVersion();
  await audit(ctx, 'update', before, await reload(ctx, before.task_id));
}

async function reload(ctx: WorkCtx, taskId: string): Promise<TaskRow> {
  const row = await getTaskRow(ctx.tx, ctx.actor.orgId, taskId);
  if (!row) throw notFound('Task');
  return row;
}

function audit(ctx: WorkCtx, action: 'create' | 'update', before: TaskRow | null, after: TaskRow) {
  return auditChange(ctx, {
    action,
    entity: 'task',
    entityId: after.task_id,
    before: auditedTask(before),
    after: auditedTask(after),
  });
}
