/**
 * `npm run demo [-- --size tiny|demo|M] [--seed N]`: applies migrations and creates the demo
 * organisation in the configured database (DATABASE_URL or PULSE_DATA_DIR), unless it exists.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { isDatasetSize } from '../modules/demo/dataset-size.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_SEED, seedDemo } from '../modules/demo/seed-demo.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'demo' }, seed: { type: 'string' } } });
const size = values.size ?? 'demo';
const seed = values.seed === undefined ? DEMO_SEED : Number(values.seed);
if (!isDatasetSize(size) || !Number.isSafeInteger(seed)) {
  process.stderr.write('Usage: npm run demo -- [--size tiny|demo|M] [--seed <integer>]\n');
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase(
  config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'embedded', dataDir: config.dataDir },
  2,
);
try {
  await migrate(database.pool);
  const started = performance.now();
  const result = await seedDemo(database.db, new Date(), { size, seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const rows = Object.entries(result.rows ?? {}).map(([table, count]) => `${table} ${count}`);
  process.stdout.write(
    `${result.created ? `Demo organisation created in ${seconds} s` : 'Demo organisation already exists'} (${result.orgId}).\n` +
      (rows.length > 0 ? `Rows: ${rows.join(', ')}\n` : '') +
      `Logins (password ${DEMO_PASSWORD}): ${DEMO_LOGINS.map((l) => l.email).join(', ')}\n`,
  );
} finally {
  await database.close();
}
