import type { Generated } from 'kysely';
import type { DayColumn, Json, Timestamp } from './column-types.ts';

// Tables of 0001_foundation: the organisation, its structure and people, sign-in, the work
// calendar and the audit log.

export interface OrganizationsTable {
  org_id: string;
  name: string;
  dormant_after_days: Generated<number>;
  lost_after_days: Generated<number>;
  response_target_minutes: Generated<number>;
  currency: Generated<string>;
  time_zone: Generated<string>;
  locale: Generated<string>;
  country: Generated<string>;
  /** Basis points above a rep's best month before a monthly goal is flagged (0–10000). */
  achievability_margin_bp: Generated<number>;
  /** Closed deals below which a rep's own funnel history is thin and the team's is used (1–1000). */
  thin_history_deals: Generated<number>;
  /** 'HH:MM' in the organisation's zone: a rep with no call by then is flagged. */
  calls_expected_by: Generated<string>;
  /** A rep with more overdue tasks than this is flagged (0–1000). */
  overdue_tasks_limit: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface UnitsTable {
  org_id: string;
  unit_id: Generated<string>;
  parent_id: string | null;
  name: string;
  kind: string;
  head_user_id: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface UsersTable {
  org_id: string;
  user_id: Generated<string>;
  email: string;
  full_name: string;
  role: string;
  unit_id: string | null;
  manager_id: string | null;
  hire_date: DayColumn | null;
  active: Generated<boolean>;
  locale: Generated<string>;
  time_zone: Generated<string>;
  password_hash: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deactivated_at: Timestamp | null;
}

export interface UserLoginsTable {
  email: string;
  org_id: string;
  user_id: string;
}

export interface LoginFailuresTable {
  key: string;
  failed_at: Generated<Timestamp>;
}

export interface InvitationsTable {
  org_id: string;
  invitation_id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SessionsTable {
  org_id: string;
  session_id: Generated<string>;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: Generated<Timestamp>;
  last_seen_at: Generated<Timestamp>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface WorkCalendarsTable {
  org_id: string;
  time_zone: Generated<string>;
  work_week: Generated<number[]>;
  business_start: Generated<string>;
  business_end: Generated<string>;
  country: Generated<string>;
  updated_at: Generated<Timestamp>;
}

export interface CalendarDaysTable {
  org_id: string;
  day: DayColumn;
  kind: string;
  name: Generated<string>;
}

export interface AuditLogTable {
  org_id: string;
  audit_id: Generated<string>;
  at: Generated<Timestamp>;
  actor_user_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  changes: Json;
}

/** Table name → row type, as the SQL migrations name them. */
export interface FoundationTables {
  organizations: OrganizationsTable;
  units: UnitsTable;
  users: UsersTable;
  user_logins: UserLoginsTable;
  login_failures: LoginFailuresTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  work_calendars: WorkCalendarsTable;
  calendar_days: CalendarDaysTable;
  audit_log: AuditLogTable;
}
