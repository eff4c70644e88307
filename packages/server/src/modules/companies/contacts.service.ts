import type {
  ClientDuplicate,
  Contact,
  ContactSummary,
  ContactsQuery,
  CreateContactRequest,
  UpdateContactRequest,
} from '@pulse/contracts';
import type { Updateable } from 'kysely';
import type { ContactsTable } from '../../db/schema.ts';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors.ts';
import { keysetPage } from '../../http/keyset.ts';
import {
  assertNotMerged,
  assertOwnerChange,
  assertVersion,
  auditClient,
  type Ctx,
  canCreateClients,
  staleVersion,
} from './client-context.ts';
import { type ClientSettings, loadClientSettings } from './client-settings.ts';
import { canEditClient } from './companies.policy.ts';
import { countOpenDeals, getCompanyRow } from './companies.queries.ts';
import { type CreateClientOptions, readingAnywhere } from './companies.service.ts';
import { findContactLinks } from './company-links.ts';
import { loadContactPoints, normalizePhones, replaceContactPoints, uniqueEmails } from './contact-points.ts';
import { type ContactRow, findContacts, getContactRow } from './contacts.queries.ts';
import { findContactDuplicates } from './duplicates.ts';
import { clientSearch, listOrder } from './list-filters.ts';
import { auditedContact, presentContact, presentContactSummary } from './present-contact.ts';

export async function listContacts(
  { tx, actor, deps }: Ctx,
  query: ContactsQuery,
): Promise<{ items: ContactSummary[]; nextCursor: string | null }> {
  const settings = await loadClientSettings(tx, actor.orgId, deps.now());
  const rows = await findContacts(tx, actor, settings, {
    ...query,
    ...clientSearch(query.q, settings.region),
    order: listOrder(query.sort, query.order),
  });
  return keysetPage(rows, query.limit, presentContactSummary);
}

export async function getContact(ctx: Ctx, contactId: string): Promise<Contact> {
  const settings = await loadClientSettings(ctx.tx, ctx.actor.orgId, ctx.deps.now());
  return presentOneContact(ctx, await loadVisibleContact(ctx, settings, contactId));
}

/** A new contact; look-alikes (same e-mail, phone, similar name at the same company) come back with it. */
export async function createContact(
  ctx: Ctx,
  input: CreateContactRequest,
  { ownerFromHandOff = false }: CreateClientOptions = {},
): Promise<{ contact: Contact; duplicates: ClientDuplicate[] }> {
  const { tx, actor, deps } = ctx;
  const settings = await loadClientSettings(tx, actor.orgId, deps.now());
  const phones = normalizePhones(input.phones, settings.region);
  const emails = uniqueEmails(input.emails);
  if (!canCreateClients(actor)) throw forbidden();
  const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId;
  if (!ownerFromHandOff) await assertOwnerChange(ctx, ownerId);
  const reader = ownerFromHandOff ? readingAnywhere(ctx) : ctx;
  await assertCompanyLink(reader, settings, input.companyId);
  const duplicates = await findContactDuplicates(tx, actor.orgId, {
    id: null,
    name: input.fullName,
    companyId: input.companyId,
    phones: phones.map((p) => p.e164),
    emails: emails.map((e) => e.email),
  });
  const now = deps.now();
  const row = await tx
    .insertInto('contacts')
    .values({
      org_id: actor.orgId,
      ...columnsOf(input),
      full_name: input.fullName,
      owner_id: ownerId,
      created_at: now,
      updated_at: now,
    })
    .returning('contact_id')
    .executeTakeFirstOrThrow();
  await replaceContactPoints(tx, actor.orgId, { contactId: row.contact_id }, { phones, emails });
  const contact = await presentOneContact(ctx, await loadVisibleContact(reader, settings, row.contact_id));
  await auditClient(ctx, 'create', 'contact', contact.id, null, auditedContact(contact));
  return { contact, duplicates };
}

export async function updateContact(ctx: Ctx, contactId: string, input: UpdateContactRequest): Promise<Contact> {
  const { tx, actor, deps } = ctx;
  const settings = await loadClientSettings(tx, actor.orgId, deps.now());
  const phones = input.phones && normalizePhones(input.phones, settings.region);
  const emails = input.emails && uniqueEmails(input.emails);
  const row = await loadEditableContact(ctx, settings, contactId);
  assertVersion(row.version, input.version);
  assertNotMerged(row);
  if (input.ownerId !== undefined && input.ownerId !== row.owner_id) await assertOwnerChange(ctx, input.ownerId);
  if (input.companyId !== undefined && input.companyId !== row.company_id) {
    await assertCompanyLink(ctx, settings, input.companyId);
  }
  const before = await presentOneContact(ctx, row);
  await bumpContactVersion(ctx, contactId, input.version, columnsOf(input));
  await replaceContactPoints(tx, actor.orgId, { contactId }, { phones, emails });
  const after = await presentOneContact(ctx, await loadVisibleContact(ctx, settings, contactId));
  await auditClient(ctx, 'update', 'contact', contactId, auditedContact(before), auditedContact(after));
  return after;
}

export async function setContactArchived(
  ctx: Ctx,
  contactId: string,
  input: { version: number },
  archived: boolean,
): Promise<Contact> {
  const settings = await loadClientSettings(ctx.tx, ctx.actor.orgId, ctx.deps.now());
  const row = await loadEditableContact(ctx, settings, contactId);
  assertVersion(row.version, input.version);
  if (!archived) assertNotMerged(row);
  if ((row.archived_at !== null) === archived) return presentOneContact(ctx, row);
  const before = await presentOneContact(ctx, row);
  await bumpContactVersion(ctx, contactId, input.version, { archived_at: archived ? ctx.deps.now() : null });
  const after = await presentOneContact(ctx, await loadVisibleContact(ctx, settings, contactId));
  await auditClient(ctx, 'update', 'contact', contactId, auditedContact(before), auditedContact(after));
  return after;
}

/** Deletes a contact nothing refers to; one with deals or history is archived instead (409). */
export async function deleteContact(ctx: Ctx, contactId: string): Promise<void> {
  const { tx, actor } = ctx;
  const settings = await loadClientSettings(tx, actor.orgId, ctx.deps.now());
  const row = await loadEditableContact(ctx, settings, contactId);
  const links = await findContactLinks(tx, actor.orgId, contactId);
  if (links.length > 0) {
    throw conflict(`The contact has ${links.join(', ')}; archive it instead of deleting`, [
      { path: 'id', message: `Linked: ${links.join(', ')}` },
    ]);
  }
  const before = await presentOneContact(ctx, row);
  await replaceContactPoints(tx, actor.orgId, { contactId }, { phones: [], emails: [] });
  await tx.deleteFrom('contacts').where('org_id', '=', actor.orgId).where('contact_id', '=', contactId).execute();
  await auditClient(ctx, 'delete', 'contact', contactId, auditedContact(before), null);
}

/** Contacts that look like this one: same e-mail or phone, or a similar name at the same company. */
export async function findDuplicatesOfContact(ctx: Ctx, contactId: string): Promise<{ items: ClientDuplicate[] }> {
  const { tx, actor } = ctx;
  const settings = await loadClientSettings(tx, actor.orgId, ctx.deps.now());
  const row = await loadVisibleContact(ctx, settings, contactId);
  const points = await loadContactPoints(tx, actor.orgId, { contactId });
  const items = await findContactDuplicates(tx, actor.orgId, {
    id: contactId,
    name: row.full_name,
    companyId: row.company_id,
    phones: points.phones.map((p) => p.e164),
    emails: points.emails.map((e) => e.email),
  });
  return { items };
}

export async function loadVisibleContact(ctx: Ctx, settings: ClientSettings, contactId: string): Promise<ContactRow> {
  const row = await getContactRow(ctx.tx, ctx.actor, settings, contactId);
  if (!row) throw notFound('Contact');
  return row;
}

export async function loadEditableContact(ctx: Ctx, settings: ClientSettings, contactId: string): Promise<ContactRow> {
  const row = await loadVisibleContact(ctx, settings, contactId);
  if (!canEditClient(ctx.actor, { ownerId: row.owner_id, ownerUnitId: row.owner_unit_id })) throw forbidden();
  return row;
}

export async function presentOneContact(ctx: Ctx, row: ContactRow): Promise<Contact> {
  const [points, openDealCount] = await Promise.all([
    loadContactPoints(ctx.tx, ctx.actor.orgId, { contactId: row.contact_id }),
    countOpenDeals(ctx.tx, ctx.actor.orgId, { contactId: row.contact_id }),
  ]);
  return presentContact(row, { ...points, openDealCount });
}

/** A contact is linked only to a company the actor sees and that was not merged away (422). */
async function assertCompanyLink(ctx: Ctx, settings: ClientSettings, companyId: string | null): Promise<void> {
  if (companyId === null) return;
  const company = await getCompanyRow(ctx.tx, ctx.actor, settings, companyId);
  if (!company || company.merged_into_id !== null) {
    throw unprocessable('The company does not exist or was merged into another', [
      { path: 'body.companyId', message: 'Unknown company' },
    ]);
  }
}

type ContactFields = Omit<UpdateContactRequest, 'phones' | 'emails' | 'version'>;

/** API fields → columns; fields not sent stay undefined and are left as they are. */
function columnsOf(fields: ContactFields) {
  return {
    full_name: fields.fullName,
    position: fields.position,
    is_decision_maker: fields.isDecisionMaker,
    company_id: fields.companyId,
    owner_id: fields.ownerId,
    source: fields.source,
    notes: fields.notes,
  };
}

/** Writes the change if the row is still at `version` (409 otherwise), moving it one version on. */
export async function bumpContactVersion(
  ctx: Ctx,
  contactId: string,
  version: number,
  columns: Omit<Updateable<ContactsTable>, 'org_id' | 'contact_id' | 'version'>,
): Promise<void> {
  const updated = await ctx.tx
    .updateTable('contacts')
    .set((eb) => ({ ...columns, version: eb('version', '+', 1), updated_at: ctx.deps.now() }))
    .where('org_id', '=', ctx.actor.orgId)
    .where('contact_id', '=', contactId)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw staleVersion();
}
