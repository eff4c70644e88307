import type { Generated } from 'kysely';
import type { GeneratedJson, Timestamp } from './column-types.ts';

// Leads and the qualification checklist they are answered against.

export interface QualificationCriteriaTable {
  org_id: string;
  criterion_id: Generated<string>;
  code: string;
  name: string;
  position: Generated<number>;
  required: Generated<boolean>;
  active: Generated<boolean>;
}

export interface LeadsTable {
  org_id: string;
  lead_id: Generated<string>;
  title: string;
  source: string;
  status: Generated<string>;
  company_name: string | null;
  inn: string | null;
  contact_name: string | null;
  phone_e164: string | null;
  email: string | null;
  notes: string | null;
  created_by: string | null;
  qualifier_id: string | null;
  assignee_id: string | null;
  unit_id: string | null;
  arrived_at: Timestamp;
  first_touch_at: Timestamp | null;
  response_ms: number | null;
  qualification: GeneratedJson;
  unqualified_reason: string | null;
  handed_off_at: Timestamp | null;
  converted_at: Timestamp | null;
  company_id: string | null;
  contact_id: string | null;
  deal_id: string | null;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** Table name → row type, as the SQL migrations name them. */
export interface LeadTables {
  qualification_criteria: QualificationCriteriaTable;
  leads: LeadsTable;
}
