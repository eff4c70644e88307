import type { ColumnType, Generated } from 'kysely';
import type { DayColumn, Json, Timestamp } from './column-types.ts';

// Tables of 0008_sales_plans: plans, their revisions, and the decomposition tree by month.

/** numeric[]: pg reads it as numbers; write a number array. */
type NumericArray = ColumnType<number[], number[], number[]>;

export interface PlansTable {
  org_id: string;
  plan_id: Generated<string>;
  name: string;
  period_start: DayColumn;
  period_end: DayColumn;
  scope_unit_id: string | null;
  currency: string;
  deals_target: number | null;
  margin_target_minor: number | null;
  realistic_minor: number;
  realistic_basis: string;
  growth_bp: number | null;
  last_year_fact_minor: number | null;
  pessimistic_kind: string;
  pessimistic_amount_minor: number | null;
  pessimistic_bp: number | null;
  optimistic_kind: string;
  optimistic_amount_minor: number | null;
  optimistic_bp: number | null;
  pessimistic_minor: number;
  optimistic_minor: number;
  seasonality: NumericArray;
  seasonality_basis: string;
  seasonality_flat_reason: string | null;
  status: Generated<string>;
  version: Generated<number>;
  revision: Generated<number>;
  decomposed_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_by: string | null;
  updated_at: Generated<Timestamp>;
  approved_by: string | null;
  approved_at: Timestamp | null;
}

export interface PlanRevisionsTable {
  org_id: string;
  revision_id: Generated<string>;
  plan_id: string;
  revision: number;
  reason: string;
  revised_by: string;
  revised_at: Timestamp;
  before: Json;
  changes: ColumnType<unknown, string | null | undefined, string | null>;
  reapproved_by: string | null;
  reapproved_at: Timestamp | null;
}

export interface PlanLinesTable {
  org_id: string;
  plan_line_id: Generated<string>;
  plan_id: string;
  parent_line_id: string | null;
  dimension: string;
  kind: string;
  position: number;
  unit_id: string | null;
  user_id: string | null;
  product_group_id: string | null;
  channel: string | null;
  split_method: Generated<string>;
  weight: number | null;
  last_year_minor: Generated<number>;
  hire_day: DayColumn | null;
  leave_day: DayColumn | null;
  pessimistic_minor: number;
  realistic_minor: number;
  optimistic_minor: number;
  bottom_up_minor: number | null;
  /** The line's share of the plan's deals target; null when the plan has none (0012). */
  deals: number | null;
  /** The line's share of the plan's margin target; null when the plan has none (0012). */
  margin_minor: number | null;
}

export interface PlanLineMonthsTable {
  org_id: string;
  plan_id: string;
  plan_line_id: string;
  month_start: DayColumn;
  pessimistic_minor: number;
  realistic_minor: number;
  optimistic_minor: number;
  deals: number | null;
  margin_minor: number | null;
}

/** Table name → row type, as the SQL migrations name them. */
export interface PlanTables {
  plans: PlansTable;
  plan_revisions: PlanRevisionsTable;
  plan_lines: PlanLinesTable;
  plan_line_months: PlanLineMonthsTable;
}
