import type { ActivitiesQuery, Activity, CreateActivityRequest, UpdateActivityRequest } from '@pulse/contracts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { keysetPage } from '../../http/keyset.ts';
import { auditChange } from '../audit/record-audit.ts';
import { canRecordWork, canViewWorkOf, isDeletableActivity } from './activities.policy.ts';
import { type ActivityRow, findActivities, getActivityRow } from './activities.queries.ts';
import {
  assertFieldsFitKind,
  assertNotInFuture,
  assertStatusMove,
  normalizeActivityPhone,
  occurredAtOnEdit,
  type ResolvedNextStep,
  resolveNextStep,
} from './activity-rules.ts';
import { touchLeadIfAnswered } from './lead-touch.ts';
import { assertAssignable, assertLinksVisible } from './linked-records.ts';
import { auditedActivity, presentActivity } from './present.ts';
import { insertTask } from './tasks.service.ts';
import type { WorkCtx } from './work-context.ts';

export async function listActivities(
  ctx: WorkCtx,
  query: ActivitiesQuery,
): Promise<{ items: Activity[]; nextCursor: string | null }> {
  const rows = await findActivities(ctx.tx, ctx.actor, query);
  return keysetPage(rows, query.limit, (row) => presentActivity(row, ctx.actor));
}

export async function getVisibleActivity(ctx: WorkCtx, activityId: string): Promise<Activity> {
  return presentActivity(await loadVisibleActivity(ctx, activityId), ctx.actor);
}

/** Logs a call, meeting, e-mail or note; completing a call or meeting may create its next-step task. */
export async function createActivity(ctx: WorkCtx, input: CreateActivityRequest): Promise<Activity> {
  const { tx, actor, deps } = ctx;
  if (!canRecordWork(actor)) throw forbidden();
  await assertLinksVisible(ctx, input);
  const userId = input.userId ?? actor.userId;
  await assertAssignable(ctx, userId, 'body.userId');
  const call = input.kind === 'call' ? input : null;
  const phone = await normalizeActivityPhone(ctx, call?.phone);
  const now = deps.now();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  assertNotInFuture(input.status, occurredAt, now);
  const links = {
    companyId: input.companyId ?? null,
    contactId: input.contactId ?? null,
    leadId: input.leadId ?? null,
    dealId: input.dealId ?? null,
  };
  const nextStep = await resolveNextStep(
    ctx,
    { kind: input.kind, outcome: input.status, links, performerId: userId },
    'nextStep' in input ? input.nextStep : undefined,
  );
  const outcome = input.kind === 'call' || input.kind === 'meeting' ? input : null;
  const { activity_id } = await tx
    .insertInto('activities')
    .values({
      org_id: actor.orgId,
      kind: input.kind,
      direction: 'direction' in input ? input.direction : null,
      status: input.status,
      subject: input.subject ?? null,
      body: input.body ?? null,
      occurred_at: occurredAt,
      duration_sec: outcome?.durationSec ?? null,
      result: outcome?.result ?? null,
      recording_url: call?.recordingUrl ?? null,
      phone_e164: phone ?? null,
      user_id: userId,
      company_id: links.companyId,
      contact_id: links.contactId,
      lead_id: links.leadId,
      deal_id: links.dealId,
      created_by: actor.userId,
      no_next_step_reason: nextStep.noNextStepReason,
      created_at: now,
      updated_at: now,
    })
    .returning('activity_id')
    .executeTakeFirstOrThrow();
  await createNextStepTask(ctx, nextStep, activity_id, links);
  const after = await reload(ctx, activity_id);
  await audit(ctx, 'create', activity_id, null, after);
  await touchLeadIfAnswered(ctx, null, after);
  return presentActivity(after, ctx.actor);
}

/**
 * Edits an activity read at `version` (stale → 409). A planned call or meeting is completed here
 * (status → done), which asks for the next step as creating a completed one does.
 */
export async function updateActivity(
  ctx: WorkCtx,
  activityId: string,
  input: UpdateActivityRequest,
): Promise<Activity> {
  const { tx, actor, deps } = ctx;
  if (!canRecordWork(actor)) throw forbidden();
  const before = await loadVisibleActivity(ctx, activityId);
  if (before.version !== input.version) throw staleVersion();
  assertFieldsFitKind(before.kind, input);
  const status = input.status ?? before.status;
  assertStatusMove(before.kind, before.status, status);
  await assertLinksVisible(ctx, input, {
    companyId: before.company_id,
    contactId: before.contact_id,
    leadId: before.lead_id,
    dealId: before.deal_id,
  });
  const userId = input.userId ?? before.user_id;
  if (input.userId && input.userId !== before.user_id) await assertAssignable(ctx, input.userId, 'body.userId');
  const phone = await normalizeActivityPhone(ctx, input.phone);
  const now = deps.now();
  const occurredAt = occurredAtOnEdit(
    { status: before.status, occurredAt: before.occurred_at },
    status,
    input.occurredAt,
    now,
  );
  if (input.occurredAt !== undefined || status !== before.status) assertNotInFuture(status, occurredAt, now);
  const keep = <T>(value: T | undefined, old: T) => (value === undefined ? old : value);
  const links = {
    companyId: keep(input.companyId, before.company_id),
    contactId: keep(input.contactId, before.contact_id),
    leadId: keep(input.leadId, before.lead_id),
    dealId: keep(input.dealId, before.deal_id),
  };
  const nextStep = await resolveNextStep(
    ctx,
    { kind: before.kind, outcome: status === before.status ? null : status, links, performerId: userId },
    input.nextStep,
  );
  const updated = await tx
    .updateTable('activities')
    .set({
      status,
      direction: keep(input.direction, before.direction),
      subject: keep(input.subject, before.subject),
      body: keep(input.body, before.body),
      occurred_at: occurredAt,
      duration_sec: keep(input.durationSec, before.duration_sec),
      result: keep(input.result, before.result),
      recording_url: keep(input.recordingUrl, before.recording_url),
      phone_e164: keep(phone, before.phone_e164),
      user_id: userId,
      company_id: links.companyId,
      contact_id: links.contactId,
      lead_id: links.leadId,
      deal_id: links.dealId,
      no_next_step_reason: nextStep.noNextStepReason ?? before.no_next_step_reason,
      version: before.version + 1,
      updated_at: now,
    })
    .where('org_id', '=', actor.orgId)
    .where('activity_id', '=', activityId)
    .where('version', '=', before.version)
    .returning('activity_id')
    .executeTakeFirst();
  if (!updated) throw staleVersion();
  await createNextStepTask(ctx, nextStep, activityId, links);
  const after = await reload(ctx, activityId);
  await audit(ctx, 'update', activityId, before, after);
  await touchLeadIfAnswered(ctx, before, after);
  return presentActivity(after, ctx.actor);
}

/** Deletes a note or a still-planned meeting; a call, e-mail or held meeting is history (409). */
export async function deleteActivity(ctx: WorkCtx, activityId: string): Promise<void> {
  const { tx, actor } = ctx;
  if (!canRecordWork(actor)) throw forbidden();
  const before = await loadVisibleActivity(ctx, activityId);
  if (!isDeletableActivity(before)) {
    throw conflict(`This ${before.kind} is ${before.status}: it is history and cannot be deleted`);
  }
  await tx.deleteFrom('activities').where('org_id', '=', actor.orgId).where('activity_id', '=', activityId).execute();
  await audit(ctx, 'delete', activityId, before, null);
}

async function createNextStepTask(
  ctx: WorkCtx,
  nextStep: ResolvedNextStep,
  activityId: string,
  links: { companyId: string | null; contactId: string | null; leadId: string | null; dealId: string | null },
): Promise<void> {
  if (!nextStep.task) return;
  await insertTask(ctx, {
    title: nextStep.task.title,
    description: null,
    dueAt: nextStep.task.dueAt,
    priority: nextStep.task.priority,
    assigneeId: nextStep.task.assigneeId,
    ...links,
    sourceActivityId: activityId,
  });
}

async function loadVisibleActivity(ctx: WorkCtx, activityId: string): Promise<ActivityRow> {
  const row = await getActivityRow(ctx.tx, ctx.actor.orgId, activityId);
  if (!row || !canViewWorkOf(ctx.actor, { userId: row.user_id, unitId: row.user_unit_id })) {
    throw notFound('Activity');
  }
  return row;
}

async function reload(ctx: WorkCtx, activityId: string): Promise<ActivityRow> {
  const row = await getActivityRow(ctx.tx, ctx.actor.orgId, activityId);
  if (!row) throw notFound('Activity');
  return row;
}

const staleVersion = () =>
  conflict('Someone changed this activity after you opened it; reload and try again', [
    { path: 'body.version', message: 'Stale version' },
  ]);

function audit(
  ctx: WorkCtx,
  action: 'create' | 'update' | 'delete',
  activityId: string,
  before: ActivityRow | null,
  after: ActivityRow | null,
) {
  return auditChange(ctx, {
    action,
    entity: 'activity',
    entityId: activityId,
    before: auditedActivity(before),
    after: auditedActivity(after),
  });
}
