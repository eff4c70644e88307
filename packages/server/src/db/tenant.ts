import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type Tx = Transaction<Database>;

/**
 * Runs `work` in one transaction scoped to an organisation: the transaction switches to the
 * `pulse_app` role and sets `app.org_id`, so row-level security hides every other tenant even
 * if a query forgets its `org_id` filter. Both settings are transaction-local, which keeps
 * them correct on a pooled or multiplexed connection.
 */
export async function withOrg<T>(db: Kysely<Database>, orgId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    // One round trip: set_config('role', …, true) is SET LOCAL ROLE.
    await sql`SELECT set_config('role', 'pulse_app', true), set_config('app.org_id', ${orgId}, true)`.execute(tx);
    return work(tx);
  });
}

/** A transaction for the global tables (login directory, throttling), still as pulse_app. */
export async function withoutOrg<T>(db: Kysely<Database>, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('role', 'pulse_app', true)`.execute(tx);
    return work(tx);
  });
}
