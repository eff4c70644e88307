/**
 * Copies a PostgreSQL database made by bench/dataset-m.ts into a new embedded (PGlite) data
 * directory, row for row, so the dashboard benchmark compares the two databases on the same data.
 * Generating dataset M straight into PGlite takes ~36 min per year of history (every row travels
 * through the socket server); this moves the tables with COPY in text format, a few tens of
 * megabytes at a time, with triggers off (the rollup tables are copied as they are) and each
 * table's secondary indexes built after its rows are in.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/pulse_bm1 npx tsx bench/copy-to-pglite.ts --data-dir DIR
 *
 * DIR must not hold an organisation yet. The target is migrated first, so the source must be on
 * the same migrations (the copy stops if a table's columns differ). Prints rows/s per table.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { openDatabase } from '../packages/server/src/db/connection.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';

const CHUNK_BYTES = 32 * 2 ** 20;
const SKIPPED = new Set(['schema_migrations']);

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
const dataDir = values['data-dir'];
const url = process.env.DATABASE_URL;
if (!dataDir || !url) {
  process.stderr.write('Usage: DATABASE_URL=postgres://… tsx bench/copy-to-pglite.ts --data-dir DIR\n');
  process.exit(2);
}

mkdirSync(dataDir, { recursive: true });
const embedded = await openDatabase({ kind: 'embedded', dataDir }, 1);
try {
  await migrate(embedded.pool);
} finally {
  await embedded.close();
}

const source = new pg.Client({ connectionString: url });
await source.connect();
const lite = await PGlite.create(dataDir);
const started = performance.now();
try {
  const existing = await lite.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations');
  if ((existing.rows[0]?.n ?? 0) > 0) {
    process.stderr.write(`${dataDir} already holds an organisation; give an empty directory.\n`);
    process.exit(1);
  }
  const tables = (
    await source.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    )
  ).rows
    .map((row) => row.tablename)
    .filter((table) => !SKIPPED.has(table));
  // Triggers (the rollup's dirty marks, foreign-key checks) stay off while the rows come in.
  await lite.exec(`SET session_replication_role = replica`);
  let total = 0;
  for (const table of tables) {
    const columns = await columnsOf(table);
    const tableStart = performance.now();
    // Secondary indexes are built once after the rows are in, rather than kept up row by row.
    const indexes = await secondaryIndexes(table);
    for (const index of indexes) await lite.exec(`DROP INDEX "${index.name}"`);
    const rows = await copyTable(table, columns);
    for (const index of indexes) await lite.exec(index.definition);
    total += rows;
    const seconds = (performance.now() - tableStart) / 1000;
    process.stdout.write(
      `${table}: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 0.001))} rows/s)\n`,
    );
  }
  await lite.exec(`SET session_replication_role = origin`);
  // Statistics and the visibility map, as a settled database has them (PGlite has no autovacuum).
  const analyzeStart = performance.now();
  await lite.exec('VACUUM ANALYZE');
  process.stdout.write(`VACUUM ANALYZE ${((performance.now() - analyzeStart) / 1000).toFixed(0)} s\n`);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`done: ${total} rows in ${seconds.toFixed(0)} s into ${dataDir}\n`);
} finally {
  await source.end();
  await lite.close();
}

/** The table's columns in the source, checked against the target's. */
async function columnsOf(table: string): Promise<string[]> {
  const query = `SELECT column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`;
  const from = (await source.query<{ column_name: string }>(query, [table])).rows.map((r) => r.column_name);
  const into = (await lite.query<{ column_name: string }>(query, [table])).rows.map((r) => r.column_name);
  if ([...from].sort().join(',') !== [...into].sort().join(',')) {
    throw new Error(`${table}: the source has columns ${from.join(', ')}, the target ${into.join(', ')}`);
  }
  return from;
}

/** The target table's indexes that no constraint owns (primary keys and unique constraints stay). */
async function secondaryIndexes(table: string): Promise<{ name: string; definition: string }[]> {
  const { rows } = await lite.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition
     FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = $1
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [table],
  );
  return rows;
}

/** Streams one table out of the source and into PGlite in whole-line chunks; returns the rows. */
async function copyTable(table: string, columns: readonly string[]): Promise<number> {
  const list = columns.map((c) => `"${c}"`).join(', ');
  const stream = source.query(copyTo(`COPY (SELECT ${list} FROM "${table}") TO STDOUT`));
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let rows = 0;
  const flush = async (data: Buffer) => {
    if (data.length === 0) return;
    await lite.query(`COPY "${table}" (${list}) FROM '/dev/blob'`, [], { blob: new Blob([data]) });
    for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, at + 1)) rows++;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes < CHUNK_BYTES) continue;
    const data = Buffer.concat(pending);
    const cut = data.lastIndexOf(10) + 1;
    await flush(data.subarray(0, cut));
    pending = [data.subarray(cut)];
    pendingBytes = data.length - cut;
  }
  await flush(Buffer.concat(pending));
  return rows;
}
