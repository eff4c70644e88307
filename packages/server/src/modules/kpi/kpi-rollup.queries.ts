import { ROLLUP_MEASURES, type RollupMeasure } from '@pulse/domain';
import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';

/**
 * The attribution rules of the per rep per day rollup, written once: each facet says which rows
 * of a source count, for whom (`user`), on which instant's local day (`at`), and what they add to
 * each measure. The full rebuild groups every row of a source by (user, day); the incremental
 * refresh joins the dirty (user, day) pairs to the same source by the same expressions, so the two
 * cannot drift. The triggers of 0013_kpi_rollups.sql mark the pairs these rules read.
 *
 * Every facet's source is aliased `x`; `at` is a timestamptz, or a date when `atIsDay`.
 */
interface Facet {
  table: string;
  /** A lookup joined after the source (the driving table comes first, see db/tenant.ts). */
  join?: string;
  user: string;
  at: string;
  atIsDay?: boolean;
  where: string;
  measures: Partial<Record<RollupMeasure, string>>;
}

const epochMs = (at: string) => `(extract(epoch FROM ${at}) * 1000)`;

const FACETS: readonly Facet[] = [
  {
    // Tasks count on their due day for their assignee; cancelled ones not at all.
    table: 'tasks x',
    user: 'x.assignee_id',
    at: 'x.due_at',
    where: `x.status <> 'cancelled'`,
    measures: {
      tasks_due: 'count(*)',
      tasks_done_on_time: `count(*) FILTER (WHERE x.status = 'done' AND x.completed_at <= x.due_at)`,
    },
  },
  {
    // Calls and meetings held: done activities, on the day they occurred, for their user.
    table: 'activities x',
    user: 'x.user_id',
    at: 'x.occurred_at',
    where: `x.status = 'done' AND x.kind IN ('call', 'meeting')`,
    measures: {
      calls_outbound: `count(*) FILTER (WHERE x.kind = 'call' AND x.direction = 'outbound')`,
      calls_inbound: `count(*) FILTER (WHERE x.kind = 'call' AND x.direction = 'inbound')`,
      talk_seconds: `coalesce(sum(x.duration_sec) FILTER (WHERE x.kind = 'call'), 0)`,
      meetings_held: `count(*) FILTER (WHERE x.kind = 'meeting')`,
    },
  },
  {
    // A lead arrives for the rep it was assigned to, or who took it in.
    table: 'leads x',
    user: 'COALESCE(x.assignee_id, x.qualifier_id)',
    at: 'x.arrived_at',
    where: 'true',
    measures: { leads_new: 'count(*)' },
  },
  {
    table: 'leads x',
    user: 'x.qualifier_id',
    at: 'x.handed_off_at',
    where: 'true',
    measures: { leads_qualified: 'count(*)' },
  },
  {
    // The first touch, with its business-time response, for the rep the lead waited for.
    table: 'leads x',
    user: 'COALESCE(x.assignee_id, x.qualifier_id)',
    at: 'x.first_touch_at',
    where: 'x.response_ms IS NOT NULL',
    measures: { leads_responded: 'count(*)', response_ms: 'sum(x.response_ms)' },
  },
  {
    // Closed deals on their closing day for their owner; a won deal's lead gives lead → won time.
    table: 'deals x',
    join: 'LEFT JOIN leads l ON l.org_id = x.org_id AND l.lead_id = x.lead_id',
    user: 'x.owner_id',
    at: 'x.closed_at',
    where: `x.status IN ('won', 'lost')`,
    measures: {
      deals_won: `count(*) FILTER (WHERE x.status = 'won')`,
      won_amount_minor: `coalesce(sum(x.amount_minor) FILTER (WHERE x.status = 'won'), 0)`,
      deals_lost: `count(*) FILTER (WHERE x.status = 'lost')`,
      won_from_lead: `count(l.lead_id) FILTER (WHERE x.status = 'won')`,
      lead_to_won_ms: `coalesce(sum(round(${epochMs('x.closed_at')} - ${epochMs('l.arrived_at')}))
        FILTER (WHERE x.status = 'won' AND l.lead_id IS NOT NULL), 0)`,
    },
  },
  {
    // A deal's entries into an open stage, for its current owner on the entry's day: the day's
    // first entry per deal and stage counts; it advanced if the deal later (same instant included)
    // entered a further open stage of the same pipeline, or won (0016_stage_conversion_rollup.sql;
    // the live rule is periodStageConversion of the domain).
    table: 'deal_stage_changes x',
    join: `JOIN stages s ON s.org_id = x.org_id AND s.stage_id = x.to_stage_id
      JOIN deals d ON d.org_id = x.org_id AND d.deal_id = x.deal_id
      LEFT JOIN LATERAL (
        SELECT 1 AS one FROM deal_stage_changes h
        JOIN stages hs ON hs.org_id = h.org_id AND hs.stage_id = h.to_stage_id
        WHERE h.org_id = x.org_id AND h.deal_id = x.deal_id AND h.changed_at >= x.changed_at
          AND hs.pipeline_id = s.pipeline_id AND (hs.kind = 'won' OR (hs.kind = 'open' AND hs.position > s.position))
        LIMIT 1
      ) adv ON true`,
    user: 'd.owner_id',
    at: 'x.changed_at',
    where: `s.kind = 'open' AND NOT EXISTS (
        SELECT 1 FROM deal_stage_changes e
        WHERE e.org_id = x.org_id AND e.deal_id = x.deal_id AND e.to_stage_id = x.to_stage_id
          AND (e.changed_at < x.changed_at OR (e.changed_at = x.changed_at AND e.change_id < x.change_id))
          AND (e.changed_at AT TIME ZONE $tz)::date = (x.changed_at AT TIME ZONE $tz)::date)`,
    measures: { stage_entered: 'count(*)', stage_advanced: 'count(adv.one)' },
  },
  {
    table: 'sales x',
    user: 'x.owner_id',
    at: 'x.sale_date',
    atIsDay: true,
    where: 'true',
    measures: { revenue_minor: 'sum(x.amount_minor)' },
  },
];

const COLUMNS = ROLLUP_MEASURES.join(', ');

/** The facet's measures as a full select list, zeros for the measures it does not feed. */
const measureList = (facet: Facet) =>
  ROLLUP_MEASURES.map((m) => `coalesce((${facet.measures[m] ?? '0'})::bigint, 0) AS ${m}`).join(', ');

const dayOf = (facet: Facet) => (facet.atIsDay ? facet.at : `(${facet.at} AT TIME ZONE $tz)::date`);

/** Every row of a source, grouped by (user, day): the full rebuild. */
function facetEverything(facet: Facet): string {
  return `SELECT ${facet.user} AS user_id, ${dayOf(facet)} AS day, ${measureList(facet)}
    FROM ${facet.table} ${facet.join ?? ''}
    WHERE x.org_id = $org AND ${facet.where} AND ${facet.user} IS NOT NULL AND ${facet.at} IS NOT NULL
    GROUP BY 1, 2`;
}

/**
 * The rows of the scope's pairs only, each found by the index on (org, user, instant): a pair's
 * instant range is its local day widened by three hours either side (so no daylight-saving edge
 * can hide a row), and the exact day then decides.
 */
function facetForScope(facet: Facet): string {
  const match = facet.atIsDay
    ? `${facet.at} = p.day`
    : `${facet.at} >= p.lo AND ${facet.at} < p.hi AND ${dayOf(facet)} = p.day`;
  // LATERAL: a nested loop by construction, one index walk per pair, whatever the statistics say
  // (the embedded database never analyzes a bulk-loaded table by itself).
  return `SELECT p.user_id, p.day, m.*
    FROM kpi_scope p
    CROSS JOIN LATERAL (
      SELECT ${measureList(facet)}
      FROM ${facet.table} ${facet.join ?? ''}
      WHERE x.org_id = $org AND ${facet.user} = p.user_id AND ${match} AND ${facet.where}
    ) m`;
}

/** Sums the facets per (user, day) and keeps the rows with any non-zero figure. */
function combine(parts: string[]): string {
  const sums = ROLLUP_MEASURES.map((m) => `sum(${m})::bigint AS ${m}`).join(', ');
  const nonZero = ROLLUP_MEASURES.map((m) => `sum(${m}) <> 0`).join(' OR ');
  return `SELECT user_id, day, ${sums} FROM (${parts.join('\nUNION ALL\n')}) f
    GROUP BY user_id, day HAVING ${nonZero}`;
}

/** Fills the raw SQL's $org and $tz placeholders with bound parameters. */
function bind(text: string, orgId: string, timeZone: string): RawBuilder<unknown> {
  const pieces = text.split(/(\$org|\$tz)/);
  return sql.join(
    pieces.map((piece) =>
      piece === '$org' ? sql`${orgId}::uuid` : piece === '$tz' ? sql`${timeZone}::text` : sql.raw(piece),
    ),
    sql.raw(''),
  );
}

const EVERYTHING = combine(FACETS.map(facetEverything));
const FOR_SCOPE = combine(FACETS.map(facetForScope));

/** The figures of every (rep, day) of the organisation, recomputed from the sources. */
export function computeEverything(orgId: string, timeZone: string): RawBuilder<unknown> {
  return bind(EVERYTHING, orgId, timeZone);
}

/** A (rep, local day) pair. */
export interface RepDay {
  userId: string;
  day: string;
}

/** The figures of the given (rep, day) pairs only, recomputed from the sources. */
export function computePairs(orgId: string, timeZone: string, pairs: readonly RepDay[]): RawBuilder<unknown> {
  const scope = `WITH kpi_scope AS (
      SELECT s.user_id, s.day,
        (s.day::timestamp AT TIME ZONE $tz) - interval '3 hours' AS lo,
        ((s.day + 1)::timestamp AT TIME ZONE $tz) + interval '3 hours' AS hi
      FROM unnest($users::uuid[], $days::date[]) AS s(user_id, day)
    ) `;
  const pieces = `${scope}${FOR_SCOPE}`.split(/(\$users|\$days)/);
  return sql.join(
    pieces.map((piece) =>
      piece === '$users'
        ? sql`${pairs.map((p) => p.userId)}`
        : piece === '$days'
          ? sql`${pairs.map((p) => p.day)}`
          : bind(piece, orgId, timeZone),
    ),
    sql.raw(''),
  );
}

/** Writes the computed rows into kpi_daily. Returns how many were written. */
export async function insertComputed(tx: Tx, orgId: string, computed: RawBuilder<unknown>): Promise<number> {
  const result = await sql`INSERT INTO kpi_daily (org_id, user_id, day, ${sql.raw(COLUMNS)})
    SELECT ${orgId}::uuid, c.user_id, c.day, ${sql.raw(ROLLUP_MEASURES.map((m) => `c.${m}`).join(', '))}
    FROM (${computed}) c`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

/** The organisation's zone, which decides every instant's day. */
export async function organisationZone(tx: Tx, orgId: string): Promise<string> {
  const row = await tx
    .selectFrom('organizations')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return row.time_zone;
}

/** Any fixed number: with the organisation's hash it names the lock of its rollup. */
const KPI_LOCK_CLASS = 4_242_013;

/**
 * Serialises refreshes and rebuilds of one organisation until the transaction ends: two readers
 * refreshing at once would otherwise both recompute the same pairs and collide on insert.
 */
export async function lockRollup(tx: Tx, orgId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${KPI_LOCK_CLASS}, hashtext(${orgId}))`.execute(tx);
}

/** Deletes the kpi_daily rows of the given pairs. */
export async function deletePairs(tx: Tx, orgId: string, pairs: readonly RepDay[]): Promise<void> {
  await sql`DELETE FROM kpi_daily k
    USING unnest(${pairs.map((p) => p.userId)}::uuid[], ${pairs.map((p) => p.day)}::date[]) AS s(user_id, day)
    WHERE k.org_id = ${orgId} AND k.user_id = s.user_id AND k.day = s.day`.execute(tx);
}

/** Takes (and removes) every dirty pair of the organisation. */
export async function takeDirtyPairs(tx: Tx, orgId: string): Promise<RepDay[]> {
  const result = await sql<{ user_id: string; day: string }>`DELETE FROM kpi_dirty WHERE org_id = ${orgId}
    RETURNING user_id, day`.execute(tx);
  return result.rows.map((row) => ({ userId: row.user_id, day: row.day }));
}
