import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../test/databases.ts';
import { createTestOrg, type TestOrg } from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/server.ts';
import { withOrg, withoutOrg } from './tenant.ts';

for (const backend of testBackends()) {
  describe(`row-level security, the second wall [${backend}]`, () => {
    let t: TestApp;
    let a: TestOrg;
    let b: TestOrg;
    beforeAll(async () => {
      t = await startTestApp(backend);
      a = await createTestOrg(t, 'A');
      b = await createTestOrg(t, 'B');
    });
    afterAll(async () => {
      await t.app.close();
      await t.database.close();
    });

    it('shows only the current organisation even when a query forgets its org_id filter', async () => {
      const orgIds = await withOrg(t.deps.db, a.orgId, (tx) =>
        tx.selectFrom('users').select('org_id').distinct().execute(),
      );
      expect(orgIds.map((r) => r.org_id)).toEqual([a.orgId]);
    });

    it('shows nothing to a transaction that set no organisation', async () => {
      const rows = await withoutOrg(t.deps.db, (tx) => tx.selectFrom('users').select('user_id').execute());
      expect(rows).toEqual([]);
    });

    it("refuses to write a row into another organisation's data", async () => {
      await expect(
        withOrg(t.deps.db, a.orgId, (tx) =>
          tx
            .insertInto('units')
            .values({ org_id: b.orgId, name: 'Smuggled', kind: 'team', parent_id: null, head_user_id: null })
            .execute(),
        ),
      ).rejects.toThrow(/row-level security/);
    });

    it("cannot update another organisation's rows, even by primary key", async () => {
      const result = await withOrg(t.deps.db, a.orgId, (tx) =>
        tx.updateTable('users').set({ full_name: 'Hacked' }).where('user_id', '=', b.users.head.id).executeTakeFirst(),
      );
      expect(Number(result.numUpdatedRows)).toBe(0);
    });

    it('runs tenant transactions as the pulse_app role, not as the owner', async () => {
      const role = await withOrg(
        t.deps.db,
        a.orgId,
        async (tx) => (await sql<{ r: string }>`SELECT current_user AS r`.execute(tx)).rows[0]?.r,
      );
      expect(role).toBe('pulse_app');
    });
  });
}
