/**
 * Daily control dashboard benchmark (issue 5): p50/p95 of GET /api/daily-control/dashboard for
 * period=today, week and month (sequential requests after a warm-up, every dataset open at once
 * and measured in interleaved rounds, then a concurrent run of the month), and in the same run,
 * on the same pool, of a naive SQL computing the month's per rep figures straight from the raw
 * tables (bench/dashboard-naive.ts). Across the datasets it prints
 * 4 years / 1 year (target ≤ 1.2), dashboard / naive SQL (≤ 0.1), embedded / PostgreSQL (≤ 3) and
 * p95 ≤ 150 ms on PostgreSQL, each as pass or miss — a benchmark reports, it asserts nothing.
 *
 * Prepare the datasets (dataset M as the issue asks; `--size demo` makes a small one in a minute
 * or two, M with 1 year takes ~25 min into PostgreSQL and ~36 min into PGlite on 2 cores):
 *   psql postgres://postgres@127.0.0.1:5432/postgres -c 'CREATE DATABASE pulse_bm1' (and pulse_bm4)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/pulse_bm1 npx tsx bench/dataset-m.ts --years 1
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/pulse_bm4 npx tsx bench/dataset-m.ts --years 4
 *   DATABASE_URL=postgres://…/pulse_bm1 npx tsx bench/copy-to-pglite.ts --data-dir /path/pglite-m1
 *   DATABASE_URL=postgres://…/pulse_bm4 npx tsx bench/copy-to-pglite.ts --data-dir /path/pglite-m4
 * (the same rows in the embedded database, by COPY: ~10 min for a year of M on 2 cores; generating
 * into PGlite directly, `npx tsx bench/dataset-m.ts --years 1 --data-dir DIR`, takes ~36 min).
 * `VACUUM ANALYZE` the PostgreSQL databases once after generating (autovacuum would get there
 * later), so index-only reads see the visibility map a settled database has.
 * The generator rebuilds the KPI rollup (kpi_daily) at its end; a database loaded any other way
 * needs `npm run kpi:rebuild` first. Then:
 *   PULSE_BENCH_DATABASE_URL_1Y=postgres://…/pulse_bm1 PULSE_BENCH_DATABASE_URL_4Y=postgres://…/pulse_bm4 \
 *   PULSE_BENCH_DATA_DIR_1Y=/path/pglite-m1 PULSE_BENCH_DATA_DIR_4Y=/path/pglite-m4 npm run bench:dashboard
 * A variable left out skips that dataset and the ratios that need it. Options: BENCH_REQUESTS
 * (200 per period), BENCH_ROUNDS (10), BENCH_WARMUP (20), BENCH_NAIVE_SECONDS (60: past this much
 * naive time a dataset's naive SQL runs once per round), BENCH_CONNECTIONS (8; 0 skips the concurrent run), BENCH_SECONDS (5),
 * BENCH_LOGIN (default the dataset's head@ login: the head of sales of the largest subtree;
 * password pulse-demo), BENCH_PROFILE=1 (prints the slowest statements of one request per
 * period: BENCH_PROFILE_TOP of them, default 12, BENCH_PROFILE_WIDTH characters of each, 160).
 */
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { promisify } from 'node:util';
import type { Dashboard } from '@pulse/contracts';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { type DatabaseTarget, openDatabase } from '../packages/server/src/db/connection.ts';
import { DEMO_PASSWORD } from '../packages/server/src/modules/demo/seed-demo.ts';
import { NAIVE_SQL, type NaiveFigures } from './dashboard-naive.ts';
import { describeProfile, profilePool } from './query-profile.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const NAIVE_SECONDS = Number(process.env.BENCH_NAIVE_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const PROFILE = process.env.BENCH_PROFILE === '1';
const PROFILE_TOP = Number(process.env.BENCH_PROFILE_TOP ?? 12);
const PERIODS = ['today', 'week', 'month'] as const;
type Period = (typeof PERIODS)[number];

interface Dataset {
  database: 'PostgreSQL' | 'PGlite';
  years: 1 | 4;
  target: DatabaseTarget;
}
const DATASETS: Dataset[] = [];
const candidates = [
  ['PULSE_BENCH_DATABASE_URL_1Y', 'PostgreSQL', 1],
  ['PULSE_BENCH_DATABASE_URL_4Y', 'PostgreSQL', 4],
  ['PULSE_BENCH_DATA_DIR_1Y', 'PGlite', 1],
  ['PULSE_BENCH_DATA_DIR_4Y', 'PGlite', 4],
] as const;
for (const [name, database, years] of candidates) {
  const value = process.env[name];
  if (!value) {
    process.stdout.write(`${name} is not set: skipping ${database} with ${years} year(s).\n`);
    continue;
  }
  const target: DatabaseTarget =
    database === 'PostgreSQL' ? { kind: 'postgres', url: value } : { kind: 'embedded', dataDir: value };
  DATASETS.push({ database, years, target });
}
if (DATASETS.length === 0) {
  process.stderr.write('Set at least one of the PULSE_BENCH_* variables to a prepared dataset (see the header).\n');
  process.exit(2);
}

interface Latency {
  p50: number;
  p95: number;
  n: number;
}
interface Measured {
  dataset: Dataset;
  dashboard: Record<Period, Latency>;
  naive: Latency;
}

/** Nearest-rank percentiles of durations in milliseconds. */
function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), n: sorted.length };
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function concurrent(target: string, cookie: string) {
  const args = ['node_modules/autocannon/autocannon.js', '--json', '-c', String(CONNECTIONS), '-d', String(SECONDS)];
  args.push('-H', `cookie=${cookie}`, target);
  const { stdout } = await promisify(execFile)(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const json = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p97_5: number; p99: number };
    errors: number;
    non2xx: number;
  };
  return { rps: json.requests.average, latency: json.latency, errors: json.errors + json.non2xx };
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—').padStart(7);

/** One dataset opened for measuring: the app on its database, signed in. */
interface Session {
  dataset: Dataset;
  label: string;
  get(period: Period): Promise<Dashboard>;
  naive(): Promise<NaiveFigures[]>;
  month: Dashboard;
  base: string;
  cookie: string;
  profile: ReturnType<typeof profilePool> | null;
  close(): Promise<void>;
}

async function open(dataset: Dataset): Promise<Session> {
  const label = `${dataset.database}, ${dataset.years} year(s)`;
  const database = await openDatabase(dataset.target, 10);
  const profile = PROFILE ? profilePool(database.pool) : null;
  const login =
    process.env.BENCH_LOGIN ??
    (await database.pool.query<{ email: string }>("SELECT email FROM user_logins WHERE email LIKE 'head@%' LIMIT 1"))
      .rows[0]?.email;
  if (!login) throw new Error(`${label}: no head@ login; set BENCH_LOGIN`);
  const counts = await database.pool.query<{ activities: string; kpi_daily: string }>(
    'SELECT (SELECT count(*) FROM activities) AS activities, (SELECT count(*) FROM kpi_daily) AS kpi_daily',
  );
  const app = await buildApp(
    { db: database.db, config: loadConfig({ PULSE_DEMO: '0' }), now: () => new Date() },
    { webDist: null, logger: false },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const signIn = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: login, password: DEMO_PASSWORD }),
  });
  if (signIn.status !== 200) throw new Error(`login ${login} failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const get = async (period: Period): Promise<Dashboard> => {
    const response = await fetch(`${base}/api/daily-control/dashboard?period=${period}`, { headers: { cookie } });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`dashboard ${period}: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as Dashboard;
  };
  const month = await get('month');
  const me = (await (await fetch(`${base}/api/me`, { headers: { cookie } })).json()) as {
    organization: { id: string };
  };
  const orgId = me.organization.id;
  const zone = await database.pool.query<{ time_zone: string }>(
    'SELECT time_zone FROM organizations WHERE org_id = $1',
    [orgId],
  );
  const params = [
    orgId,
    month.rows.map((row) => row.userId),
    month.period.from,
    month.period.to,
    zone.rows[0]?.time_zone,
  ];
  // The naive SQL through the same pool, in a tenant transaction set up as db/tenant.ts withOrg
  // sets up the app's (role pulse_app, row-level security, join order as written).
  const naive = async (): Promise<NaiveFigures[]> => {
    const client = await database.pool.connect();
    try {
      await client.query(
        `BEGIN; SELECT set_config('role', 'pulse_app', true), set_config('app.org_id', '${orgId}', true),
          set_config('join_collapse_limit', '1', true)`,
      );
      const result = await client.query<NaiveFigures>(NAIVE_SQL, params);
      await client.query('COMMIT');
      return result.rows;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
  process.stdout.write(
    `${label}: ${counts.rows[0]?.activities} activities, ${counts.rows[0]?.kpi_daily} kpi_daily rows; ` +
      `as ${login}, ${month.rows.length} reps on the dashboard; month = ${month.period.from}…${month.period.to}\n` +
      `  ${agreement(month, await naive())}\n`,
  );
  const close = async () => {
    await app.close();
    await database.close();
  };
  return { dataset, label, get, naive, month, base, cookie, profile, close };
}

/**
 * Measures every open dataset in interleaved rounds — each round gives every dataset its share of
 * requests in turn — so a change in the machine's other load falls on all of them alike, and the
 * ratios between datasets stay fair on a shared machine.
 */
async function measure(sessions: Session[]): Promise<Measured[]> {
  for (const session of sessions) {
    for (const period of PERIODS) for (let i = 0; i < WARMUP; i++) await session.get(period);
    for (let i = 0; i < Math.min(WARMUP, 5); i++) await session.naive();
    if (!session.profile) continue;
    for (const period of PERIODS) {
      session.profile.take();
      await session.get(period);
      process.stdout.write(
        `${session.label}, one ${period} request:\n${describeProfile(session.profile.take(), PROFILE_TOP)}\n`,
      );
    }
  }
  const samples = sessions.map(() => ({
    today: [] as number[],
    week: [] as number[],
    month: [] as number[],
    naive: [] as number[],
    naiveMs: 0,
  }));
  const perRound = Math.max(1, Math.ceil(REQUESTS / ROUNDS));
  process.stdout.write(
    `\nload average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores at the start of the rounds\n`,
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, session] of sessions.entries()) {
      const mine = samples[i] as (typeof samples)[number];
      for (const period of PERIODS) {
        for (let n = 0; n < perRound && mine[period].length < REQUESTS; n++) {
          mine[period].push(await timed(async () => void (await session.get(period))));
        }
      }
      // The naive SQL stops taking turns once it has had its time (BENCH_NAIVE_SECONDS).
      const naiveTurns = mine.naiveMs > NAIVE_SECONDS * 1000 ? 1 : perRound;
      for (let n = 0; n < naiveTurns && mine.naive.length < REQUESTS; n++) {
        const took = await timed(async () => void (await session.naive()));
        mine.naive.push(took);
        mine.naiveMs += took;
      }
    }
  }
  process.stdout.write(`load average ${loadavg()[0]?.toFixed(1)} at the end of the rounds\n`);
  return sessions.map((session, i) => {
    const mine = samples[i] as (typeof samples)[number];
    return {
      dataset: session.dataset,
      dashboard: { today: latency(mine.today), week: latency(mine.week), month: latency(mine.month) },
      naive: latency(mine.naive),
    };
  });
}

/** Whether the naive SQL and the dashboard agree on the month's additive figures, rep by rep. */
function agreement(month: Dashboard, naive: NaiveFigures[]): string {
  const byUser = new Map(naive.map((row) => [row.user_id, row]));
  const differing: string[] = [];
  for (const row of month.rows) {
    const n = byUser.get(row.userId);
    const pairs: [string, number | null | undefined, number | undefined][] = [
      ['calls-outbound', row.kpis['calls-outbound']?.value, n?.calls_outbound],
      ['meetings-held', row.kpis['meetings-held']?.value, n?.meetings_held],
      ['deals-won', row.kpis['deals-won']?.value, n?.deals_won],
      ['revenue', row.kpis.revenue?.value, n?.revenue_minor],
      ['leads-new', row.kpis['leads-new']?.value, n?.leads_new],
    ];
    for (const [kpi, shown, computed] of pairs) {
      if (Number(shown ?? 0) !== Number(computed ?? 0)) differing.push(`${row.fullName} ${kpi} ${shown} ≠ ${computed}`);
    }
    // The ratios, from the naive numerators and denominators.
    const ratios: [string, number | null | undefined, number | null][] = [
      [
        'stage-conversion',
        row.kpis['stage-conversion']?.value,
        n && n.stage_entered > 0 ? (100 * n.stage_advanced) / n.stage_entered : null,
      ],
      [
        'lead-to-won',
        row.kpis['lead-to-won-time']?.value,
        n && n.won_from_lead > 0 ? n.lead_to_won_ms / n.won_from_lead : null,
      ],
    ];
    for (const [kpi, shown, computed] of ratios) {
      const same =
        (shown ?? null) === null
          ? computed === null
          : computed !== null && Math.abs(Number(shown) - computed) <= 0.01 * Math.max(1, Math.abs(computed));
      if (!same) differing.push(`${row.fullName} ${kpi} ${shown} ≠ ${computed}`);
    }
  }
  return differing.length === 0
    ? `naive SQL agrees with the dashboard on outbound calls, meetings, deals won, revenue, new leads, stage conversion and lead → won time for all ${month.rows.length} reps`
    : `naive SQL differs from the dashboard in ${differing.length} figure(s), e.g. ${differing.slice(0, 3).join('; ')}`;
}

const sessions: Session[] = [];
for (const dataset of DATASETS) sessions.push(await open(dataset));
const results = await measure(sessions);
if (CONNECTIONS > 0) {
  process.stdout.write(`\nDashboard month, ${CONNECTIONS} connections for ${SECONDS} s (autocannon)\n`);
  for (const session of sessions) {
    const load = await concurrent(`${session.base}/api/daily-control/dashboard?period=month`, session.cookie);
    process.stdout.write(
      `  ${`${session.dataset.database} ${session.dataset.years}y`.padEnd(15)} ${load.rps.toFixed(1)} req/s, ` +
        `p50 ${load.latency.p50} ms, p97.5 ${load.latency.p97_5} ms, p99 ${load.latency.p99} ms, errors ${load.errors}\n`,
    );
  }
}
for (const session of sessions) await session.close();

const verdict = (ratio: number, target: number) =>
  `${ratio.toFixed(2)} ${Number.isFinite(ratio) && ratio <= target ? 'pass' : 'miss'}`;
const name = (m: Measured) => `${m.dataset.database} ${m.dataset.years}y`;

process.stdout.write(
  `\nDashboard p50 / p95 in ms (${REQUESTS} sequential requests each in ${ROUNDS} interleaved rounds; naive SQL: month)\n`,
);
process.stdout.write(`  ${'dataset'.padEnd(15)} ${PERIODS.map((p) => p.padEnd(17)).join(' ')} naive SQL\n`);
for (const m of results) {
  const cells = PERIODS.map((p) => `${ms(m.dashboard[p].p50)} /${ms(m.dashboard[p].p95)}`.padEnd(17));
  const naive = `${ms(m.naive.p50)} /${ms(m.naive.p95)} (${m.naive.n} runs)`;
  process.stdout.write(`  ${name(m).padEnd(15)} ${cells.join(' ')} ${naive}\n`);
}

const find = (database: Dataset['database'], years: Dataset['years']) =>
  results.find((m) => m.dataset.database === database && m.dataset.years === years);
const both = (a: Latency, b: Latency, target: number) =>
  `p50 ${verdict(a.p50 / b.p50, target)}, p95 ${verdict(a.p95 / b.p95, target)}`;

process.stdout.write('\n4 years / 1 year (target ≤ 1.2)\n');
for (const database of ['PostgreSQL', 'PGlite'] as const) {
  const one = find(database, 1);
  const four = find(database, 4);
  if (!one || !four) {
    process.stdout.write(`  ${database}: needs both datasets\n`);
    continue;
  }
  for (const p of PERIODS) {
    process.stdout.write(
      `  ${database.padEnd(10)} ${p.padEnd(5)}  ${both(four.dashboard[p], one.dashboard[p], 1.2)}\n`,
    );
  }
}

process.stdout.write('\nDashboard month / naive SQL month (target ≤ 0.1)\n');
for (const m of results) {
  process.stdout.write(`  ${name(m).padEnd(15)} ${both(m.dashboard.month, m.naive, 0.1)}\n`);
}

process.stdout.write('\nEmbedded PGlite / PostgreSQL (target ≤ 3)\n');
for (const years of [1, 4] as const) {
  const pg = find('PostgreSQL', years);
  const lite = find('PGlite', years);
  if (!pg || !lite) {
    process.stdout.write(`  ${years}y: needs both databases\n`);
    continue;
  }
  for (const p of PERIODS) {
    process.stdout.write(
      `  ${`${years}y`.padEnd(10)} ${p.padEnd(5)}  ${both(lite.dashboard[p], pg.dashboard[p], 3)}\n`,
    );
  }
}

process.stdout.write('\np95 ≤ 150 ms on PostgreSQL\n');
for (const m of results.filter((r) => r.dataset.database === 'PostgreSQL')) {
  const cells = PERIODS.map(
    (p) => `${p} ${m.dashboard[p].p95.toFixed(1)} ms ${m.dashboard[p].p95 <= 150 ? 'pass' : 'miss'}`,
  );
  process.stdout.write(`  ${name(m).padEnd(15)} ${cells.join(', ')}\n`);
}
