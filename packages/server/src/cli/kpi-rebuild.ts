/**
 * `npm run kpi:rebuild [-- --org <uuid>]`: applies migrations, then rebuilds the per rep per day
 * KPI rollup (kpi_daily) from scratch for one organisation or for all, in the configured database
 * (DATABASE_URL or PULSE_DATA_DIR). Prints the rows written and the time it took.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { rebuildKpiRollups } from '../modules/kpi/rebuild-kpi-rollups.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const { values } = parseArgs({ options: { org: { type: 'string' } } });
if (values.org !== undefined && !UUID.test(values.org)) {
  process.stderr.write('Usage: npm run kpi:rebuild -- [--org <organisation uuid>]\n');
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
  const result = await rebuildKpiRollups(database.db, values.org);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `KPI rollup rebuilt: ${result.rows} rows of kpi_daily for ${result.organisations} organisation(s) in ${seconds} s.\n`,
  );
} finally {
  await database.close();
}
