import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withOrg } from '../../db/tenant.ts';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW, type TestApp } from '../../test/server.ts';

type Response = { status: number; body: any };

function expectInvalid(res: Response, path: string): void {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('validation_failed');
  expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
}

/** The plan and daily-control settings a new organisation starts with (the domain's old constants). */
const DEFAULT_PLAN_CONTROL = {
  achievabilityMarginBp: 2000,
  thinHistoryDeals: 10,
  callsExpectedBy: '12:00',
  overdueTasksLimit: 3,
};

function expectOutOfRange(res: Response, path: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body.error.code).toBe('unprocessable');
  expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([path]);
}

/** An organisation of its own, for tests that change it. */
async function freshOrg(t: TestApp): Promise<{ org: TestOrg; admin: Session }> {
  const org = await createTestOrg(t);
  return { org, admin: await loginAs(t, org.users.admin.email) };
}

describeEachDatabase('organizations', (ctx) => {
  let org: TestOrg;
  let admin: Session;
  let manager: Session;
  beforeAll(async () => {
    org = await createTestOrg(ctx(), 'Org under test');
    admin = await loginAs(ctx(), org.users.admin.email);
    manager = await loginAs(ctx(), org.users.managerA.email);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  describe('GET /api/org', () => {
    it('answers 401 without a session', async () => {
      const res = await call(ctx(), 'GET', '/api/org');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    });
    it('shows any role its own organisation with the Russian defaults', async () => {
      const res = await manager.request('GET', '/api/org');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: org.orgId,
        name: expect.stringMatching(/^Org under test /),
        currency: 'RUB',
        timeZone: 'Europe/Moscow',
        locale: 'ru',
        country: 'RU',
        ...DEFAULT_PLAN_CONTROL,
      });
    });
    it('rejects an unknown query parameter with 400', async () => {
      expectInvalid(await manager.request('GET', `/api/org?id=${org.orgId}`), 'query.id');
    });
  });

  describe('PATCH /api/org', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'PATCH', '/api/org', { name: 'Nope' })).status).toBe(401);
    });
    it.each(['director', 'head', 'managerA', 'analyst'] as const)(
      'answers 403 to the %s and changes nothing',
      async (who) => {
        const s = await loginAs(ctx(), org.users[who].email);
        const before = (await s.request('GET', '/api/org')).body;
        const res = await s.request('PATCH', '/api/org', { name: 'Taken over', currency: 'USD' });
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
        expect((await s.request('GET', '/api/org')).body).toEqual(before);
      },
    );
    it.each([
      ['a lower-case currency', { currency: 'rub' }, 'body.currency'],
      ['a four-letter currency', { currency: 'RUBL' }, 'body.currency'],
      ['a currency symbol', { currency: '₽' }, 'body.currency'],
      ['a currency as a number', { currency: 643 }, 'body.currency'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'body.timeZone'],
      ['an empty time zone', { timeZone: '' }, 'body.timeZone'],
      ['an unsupported language', { locale: 'de' }, 'body.locale'],
      ['an empty name', { name: '' }, 'body.name'],
      ['a name of spaces only', { name: '   ' }, 'body.name'],
      ['a name over 200 characters', { name: 'n'.repeat(201) }, 'body.name'],
      ['a name that is not a string', { name: ['Pulse'] }, 'body.name'],
      ['a name with a NUL character, which PostgreSQL cannot store (was a 500)', { name: 'Pulse\u0000' }, 'body.name'],
      ['a name of null', { name: null }, 'body.name'],
      ['the country, which cannot be changed', { country: 'DE' }, 'body.country'],
      ['an unknown field', { id: '00000000-0000-4000-8000-000000000000' }, 'body.id'],
    ])('rejects %s with 400', async (_name, body, path) => {
      expectInvalid(await admin.request('PATCH', '/api/org', body), path);
    });
    it('rejects a body that is not an object with 400', async () => {
      expectInvalid(await admin.request('PATCH', '/api/org', ['name']), 'body');
    });
    it('changes nothing when one field of the body is invalid', async () => {
      const before = (await admin.request('GET', '/api/org')).body;
      expectInvalid(
        await admin.request('PATCH', '/api/org', { name: 'Half applied', currency: 'usd' }),
        'body.currency',
      );
      expect((await admin.request('GET', '/api/org')).body).toEqual(before);
    });
    it('changes name, currency, time zone and language; GET and /api/me show the new values', async () => {
      const own = await freshOrg(ctx());
      const res = await own.admin.request('PATCH', '/api/org', {
        name: '  Pulse Trading  ',
        currency: 'USD',
        timeZone: 'Asia/Vladivostok',
        locale: 'en',
      });
      expect(res.status).toBe(200);
      const expected = {
        id: own.org.orgId,
        name: 'Pulse Trading',
        currency: 'USD',
        timeZone: 'Asia/Vladivostok',
        locale: 'en',
        country: 'RU',
        ...DEFAULT_PLAN_CONTROL,
      };
      expect(res.body).toEqual(expected);
      expect((await own.admin.request('GET', '/api/org')).body).toEqual(expected);
      const me = await own.admin.request('GET', '/api/me');
      expect(me.body.organization).toMatchObject({ name: 'Pulse Trading', currency: 'USD', locale: 'en' });
    });
    it('keeps the fields a partial update leaves out, and an empty body changes nothing', async () => {
      const own = await freshOrg(ctx());
      const before = (await own.admin.request('GET', '/api/org')).body;
      const res = await own.admin.request('PATCH', '/api/org', { currency: 'EUR' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...before, currency: 'EUR' });
      const empty = await own.admin.request('PATCH', '/api/org', {});
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({ ...before, currency: 'EUR' });
    });
    it('records the change in the audit log: who, when, and each field old → new', async () => {
      const own = await freshOrg(ctx());
      const before = (await own.admin.request('GET', '/api/org')).body;
      ctx().clock.now = new Date('2026-03-02T10:30:00.000Z');
      await own.admin.request('PATCH', '/api/org', { name: 'Audited', locale: 'en', timeZone: 'Europe/Moscow' });
      const log = await own.admin.request(
        'GET',
        `/api/audit?entity=organization&entityId=${own.org.orgId}&action=update`,
      );
      expect(log.body.items).toEqual([
        {
          id: expect.any(String),
          at: '2026-03-02T10:30:00.000Z',
          actor: { id: own.org.users.admin.id, fullName: 'Admin Adminov' },
          action: 'update',
          entity: 'organization',
          entityId: own.org.orgId,
          changes: [
            { field: 'locale', old: 'ru', new: 'en' },
            { field: 'name', old: before.name, new: 'Audited' },
          ],
        },
      ]);
    });
    it('writes no audit entry for a change to the values already held', async () => {
      const own = await freshOrg(ctx());
      const before = (await own.admin.request('GET', '/api/org')).body;
      await own.admin.request('PATCH', '/api/org', { name: before.name, currency: 'RUB' });
      const log = await own.admin.request('GET', '/api/audit?entity=organization&action=update');
      expect(log.body.items).toEqual([]);
    });
    it('changes the plan and daily-control settings; GET shows them, the rest is kept', async () => {
      const own = await freshOrg(ctx());
      const before = (await own.admin.request('GET', '/api/org')).body;
      const changed = {
        achievabilityMarginBp: 0,
        thinHistoryDeals: 1000,
        callsExpectedBy: '23:59',
        overdueTasksLimit: 0,
      };
      const res = await own.admin.request('PATCH', '/api/org', changed);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ ...before, ...changed });
      expect((await own.admin.request('GET', '/api/org')).body).toEqual({ ...before, ...changed });
      const edges = { achievabilityMarginBp: 10_000, thinHistoryDeals: 1, callsExpectedBy: '00:00' };
      expect((await own.admin.request('PATCH', '/api/org', edges)).body).toEqual({ ...before, ...changed, ...edges });
      const more = { overdueTasksLimit: 1000 };
      expect((await own.admin.request('PATCH', '/api/org', more)).body).toEqual({
        ...before,
        ...changed,
        ...edges,
        ...more,
      });
    });
    it.each([
      ['a negative margin', { achievabilityMarginBp: -1 }, 'body.achievabilityMarginBp'],
      ['a margin over 100 %', { achievabilityMarginBp: 10_001 }, 'body.achievabilityMarginBp'],
      ['a fractional margin', { achievabilityMarginBp: 12.5 }, 'body.achievabilityMarginBp'],
      ['a thin-history threshold of 0', { thinHistoryDeals: 0 }, 'body.thinHistoryDeals'],
      ['a thin-history threshold over 1000', { thinHistoryDeals: 1001 }, 'body.thinHistoryDeals'],
      ['an hour of 24', { callsExpectedBy: '24:00' }, 'body.callsExpectedBy'],
      ['minutes of 60', { callsExpectedBy: '11:60' }, 'body.callsExpectedBy'],
      ['a time without a leading zero', { callsExpectedBy: '9:30' }, 'body.callsExpectedBy'],
      ['a time with seconds', { callsExpectedBy: '09:30:00' }, 'body.callsExpectedBy'],
      ['an empty time', { callsExpectedBy: '' }, 'body.callsExpectedBy'],
      ['a negative overdue limit', { overdueTasksLimit: -1 }, 'body.overdueTasksLimit'],
      ['an overdue limit over 1000', { overdueTasksLimit: 1001 }, 'body.overdueTasksLimit'],
    ])('rejects %s with 422 naming the field, and changes nothing', async (_name, body, path) => {
      const own = await freshOrg(ctx());
      const before = (await own.admin.request('GET', '/api/org')).body;
      expectOutOfRange(await own.admin.request('PATCH', '/api/org', { name: 'Not applied', ...body }), path);
      expect((await own.admin.request('GET', '/api/org')).body).toEqual(before);
    });
    it.each([
      ['a margin as a string', { achievabilityMarginBp: '2000' }, 'body.achievabilityMarginBp'],
      ['a threshold of null', { thinHistoryDeals: null }, 'body.thinHistoryDeals'],
      ['a time as a number', { callsExpectedBy: 1200 }, 'body.callsExpectedBy'],
      ['an overdue limit as a boolean', { overdueTasksLimit: true }, 'body.overdueTasksLimit'],
    ])('rejects %s (a wrong type) with 400', async (_name, body, path) => {
      expectInvalid(await admin.request('PATCH', '/api/org', body), path);
    });
    it('answers 403 to a head changing the plan settings, and keeps them', async () => {
      const own = await freshOrg(ctx());
      const head = await loginAs(ctx(), own.org.users.head.email);
      const res = await head.request('PATCH', '/api/org', { achievabilityMarginBp: 0, overdueTasksLimit: 100 });
      expect(res.status).toBe(403);
      expect((await own.admin.request('GET', '/api/org')).body).toMatchObject(DEFAULT_PLAN_CONTROL);
    });
    it('records a change of the plan settings in the audit log, field by field', async () => {
      const own = await freshOrg(ctx());
      ctx().clock.now = new Date('2026-03-03T08:00:00.000Z');
      await own.admin.request('PATCH', '/api/org', {
        achievabilityMarginBp: 1500,
        thinHistoryDeals: 10,
        callsExpectedBy: '11:30',
        overdueTasksLimit: 5,
      });
      const log = await own.admin.request(
        'GET',
        `/api/audit?entity=organization&entityId=${own.org.orgId}&action=update`,
      );
      expect(log.body.items).toEqual([
        expect.objectContaining({
          at: '2026-03-03T08:00:00.000Z',
          actor: { id: own.org.users.admin.id, fullName: 'Admin Adminov' },
          action: 'update',
          changes: [
            { field: 'achievabilityMarginBp', old: 2000, new: 1500 },
            { field: 'callsExpectedBy', old: '12:00', new: '11:30' },
            { field: 'overdueTasksLimit', old: 3, new: 5 },
          ],
        }),
      ]);
    });
    it.each([
      ['achievability_margin_bp', 10_001],
      ['thin_history_deals', 0],
      ['calls_expected_by', '9:00'],
      ['overdue_tasks_limit', -1],
    ] as const)('has the database refuse %s = %s written past the API', async (column, value) => {
      const own = await freshOrg(ctx());
      const write = withOrg(ctx().deps.db, own.org.orgId, (tx) =>
        tx
          .updateTable('organizations')
          .set({ [column]: value })
          .where('org_id', '=', own.org.orgId)
          .execute(),
      );
      await expect(write).rejects.toThrow(/check constraint/i);
    });
    it('changes only the organisation of the administrator', async () => {
      const a = await freshOrg(ctx());
      const b = await freshOrg(ctx());
      const bBefore = (await b.admin.request('GET', '/api/org')).body;
      await a.admin.request('PATCH', '/api/org', { name: 'Only A', currency: 'KZT' });
      expect((await b.admin.request('GET', '/api/org')).body).toEqual(bBefore);
      expect((await a.admin.request('GET', '/api/org')).body).toMatchObject({ id: a.org.orgId, name: 'Only A' });
    });
  });
});
