import type { CreateLeadRequest, Lead, LeadDetail, LeadsQuery, UpdateLeadRequest } from '@pulse/contracts';
import { normalizePhone } from '@pulse/domain';
import type { Updateable } from 'kysely';
import type { LeadsTable } from '../../db/schema.ts';
import type { Tx } from '../../db/tenant.ts';
import { notFound, unprocessable } from '../../http/errors.ts';
import { keysetPage } from '../../http/keyset.ts';
import { isAssignableBy } from '../access/record-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { FieldChecks, phoneRegion } from './lead-input.ts';
import {
  assertNotConverted,
  type Ctx,
  findCriteria,
  loadLeadForChange,
  presentLeadById,
  saveLead,
} from './lead-write.ts';
import { canViewLead } from './leads.policy.ts';
import { findLeads, getLeadRow, getLeadSettings, getPersonRow, unitExists } from './leads.queries.ts';
import { auditedLead, partiesOf, presentLead, presentLeadDetail } from './present-lead.ts';
import { loadResponseClock, overdueThreshold, responseMsBetween } from './response-clock.ts';

/** Fewer digits than this in a search are too common to match inside phone numbers. */
const MIN_PHONE_DIGITS = 3;

/** A page of the leads the actor may see, searched, filtered and sorted. */
export async function listLeads(
  { tx, actor, deps }: Ctx,
  query: LeadsQuery,
): Promise<{ items: Lead[]; nextCursor: string | null }> {
  const [clock, settings] = await Promise.all([
    loadResponseClock(tx, actor.orgId, deps.now()),
    getLeadSettings(tx, actor.orgId),
  ]);
  const digits = query.q?.replace(/\D/g, '') ?? '';
  const asPhone = query.q ? normalizePhone(query.q, phoneRegion(settings.country)) : null;
  const rows = await findLeads(tx, actor, {
    ...query,
    phoneDigits: digits.length >= MIN_PHONE_DIGITS ? digits : undefined,
    phoneE164: asPhone?.ok ? asPhone.e164 : undefined,
    overdueBefore: query.waiting === 'overdue' ? overdueThreshold(clock) : undefined,
  });
  return keysetPage(rows, query.limit, (row) => presentLead(row, clock));
}

/** One lead with its checklist; 404 when it is not in the actor's scope. */
export async function getVisibleLead({ tx, actor, deps }: Ctx, leadId: string): Promise<LeadDetail> {
  const row = await getLeadRow(tx, actor.orgId, leadId);
  if (!row || !canViewLead(actor, partiesOf(row))) throw notFound('Lead');
  const [clock, criteria] = await Promise.all([
    loadResponseClock(tx, actor.orgId, deps.now()),
    findCriteria(tx, actor.orgId),
  ]);
  return presentLeadDetail(row, clock, criteria);
}

/**
 * Anyone may record a lead (a lead-generation specialist usually; another system through the
 * API with source 'api'). A lead-generation specialist who records one qualifies it.
 */
export async function createLead(ctx: Ctx, input: CreateLeadRequest): Promise<LeadDetail> {
  const { tx, actor, deps } = ctx;
  const settings = await getLeadSettings(tx, actor.orgId);
  const checks = new FieldChecks(phoneRegion(settings.country));
  const inn = checks.inn(input.inn, 'body.inn');
  const phone = checks.phone(input.phone, 'body.phone');
  checks.done();
  const now = deps.now();
  const arrivedAt = input.arrivedAt ? new Date(input.arrivedAt) : now;
  assertArrivedInPast(arrivedAt, now);
  if (input.unitId) await assertUnit(tx, actor.orgId, input.unitId);
  const qualifierId =
    input.qualifierId === undefined ? (actor.role === 'lead_generation' ? actor.userId : null) : input.qualifierId;
  if (qualifierId && qualifierId !== actor.userId) await assertQualifier(ctx, qualifierId);
  const row = await tx
    .insertInto('leads')
    .values({
      org_id: actor.orgId,
      title: input.title,
      source: input.source,
      company_name: input.companyName,
      inn,
      contact_name: input.contactName,
      phone_e164: phone,
      email: input.email,
      notes: input.notes,
      created_by: actor.userId,
      qualifier_id: qualifierId,
      unit_id: input.unitId,
      arrived_at: arrivedAt,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, {
    orgId: actor.orgId,
    actorUserId: actor.userId,
    action: 'create',
    entity: 'lead',
    entityId: row.lead_id,
    before: null,
    after: auditedLead(row),
    at: now,
  });
  return presentLeadById(ctx, row.lead_id);
}

/** Edits the given fields of a lead read at `version`; a converted lead stays as it was. */
export async function updateLead(ctx: Ctx, leadId: string, input: UpdateLeadRequest): Promise<LeadDetail> {
  const { tx, actor, deps } = ctx;
  const before = await loadLeadForChange(ctx, leadId, input.version);
  assertNotConverted(before);
  const settings = await getLeadSettings(tx, actor.orgId);
  const checks = new FieldChecks(phoneRegion(settings.country));
  const inn = checks.inn(input.inn, 'body.inn');
  const phone = checks.phone(input.phone, 'body.phone');
  checks.done();
  const changes: Updateable<LeadsTable> = {};
  if (input.title !== undefined) changes.title = input.title;
  if (input.source !== undefined) changes.source = input.source;
  if (input.companyName !== undefined) changes.company_name = input.companyName;
  if (input.inn !== undefined) changes.inn = inn;
  if (input.contactName !== undefined) changes.contact_name = input.contactName;
  if (input.phone !== undefined) changes.phone_e164 = phone;
  if (input.email !== undefined) changes.email = input.email;
  if (input.notes !== undefined) changes.notes = input.notes;
  if (input.unitId !== undefined) {
    if (input.unitId) await assertUnit(tx, actor.orgId, input.unitId);
    changes.unit_id = input.unitId;
  }
  if (input.qualifierId !== undefined) {
    if (input.qualifierId && input.qualifierId !== before.qualifier_id) await assertQualifier(ctx, input.qualifierId);
    changes.qualifier_id = input.qualifierId;
  }
  if (input.arrivedAt !== undefined) {
    const arrivedAt = new Date(input.arrivedAt);
    assertArrivedInPast(arrivedAt, deps.now());
    changes.arrived_at = arrivedAt;
    // The response time runs from the arrival, so it moves with it.
    if (before.first_touch_at) {
      const calendar = (await loadResponseClock(tx, actor.orgId, deps.now())).calendar;
      changes.response_ms = responseMsBetween(calendar, arrivedAt, before.first_touch_at);
    }
  }
  await saveLead(ctx, before, changes);
  return presentLeadById(ctx, leadId);
}

/**
 * Records a first outbound touch of a lead by a person — an outbound call or e-mail, or a
 * meeting held — at `at`: the activities module calls it in the same transaction as it writes
 * the activity. The earliest touch wins; the response time is the business time of the
 * organisation's calendar from the lead's arrival to it. Not a user edit, so the lead's
 * version stays as it was (a form open on the lead can still be saved).
 */
export async function recordLeadTouch(
  tx: Tx,
  orgId: string,
  leadId: string,
  at: Date,
  audit: { actorUserId: string | null; now: Date } = { actorUserId: null, now: at },
): Promise<void> {
  const before = await tx
    .selectFrom('leads')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('lead_id', '=', leadId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw notFound('Lead');
  if (before.first_touch_at !== null && before.first_touch_at.getTime() <= at.getTime()) return;
  const clock = await loadResponseClock(tx, orgId, at);
  const after = await tx
    .updateTable('leads')
    .set({ first_touch_at: at, response_ms: responseMsBetween(clock.calendar, before.arrived_at, at) })
    .where('org_id', '=', orgId)
    .where('lead_id', '=', leadId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, {
    orgId,
    actorUserId: audit.actorUserId,
    action: 'update',
    entity: 'lead',
    entityId: leadId,
    before: auditedLead(before),
    after: auditedLead(after),
    at: audit.now,
  });
}

function assertArrivedInPast(arrivedAt: Date, now: Date): void {
  if (arrivedAt.getTime() > now.getTime()) {
    throw unprocessable('A lead cannot arrive in the future', [{ path: 'body.arrivedAt', message: 'In the future' }]);
  }
}

async function assertUnit(tx: Tx, orgId: string, unitId: string): Promise<void> {
  if (!(await unitExists(tx, orgId, unitId))) {
    throw unprocessable('The unit does not exist', [{ path: 'body.unitId', message: 'Unknown unit' }]);
  }
}

/** The qualifier must be an active person the actor may assign work to. */
async function assertQualifier(ctx: Ctx, userId: string): Promise<void> {
  const person = await getPersonRow(ctx.tx, ctx.actor.orgId, userId);
  if (!person || !isAssignableBy(ctx.actor, { userId, unitId: person.unit_id, active: person.active })) {
    throw unprocessable('The qualifier must be an active person you may assign work to', [
      { path: 'body.qualifierId', message: 'Unknown, deactivated or outside your scope' },
    ]);
  }
}
