import type {
  ClientDuplicate,
  Contact,
  ContactSummary,
  ContactsQuery,
  CreateContactRequest,
  UpdateContactRequest,
} from '@pulse/contracts';
import { unprocessable } from '../../http/errors.ts';
import type { Ctx } from './client-context.ts';
import { filledFrom, mergeClients } from './client-merge.ts';
import {
  type ClientKind,
  type CreateClientOptions,
  createClient,
  deleteClient,
  findDuplicatesOfClient,
  getClient,
  listClients,
  setClientArchived,
  updateClient,
} from './client-records.ts';
import type { ClientSettings } from './client-settings.ts';
import { countOpenDeals, getCompanyRow } from './companies.queries.ts';
import { findContactLinks } from './company-links.ts';
import { loadContactPoints } from './contact-points.ts';
import { type ContactRow, findContacts, getContactRow } from './contacts.queries.ts';
import { findContactDuplicates } from './duplicates.ts';
import { auditedContact, presentContact, presentContactSummary } from './present-contact.ts';

/** Fields the survivor of a merge takes from the other contact when it has none of its own. */
const FILLED = ['position', 'company_id', 'owner_id', 'source', 'notes'] as const;

/** A contact for the use cases companies and contacts share (client-records.ts). */
const CONTACT: ClientKind<ContactRow, Contact> = {
  table: 'contacts',
  idColumn: 'contact_id',
  field: 'contactId',
  entity: 'contact',
  noun: 'Contact',
  idOf: (row) => row.contact_id,
  getRow: getContactRow,
  present: presentOneContact,
  audited: auditedContact,
  findLinks: findContactLinks,
  probe: (row) => ({ name: row.full_name, companyId: row.company_id }),
  findDuplicates: findContactDuplicates,
  linked: ['deals', 'leads', 'activities', 'tasks'],
  // A decision maker stays one.
  survivorTakes: (survivor, other) => ({
    ...filledFrom(survivor, other, FILLED),
    is_decision_maker: survivor.is_decision_maker || other.is_decision_maker,
  }),
};

export function listContacts(
  ctx: Ctx,
  query: ContactsQuery,
): Promise<{ items: ContactSummary[]; nextCursor: string | null }> {
  return listClients(ctx, query, findContacts, presentContactSummary);
}

export function getContact(ctx: Ctx, contactId: string): Promise<Contact> {
  return getClient(ctx, CONTACT, contactId);
}

/** A new contact; look-alikes (same e-mail, phone, similar name at the same company) come back with it. */
export async function createContact(
  ctx: Ctx,
  input: CreateContactRequest,
  options: CreateClientOptions = {},
): Promise<{ contact: Contact; duplicates: ClientDuplicate[] }> {
  const { record, duplicates } = await createClient(ctx, CONTACT, input, {
    ...options,
    columns: { ...columnsOf(input), full_name: input.fullName },
    vet: async (reader, settings, points) => {
      await assertCompanyLink(reader, settings, input.companyId);
      return findContactDuplicates(ctx.tx, ctx.actor.orgId, {
        id: null,
        name: input.fullName,
        companyId: input.companyId,
        ...points,
      });
    },
  });
  return { contact: record, duplicates };
}

export function updateContact(ctx: Ctx, contactId: string, input: UpdateContactRequest): Promise<Contact> {
  return updateClient(ctx, CONTACT, contactId, input, {
    columns: columnsOf(input),
    vet: async (row, settings) => {
      if (input.companyId !== undefined && input.companyId !== row.company_id) {
        await assertCompanyLink(ctx, settings, input.companyId);
      }
    },
  });
}

export function setContactArchived(
  ctx: Ctx,
  contactId: string,
  input: { version: number },
  archived: boolean,
): Promise<Contact> {
  return setClientArchived(ctx, CONTACT, contactId, input, archived);
}

/** Deletes a contact nothing refers to; one with deals or history is archived instead (409). */
export function deleteContact(ctx: Ctx, contactId: string): Promise<void> {
  return deleteClient(ctx, CONTACT, contactId);
}

/** Contacts that look like this one: same e-mail or phone, or a similar name at the same company. */
export function findDuplicatesOfContact(ctx: Ctx, contactId: string): Promise<{ items: ClientDuplicate[] }> {
  return findDuplicatesOfClient(ctx, CONTACT, contactId);
}

/**
 * Merges `otherId` into the contact in the path: deals, leads, activities, tasks, phones,
 * e-mails and contacts merged into the other before move to the survivor; the survivor's empty
 * fields are filled from the other (a decision maker stays one); the other is archived with
 * `mergedIntoId`. Both keep their audit trail; each moved record gets an entry.
 */
export function mergeContacts(
  ctx: Ctx,
  survivorId: string,
  input: { otherId: string; version: number },
): Promise<Contact> {
  return mergeClients(ctx, CONTACT, survivorId, input);
}

async function presentOneContact(ctx: Ctx, row: ContactRow): Promise<Contact> {
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
