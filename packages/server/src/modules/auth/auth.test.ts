import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, TEST_PASSWORD, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase } from '../../test/server.ts';

describeEachDatabase('auth', (ctx) => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createTestOrg(ctx());
  });

  describe('POST /api/auth/login', () => {
    it('logs in with e-mail and password and returns the user, role, organisation and scope', async () => {
      const res = await call(ctx(), 'POST', '/api/auth/login', {
        email: org.users.head.email,
        password: TEST_PASSWORD,
      });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ id: org.users.head.id, role: 'head_of_sales' });
      expect(res.body.scope.kind).toBe('subtree');
      expect(res.body.scope.unitIds.sort()).toEqual([org.units.department, org.units.teamA, org.units.teamB].sort());
      expect(res.body.organization.currency).toBe('RUB');
    });
    it('sets an HttpOnly, SameSite=Lax session cookie', async () => {
      const res = await ctx().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: org.users.head.email, password: TEST_PASSWORD },
      });
      const cookie = res.cookies.find((c) => c.name === 'pulse_session');
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe('Lax');
    });
    it('accepts the e-mail in any letter case', async () => {
      const res = await call(ctx(), 'POST', '/api/auth/login', {
        email: org.users.head.email.toUpperCase(),
        password: TEST_PASSWORD,
      });
      expect(res.status).toBe(200);
    });
    it('answers a wrong password with 401 and the same message as an unknown e-mail', async () => {
      const wrong = await call(ctx(), 'POST', '/api/auth/login', {
        email: org.users.analyst.email,
        password: 'nope-nope-nope',
      });
      const unknown = await call(ctx(), 'POST', '/api/auth/login', {
        email: 'nobody@example.test',
        password: 'nope-nope-nope',
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.error.message).toBe(unknown.body.error.message);
    });
    it('rejects a malformed body with 400 naming the fields', async () => {
      const res = await call(ctx(), 'POST', '/api/auth/login', { email: 'not-an-email', extra: 1 });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      const paths = res.body.error.details.map((d: { path: string }) => d.path);
      expect(paths).toContain('body.email');
      expect(paths).toContain('body.password');
    });
    it('rejects malformed JSON with 400, not 500', async () => {
      const res = await ctx().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"email": ',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    });
    it('locks an account for 15 minutes after 5 failures, even with the right password', async () => {
      const t = ctx();
      const email = org.users.otherManager.email;
      for (let i = 0; i < 5; i++) {
        expect((await call(t, 'POST', '/api/auth/login', { email, password: `wrong-${i}-password` })).status).toBe(401);
      }
      const locked = await call(t, 'POST', '/api/auth/login', { email, password: TEST_PASSWORD });
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('rate_limited');
      t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
      expect((await call(t, 'POST', '/api/auth/login', { email, password: TEST_PASSWORD })).status).toBe(200);
    });
  });

  describe('GET /api/me', () => {
    it('answers 401 without a session', async () => {
      const res = await call(ctx(), 'GET', '/api/me');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    });
    it('answers 401 for a forged session cookie', async () => {
      const res = await ctx().app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { cookie: `pulse_session=${org.orgId}.${org.users.head.id}.forged-secret-forged-secret` },
      });
      expect(res.statusCode).toBe(401);
    });
    it('shows a sales manager their own scope and no admin sections', async () => {
      const s = await loginAs(ctx(), org.users.managerA.email);
      const res = await s.request('GET', '/api/me');
      expect(res.status).toBe(200);
      expect(res.body.scope).toEqual({ kind: 'own', unitIds: [org.units.teamA] });
      expect(res.body.sections).not.toContain('audit');
      expect(res.body.sections).not.toContain('calendar');
      expect(res.body.sections).not.toContain('plans');
      expect(res.body.permissions.manageStructure).toBe(false);
    });
    it('shows an administrator the calendar and audit sections', async () => {
      const s = await loginAs(ctx(), org.users.admin.email);
      const res = await s.request('GET', '/api/me');
      expect(res.body.sections).toEqual(expect.arrayContaining(['calendar', 'audit', 'structure']));
    });
    it('shows the head of sales the plans section', async () => {
      const s = await loginAs(ctx(), org.users.head.email);
      const res = await s.request('GET', '/api/me');
      expect(res.body.sections).toContain('plans');
    });
  });

  describe('PATCH /api/me', () => {
    it('changes language and time zone', async () => {
      const s = await loginAs(ctx(), org.users.managerB.email);
      const res = await s.request('PATCH', '/api/me', { locale: 'en', timeZone: 'Asia/Vladivostok' });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ locale: 'en', timeZone: 'Asia/Vladivostok' });
    });
    it('rejects an unknown time zone with 400', async () => {
      const s = await loginAs(ctx(), org.users.managerB.email);
      const res = await s.request('PATCH', '/api/me', { timeZone: 'Mars/Olympus' });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('body.timeZone');
    });
    it('refuses a state-changing request without the CSRF header (403)', async () => {
      const s = await loginAs(ctx(), org.users.managerB.email);
      const res = await ctx().app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: { cookie: s.cookie },
        payload: { locale: 'ru' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('csrf_failed');
    });
  });

  describe('POST /api/auth/password', () => {
    it('answers 422 when the current password is wrong', async () => {
      const s = await loginAs(ctx(), org.users.director.email);
      const res = await s.request('POST', '/api/auth/password', {
        currentPassword: 'wrong',
        newPassword: 'a-new-password-1',
      });
      expect(res.status).toBe(422);
    });
    it('rejects a too-short new password with 400', async () => {
      const s = await loginAs(ctx(), org.users.director.email);
      const res = await s.request('POST', '/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'short',
      });
      expect(res.status).toBe(400);
    });
    it('changes the password, ends other sessions and keeps this one', async () => {
      const t = ctx();
      const other = await loginAs(t, org.users.director.email);
      const s = await loginAs(t, org.users.director.email);
      const res = await s.request('POST', '/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'a-new-password-1',
      });
      expect(res.status).toBe(200);
      expect((await s.request('GET', '/api/me')).status).toBe(200);
      expect((await other.request('GET', '/api/me')).status).toBe(401);
      expect(
        (await call(t, 'POST', '/api/auth/login', { email: org.users.director.email, password: TEST_PASSWORD })).status,
      ).toBe(401);
      await loginAs(t, org.users.director.email, 'a-new-password-1');
    });
  });

  describe('POST /api/auth/logout', () => {
    it('ends the session: the cookie stops working', async () => {
      const s = await loginAs(ctx(), org.users.analyst.email);
      expect((await s.request('POST', '/api/auth/logout')).status).toBe(200);
      expect((await s.request('GET', '/api/me')).status).toBe(401);
    });
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'POST', '/api/auth/logout')).status).toBe(401);
    });
  });
});
