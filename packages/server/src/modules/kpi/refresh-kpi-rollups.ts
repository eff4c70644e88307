import { type SqlBool, sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import {
  computePairs,
  deletePairs,
  insertComputed,
  lockRollup,
  type RepDay,
  takeDirtyPairs,
} from './kpi-rollup.queries.ts';
import { rebuildLocked } from './rebuild-kpi-rollups.ts';

/** What a refresh did. */
export interface RefreshResult {
  /** True when the organisation was rebuilt (never built, or its time zone changed). */
  rebuilt: boolean;
  /** Dirty (rep, day) pairs recomputed. */
  pairs: number;
  /** kpi_daily rows written. */
  rows: number;
}

/** Pairs recomputed per statement: keeps the parameter arrays of a large backlog bounded. */
const CHUNK = 5_000;

/**
 * Brings the organisation's kpi_daily up to date inside the caller's tenant transaction: takes
 * the (rep, day) pairs the triggers marked since the last refresh, deletes their rows and
 * recomputes them from the sources. The cost follows the number of dirty pairs, not the length
 * of the history. An organisation never built, or whose zone changed since, is rebuilt whole.
 * Refreshes of one organisation queue on a transaction-level advisory lock; a write that marks a
 * pair being recomputed waits for the refreshing transaction to end, then marks it again.
 */
export async function refreshKpiRollups(tx: Tx, orgId: string): Promise<RefreshResult> {
  // Nothing to do is the common case of a dashboard read: answered without the lock, which a
  // refresh holds to the end of its transaction and would otherwise queue every reader.
  if (await upToDate(tx, orgId)) return { rebuilt: false, pairs: 0, rows: 0 };
  await lockRollup(tx, orgId);
  // The zone now and the zone of the last build, in one round trip (taken after the lock, so a
  // build that committed while this waited is seen).
  const { timeZone, builtIn } = await tx
    .selectFrom('organizations as o')
    .leftJoin('kpi_rollup_state as s', (join) => join.onRef('s.org_id', '=', 'o.org_id'))
    .select(['o.time_zone as timeZone', 's.time_zone as builtIn'])
    .where('o.org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  if (builtIn !== timeZone) {
    const rows = await rebuildLocked(tx, orgId, timeZone);
    return { rebuilt: true, pairs: 0, rows };
  }
  const pairs = await takeDirtyPairs(tx, orgId);
  let rows = 0;
  for (let start = 0; start < pairs.length; start += CHUNK) {
    const chunk: RepDay[] = pairs.slice(start, start + CHUNK);
    await deletePairs(tx, orgId, chunk);
    rows += await insertComputed(tx, orgId, computePairs(orgId, timeZone, chunk));
  }
  return { rebuilt: false, pairs: pairs.length, rows };
}

/** Built in the organisation's current zone, and no pair marked since. */
async function upToDate(tx: Tx, orgId: string): Promise<boolean> {
  const result = await sql<{ fresh: SqlBool }>`SELECT
      (SELECT time_zone FROM organizations WHERE org_id = ${orgId})
        IS NOT DISTINCT FROM (SELECT time_zone FROM kpi_rollup_state WHERE org_id = ${orgId})
      AND NOT EXISTS (SELECT 1 FROM kpi_dirty WHERE org_id = ${orgId}) AS fresh`.execute(tx);
  return result.rows[0]?.fresh === true;
}
