import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { migrate, NewerDatabaseError } from './db/migrate.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from './modules/demo/seed-demo.ts';

const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');
/** Requests in flight get this long to finish on shutdown before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 15_000;

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = pino({ level: config.logLevel });
  const database = await openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'embedded', dataDir: config.dataDir },
    config.dbPoolSize,
  );
  try {
    const applied = await migrate(database.pool);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
  } catch (error) {
    await database.close();
    if (error instanceof NewerDatabaseError) {
      process.stderr.write(`Pulse cannot start: ${error.message}\n`);
      process.exit(3);
    }
    throw error;
  }
  const deps = { db: database.db, config, now: () => new Date() };
  if (config.demo) {
    const demo = await seedDemo(database.db, deps.now(), { size: config.demoSize });
    if (demo.created) log.info({ orgId: demo.orgId }, 'demo organisation created');
  }
  const app = await buildApp(deps, { webDist: WEB_DIST, logger: { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });

  const url = config.publicUrl ?? `http://localhost:${config.port}`;
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${config.dataDir}`;
  const logins = config.demo
    ? `\n  Demo logins (password ${DEMO_PASSWORD}):\n${DEMO_LOGINS.map((l) => `    ${l.email.padEnd(22)} ${l.role}`).join('\n')}\n`
    : '';
  process.stdout.write(
    `\n  Pulse is running at ${url}\n  Database: ${where}\n  API docs: ${url}/api/docs\n${logins}\n`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    const timer = setTimeout(() => {
      log.error('shutdown grace period over; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    timer.unref();
    await app.close();
    await database.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Pulse failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
