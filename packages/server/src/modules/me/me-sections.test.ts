import { beforeAll, expect, it } from 'vitest';
import { createTestOrg, loginAs, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase } from '../../test/server.ts';

// The web shows the Pulse dashboard to whom /api/me lists it: the heads of sales, the commercial
// director and the administrator; the API behind it answers them and refuses line staff.

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
    ['analyst', false],
  ] as const)('%s sees the dashboard section: %s', async (who, shown) => {
    const session = await loginAs(ctx(), org.users[who].email);
    const me = await session.request('GET', '/api/me');
    expect(me.status).toBe(200);
    expect((me.body as { sections: string[] }).sections.includes('dashboard')).toBe(shown);
    if (who === 'managerA') {
      expect((await session.request('GET', '/api/daily-control/dashboard')).status).toBe(403);
    } else if (shown) {
      expect((await session.request('GET', '/api/daily-control/dashboard?period=week')).status).toBe(200);
    }
  });
});
