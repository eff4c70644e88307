import type { Generated } from 'kysely';
import type { DayColumn, Decimal, Timestamp } from './column-types.ts';

// Pipelines and stages, the lists a lost deal is closed with, deals with their lines and stage
// history, and the sales lines won deals (or direct entry) produce.

export interface PipelinesTable {
  org_id: string;
  pipeline_id: Generated<string>;
  name: string;
  position: Generated<number>;
  is_default: Generated<boolean>;
  archived_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface StagesTable {
  org_id: string;
  stage_id: Generated<string>;
  pipeline_id: string;
  name: string;
  position: number;
  kind: Generated<string>;
  probability: number;
  rotting_days: number | null;
  archived_at: Timestamp | null;
}

export interface LostReasonsTable {
  org_id: string;
  lost_reason_id: Generated<string>;
  name: string;
  position: Generated<number>;
  active: Generated<boolean>;
}

export interface CompetitorsTable {
  org_id: string;
  competitor_id: Generated<string>;
  name: string;
  active: Generated<boolean>;
}

export interface DealsTable {
  org_id: string;
  deal_id: Generated<string>;
  title: string;
  pipeline_id: string;
  stage_id: string;
  status: Generated<string>;
  company_id: string | null;
  contact_id: string | null;
  owner_id: string;
  amount_minor: Generated<number>;
  currency: Generated<string>;
  expected_close_date: DayColumn | null;
  channel: string | null;
  territory: string | null;
  source: string | null;
  next_step: string | null;
  lost_reason_id: string | null;
  lost_comment: string | null;
  competitor_id: string | null;
  lead_id: string | null;
  stage_entered_at: Generated<Timestamp>;
  closed_at: Timestamp | null;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface DealLinesTable {
  org_id: string;
  deal_line_id: Generated<string>;
  deal_id: string;
  product_id: string;
  quantity: Decimal;
  unit_price_minor: number;
  discount_percent: Decimal;
  amount_minor: number;
  position: Generated<number>;
}

export interface DealStageChangesTable {
  org_id: string;
  change_id: Generated<string>;
  deal_id: string;
  from_stage_id: string | null;
  to_stage_id: string;
  changed_at: Timestamp;
  changed_by: string | null;
}

export interface SalesTable {
  org_id: string;
  sale_id: Generated<string>;
  sale_date: DayColumn;
  company_id: string | null;
  product_id: string | null;
  deal_id: string | null;
  deal_line_id: string | null;
  quantity: Decimal;
  amount_minor: number;
  currency: Generated<string>;
  owner_id: string | null;
  channel: string | null;
  territory: string | null;
  external_ref: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** Table name → row type, as the SQL migrations name them. */
export interface DealTables {
  pipelines: PipelinesTable;
  stages: StagesTable;
  lost_reasons: LostReasonsTable;
  competitors: CompetitorsTable;
  deals: DealsTable;
  deal_lines: DealLinesTable;
  deal_stage_changes: DealStageChangesTable;
  sales: SalesTable;
}
