import type { ColumnType, Generated } from 'kysely';
import type { DayColumn, Timestamp } from './column-types.ts';

// Tables of 0010_pdca: the monthly cycles of approved plans and their corrective actions.

export interface PdcaCyclesTable {
  org_id: string;
  cycle_id: Generated<string>;
  plan_id: string;
  month_start: DayColumn;
  plan_approved_by: string | null;
  plan_approved_at: Timestamp | null;
  goals_issued_by: string | null;
  goals_issued_at: Timestamp | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  review_comment: string | null;
  review_snapshot: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Generated<Timestamp>;
}

export interface PdcaActionsTable {
  org_id: string;
  action_id: Generated<string>;
  cycle_id: string;
  title: string;
  owner_id: string;
  due_day: DayColumn;
  task_id: string;
  check_result: string | null;
  check_note: string | null;
  checked_by: string | null;
  checked_at: Timestamp | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** Table name → row type, as the SQL migrations name them. */
export interface PdcaTables {
  pdca_cycles: PdcaCyclesTable;
  pdca_actions: PdcaActionsTable;
}
