import { beforeAll, describe, expect, it } from 'vitest';
import { crmProbes } from '../crm-probes.ts';
import { allRoutes } from '../routes.ts';
import { createTestOrg, loginAs, type Session, type TestOrg } from '../test/factories.ts';
import type { Probes } from '../test/probes.ts';
import { describeEachDatabase } from '../test/server.ts';

/**
 * Every logged-in endpoint, called by organisation B's administrator (the widest rights) with
 * organisation A's ids. Routes addressing a record must answer 404; lists must not contain a
 * single id or e-mail of A. A new route fails this test until it is listed here.
 */
const FOUNDATION_PROBES: Probes = {
  'POST /api/auth/logout': () => ({ url: '/api/auth/logout', expect: 'no_leak' }),
  'POST /api/auth/password': () => ({
    url: '/api/auth/password',
    body: { currentPassword: 'wrong', newPassword: 'whatever-long-enough' },
    expect: 'no_leak',
  }),
  'GET /api/me': () => ({ url: '/api/me', expect: 'no_leak' }),
  'PATCH /api/me': () => ({ url: '/api/me', body: { locale: 'en' }, expect: 'no_leak' }),
  'GET /api/org': () => ({ url: '/api/org', expect: 'no_leak' }),
  'PATCH /api/org': () => ({ url: '/api/org', body: { locale: 'ru' }, expect: 'no_leak' }),
  'GET /api/units': () => ({ url: '/api/units', expect: 'no_leak' }),
  'GET /api/units/:id': (a) => ({ url: `/api/units/${a.units.department}`, expect: 'not_found' }),
  'POST /api/units': (a) => ({
    url: '/api/units',
    body: { name: 'Probe', kind: 'team', parentId: a.units.department },
    expect: 'no_leak',
  }),
  'PATCH /api/units/:id': (a) => ({
    url: `/api/units/${a.units.teamA}`,
    body: { name: 'Stolen' },
    expect: 'not_found',
  }),
  'DELETE /api/units/:id': (a) => ({ url: `/api/units/${a.units.teamB}`, expect: 'not_found' }),
  'GET /api/users': () => ({ url: '/api/users?active=all&limit=200', expect: 'no_leak' }),
  'GET /api/users/:id': (a) => ({ url: `/api/users/${a.users.head.id}`, expect: 'not_found' }),
  'POST /api/users': (a) => ({
    url: '/api/users',
    body: {
      email: `probe-${Date.now()}@example.test`,
      fullName: 'Probe',
      role: 'sales_manager',
      managerId: a.users.head.id,
    },
    expect: 'no_leak',
  }),
  'PATCH /api/users/:id': (a) => ({
    url: `/api/users/${a.users.managerA.id}`,
    body: { active: false },
    expect: 'not_found',
  }),
  'POST /api/users/:id/invitation': (a) => ({
    url: `/api/users/${a.users.managerA.id}/invitation`,
    expect: 'not_found',
  }),
  'GET /api/calendar': () => ({ url: '/api/calendar', expect: 'no_leak' }),
  'PUT /api/calendar': () => ({ url: '/api/calendar', body: { workWeek: [1, 2, 3, 4, 5] }, expect: 'no_leak' }),
  'GET /api/calendar/days': () => ({ url: '/api/calendar/days?year=2026', expect: 'no_leak' }),
  'PUT /api/calendar/days/:day': () => ({
    url: '/api/calendar/days/2026-06-01',
    body: { kind: 'holiday' },
    expect: 'no_leak',
  }),
  'DELETE /api/calendar/days/:day': () => ({ url: '/api/calendar/days/2026-06-01', expect: 'no_leak' }),
  'POST /api/calendar/reset': () => ({ url: '/api/calendar/reset', body: { year: 2026 }, expect: 'no_leak' }),
  'GET /api/calendar/summary': () => ({
    url: '/api/calendar/summary?from=2026-01-01&to=2026-12-31',
    expect: 'no_leak',
  }),
  'GET /api/audit': () => ({ url: '/api/audit?limit=200', expect: 'no_leak' }),
};

const PROBES: Probes = { ...FOUNDATION_PROBES, ...crmProbes };

describe('tenant isolation inventory', () => {
  it('has a probe for every logged-in route', () => {
    const sessionRoutes = allRoutes.filter((r) => r.auth === 'session').map((r) => `${r.method} ${r.url}`);
    expect(sessionRoutes.filter((key) => !PROBES[key])).toEqual([]);
  });
});

describeEachDatabase('tenant isolation', (ctx) => {
  let a: TestOrg;
  let b: TestOrg;
  let secretsOfA: string[];
  beforeAll(async () => {
    a = await createTestOrg(ctx(), 'Alpha');
    b = await createTestOrg(ctx(), 'Beta');
    secretsOfA = [a.orgId, ...Object.values(a.units), ...Object.values(a.users).flatMap((u) => [u.id, u.email])];
  });

  for (const [key, probe] of Object.entries(PROBES)) {
    it(`${key}: organisation B never sees or touches organisation A`, async () => {
      const t = ctx();
      const adminOfB: Session = await loginAs(t, b.users.admin.email);
      const [method] = key.split(' ') as [string];
      const p = await probe(a, t);
      const res = await adminOfB.request(method, p.url, p.body);
      if (p.expect === 'not_found') {
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('not_found');
      } else {
        expect(res.status).toBeLessThan(500);
      }
      const text = JSON.stringify(res.body);
      for (const secret of [...secretsOfA, ...(p.secrets ?? [])]) expect(text).not.toContain(secret);
    });
  }

  it("leaves organisation A's records untouched afterwards", async () => {
    const adminOfA = await loginAs(ctx(), a.users.admin.email);
    const units = await adminOfA.request('GET', '/api/units');
    expect(units.body.items.map((u: { name: string }) => u.name)).toEqual(
      expect.arrayContaining(['Team A', 'Team B', 'Sales Moscow']),
    );
    const manager = await adminOfA.request('GET', `/api/users/${a.users.managerA.id}`);
    expect(manager.body.active).toBe(true);
  });
});
