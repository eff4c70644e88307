import type { ClientEmail, ClientPhone, Contact, ContactSummary } from '@pulse/contracts';
import type { ContactRow } from './contacts.queries.ts';

/** The list form of a contact row. */
export function presentContactSummary(row: ContactRow): ContactSummary {
  return {
    id: row.contact_id,
    fullName: row.full_name,
    position: row.position,
    isDecisionMaker: row.is_decision_maker,
    companyId: row.company_id,
    companyName: row.company_name,
    source: row.source,
    ownerId: row.owner_id,
    archivedAt: row.archived_at?.toISOString() ?? null,
    mergedIntoId: row.merged_into_id,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    lifecycle: row.lifecycle,
    phone: row.first_phone,
    email: row.first_email,
  };
}

export function presentContact(
  row: ContactRow,
  extra: { phones: ClientPhone[]; emails: ClientEmail[]; openDealCount: number },
): Contact {
  return { ...presentContactSummary(row), notes: row.notes, ...extra };
}

/** The audited fields of a contact, named as in the API; computed ones left out. */
export function auditedContact(contact: Contact): Record<string, unknown> {
  const {
    id: _id,
    lifecycle: _lifecycle,
    companyName: _companyName,
    phone: _phone,
    email: _email,
    openDealCount: _openDealCount,
    version: _version,
    ...fields
  } = contact;
  return {
    ...fields,
    phones: contact.phones.map((p) => `${p.e164} (${p.label})`),
    emails: contact.emails.map((e) => `${e.email} (${e.label})`),
  };
}
