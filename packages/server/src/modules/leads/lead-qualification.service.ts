import type { DisqualifyLeadRequest, LeadDetail, PutLeadQualificationRequest } from '@pulse/contracts';
import { sql } from 'kysely';
import { unprocessable } from '../../http/errors.ts';
import {
  assertNotConverted,
  type Ctx,
  findCriteria,
  loadLeadForChange,
  presentLeadById,
  saveLead,
} from './lead-write.ts';

/** Once a sales manager has the lead, its qualification is settled (they may still disqualify it). */
const QUALIFIABLE_STATUSES = ['new', 'working', 'qualified', 'unqualified'];

/**
 * Stores the checklist answers (replacing earlier ones). The lead is qualified when every
 * active required criterion is answered yes, and being worked on otherwise; whoever records
 * the answers becomes the qualifier if the lead had none.
 */
export async function putLeadQualification(
  ctx: Ctx,
  leadId: string,
  input: PutLeadQualificationRequest,
): Promise<LeadDetail> {
  const before = await loadLeadForChange(ctx, leadId, input.version);
  assertNotConverted(before);
  if (!QUALIFIABLE_STATUSES.includes(before.status)) {
    throw unprocessable('The lead has been handed off; its qualification can no longer change', [
      { path: 'body.answers', message: 'Already handed off' },
    ]);
  }
  const criteria = await findCriteria(ctx.tx, ctx.actor.orgId);
  const known = new Set(criteria.map((c) => c.code));
  const unknown = Object.keys(input.answers).filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw unprocessable(
      `Not on the qualification checklist: ${unknown.join(', ')}`,
      unknown.map((code) => ({ path: `body.answers.${code}`, message: 'Unknown criterion' })),
    );
  }
  const qualified = criteria.filter((c) => c.active && c.required).every((c) => input.answers[c.code] === true);
  await storeAnswers(ctx, leadId, input.answers);
  await saveLead(ctx, before, {
    status: qualified ? 'qualified' : 'working',
    unqualified_reason: null,
    qualifier_id: before.qualifier_id ?? ctx.actor.userId,
  });
  return presentLeadById(ctx, leadId);
}

/**
 * Marks a lead unqualified with the reason why (no budget, not our client…). Possible at any
 * point before conversion: a sales manager who finds a handed-off lead empty disqualifies it.
 */
export async function disqualifyLead(ctx: Ctx, leadId: string, input: DisqualifyLeadRequest): Promise<LeadDetail> {
  const before = await loadLeadForChange(ctx, leadId, input.version);
  assertNotConverted(before);
  await saveLead(ctx, before, {
    status: 'unqualified',
    unqualified_reason: input.reason,
    qualifier_id: before.qualifier_id ?? ctx.actor.userId,
  });
  return presentLeadById(ctx, leadId);
}

/**
 * Writes the answers as jsonb. Raw SQL because the schema types `qualification` as a generated
 * JSON column Kysely cannot take a string for; `saveLead` right after bumps the version (guarded)
 * and audits the answers with the rest, in the same transaction.
 */
async function storeAnswers(ctx: Ctx, leadId: string, answers: Record<string, boolean>): Promise<void> {
  await sql`UPDATE leads SET qualification = ${JSON.stringify(answers)}::jsonb
    WHERE org_id = ${ctx.actor.orgId} AND lead_id = ${leadId}`.execute(ctx.tx);
}
