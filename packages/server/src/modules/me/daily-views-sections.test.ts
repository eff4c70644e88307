import { beforeAll, expect, it } from 'vitest';
import { createTestOrg, loginAs, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase } from '../../test/server.ts';

// The web shows the departments side by side to the organisation-wide roles (the commercial
// director, the administrator, the analyst), and the dashboard and the morning digest to the heads
// of sales as well; /api/me lists each section only to those the API behind it answers.

describeEachDatabase('sections: departments and the morning digest', (ctx) => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createTestOrg(ctx());
  });

  it.each([
    ['director', true, true],
    ['admin', true, true],
    ['analyst', true, true],
    ['head', false, true],
    ['managerA', false, false],
  ] as const)('%s sees departments: %s, the digest: %s', async (who, departments, digest) => {
    const session = await loginAs(ctx(), org.users[who].email);
    const me = await session.request('GET', '/api/me');
    expect(me.status).toBe(200);
    const sections = (me.body as { sections: string[] }).sections;
    expect(sections.includes('departments')).toBe(departments);
    expect(sections.includes('digest')).toBe(digest);
    expect(sections.includes('dashboard')).toBe(digest);
    expect((await session.request('GET', '/api/daily-control/departments')).status).toBe(departments ? 200 : 403);
    expect((await session.request('GET', '/api/daily-control/digest')).status).toBe(digest ? 200 : 403);
    expect((await session.request('GET', '/api/daily-control/dashboard')).status).toBe(digest ? 200 : 403);
  });
});
