import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { isRottingSql } from '../deals/deals.queries.ts';
import { WAITING_STATUSES } from '../leads/leads.queries.ts';
import type { Subjects } from './daily-control.policy.ts';

// What the red flags read. Each query takes the ids of the people in scope and walks an index
// that leads with (org_id, person): activities_user_idx, tasks_assignee_idx, deals_owner_idx,
// leads_assignee_idx / leads_qualifier_idx. Tenant transactions join in written order, so each
// query starts from the table it filters and looks the rest up by key.

/** At most this many record ids travel with a flag (the drill-down list has them all). */
export const MAX_RECORD_IDS = 20;

/** An active person whose work the flags look at. */
export interface SubjectRow {
  user_id: string;
  full_name: string;
  unit_id: string | null;
  role: string;
}

/** The active people the subjects stand for, with roles in `roles`. */
export async function findSubjectUsers(
  tx: Tx,
  orgId: string,
  subjects: Subjects,
  roles: readonly string[],
): Promise<SubjectRow[]> {
  let query = tx
    .selectFrom('users as u')
    .select(['u.user_id', 'u.full_name', 'u.unit_id', 'u.role'])
    .where('u.org_id', '=', orgId)
    .where('u.active', '=', true);
  if (subjects.kind === 'self') return query.where('u.user_id', '=', subjects.userId).execute();
  query = query.where('u.role', 'in', [...roles]);
  if (subjects.unitIds !== null) query = query.where(sql<boolean>`u.unit_id = ANY(${subjects.unitIds}::uuid[])`);
  return query.orderBy('u.full_name').orderBy('u.user_id').execute();
}

/** The organisation's daily-control settings (migration 0011 and the lead response target). */
export interface DailySettings {
  /** The organisation's currency, read with the settings (the live KPIs' pipeline is in it). */
  currency: string;
  callsExpectedBy: string;
  overdueTasksLimit: number;
  responseTargetMinutes: number;
}

export async function getDailySettings(tx: Tx, orgId: string): Promise<DailySettings> {
  const row = await tx
    .selectFrom('organizations')
    .select(['currency', 'calls_expected_by', 'overdue_tasks_limit', 'response_target_minutes'])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return {
    currency: row.currency,
    callsExpectedBy: row.calls_expected_by,
    overdueTasksLimit: row.overdue_tasks_limit,
    responseTargetMinutes: row.response_target_minutes,
  };
}

/** Per person: open tasks past their due time, oldest first. */
export interface OverdueTasksRow {
  user_id: string;
  count: number;
  ids: string[];
}

export async function findOverdueTasks(
  tx: Tx,
  orgId: string,
  userIds: readonly string[],
  now: Date,
): Promise<OverdueTasksRow[]> {
  if (userIds.length === 0) return [];
  const { rows } = await sql<{ user_id: string; count: string; ids: string[] }>`
    SELECT t.assignee_id AS user_id, count(*)::text AS count,
      (array_agg(t.task_id ORDER BY t.due_at, t.task_id))[1:${MAX_RECORD_IDS}] AS ids
    FROM tasks t
    WHERE t.org_id = ${orgId} AND t.assignee_id = ANY(${[...userIds]}::uuid[])
      AND t.status = 'open' AND t.due_at < ${now}
    GROUP BY t.assignee_id`.execute(tx);
  return rows.map((row) => ({ user_id: row.user_id, count: Number(row.count), ids: row.ids }));
}

/** Per person: open deals past their stage's rotting limit (the deals list's rule), longest in their stage first. */
export interface RottingDealsRow {
  user_id: string;
  count: number;
  ids: string[];
  /** When the longest-waiting deal entered its stage, and that stage's limit in days. */
  oldest_entered_at: Date;
  oldest_rotting_days: number;
}

export async function findRottingDeals(
  tx: Tx,
  orgId: string,
  userIds: readonly string[],
  now: Date,
): Promise<RottingDealsRow[]> {
  if (userIds.length === 0) return [];
  // Counted per person in the database: a department has thousands of rotting deals, the flag
  // needs their number, the first few and the oldest.
  const { rows } = await sql<Omit<RottingDealsRow, 'count'> & { count: string }>`
    SELECT d.owner_id AS user_id, count(*)::text AS count,
      (array_agg(d.deal_id ORDER BY d.stage_entered_at, d.deal_id))[1:${MAX_RECORD_IDS}] AS ids,
      min(d.stage_entered_at) AS oldest_entered_at,
      (array_agg(s.rotting_days ORDER BY d.stage_entered_at, d.deal_id))[1] AS oldest_rotting_days
    FROM deals d
    JOIN stages s ON s.org_id = d.org_id AND s.stage_id = d.stage_id
    WHERE d.org_id = ${orgId} AND d.owner_id = ANY(${[...userIds]}::uuid[]) AND d.status = 'open'
      AND ${isRottingSql(now)}
    GROUP BY d.owner_id`.execute(tx);
  return rows.map((row) => ({
    ...row,
    count: Number(row.count),
    oldest_entered_at: new Date(row.oldest_entered_at),
  }));
}

/** Per responsible person (assignee, else qualifier): untouched open leads that arrived before `before`. */
export interface WaitingLeadsRow {
  /** The leads' taker: their assignee, or their qualifier while they have none. */
  user_id: string;
  count: number;
  ids: string[];
  oldest_arrived_at: Date;
}

export async function findWaitingLeads(
  tx: Tx,
  orgId: string,
  userIds: readonly string[],
  before: Date,
): Promise<WaitingLeadsRow[]> {
  if (userIds.length === 0) return [];
  const ids = [...userIds];
  // The statuses are written as literals, not a parameter: the partial indexes of migration 0015
  // (leads_waiting_assignee_idx, leads_waiting_qualifier_idx) are usable only when the planner can
  // prove the query's predicate implies theirs.
  const statuses = sql.join(WAITING_STATUSES.map((status) => sql.lit(status)));
  // Two index walks (assignee, then qualifier of unassigned leads) rather than one OR the planner
  // would answer with a scan of the organisation's leads.
  const { rows } = await sql<{
    user_id: string;
    count: string;
    ids: string[];
    oldest_arrived_at: Date;
  }>`
    SELECT w.user_id, count(*)::text AS count,
      (array_agg(w.lead_id ORDER BY w.arrived_at, w.lead_id))[1:${MAX_RECORD_IDS}] AS ids,
      min(w.arrived_at) AS oldest_arrived_at
    FROM (
      SELECT l.assignee_id AS user_id, l.lead_id, l.arrived_at
      FROM leads l
      WHERE l.org_id = ${orgId} AND l.assignee_id = ANY(${ids}::uuid[]) AND l.first_touch_at IS NULL
        AND l.status IN (${statuses}) AND l.arrived_at < ${before}
      UNION ALL
      SELECT l.qualifier_id, l.lead_id, l.arrived_at
      FROM leads l
      WHERE l.org_id = ${orgId} AND l.qualifier_id = ANY(${ids}::uuid[]) AND l.assignee_id IS NULL
        AND l.first_touch_at IS NULL AND l.status IN (${statuses}) AND l.arrived_at < ${before}
    ) w
    GROUP BY w.user_id`.execute(tx);
  return rows.map((row) => ({
    ...row,
    count: Number(row.count),
    oldest_arrived_at: new Date(row.oldest_arrived_at),
  }));
}

/** Approved plans whose period holds the day. */
export async function findApprovedPlansOn(
  tx: Tx,
  orgId: string,
  day: string,
): Promise<{ plan_id: string; scope_unit_id: string | null }[]> {
  return tx
    .selectFrom('plans as p')
    .select(['p.plan_id', 'p.scope_unit_id'])
    .where('p.org_id', '=', orgId)
    .where('p.status', '=', 'approved')
    .where('p.period_start', '<=', day)
    .where('p.period_end', '>=', day)
    .orderBy('p.approved_at', 'desc')
    .execute();
}
