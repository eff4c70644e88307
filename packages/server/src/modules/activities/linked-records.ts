import { AppError, unprocessable } from '../../http/errors.ts';
import { isAssignableBy } from '../access/record-scope.ts';
import { companyInScope, contactInScope } from '../companies/client-scope.ts';
import { canViewDeal } from '../deals/deals.policy.ts';
import { canViewLead } from '../leads/leads.policy.ts';
import { getLeadRow, WAITING_STATUSES } from '../leads/leads.queries.ts';
import { partiesOf } from '../leads/present-lead.ts';
import type { WorkCtx } from './work-context.ts';

/** The records an activity or task points at; `undefined` means "not given", `null` "none". */
export interface LinkIds {
  companyId?: string | null;
  contactId?: string | null;
  leadId?: string | null;
  dealId?: string | null;
}

type LinkField = keyof LinkIds;
const LABEL: Record<LinkField, string> = { companyId: 'Company', contactId: 'Contact', leadId: 'Lead', dealId: 'Deal' };

/**
 * Checks every named link: the record exists in the actor's organisation and the actor may see
 * it. Anything else is a 404 naming the field, so another organisation's ids reveal nothing.
 * `unchanged` lists ids the record already points at, which are not checked again.
 */
export async function assertLinksVisible(ctx: WorkCtx, links: LinkIds, unchanged: LinkIds = {}): Promise<void> {
  for (const field of ['companyId', 'contactId', 'leadId', 'dealId'] as const) {
    const id = links[field];
    if (!id || id === unchanged[field]) continue;
    if (!(await isVisible(ctx, field, id))) {
      throw new AppError(404, 'not_found', `${LABEL[field]} not found`, [
        { path: `body.${field}`, message: `Unknown ${LABEL[field].toLowerCase()}` },
      ]);
    }
  }
}

/**
 * Whether the record exists in the actor's organisation and the actor may see it, by the rule of
 * the module that owns it: companies and contacts by client scope (owner, or a deal in scope),
 * leads by their parties, deals by owner.
 */
async function isVisible(ctx: WorkCtx, field: LinkField, id: string): Promise<boolean> {
  const { tx, actor } = ctx;
  const orgId = actor.orgId;
  switch (field) {
    case 'companyId': {
      const row = await tx
        .selectFrom('companies as c')
        .select('c.company_id')
        .where('c.org_id', '=', orgId)
        .where('c.company_id', '=', id)
        .where(companyInScope(actor, 'c'))
        .executeTakeFirst();
      return row !== undefined;
    }
    case 'contactId': {
      const row = await tx
        .selectFrom('contacts as ct')
        .select('ct.contact_id')
        .where('ct.org_id', '=', orgId)
        .where('ct.contact_id', '=', id)
        .where(contactInScope(actor, 'ct'))
        .executeTakeFirst();
      return row !== undefined;
    }
    case 'leadId': {
      const row = await getLeadRow(tx, orgId, id);
      return row !== undefined && canViewLead(actor, partiesOf(row));
    }
    case 'dealId': {
      const row = await tx
        .selectFrom('deals as d')
        .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'd.org_id').onRef('u.user_id', '=', 'd.owner_id'))
        .select(['d.owner_id', 'u.unit_id'])
        .where('d.org_id', '=', orgId)
        .where('d.deal_id', '=', id)
        .executeTakeFirst();
      return row !== undefined && canViewDeal(actor, { ownerId: row.owner_id, ownerUnitId: row.unit_id });
    }
  }
}

/** Work may be given only to an active person in the actor's reach (themselves for line staff): 422 otherwise. */
export async function assertAssignable(ctx: WorkCtx, userId: string, path: string): Promise<void> {
  if (userId === ctx.actor.userId) return;
  const user = await ctx.tx
    .selectFrom('users')
    .select(['user_id', 'unit_id', 'active'])
    .where('org_id', '=', ctx.actor.orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!user || !isAssignableBy(ctx.actor, { userId: user.user_id, unitId: user.unit_id, active: user.active })) {
    throw unprocessable('You cannot give work to this person', [
      { path, message: 'Not an active person within your reach' },
    ]);
  }
}

/** Whether the links include an open deal or an open lead: completing a call or meeting then needs a next step. */
export async function linksOpenWork(
  ctx: WorkCtx,
  links: { leadId: string | null; dealId: string | null },
): Promise<boolean> {
  const { tx, actor } = ctx;
  if (links.dealId) {
    const deal = await tx
      .selectFrom('deals')
      .select('status')
      .where('org_id', '=', actor.orgId)
      .where('deal_id', '=', links.dealId)
      .executeTakeFirst();
    if (deal?.status === 'open') return true;
  }
  if (links.leadId) {
    const lead = await tx
      .selectFrom('leads')
      .select('status')
      .where('org_id', '=', actor.orgId)
      .where('lead_id', '=', links.leadId)
      .executeTakeFirst();
    if (lead && (WAITING_STATUSES as readonly string[]).includes(lead.status)) return true;
  }
  return false;
}
