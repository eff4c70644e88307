import { ROLLUP_MEASURES, type RollupMeasure } from '@pulse/domain';
import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { refreshKpiRollups } from './refresh-kpi-rollups.ts';

/** Σ of each rollup measure over a period. */
export type RollupFigures = Record<RollupMeasure, number>;

/** Which reps and which days ('YYYY-MM-DD', both included, local days of the organisation). */
export interface KpiDailyQuery {
  orgId: string;
  userIds: readonly string[];
  from: string;
  to: string;
}

/** A rep's figures of a period. */
export interface RepFigures {
  userId: string;
  figures: RollupFigures;
}

/** A rep's figures of one day. */
export interface RepDayFigures extends RepFigures {
  day: string;
}

const SUMS = sql.raw(ROLLUP_MEASURES.map((m) => `sum(k.${m})::bigint AS ${m}`).join(', '));
const COLUMNS = sql.raw(ROLLUP_MEASURES.map((m) => `k.${m}`).join(', '));

/** All zeros: a rep with no row in the period did nothing that counts. */
export function zeroFigures(): RollupFigures {
  return Object.fromEntries(ROLLUP_MEASURES.map((m) => [m, 0])) as RollupFigures;
}

const figuresOf = (row: Record<string, unknown>): RollupFigures =>
  Object.fromEntries(ROLLUP_MEASURES.map((m) => [m, Number(row[m] ?? 0)])) as RollupFigures;

/**
 * Each requested rep's measures summed over the period (zeros for a rep with no rows), in the
 * order asked. Refreshes the organisation's rollup first, so the figures include every write
 * committed before the call; the caller's transaction must be the organisation's (withOrg).
 */
export async function readKpiDaily(tx: Tx, query: KpiDailyQuery): Promise<RepFigures[]> {
  if (query.userIds.length === 0) return [];
  await refreshKpiRollups(tx, query.orgId);
  return sumKpiDaily(tx, query);
}

/**
 * readKpiDaily without the refresh, for a read-only transaction that has refreshed the rollup
 * once already and reads it several times.
 */
export async function sumKpiDaily(tx: Tx, query: KpiDailyQuery): Promise<RepFigures[]> {
  if (query.userIds.length === 0) return [];
  const result = await sql<Record<string, unknown> & { user_id: string }>`SELECT k.user_id, ${SUMS}
    FROM kpi_daily k
    WHERE k.org_id = ${query.orgId} AND k.user_id = ANY(${[...query.userIds]}::uuid[])
      AND k.day BETWEEN ${query.from}::date AND ${query.to}::date
    GROUP BY k.user_id`.execute(tx);
  const byUser = new Map(result.rows.map((row) => [row.user_id, figuresOf(row)]));
  return query.userIds.map((userId) => ({ userId, figures: byUser.get(userId) ?? zeroFigures() }));
}

/**
 * The requested reps' rows day by day (only days with a non-zero figure), ordered by rep and
 * day; for charts and drill-downs. Refreshes first, like readKpiDaily.
 */
export async function readKpiDailyByDay(tx: Tx, query: KpiDailyQuery): Promise<RepDayFigures[]> {
  if (query.userIds.length === 0) return [];
  await refreshKpiRollups(tx, query.orgId);
  const result = await sql<
    Record<string, unknown> & { user_id: string; day: string }
  >`SELECT k.user_id, k.day, ${COLUMNS}
    FROM kpi_daily k
    WHERE k.org_id = ${query.orgId} AND k.user_id = ANY(${[...query.userIds]}::uuid[])
      AND k.day BETWEEN ${query.from}::date AND ${query.to}::date
    ORDER BY k.user_id, k.day`.execute(tx);
  return result.rows.map((row) => ({ userId: row.user_id, day: row.day, figures: figuresOf(row) }));
}
