import type { ClientEmail, ClientPhone, Company, CompanySummary } from '@pulse/contracts';
import type { CompanyRow } from './companies.queries.ts';

/** The list form of a company row. */
export function presentCompanySummary(row: CompanyRow): CompanySummary {
  return {
    id: row.company_id,
    name: row.name,
    legalName: row.legal_name,
    inn: row.inn,
    kpp: row.kpp,
    industry: row.industry,
    size: row.size as CompanySummary['size'],
    region: row.region,
    city: row.city,
    channel: row.channel as CompanySummary['channel'],
    segment: row.segment,
    source: row.source,
    isKeyAccount: row.is_key_account,
    ownerId: row.owner_id,
    archivedAt: row.archived_at?.toISOString() ?? null,
    mergedIntoId: row.merged_into_id,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    lifecycle: row.lifecycle,
    lastPurchaseDay: row.last_day,
    phone: row.first_phone,
    email: row.first_email,
  };
}

/** The page form: the row with its phones, e-mails, contacts and open deals. */
export function presentCompany(
  row: CompanyRow,
  extra: {
    phones: ClientPhone[];
    emails: ClientEmail[];
    contacts: {
      contact_id: string;
      full_name: string;
      position: string | null;
      is_decision_maker: boolean;
      archived_at: Date | null;
    }[];
    openDealCount: number;
  },
): Company {
  return {
    ...presentCompanySummary(row),
    notes: row.notes,
    phones: extra.phones,
    emails: extra.emails,
    contacts: extra.contacts.map((c) => ({
      id: c.contact_id,
      fullName: c.full_name,
      position: c.position,
      isDecisionMaker: c.is_decision_maker,
      archived: c.archived_at !== null,
    })),
    openDealCount: extra.openDealCount,
  };
}

/**
 * The audited fields of a company, named as in the API; phones and e-mails as their values,
 * lifecycle and counts left out (computed, not changed by anyone).
 */
export function auditedCompany(company: Company): Record<string, unknown> {
  const {
    id: _id,
    lifecycle: _lifecycle,
    lastPurchaseDay: _lastPurchaseDay,
    phone: _phone,
    email: _email,
    contacts: _contacts,
    openDealCount: _openDealCount,
    version: _version,
    ...fields
  } = company;
  return {
    ...fields,
    phones: company.phones.map((p) => `${p.e164} (${p.label})`),
    emails: company.emails.map((e) => `${e.email} (${e.label})`),
  };
}
