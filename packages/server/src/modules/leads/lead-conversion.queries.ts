import type { Tx } from '../../db/tenant.ts';

/**
 * SQL the conversion of a lead needs beyond the create use cases of companies, contacts and
 * deals: the live records it links, and the move of the lead's history onto them.
 */

/** A live company (not archived, not merged away) with its owner's unit, for the scope check. */
export function getLiveCompany(tx: Tx, orgId: string, companyId: string) {
  return tx
    .selectFrom('companies as c')
    .leftJoin('users as o', (j) => j.onRef('o.org_id', '=', 'c.org_id').onRef('o.user_id', '=', 'c.owner_id'))
    .select(['c.company_id', 'c.owner_id', 'o.unit_id as owner_unit_id'])
    .where('c.org_id', '=', orgId)
    .where('c.company_id', '=', companyId)
    .where('c.archived_at', 'is', null)
    .where('c.merged_into_id', 'is', null)
    .executeTakeFirst();
}

/** A live contact with its company and its owner's unit. */
export function getLiveContact(tx: Tx, orgId: string, contactId: string) {
  return tx
    .selectFrom('contacts as c')
    .leftJoin('users as o', (j) => j.onRef('o.org_id', '=', 'c.org_id').onRef('o.user_id', '=', 'c.owner_id'))
    .select(['c.contact_id', 'c.company_id', 'c.owner_id', 'o.unit_id as owner_unit_id'])
    .where('c.org_id', '=', orgId)
    .where('c.contact_id', '=', contactId)
    .where('c.archived_at', 'is', null)
    .where('c.merged_into_id', 'is', null)
    .executeTakeFirst();
}

/**
 * The lead's activities and tasks join the deal's timeline (and the client's, where they named
 * no client yet): the history the lead gathered stays with what it became.
 */
export async function relinkLeadHistory(
  tx: Tx,
  orgId: string,
  leadId: string,
  links: { dealId: string | null; companyId: string; contactId: string | null },
): Promise<void> {
  for (const table of ['activities', 'tasks'] as const) {
    await tx
      .updateTable(table)
      .set((eb) => ({
        deal_id: eb.fn.coalesce('deal_id', eb.val(links.dealId)),
        company_id: eb.fn.coalesce('company_id', eb.val(links.companyId)),
        contact_id: eb.fn.coalesce('contact_id', eb.val(links.contactId)),
      }))
      .where('org_id', '=', orgId)
      .where('lead_id', '=', leadId)
      .execute();
  }
}
