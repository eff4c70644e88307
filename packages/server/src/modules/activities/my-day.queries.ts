import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { selectActivities } from './activities.queries.ts';
import { selectTasks } from './tasks.queries.ts';

/** Each list of "My day" shows at most this many items; its count is always complete. */
export const MY_DAY_LIMIT = 100;

/** The instant the local day after `day` begins in `timeZone` (PostgreSQL knows the zone rules). */
export async function startOfNextDay(tx: Tx, day: string, timeZone: string): Promise<Date> {
  const { rows } = await sql<{
    at: Date;
  }>`SELECT ((${day}::date + 1)::timestamp AT TIME ZONE ${timeZone}) AS at`.execute(tx);
  return (rows[0] as { at: Date }).at;
}

/** Open tasks of the user due in [from, to). */
export async function findOpenTasksDue(tx: Tx, orgId: string, userId: string, range: { from?: Date; to: Date }) {
  const conditions: Expression<SqlBool>[] = [
    sql<SqlBool>`t.assignee_id = ${userId}`,
    sql<SqlBool>`t.status = 'open'`,
    sql<SqlBool>`t.due_at < ${range.to}`,
    ...(range.from ? [sql<SqlBool>`t.due_at >= ${range.from}`] : []),
  ];
  const all = sql<SqlBool>`${sql.join(conditions, sql` AND `)}`;
  const [rows, count] = await Promise.all([
    selectTasks(tx, orgId).where(all).orderBy('t.due_at').orderBy('t.task_id').limit(MY_DAY_LIMIT).execute(),
    countOf(tx, sql<Count>`SELECT count(*)::int AS n FROM tasks t WHERE t.org_id = ${orgId} AND ${all}`),
  ]);
  return { rows, count };
}

/**
 * A missed inbound call counts as returned once anyone calls or e-mails the same contact,
 * company, lead or number afterwards (an outbound call that did not get through is still an
 * attempt to return it).
 */
function missedAndUnreturned(userId: string): Expression<SqlBool> {
  return sql<SqlBool>`a.user_id = ${userId} AND a.kind = 'call' AND a.direction = 'inbound' AND a.status = 'missed'
    AND NOT EXISTS (
      SELECT 1 FROM activities r
      WHERE r.org_id = a.org_id AND r.occurred_at > a.occurred_at
        AND r.kind IN ('call', 'email') AND r.direction = 'outbound' AND r.status IN ('done', 'missed')
        AND ((a.contact_id IS NOT NULL AND r.contact_id = a.contact_id)
          OR (a.company_id IS NOT NULL AND r.company_id = a.company_id)
          OR (a.lead_id IS NOT NULL AND r.lead_id = a.lead_id)
          OR (a.phone_e164 IS NOT NULL AND r.phone_e164 = a.phone_e164)))`;
}

export async function findMissedCalls(tx: Tx, orgId: string, userId: string) {
  const condition = missedAndUnreturned(userId);
  const [rows, count] = await Promise.all([
    selectActivities(tx, orgId)
      .where(condition)
      .orderBy('a.occurred_at', 'desc')
      .orderBy('a.activity_id', 'desc')
      .limit(MY_DAY_LIMIT)
      .execute(),
    countOf(tx, sql<Count>`SELECT count(*)::int AS n FROM activities a WHERE a.org_id = ${orgId} AND ${condition}`),
  ]);
  return { rows, count };
}

/** Open deals of the owner with neither an open task nor a planned activity still ahead of `now`. */
function withoutNextStep(ownerId: string, now: Date): Expression<SqlBool> {
  return sql<SqlBool>`d.owner_id = ${ownerId} AND d.status = 'open'
    AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.org_id = d.org_id AND t.deal_id = d.deal_id AND t.status = 'open')
    AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.org_id = d.org_id AND a.deal_id = d.deal_id
      AND a.status = 'planned' AND a.occurred_at > ${now})`;
}

export async function findDealsWithoutNextStep(tx: Tx, orgId: string, ownerId: string, now: Date) {
  const condition = withoutNextStep(ownerId, now);
  const [rows, count] = await Promise.all([
    tx
      .selectFrom('deals as d')
      .innerJoin('stages as s', (j) => j.onRef('s.org_id', '=', 'd.org_id').onRef('s.stage_id', '=', 'd.stage_id'))
      .leftJoin('companies as co', (j) =>
        j.onRef('co.org_id', '=', 'd.org_id').onRef('co.company_id', '=', 'd.company_id'),
      )
      .select([
        'd.deal_id',
        'd.title',
        'd.amount_minor',
        'd.currency',
        'd.company_id',
        'co.name as company_name',
        's.name as stage_name',
        sql<Date | null>`(SELECT max(a.occurred_at) FROM activities a
          WHERE a.org_id = d.org_id AND a.deal_id = d.deal_id AND a.status = 'done')`.as('last_activity_at'),
      ])
      .where('d.org_id', '=', orgId)
      .where(condition)
      // The most money at risk first.
      .orderBy('d.amount_minor', 'desc')
      .orderBy('d.deal_id')
      .limit(MY_DAY_LIMIT)
      .execute(),
    countOf(tx, sql<Count>`SELECT count(*)::int AS n FROM deals d WHERE d.org_id = ${orgId} AND ${condition}`),
  ]);
  return { rows, count };
}

/**
 * Leads handed to the user and not yet touched that arrived before `arrivedBefore` — the instant
 * before which the waiting time exceeds the organisation's response target (response-clock.ts).
 */
function waitingTooLong(userId: string, arrivedBefore: Date): Expression<SqlBool> {
  return sql<SqlBool>`l.assignee_id = ${userId} AND l.status = 'handed_off' AND l.first_touch_at IS NULL
    AND l.arrived_at < ${arrivedBefore}`;
}

export async function findWaitingLeads(tx: Tx, orgId: string, userId: string, arrivedBefore: Date) {
  const condition = waitingTooLong(userId, arrivedBefore);
  const [rows, count] = await Promise.all([
    tx
      .selectFrom('leads as l')
      .select([
        'l.lead_id',
        'l.title',
        'l.company_name',
        'l.contact_name',
        'l.phone_e164',
        'l.arrived_at',
        'l.handed_off_at',
      ])
      .where('l.org_id', '=', orgId)
      .where(condition)
      .orderBy('l.arrived_at')
      .orderBy('l.lead_id')
      .limit(MY_DAY_LIMIT)
      .execute(),
    countOf(tx, sql<Count>`SELECT count(*)::int AS n FROM leads l WHERE l.org_id = ${orgId} AND ${condition}`),
  ]);
  return { rows, count };
}

type Count = { n: number };
async function countOf(tx: Tx, query: RawBuilder<Count>): Promise<number> {
  const { rows } = await query.execute(tx);
  return rows[0]?.n ?? 0;
}
