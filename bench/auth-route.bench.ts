/**
 * `npm run bench`: requests per second of a trivial authenticated route (GET /api/me: session
 * lookup, scope, organisation) against a bare node:http server answering the same JSON, in one
 * run, as a ratio. The load generator (autocannon) runs in its own process.
 *
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=10 npm run bench
 *   PULSE_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench   # also on PostgreSQL
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import pg from 'pg';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { type DatabaseHandle, openDatabase } from '../packages/server/src/db/connection.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../packages/server/src/modules/demo/seed-demo.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Runs autocannon in a child process; this process keeps serving while it waits. */
async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Result> {
  const args = ['node_modules/autocannon/autocannon.js', '--json', '-c', String(CONNECTIONS), '-d', String(seconds)];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  const { stdout: out } = await promisify(execFile)(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const json = JSON.parse(out) as {
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

async function listen(server: {
  listen: (port: number, host: string, cb: () => void) => unknown;
  address: () => unknown;
}) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function benchOn(label: string, database: DatabaseHandle): Promise<void> {
  await migrate(database.pool);
  await seedDemo(database.db, new Date(), { size: 'tiny' });
  const config = loadConfig({ PULSE_DEMO: '0' });
  const app = await buildApp({ db: database.db, config, now: () => new Date() }, { webDist: null, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const pulsePort = (app.server.address() as AddressInfo).port;

  const login = await fetch(`http://127.0.0.1:${pulsePort}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'head@demo.test', password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = JSON.stringify(
    await (await fetch(`http://127.0.0.1:${pulsePort}/api/me`, { headers: { cookie } })).json(),
  );

  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(body);
  });
  const barePort = await listen(bare);

  await load(`http://127.0.0.1:${barePort}/`, {}, 2); // warm-up
  await load(`http://127.0.0.1:${pulsePort}/api/me`, { cookie }, 2);
  const baseline = await load(`http://127.0.0.1:${barePort}/`, {}, SECONDS);
  const pulse = await load(`http://127.0.0.1:${pulsePort}/api/me`, { cookie }, SECONDS);

  const row = (name: string, r: Result) =>
    `  ${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors}`;
  process.stdout.write(
    `\n${label}: ${CONNECTIONS} connections, ${SECONDS} s each\n` +
      `${row('bare node:http, same JSON', baseline)}\n${row('Pulse GET /api/me (authenticated)', pulse)}\n` +
      `  ratio Pulse / bare: ${(pulse.rps / baseline.rps).toFixed(3)}\n`,
  );
  await app.close();
  await new Promise((r) => bare.close(r));
}

const embedded = await openDatabase({ kind: 'embedded', dataDir: null }, 10);
await benchOn('Embedded database (PGlite)', embedded);
await embedded.close();

const serverUrl = process.env.PULSE_BENCH_DATABASE_URL;
if (serverUrl) {
  const name = `pulse_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const server = await openDatabase({ kind: 'postgres', url: url.toString() }, 10);
  try {
    await benchOn('PostgreSQL server', server);
  } finally {
    await server.close();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  process.stdout.write('\n(PostgreSQL skipped: set PULSE_BENCH_DATABASE_URL to measure it in the same run)\n');
}
