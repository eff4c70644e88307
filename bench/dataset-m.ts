/**
 * Generates dataset M (issue 3's benchmark data: 200 reps, 300,000 companies, 1,000,000
 * contacts, 50,000 deals and 2,500,000 activities a year of history) into its own organisation.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/dataset-m.ts [--years 1|4] [--seed N] [--size M|demo|tiny]
 *   npx tsx bench/dataset-m.ts --data-dir ./data-m          (embedded PGlite)
 *
 * The organisation gets this year's approved plan, the month's SMART goals and KPI targets as the
 * demo does (running the command again on a dataset made without them adds them).
 * Logins are <role>@m.pulse.test (director@, head@, manager@ …) with the demo password. The
 * generator streams rows in chunks, so memory stays bounded; everything is one transaction, so an
 * interrupted run leaves only the empty organisation, which the next run fills. Prints rows/s.
 */
import { parseArgs } from 'node:util';
import { localDay } from '@pulse/domain';
import { openDatabase } from '../packages/server/src/db/connection.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { withOrg, withoutOrg } from '../packages/server/src/db/tenant.ts';
import { hashPassword } from '../packages/server/src/modules/auth/passwords.ts';
import { isDatasetSize } from '../packages/server/src/modules/demo/dataset-size.ts';
import { generateDepartment } from '../packages/server/src/modules/demo/generate-department.ts';
import { DEMO_PASSWORD } from '../packages/server/src/modules/demo/seed-demo.ts';
import { seedDemoPlan } from '../packages/server/src/modules/demo/seed-demo-plan.ts';
import { createOrganization } from '../packages/server/src/modules/organizations/create-organization.ts';

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    size: { type: 'string', default: 'M' },
    domain: { type: 'string' },
    'data-dir': { type: 'string' },
    anchor: { type: 'string' },
  },
});
const years = Number(values.years);
const seed = Number(values.seed);
const size = values.size ?? 'M';
if (!isDatasetSize(size) || !Number.isInteger(years) || years < 1 || years > 10 || !Number.isSafeInteger(seed)) {
  process.stderr.write(
    'Usage: tsx bench/dataset-m.ts [--years 1|4] [--seed N] [--size M|demo|tiny] [--data-dir DIR]\n',
  );
  process.exit(2);
}
const domain = values.domain ?? `${size.toLowerCase()}.pulse.test`;
const url = process.env.DATABASE_URL;
const database = await openDatabase(
  url
    ? { kind: 'postgres', url }
    : { kind: 'embedded', dataDir: values['data-dir'] ?? process.env.PULSE_DATA_DIR ?? './data-m' },
  2,
);
try {
  await migrate(database.pool);
  const db = database.db;
  const login = (email: string) =>
    withoutOrg(db, (tx) => tx.selectFrom('user_logins').select('org_id').where('email', '=', email).executeTakeFirst());
  const existing = await login(`director@${domain}`);
  if (existing) {
    // A dataset made before the plan step gets its plan now; one that has it is left alone.
    const plan = await seedDemoPlan(db, existing.org_id, `director@${domain}`, new Date());
    process.stdout.write(
      plan
        ? `Dataset for ${domain} already exists; gave it this year's approved plan with ${plan.reps} reps' goals.\n`
        : `Dataset for ${domain} already exists; pass --domain to make another.\n`,
    );
    if (plan) await database.pool.query('ANALYZE');
    process.exit(0);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  const orgId =
    (await login(`admin@${domain}`))?.org_id ??
    (
      await createOrganization(db, {
        name: `Датасет ${size} (${years} г.)`,
        admin: { email: `admin@${domain}`, fullName: 'Администратор датасета', password: null, passwordHash },
        now,
      })
    ).orgId;
  const timeZone = await withOrg(db, orgId, async (tx) => {
    const org = await tx
      .selectFrom('organizations')
      .select('time_zone')
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    return org.time_zone;
  });
  const anchorDay = values.anchor ?? localDay(now, timeZone);
  process.stdout.write(
    `Generating dataset ${size}, ${years} year(s) to ${anchorDay}, seed ${seed}, into ${url ? 'PostgreSQL' : 'PGlite'}…\n`,
  );

  const started = performance.now();
  const totals = new Map<string, number>();
  let lastPrint = started;
  const report = (final: boolean) => {
    const seconds = (performance.now() - started) / 1000;
    const rows = [...totals.values()].reduce((a, b) => a + b, 0);
    const tables = [...totals].map(([table, n]) => `${table} ${n}`).join(', ');
    process.stdout.write(
      `${final ? 'done' : '…'} ${seconds.toFixed(0)} s, ${rows} rows, ${Math.round(rows / seconds)} rows/s  [${tables}]\n`,
    );
  };
  const rows = await generateDepartment(db, orgId, {
    size,
    seed,
    years,
    anchorDay,
    emailDomain: domain,
    passwordHash,
    onProgress: (table, soFar) => {
      totals.set(table, soFar);
      if (performance.now() - lastPrint > 10_000) {
        lastPrint = performance.now();
        report(false);
      }
    },
  });
  report(true);
  // This year's approved plan, the month's SMART goals and KPI targets, made through the plans,
  // PDCA and targets use cases as on the demo: the dashboard then shows plan attainment, forecasts
  // and traffic lights, as a department that runs Pulse would see them.
  const planStart = performance.now();
  const plan = await seedDemoPlan(db, orgId, `director@${domain}`, now);
  process.stdout.write(
    `Plan ${plan ? `approved with ${plan.reps} reps' goals and ${plan.targets.fromGoals + plan.targets.manual} KPI targets` : 'already there'} in ${Math.round((performance.now() - planStart) / 1000)} s\n`,
  );
  process.stdout.write(
    `Organisation ${orgId}: ${Object.entries(rows)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}\n`,
  );
  process.stdout.write(`Memory: ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB RSS\n`);
  // Fresh statistics, so the first benchmark plans with the real row counts (autovacuum would
  // get there later on PostgreSQL; PGlite has no autovacuum).
  const analyzeStart = performance.now();
  await database.pool.query('ANALYZE');
  process.stdout.write(`ANALYZE ${Math.round((performance.now() - analyzeStart) / 1000)} s\n`);
} finally {
  await database.close();
}
