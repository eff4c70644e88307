import type { ColumnType, Generated } from 'kysely';

/** Column read as a string, written as a string or Date. */
type Timestamp = Date;
type DayColumn = ColumnType<string, string, string>;

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
  changes: ColumnType<unknown, string, string>;
}

/** numeric columns arrive from pg as strings (exact decimals); write numbers or strings. */
type Decimal = ColumnType<string, number | string, number | string>;
type Json = ColumnType<unknown, string, string>;

export interface QualificationCriteriaTable {
  org_id: string;
  criterion_id: Generated<string>;
  code: string;
  name: string;
  position: Generated<number>;
  required: Generated<boolean>;
  active: Generated<boolean>;
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

export interface ProductGroupsTable {
  org_id: string;
  group_id: Generated<string>;
  parent_id: string | null;
  name: string;
  is_priority: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ProductsTable {
  org_id: string;
  product_id: Generated<string>;
  group_id: string | null;
  name: string;
  sku: string | null;
  unit: Generated<string>;
  price_minor: Generated<number>;
  is_priority: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

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
  qualification: Generated<Json>;
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

/** The database as Kysely sees it. Table names match the SQL migrations. */
export interface Database {
  qualification_criteria: QualificationCriteriaTable;
  lost_reasons: LostReasonsTable;
  competitors: CompetitorsTable;
  product_groups: ProductGroupsTable;
  products: ProductsTable;
  companies: CompaniesTable;
  contacts: ContactsTable;
  phones: PhonesTable;
  emails: EmailsTable;
  pipelines: PipelinesTable;
  stages: StagesTable;
  deals: DealsTable;
  deal_lines: DealLinesTable;
  deal_stage_changes: DealStageChangesTable;
  leads: LeadsTable;
  activities: ActivitiesTable;
  tasks: TasksTable;
  sales: SalesTable;
  saved_views: SavedViewsTable;
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
