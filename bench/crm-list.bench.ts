/**
 * CRM list benchmark (issue 3): a filtered, sorted 50-row page of deals and of contacts at a
 * constant request rate (autocannon -R, its own process, loopback), Pulse vs a bare Fastify + pg
 * route answering the same page with hand-written SQL, in one run, as ratios; and, when both
 * databases are given, the embedded database as a ratio to PostgreSQL.
 *
 * Needs dataset M in each database first:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/pulse_m npx tsx bench/dataset-m.ts --years 1
 *   npx tsx bench/dataset-m.ts --data-dir /path/data-m --years 1                (embedded PGlite)
 *   PULSE_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/pulse_m \
 *   PULSE_BENCH_DATA_DIR=/path/data-m npx tsx bench/crm-list.bench.ts
 * Either variable alone benchmarks that database only. Options: BENCH_RATE (default 1000 req/s),
 * BENCH_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_LOGIN (head@m.pulse.test; password pulse-demo).
 */
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { type DatabaseTarget, openDatabase } from '../packages/server/src/db/connection.ts';
import { DEMO_PASSWORD } from '../packages/server/src/modules/demo/seed-demo.ts';

const url = process.env.PULSE_BENCH_DATABASE_URL;
const dataDir = process.env.PULSE_BENCH_DATA_DIR;
if (!url && !dataDir) {
  process.stderr.write(
    'Set PULSE_BENCH_DATABASE_URL and/or PULSE_BENCH_DATA_DIR to a database holding dataset M (see the header).\n',
  );
  process.exit(2);
}
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const LOGIN = process.env.BENCH_LOGIN ?? 'head@m.pulse.test';

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}
async function load(target: string, headers: Record<string, string>, seconds: number): Promise<Result> {
  const args = ['node_modules/autocannon/autocannon.js', '--json', '-c', String(CONNECTIONS), '-R', String(RATE)];
  args.push('-d', String(seconds));
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(target);
  const { stdout } = await promisify(execFile)(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const json = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    errors: number;
    non2xx: number;
  };
  return {
    rps: json.requests.average,
    p50: json.latency.p50,
    p99: json.latency.p99,
    errors: json.errors + json.non2xx,
  };
}

// The baseline answers the same pages straight from SQL: no session, scope, validation or audit.
const BARE_SQL = {
  deals: `SELECT deal_id, title, amount_minor, stage_id, owner_id, expected_close_date FROM deals
     WHERE org_id = $1 AND status = 'open' ORDER BY amount_minor DESC, deal_id DESC LIMIT 50`,
  contacts: `SELECT contact_id, full_name, position, company_id FROM contacts
     WHERE org_id = $1 AND archived_at IS NULL ORDER BY lower(full_name), contact_id LIMIT 50`,
};
const PAGES = [
  {
    name: 'deals (open, by amount desc)',
    pulse: '/api/deals?status=open&sort=amount&order=desc&limit=50',
    bare: 'deals',
  },
  { name: 'contacts (active, by name)', pulse: '/api/contacts?sort=name&limit=50', bare: 'contacts' },
] as const;

const row = (name: string, r: Result) =>
  `  ${name.padEnd(28)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(5)} ms   errors ${r.errors}`;

/** Runs every page against Pulse and the bare route on one database; returns Pulse's results. */
async function benchDatabase(label: string, target: DatabaseTarget): Promise<Result[]> {
  const database = await openDatabase(target, 20);
  const app = await buildApp(
    { db: database.db, config: loadConfig({ PULSE_DEMO: '0' }), now: () => new Date() },
    { webDist: null, logger: false },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const pulse = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${pulse}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: LOGIN, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login ${LOGIN} failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const me = (await (await fetch(`${pulse}/api/me`, { headers: { cookie } })).json()) as {
    organization: { id: string };
  };
  const orgId = me.organization.id;

  // The bare route shares the pool Pulse uses (for PGlite, the same socket server).
  const bare = Fastify();
  for (const [path, text] of Object.entries(BARE_SQL)) {
    bare.get(`/${path}`, async () => ({ items: (await database.pool.query(text, [orgId])).rows }));
  }
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const baseline = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;

  process.stdout.write(
    `\nDataset M on ${label}, target ${RATE} req/s, ${CONNECTIONS} connections, ${SECONDS} s each, as ${LOGIN}\n`,
  );
  const results: Result[] = [];
  for (const page of PAGES) {
    await load(`${pulse}${page.pulse}`, { cookie }, 2);
    await load(`${baseline}/${page.bare}`, {}, 2);
    const b = await load(`${baseline}/${page.bare}`, {}, SECONDS);
    const p = await load(`${pulse}${page.pulse}`, { cookie }, SECONDS);
    results.push(p);
    process.stdout.write(
      `\n${page.name}\n${row('bare Fastify + pg', b)}\n${row('Pulse', p)}\n` +
        `  ratio Pulse / bare: throughput ${(p.rps / b.rps).toFixed(2)}, p99 ${(p.p99 / Math.max(b.p99, 1)).toFixed(1)}×\n`,
    );
  }
  await app.close();
  await bare.close();
  await database.close();
  return results;
}

const onPostgres = url ? await benchDatabase('PostgreSQL', { kind: 'postgres', url }) : null;
const onEmbedded = dataDir ? await benchDatabase('embedded PGlite', { kind: 'embedded', dataDir }) : null;
if (onPostgres && onEmbedded) {
  process.stdout.write('\nEmbedded PGlite / PostgreSQL (Pulse)\n');
  PAGES.forEach((page, i) => {
    const pg = onPostgres[i] as Result;
    const lite = onEmbedded[i] as Result;
    process.stdout.write(
      `  ${page.name.padEnd(28)} throughput ${(lite.rps / pg.rps).toFixed(2)}, p50 ${(lite.p50 / Math.max(pg.p50, 1)).toFixed(1)}×, p99 ${(lite.p99 / Math.max(pg.p99, 1)).toFixed(1)}×\n`,
    );
  });
}
