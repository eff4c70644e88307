import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { withoutOrg } from '../../db/tenant.ts';
import { call } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { createOrganization } from '../organizations/create-organization.ts';
import { DEMO_LOGINS, DEMO_ORG_NAME, DEMO_PASSWORD, seedDemo } from './seed-demo.ts';

describeEachDatabase('seedDemo', (ctx) => {
  let orgId: string;

  beforeAll(async () => {
    const t = ctx();
    // An earlier start that died after creating the organisation: the next one completes it.
    const interrupted = await createOrganization(t.deps.db, {
      name: DEMO_ORG_NAME,
      admin: { email: 'admin@demo.test', fullName: 'Павел Администратов', password: DEMO_PASSWORD },
      now: PINNED_NOW,
    });
    const result = await seedDemo(t.deps.db, PINNED_NOW, { size: 'tiny' });
    expect(result).toMatchObject({ created: true, orgId: interrupted.orgId });
    orgId = result.orgId;
  });

  it('lets every demo login in with its role', async () => {
    for (const login of DEMO_LOGINS) {
      const res = await call(ctx(), 'POST', '/api/auth/login', { email: login.email, password: DEMO_PASSWORD });
      expect(res.status, login.email).toBe(200);
      expect(res.body.user.role).toBe(login.role);
      expect(res.body.organization.id).toBe(orgId);
    }
  });

  it('leaves an existing demo alone on the next start', async () => {
    const db = ctx().deps.db;
    const counts = () =>
      withoutOrg(db, async (tx) => {
        const { rows } = await sql<{ logins: number; orgs: number }>`SELECT
            (SELECT count(*)::int FROM user_logins WHERE email LIKE '%@demo.test') AS logins,
            (SELECT count(*)::int FROM user_logins WHERE email = 'director@demo.test') AS orgs`.execute(tx);
        return rows[0];
      });
    const before = await counts();
    const again = await seedDemo(db, new Date(PINNED_NOW.getTime() + 86_400_000), { size: 'tiny' });
    expect(again).toEqual({ created: false, orgId });
    expect(await counts()).toEqual(before);
    expect(before?.logins).toBeGreaterThanOrEqual(20);
  });
});
