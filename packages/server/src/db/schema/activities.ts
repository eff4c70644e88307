import type { Generated } from 'kysely';
import type { Json, Timestamp } from './column-types.ts';

// Activities (calls, meetings, notes …), tasks, and saved list views.

export interface ActivitiesTable {
  org_id: string;
  activity_id: Generated<string>;
  kind: string;
  direction: string | null;
  status: Generated<string>;
  subject: string | null;
  body: string | null;
  occurred_at: Timestamp;
  duration_sec: number | null;
  result: string | null;
  recording_url: string | null;
  phone_e164: string | null;
  user_id: string | null;
  company_id: string | null;
  contact_id: string | null;
  lead_id: string | null;
  deal_id: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  /** 0006: optimistic concurrency, and why a completed call or meeting has no next step. */
  version: Generated<number>;
  no_next_step_reason: string | null;
}

export interface TasksTable {
  org_id: string;
  task_id: Generated<string>;
  title: string;
  description: string | null;
  due_at: Timestamp;
  priority: Generated<string>;
  status: Generated<string>;
  assignee_id: string;
  created_by: string | null;
  completed_at: Timestamp | null;
  company_id: string | null;
  contact_id: string | null;
  lead_id: string | null;
  deal_id: string | null;
  source_activity_id: string | null;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface SavedViewsTable {
  org_id: string;
  view_id: Generated<string>;
  user_id: string;
  entity: string;
  name: string;
  state: Json;
  shared: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** Table name → row type, as the SQL migrations name them. */
export interface ActivityTables {
  activities: ActivitiesTable;
  tasks: TasksTable;
  saved_views: SavedViewsTable;
}
