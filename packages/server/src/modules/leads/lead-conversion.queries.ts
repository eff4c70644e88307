import type { Tx } from '../../db/tenant.ts';

/**
 * SQL the conversion of a lead needs on companies, contacts, pipelines and deals. Written here
 * rather than borrowed from those modules so a lead's conversion depends on the tables only.
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

/** Phones and e-mails of a new company or contact, each the first of its kind. */
export async function insertChannels(
  tx: Tx,
  orgId: string,
  owner: { company_id: string } | { contact_id: string },
  channels: { phone: { e164: string; raw: string } | null; email: string | null },
): Promise<void> {
  const of = { company_id: null, contact_id: null, ...owner };
  if (channels.phone) {
    await tx
      .insertInto('phones')
      .values({ org_id: orgId, ...of, e164: channels.phone.e164, raw: channels.phone.raw, label: 'work', position: 0 })
      .execute();
  }
  if (channels.email) {
    await tx
      .insertInto('emails')
      .values({ org_id: orgId, ...of, email: channels.email, label: 'work', position: 0 })
      .execute();
  }
}

/** A pipeline deals can be opened in; the default one when no id is given. */
export function getOpenPipeline(tx: Tx, orgId: string, pipelineId: string | null) {
  let query = tx
    .selectFrom('pipelines')
    .select('pipeline_id')
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null);
  query = pipelineId ? query.where('pipeline_id', '=', pipelineId) : query.where('is_default', '=', true);
  return query.executeTakeFirst();
}

export function getStage(tx: Tx, orgId: string, stageId: string) {
  return tx
    .selectFrom('stages')
    .select(['stage_id', 'pipeline_id', 'kind', 'archived_at'])
    .where('org_id', '=', orgId)
    .where('stage_id', '=', stageId)
    .executeTakeFirst();
}

/** The first open stage of a pipeline, where a new deal starts. */
export function getFirstOpenStage(tx: Tx, orgId: string, pipelineId: string) {
  return tx
    .selectFrom('stages')
    .select('stage_id')
    .where('org_id', '=', orgId)
    .where('pipeline_id', '=', pipelineId)
    .where('kind', '=', 'open')
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('stage_id')
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
