import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, openTestDatabase, testBackends } from '../test/databases.ts';
import type { DatabaseHandle } from './connection.ts';
import { listMigrations, migrate, NewerDatabaseError } from './migrate.ts';

describe('listMigrations', () => {
  it('lists the committed migrations in order, named NNNN_what.sql', () => {
    const names = listMigrations().map((m) => m.name);
    expect(names[0]).toBe('0001_foundation');
    expect([...names].sort()).toEqual(names);
  });
});

for (const backend of testBackends()) {
  describe(`migrate [${backend}]`, () => {
    let database: DatabaseHandle;
    beforeAll(async () => {
      database = await openTestDatabase(backend as Backend);
    });
    afterAll(async () => database?.close());

    it('applies nothing twice: a second run (another instance starting) finds nothing to do', async () => {
      const [first, second] = await Promise.all([migrate(database.pool), migrate(database.pool)]);
      expect([...first, ...second]).toEqual([]);
      const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0].n).toBe(listMigrations().length);
    });

    it('refuses a database migrated by a newer Pulse, naming the unknown migration', async () => {
      await database.pool.query("INSERT INTO schema_migrations (name) VALUES ('9999_from_the_future')");
      await expect(migrate(database.pool)).rejects.toThrow(NewerDatabaseError);
      await expect(migrate(database.pool)).rejects.toThrow(/9999_from_the_future/);
      await database.pool.query("DELETE FROM schema_migrations WHERE name = '9999_from_the_future'");
    });

    it('rolls back a failing migration whole and reports its name', async () => {
      const broken = [...listMigrations(), { name: '9998_broken', sql: 'CREATE TABLE half_done (x int); SELECT 1/0;' }];
      await expect(migrate(database.pool, broken)).rejects.toThrow(/9998_broken/);
      const { rows } = await database.pool.query("SELECT to_regclass('half_done') AS t");
      expect(rows[0].t).toBeNull();
    });
  });
}
