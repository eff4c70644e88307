import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './db/schema.ts';

/** What every route and use case may reach: the database, the configuration and the clock. */
export interface AppDeps {
  db: Kysely<Database>;
  config: Config;
  /** Time is injected so tests can pin it. */
  now: () => Date;
}
