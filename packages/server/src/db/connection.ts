import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

// DATE columns stay 'YYYY-MM-DD' strings: a day is not an instant.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint counts fit comfortably in a JS number for our sizes.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** A running database: a pg pool the whole app uses, whichever server is behind it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  mode: 'embedded' | 'postgres';
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string | null };

/**
 * Opens the database. The embedded PGlite is served over its socket server on a loopback
 * port so the application talks to it through `pg` exactly as it talks to a real server.
 */
export async function openDatabase(target: DatabaseTarget, poolSize = 10): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: poolSize });
    return wrap(pool, 'postgres', async () => {});
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const lite = await PGlite.create(target.dataDir ?? undefined);
  const server = new PGLiteSocketServer({ db: lite, port: 0, host: '127.0.0.1', maxConnections: poolSize + 2 });
  await server.start();
  const port = listeningPort(server);
  const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', max: poolSize });
  return wrap(pool, 'embedded', async () => {
    await server.stop();
    await lite.close();
  });
}

function wrap(pool: pg.Pool, mode: DatabaseHandle['mode'], closeServer: () => Promise<void>): DatabaseHandle {
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    mode,
    async close() {
      await db.destroy();
      await closeServer();
    },
  };
}

function listeningPort(server: PGLiteSocketServer): number {
  // The socket server records the OS-assigned port after start(); it exposes it only via the
  // 'listening' event, so read the field it documents in getServerConn().
  const conn = server.getServerConn();
  const port = Number(conn.split(':').pop());
  if (!Number.isInteger(port) || port <= 0) throw new Error(`Embedded database did not report a port (${conn})`);
  return port;
}
