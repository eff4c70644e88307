/**
 * `npm run demo`: applies migrations and creates the demo organisation in the configured
 * database (DATABASE_URL or PULSE_DATA_DIR), unless it already exists.
 */
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '../modules/demo/seed-demo.ts';

const config = loadConfig();
const database = await openDatabase(
  config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'embedded', dataDir: config.dataDir },
  2,
);
try {
  await migrate(database.pool);
  const result = await seedDemo(database.db, new Date());
  process.stdout.write(
    `${result.created ? 'Demo organisation created' : 'Demo organisation already exists'} (${result.orgId}).\n` +
      `Logins (password ${DEMO_PASSWORD}): ${DEMO_LOGINS.map((l) => l.email).join(', ')}\n`,
  );
} finally {
  await database.close();
}
