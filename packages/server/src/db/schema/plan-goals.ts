import type { Generated } from 'kysely';
import type { DayColumn, Json, Timestamp } from './column-types.ts';

// Tables of 0009_plan_goals: reps' SMART goals for a month of an approved plan.

export interface PlanGoalsTable {
  org_id: string;
  goal_id: Generated<string>;
  plan_id: string;
  plan_line_id: string;
  user_id: string;
  month_start: DayColumn;
  metric: string;
  target: number;
  generated_target: number;
  reason: string | null;
  achievable: boolean;
  achievability_limit_minor: number | null;
  funnel: Json;
  generated_by: string;
  generated_at: Timestamp;
  adjusted_by: string | null;
  adjusted_at: Timestamp | null;
  version: Generated<number>;
}

/** Table name → row type, as the SQL migration names them. */
export interface PlanGoalTables {
  plan_goals: PlanGoalsTable;
}
