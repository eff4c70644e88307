import type { Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';

// Companies and contacts, with their phones and emails.

export interface CompaniesTable {
  org_id: string;
  company_id: Generated<string>;
  name: string;
  legal_name: string | null;
  inn: string | null;
  kpp: string | null;
  industry: string | null;
  size: string | null;
  region: string | null;
  city: string | null;
  channel: string | null;
  segment: string | null;
  source: string | null;
  owner_id: string | null;
  is_key_account: Generated<boolean>;
  notes: string | null;
  archived_at: Timestamp | null;
  merged_into_id: string | null;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ContactsTable {
  org_id: string;
  contact_id: Generated<string>;
  company_id: string | null;
  full_name: string;
  position: string | null;
  is_decision_maker: Generated<boolean>;
  owner_id: string | null;
  source: string | null;
  notes: string | null;
  archived_at: Timestamp | null;
  merged_into_id: string | null;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface PhonesTable {
  org_id: string;
  phone_id: Generated<string>;
  company_id: string | null;
  contact_id: string | null;
  e164: string;
  raw: string;
  label: Generated<string>;
  position: Generated<number>;
}

export interface EmailsTable {
  org_id: string;
  email_id: Generated<string>;
  company_id: string | null;
  contact_id: string | null;
  email: string;
  label: Generated<string>;
  position: Generated<number>;
}

/** Table name → row type, as the SQL migrations name them. */
export interface CompanyTables {
  companies: CompaniesTable;
  contacts: ContactsTable;
  phones: PhonesTable;
  emails: EmailsTable;
}
