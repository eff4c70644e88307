import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Tx, withOrg, withoutOrg } from '../../db/tenant.ts';
import { computeEverything, insertComputed, lockRollup, organisationZone } from './kpi-rollup.queries.ts';

/** Rows written per organisation by a rebuild. */
export interface RebuildResult {
  organisations: number;
  rows: number;
}

/**
 * Rebuilds one organisation's rollup from scratch inside the caller's tenant transaction (the
 * demo generator calls it at the end of its load): drops its rows and dirty pairs, recomputes
 * every (rep, day) from the sources. Returns the rows written.
 */
export async function rebuildOrgKpiRollups(tx: Tx, orgId: string): Promise<number> {
  await lockRollup(tx, orgId);
  return rebuildLocked(tx, orgId, await organisationZone(tx, orgId));
}

/** The rebuild itself, for a caller that holds the organisation's rollup lock. */
export async function rebuildLocked(tx: Tx, orgId: string, timeZone: string): Promise<number> {
  await tx.deleteFrom('kpi_dirty').where('org_id', '=', orgId).execute();
  await tx.deleteFrom('kpi_daily').where('org_id', '=', orgId).execute();
  const rows = await insertComputed(tx, orgId, computeEverything(orgId, timeZone));
  await tx
    .insertInto('kpi_rollup_state')
    .values({ org_id: orgId, time_zone: timeZone })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ time_zone: timeZone, built_at: sql`now()` }))
    .execute();
  return rows;
}

/**
 * Rebuilds the rollup of one organisation, or of every organisation (found through the global
 * login directory: each has at least its administrator's login), each in its own transaction.
 */
export async function rebuildKpiRollups(db: Kysely<Database>, orgId?: string): Promise<RebuildResult> {
  const orgIds =
    orgId === undefined
      ? (
          await withoutOrg(db, (tx) =>
            tx.selectFrom('user_logins').select('org_id').distinct().orderBy('org_id').execute(),
          )
        ).map((row) => row.org_id)
      : [orgId];
  let rows = 0;
  for (const id of orgIds) rows += await withOrg(db, id, (tx) => rebuildOrgKpiRollups(tx, id));
  return { organisations: orgIds.length, rows };
}
