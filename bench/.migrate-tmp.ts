import { openDatabase } from '/work/main/packages/server/src/db/connection.ts';
import { migrate } from '/work/main/packages/server/src/db/migrate.ts';
const url = process.env.DATABASE_URL;
const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'embedded', dataDir: process.argv[2] as string }, 2);
await migrate(database.pool);
await database.close();
console.log('migrated');
