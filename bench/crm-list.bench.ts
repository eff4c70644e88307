/**
 * CRM list benchmark (issue 3): a filtered, sorted 50-row page of deals and of contacts at a
 * constant request rate (autocannon -R, its own process, loopback), Pulse vs a bare Fastify + pg
 * route answering the same page with hand-written SQL, in one run, as ratios.
 *
 * Needs dataset M in the database first:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/pulse_m npx tsx bench/dataset-m.ts --years 1
 *   PULSE_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/pulse_m npx tsx bench/crm-list.bench.ts
 * Options: BENCH_RATE (default 1000 req/s), BENCH_SECONDS (10), BENCH_CONNECTIONS (50),
 * BENCH_LOGIN (head@m.pulse.test; password pulse-demo).
 */
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { openDatabase } from '../packages/server/src/db/connection.ts';
import { DEMO_PASSWORD } from '../packages/server/src/modules/demo/seed-demo.ts';

const url = process.env.PULSE_BENCH_DATABASE_URL;
if (!url) {
  process.stderr.write('Set PULSE_BENCH_DATABASE_URL to a database holding dataset M (see the header).\n');
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

const database = await openDatabase({ kind: 'postgres', url }, 20);
const app = await buildApp(
  { db: database.db, config: loadConfig({ PULSE_DEMO: '0' }), now: () => new Date() },
  {
    webDist: null,
    logger: false,
  },
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
const me = (await (await fetch(`${pulse}/api/me`, { headers: { cookie } })).json()) as { organization: { id: string } };
const orgId = me.organization.id;

// The baseline: the same page straight from SQL, no session, scope, validation or audit.
const pool = new pg.Pool({ connectionString: url, max: 20 });
const bare = Fastify();
bare.get('/deals', async () => {
  const { rows } = await pool.query(
    `SELECT deal_id, title, amount_minor, stage_id, owner_id, expected_close_date FROM deals
     WHERE org_id = $1 AND status = 'open' ORDER BY amount_minor DESC, deal_id DESC LIMIT 50`,
    [orgId],
  );
  return { items: rows };
});
bare.get('/contacts', async () => {
  const { rows } = await pool.query(
    `SELECT contact_id, full_name, position, company_id FROM contacts
     WHERE org_id = $1 AND archived_at IS NULL ORDER BY full_name, contact_id LIMIT 50`,
    [orgId],
  );
  return { items: rows };
});
await bare.listen({ port: 0, host: '127.0.0.1' });
const baseline = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;

const pages = [
  {
    name: 'deals (open, by amount desc)',
    pulse: '/api/deals?status=open&sort=amount&order=desc&limit=50',
    bare: '/deals',
  },
  { name: 'contacts (active, by name)', pulse: '/api/contacts?sort=name&limit=50', bare: '/contacts' },
];
const row = (name: string, r: Result) =>
  `  ${name.padEnd(28)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(5)} ms   errors ${r.errors}`;
process.stdout.write(
  `Dataset M on PostgreSQL, target ${RATE} req/s, ${CONNECTIONS} connections, ${SECONDS} s each, as ${LOGIN}\n`,
);
for (const page of pages) {
  await load(`${pulse}${page.pulse}`, { cookie }, 2);
  await load(`${baseline}${page.bare}`, {}, 2);
  const b = await load(`${baseline}${page.bare}`, {}, SECONDS);
  const p = await load(`${pulse}${page.pulse}`, { cookie }, SECONDS);
  process.stdout.write(
    `\n${page.name}\n${row('bare Fastify + pg', b)}\n${row('Pulse', p)}\n` +
      `  ratio Pulse / bare: throughput ${(p.rps / b.rps).toFixed(2)}, p99 ${(p.p99 / Math.max(b.p99, 1)).toFixed(1)}×\n`,
  );
}
await app.close();
await bare.close();
await pool.end();
await database.close();
