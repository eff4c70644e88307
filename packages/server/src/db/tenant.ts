import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/** A query handle bound to one connection inside a tenant transaction. */
export type Tx = Kysely<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `work` in one transaction scoped to an organisation: the transaction switches to the
 * `pulse_app` role and sets `app.org_id`, so row-level security hides every other tenant even
 * if a query forgets its `org_id` filter. Both settings are transaction-local, which keeps
 * them correct on a pooled or multiplexed connection.
 *
 * BEGIN and the settings travel in one round trip (the org id is a checked UUID, so it can be
 * written into the statement); on the embedded database every round trip counts.
 *
 * `join_collapse_limit = 1` makes PostgreSQL join in the order a query is written. Every query
 * here starts from the table it pages or filters and joins lookups after it, so that order is the
 * right one; searching all orders cost a deals list page 20–30 ms of planning against 2 ms of
 * execution on dataset M (ARCHITECTURE.md, "Lists").
 *
 * `jit = off`: these are short OLTP statements, and JIT compilation never pays off for them. The
 * dashboard's stage-history statement passed `jit_above_cost` on dataset M and PostgreSQL compiled
 * it on every request (25–30 ms, sometimes over 500 ms). Builds without LLVM (PGlite) accept the
 * setting and ignore it.
 */
export async function withOrg<T>(db: Kysely<Database>, orgId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (!UUID.test(orgId)) throw new Error(`withOrg: not an organisation id: ${orgId}`);
  return inTransaction(
    db,
    `BEGIN; SELECT set_config('role', 'pulse_app', true), set_config('app.org_id', '${orgId}', true),
      set_config('join_collapse_limit', '1', true), set_config('jit', 'off', true)`,
    work,
  );
}

/** A transaction for the global tables (login directory, throttling), still as pulse_app; no JIT either. */
export async function withoutOrg<T>(db: Kysely<Database>, work: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(db, `BEGIN; SELECT set_config('role', 'pulse_app', true), set_config('jit', 'off', true)`, work);
}

async function inTransaction<T>(db: Kysely<Database>, begin: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql.raw(begin).execute(connection);
    try {
      const result = await work(connection);
      await sql.raw('COMMIT').execute(connection);
      return result;
    } catch (error) {
      // The connection goes back to the pool; it must not stay inside a failed transaction.
      await sql
        .raw('ROLLBACK')
        .execute(connection)
        .catch(() => {});
      throw error;
    }
  });
}
