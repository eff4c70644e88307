import type { Generated } from 'kysely';
import type { DayColumn, Decimal, Timestamp } from './column-types.ts';

// Tables of 0014_kpi_targets: targets of daily-control KPIs with red / amber / green thresholds.

export interface KpiTargetsTable {
  org_id: string;
  target_id: Generated<string>;
  kpi_id: string;
  /** Exactly one of user_id and unit_id is set: the target's subject. */
  user_id: string | null;
  unit_id: string | null;
  grain: string;
  period_from: DayColumn;
  period_to: DayColumn;
  target: Decimal;
  green_at: Decimal;
  amber_at: Decimal;
  source: string;
  goal_id: string | null;
  created_by: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
}

/** Table name → row type, as the SQL migration names them. */
export interface KpiTargetTables {
  kpi_targets: KpiTargetsTable;
}
