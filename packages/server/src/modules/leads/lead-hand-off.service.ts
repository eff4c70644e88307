import type { HandOffLeadRequest, LeadDetail } from '@pulse/contracts';
import { pickAssignee, subtreeOf } from '@pulse/domain';
import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { unprocessable } from '../../http/errors.ts';
import { isAssignableBy } from '../access/record-scope.ts';
import { loadUnitNodes } from '../auth/authenticate.ts';
import { assertNotConverted, type Ctx, loadLeadForChange, presentLeadById, saveLead } from './lead-write.ts';
import { getPersonRow, unitExists } from './leads.queries.ts';

/** A lead goes to a sales manager once qualified; a handed-off lead may be passed on again. */
const HANDABLE_STATUSES = ['qualified', 'handed_off'];

/**
 * Hands a qualified lead to a sales manager: the one named (an active sales manager the actor
 * may assign), or — without one — the next in the team by round-robin weighted by open
 * workload. The team is `unitId`, else the lead's own unit.
 */
export async function handOffLead(ctx: Ctx, leadId: string, input: HandOffLeadRequest): Promise<LeadDetail> {
  const { tx, actor, deps } = ctx;
  const before = await loadLeadForChange(ctx, leadId, input.version);
  assertNotConverted(before);
  if (!HANDABLE_STATUSES.includes(before.status)) {
    throw unprocessable(`Only a qualified lead can be handed off; this one is ${before.status}`);
  }
  if (input.unitId && !(await unitExists(tx, actor.orgId, input.unitId))) {
    throw unprocessable('The unit does not exist', [{ path: 'body.unitId', message: 'Unknown unit' }]);
  }
  const unitId = input.unitId ?? before.unit_id;
  let assigneeId: string;
  if (input.assigneeId) {
    await assertSalesManager(ctx, input.assigneeId);
    assigneeId = input.assigneeId;
  } else if (unitId) {
    assigneeId = await nextInRotation(tx, actor.orgId, unitId);
  } else {
    throw unprocessable('Name the sales manager, or the team to pick one from', [
      { path: 'body.assigneeId', message: 'Required when the lead has no unit and no unitId is given' },
    ]);
  }
  await saveLead(ctx, before, {
    assignee_id: assigneeId,
    unit_id: unitId,
    status: 'handed_off',
    handed_off_at: deps.now(),
  });
  return presentLeadById(ctx, leadId);
}

async function assertSalesManager(ctx: Ctx, userId: string): Promise<void> {
  const person = await getPersonRow(ctx.tx, ctx.actor.orgId, userId);
  const assignable =
    person?.role === 'sales_manager' &&
    isAssignableBy(ctx.actor, { userId, unitId: person.unit_id, active: person.active });
  if (!assignable) {
    throw unprocessable('The assignee must be an active sales manager you may assign work to', [
      { path: 'body.assigneeId', message: 'Unknown, deactivated, not a sales manager or outside your scope' },
    ]);
  }
}

/**
 * The team's next sales manager: fewest open leads (handed off, not yet converted) plus open
 * deals, then the one handed a lead longest ago. The candidates' rows are locked, so two
 * hand-offs into one team at the same moment take turns instead of picking the same person.
 */
async function nextInRotation(tx: Tx, orgId: string, unitId: string): Promise<string> {
  const unitIds = subtreeOf(await loadUnitNodes(tx, orgId), [unitId]);
  const members = await tx
    .selectFrom('users')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('unit_id', 'in', unitIds)
    .where('role', '=', 'sales_manager')
    .where('active', '=', true)
    .orderBy('user_id')
    .forUpdate()
    .execute();
  if (members.length === 0) {
    throw unprocessable('The team has no active sales managers to hand the lead to', [
      { path: 'body.unitId', message: 'No active sales managers' },
    ]);
  }
  const ids = members.map((m) => m.user_id);
  const load = await tx
    .selectFrom('users as u')
    .select([
      'u.user_id',
      sql<number>`(SELECT count(*)::int FROM leads l WHERE l.org_id = u.org_id AND l.assignee_id = u.user_id
        AND l.status = 'handed_off')`.as('open_leads'),
      sql<number>`(SELECT count(*)::int FROM deals d WHERE d.org_id = u.org_id AND d.owner_id = u.user_id
        AND d.status = 'open')`.as('open_deals'),
      sql<Date | null>`(SELECT max(l.handed_off_at) FROM leads l WHERE l.org_id = u.org_id
        AND l.assignee_id = u.user_id)`.as('last_assigned_at'),
    ])
    .where('u.org_id', '=', orgId)
    .where('u.user_id', 'in', ids)
    .execute();
  const picked = pickAssignee(
    load.map((r) => ({
      userId: r.user_id,
      openWorkload: r.open_leads + r.open_deals,
      lastAssignedAt: r.last_assigned_at ? new Date(r.last_assigned_at).toISOString() : null,
    })),
  );
  if (!picked) throw new Error('round-robin found no candidate among a non-empty team');
  return picked;
}
