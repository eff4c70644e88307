import type { Generated } from 'kysely';
import type { DayColumn, Timestamp } from './column-types.ts';

// Tables of 0013_kpi_rollups: the per rep per day rollup of daily control, the (rep, day) pairs
// waiting to be recomputed, and the zone each organisation's rollup was built in.

/** One rep's figures of one local day; the columns are ROLLUP_MEASURES of the KPI catalog. */
export interface KpiDailyTable {
  org_id: string;
  user_id: string;
  day: DayColumn;
  tasks_due: Generated<number>;
  tasks_done_on_time: Generated<number>;
  calls_outbound: Generated<number>;
  calls_inbound: Generated<number>;
  talk_seconds: Generated<number>;
  meetings_held: Generated<number>;
  leads_new: Generated<number>;
  leads_qualified: Generated<number>;
  leads_responded: Generated<number>;
  response_ms: Generated<number>;
  deals_won: Generated<number>;
  won_amount_minor: Generated<number>;
  deals_lost: Generated<number>;
  won_from_lead: Generated<number>;
  lead_to_won_ms: Generated<number>;
  revenue_minor: Generated<number>;
  /** 0016_stage_conversion_rollup. */
  stage_entered: Generated<number>;
  stage_advanced: Generated<number>;
}

/** A (rep, day) pair whose figures changed since the last refresh; written by triggers. */
export interface KpiDirtyTable {
  org_id: string;
  user_id: string;
  day: DayColumn;
}

/** The organisation's zone the rollup was last built in; a different zone means rebuild. */
export interface KpiRollupStateTable {
  org_id: string;
  time_zone: string;
  built_at: Generated<Timestamp>;
}

/** Table name → row type, as the SQL migrations name them. */
export interface KpiTables {
  kpi_daily: KpiDailyTable;
  kpi_dirty: KpiDirtyTable;
  kpi_rollup_state: KpiRollupStateTable;
}
