import { type Lead, type LeadDetail, LeadSource, LeadStatus, type QualificationCriterion } from '@pulse/contracts';
import type { LeadParties } from './leads.policy.ts';
import type { LeadRow } from './leads.queries.ts';
import { isOverdue, type ResponseClock, toMinutes, waitingMs } from './response-clock.ts';

const iso = (at: Date | null) => (at ? at.toISOString() : null);
const person = (id: string | null, fullName: string | null) =>
  id !== null && fullName !== null ? { id, fullName } : null;

/**
 * The stored answers, read defensively (anything but `{ code: boolean }` pairs is ignored) and
 * ordered by code, so two equal sets of answers always compare equal in the audit log.
 */
export function storedAnswers(row: { qualification: unknown }): Record<string, boolean> {
  const value = row.qualification;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const pairs = Object.entries(value as Record<string, unknown>).filter(
    (entry): entry is [string, boolean] => typeof entry[1] === 'boolean',
  );
  return Object.fromEntries(pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function partiesOf(row: LeadRow): LeadParties {
  return {
    unitId: row.unit_id,
    createdBy: row.created_by,
    createdByUnitId: row.created_by_unit_id,
    qualifierId: row.qualifier_id,
    qualifierUnitId: row.qualifier_unit_id,
    assigneeId: row.assignee_id,
    assigneeUnitId: row.assignee_unit_id,
  };
}

/** The API form of a lead, with its response time and waiting state as of the clock's now. */
export function presentLead(row: LeadRow, clock: ResponseClock): Lead {
  const waited = waitingMs(clock, row);
  return {
    id: row.lead_id,
    title: row.title,
    source: LeadSource.parse(row.source),
    status: LeadStatus.parse(row.status),
    companyName: row.company_name,
    inn: row.inn,
    contactName: row.contact_name,
    phone: row.phone_e164,
    email: row.email,
    notes: row.notes,
    unitId: row.unit_id,
    createdBy: person(row.created_by, row.created_by_name),
    qualifier: person(row.qualifier_id, row.qualifier_name),
    assignee: person(row.assignee_id, row.assignee_name),
    arrivedAt: row.arrived_at.toISOString(),
    firstTouchAt: iso(row.first_touch_at),
    responseMs: row.response_ms,
    responseMinutes: row.response_ms === null ? null : toMinutes(row.response_ms),
    waitingMs: waited,
    overdueResponse: isOverdue(clock, waited),
    unqualifiedReason: row.unqualified_reason,
    handedOffAt: iso(row.handed_off_at),
    convertedAt: iso(row.converted_at),
    companyId: row.company_id,
    contactId: row.contact_id,
    dealId: row.deal_id,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * A lead with its answers laid against the checklist: every active criterion in order, then any
 * deactivated one the lead still has an answer for.
 */
export function presentLeadDetail(
  row: LeadRow,
  clock: ResponseClock,
  criteria: readonly QualificationCriterion[],
): LeadDetail {
  const answers = storedAnswers(row);
  const shown = criteria.filter((c) => c.active || c.code in answers);
  return {
    ...presentLead(row, clock),
    qualification: shown.map((c) => ({
      code: c.code,
      name: c.name,
      required: c.required,
      active: c.active,
      answer: answers[c.code] ?? null,
    })),
    responseTargetMinutes: clock.targetMinutes,
  };
}

/** The audited fields of a lead, named as in the API. */
export function auditedLead(row: {
  title: string;
  source: string;
  status: string;
  company_name: string | null;
  inn: string | null;
  contact_name: string | null;
  phone_e164: string | null;
  email: string | null;
  notes: string | null;
  unit_id: string | null;
  qualifier_id: string | null;
  assignee_id: string | null;
  arrived_at: Date;
  first_touch_at: Date | null;
  response_ms: number | null;
  qualification: unknown;
  unqualified_reason: string | null;
  handed_off_at: Date | null;
  converted_at: Date | null;
  company_id: string | null;
  contact_id: string | null;
  deal_id: string | null;
}): Record<string, unknown> {
  return {
    title: row.title,
    source: row.source,
    status: row.status,
    companyName: row.company_name,
    inn: row.inn,
    contactName: row.contact_name,
    phone: row.phone_e164,
    email: row.email,
    notes: row.notes,
    unitId: row.unit_id,
    qualifierId: row.qualifier_id,
    assigneeId: row.assignee_id,
    arrivedAt: row.arrived_at.toISOString(),
    firstTouchAt: iso(row.first_touch_at),
    responseMs: row.response_ms,
    qualification: storedAnswers(row),
    unqualifiedReason: row.unqualified_reason,
    handedOffAt: iso(row.handed_off_at),
    convertedAt: iso(row.converted_at),
    companyId: row.company_id,
    contactId: row.contact_id,
    dealId: row.deal_id,
  };
}
