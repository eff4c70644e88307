import { beforeAll, expect, it } from 'vitest';
import { createTestOrg, loginAs, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase } from '../../test/server.ts';

// The web shows the Pulse dashboard to whom /api/me lists it: everyone who watches other people's
// work (the heads of sales, the commercial director, the administrator, the analyst); the API
// behind it answers exactly them and refuses line staff.

describeEachDatabase('sections: the Pulse dashboard', (ctx) => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createTestOrg(ctx());
  });

  it.each([
    ['head', true],
    ['director', true],
    ['admin', true],
    ['managerA', false],
    ['analyst', true],
  ] as const)('%s sees the dashboard section: %s', async (who, shown) => {
    const session = await loginAs(ctx(), org.users[who].email);
    const me = await session.request('GET', '/api/me');
    expect(me.status).toBe(200);
    expect((me.body as { sections: string[] }).sections.includes('dashboard')).toBe(shown);
    expect((await session.request('GET', '/api/daily-control/dashboard?period=week')).status).toBe(shown ? 200 : 403);
  });
});
