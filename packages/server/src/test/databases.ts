import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';

export type Backend = 'pglite' | 'postgres';

/**
 * The databases every integration test runs against: always the embedded PGlite, and a
 * PostgreSQL server when PULSE_TEST_DATABASE_URL names one. In CI the server is required.
 */
export function testBackends(): Backend[] {
  if (process.env.PULSE_TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI === 'true') {
    throw new Error('CI=true but PULSE_TEST_DATABASE_URL is not set: the PostgreSQL suite may not be skipped in CI');
  }
  if (!warned) {
    warned = true;
    process.stderr.write(
      'SKIP PostgreSQL runs: set PULSE_TEST_DATABASE_URL=postgres://user@host:5432/db to run every integration test on a server too\n',
    );
  }
  return ['pglite'];
}
let warned = false;

/** A fresh, migrated database of the given kind, dropped again by `close`. */
export async function openTestDatabase(backend: Backend): Promise<DatabaseHandle> {
  if (backend === 'pglite') {
    const handle = await openDatabase({ kind: 'embedded', dataDir: null }, 4);
    await migrate(handle.pool);
    return handle;
  }
  const adminUrl = process.env.PULSE_TEST_DATABASE_URL as string;
  const name = `pulse_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() }, 4);
  await migrate(handle.pool);
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
