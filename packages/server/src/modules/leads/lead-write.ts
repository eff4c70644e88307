import type { LeadDetail, QualificationCriterion } from '@pulse/contracts';
import type { Updateable } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { LeadsTable } from '../../db/schema.ts';
import type { Tx } from '../../db/tenant.ts';
import { type AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import type { Actor } from '../access/actor.ts';
import { auditChange } from '../audit/record-audit.ts';
import { canEditLead, canViewLead } from './leads.policy.ts';
import { findQualificationCriteria, getLeadRow, type LeadRow } from './leads.queries.ts';
import { auditedLead, partiesOf, presentLeadDetail } from './present-lead.ts';
import { loadResponseClock } from './response-clock.ts';

/** What every lead use case receives: the tenant transaction, the actor and the clock. */
export interface Ctx {
  tx: Tx;
  actor: Actor;
  deps: AppDeps;
}

export const staleVersion = (current: number): AppError =>
  conflict('The lead was changed by someone else; reload it and try again', [
    { path: 'body.version', message: `The current version is ${current}` },
  ]);

/**
 * A lead the actor may change, read at the version they saw: 404 when they cannot see it (or it
 * is another organisation's), 403 when they may only read it, 409 when the version is stale.
 */
export async function loadLeadForChange(ctx: Ctx, leadId: string, version: number): Promise<LeadRow> {
  const row = await getLeadRow(ctx.tx, ctx.actor.orgId, leadId);
  if (!row || !canViewLead(ctx.actor, partiesOf(row))) throw notFound('Lead');
  if (!canEditLead(ctx.actor, partiesOf(row))) {
    throw forbidden("Only the lead's creator, qualifier or assignee, their heads or an administrator may change it");
  }
  if (row.version !== version) throw staleVersion(row.version);
  return row;
}

/** A converted lead is the history of a deal: it is no longer changed. */
export function assertNotConverted(row: LeadRow): void {
  if (row.status === 'converted') throw conflict('The lead is already converted; it is kept as history');
}

/**
 * Writes changes to a lead at the next version and audits them. The update is guarded by the
 * version read, so of two concurrent writers the second gets 409, never a lost update.
 */
export async function saveLead(ctx: Ctx, before: LeadRow, changes: Updateable<LeadsTable>): Promise<void> {
  const { tx, actor, deps } = ctx;
  const after = await tx
    .updateTable('leads')
    .set({ ...changes, version: before.version + 1, updated_at: deps.now() })
    .where('org_id', '=', actor.orgId)
    .where('lead_id', '=', before.lead_id)
    .where('version', '=', before.version)
    .returningAll()
    .executeTakeFirst();
  if (!after) throw staleVersion(before.version + 1);
  await auditChange(ctx, {
    action: 'update',
    entity: 'lead',
    entityId: before.lead_id,
    before: auditedLead(before),
    after: auditedLead(after),
  });
}

export async function findCriteria(tx: Tx, orgId: string): Promise<QualificationCriterion[]> {
  const rows = await findQualificationCriteria(tx, orgId);
  return rows.map((r) => ({
    id: r.criterion_id,
    code: r.code,
    name: r.name,
    position: r.position,
    required: r.required,
    active: r.active,
  }));
}

/** The lead as it now stands, for the answer of a write (the writer saw it a moment ago). */
export async function presentLeadById(ctx: Ctx, leadId: string): Promise<LeadDetail> {
  const row = await getLeadRow(ctx.tx, ctx.actor.orgId, leadId);
  if (!row) throw notFound('Lead');
  const [clock, criteria] = await Promise.all([
    loadResponseClock(ctx.tx, ctx.actor.orgId, ctx.deps.now()),
    findCriteria(ctx.tx, ctx.actor.orgId),
  ]);
  return presentLeadDetail(row, clock, criteria);
}
