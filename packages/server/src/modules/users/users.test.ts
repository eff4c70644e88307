import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, TEST_PASSWORD, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW, type TestApp } from '../../test/server.ts';

type Issue = { path: string; message: string };
const paths = (body: any): string[] => body.error.details.map((d: Issue) => d.path);
/** An unknown key is reported on its own path, or on the object's path with the key named. */
const namesUnknownKey = (body: any, where: string, key: string): boolean =>
  body.error.details.some((d: Issue) => d.path === `${where}.${key}` || (d.path === where && d.message.includes(key)));
const ids = (body: any): string[] => body.items.map((u: { id: string }) => u.id);
const USER_FIELDS = [
  'active',
  'createdAt',
  'email',
  'fullName',
  'hireDate',
  'id',
  'locale',
  'managerId',
  'role',
  'timeZone',
  'unitId',
];
const NEW_PASSWORD = 'invited-person-password';
const DAY_MS = 86_400_000;

/** Walks GET /api/users page by page, failing on any page that is not a 200. */
async function walkPages(session: Session, query: string): Promise<{ ids: string[]; pages: number }> {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = `/api/users?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await session.request('GET', url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    seen.push(...ids(res.body));
    cursor = res.body.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return { ids: seen, pages };
}

/** Sets a password through the invitation link; the response carries the new session. */
async function acceptInvitation(t: TestApp, token: string, password = NEW_PASSWORD) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token, password } });
  const cookie = res.cookies.find((c) => c.name === 'pulse_session');
  const session = cookie
    ? { cookie: `pulse_session=${cookie.value}`, csrfToken: res.json().csrfToken as string }
    : null;
  return { status: res.statusCode, session, body: res.json() };
}

describeEachDatabase('users', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let admin: Session;
  let director: Session;
  let head: Session;
  let managerA: Session;
  let rivalAdmin: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t);
    rival = await createTestOrg(t, 'Rival org');
    [admin, director, head, managerA, rivalAdmin] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.director.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, rival.users.admin.email),
    ]);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  /** A fresh person in a fresh team, so a test never disturbs the shared organisation. */
  async function newUser(body: Record<string, unknown> = {}, as = admin): Promise<{ user: any; invitation: any }> {
    const res = await as.request('POST', '/api/users', {
      email: `person-${randomUUID()}@example.test`,
      fullName: 'Sandbox Person',
      role: 'sales_manager',
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }
  async function auditOf(userId: string): Promise<any[]> {
    const res = await admin.request('GET', `/api/audit?entity=user&entityId=${userId}`);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  describe('GET /api/users', () => {
    it('answers 401 without a session', async () => {
      const res = await call(ctx(), 'GET', '/api/users');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    });
    it('shows a director everyone in their organisation and no one from another', async () => {
      const res = await director.request('GET', '/api/users?limit=200');
      expect(res.status).toBe(200);
      expect(ids(res.body)).toEqual(expect.arrayContaining(Object.values(org.users).map((u) => u.id)));
      for (const stranger of Object.values(rival.users)) expect(ids(res.body)).not.toContain(stranger.id);
    });
    it('shows a head of sales their people and their own manager, not the other department', async () => {
      const res = await head.request('GET', '/api/users?limit=200');
      const { head: self, managerA: a, managerB: b, director: boss, otherHead, otherManager, analyst } = org.users;
      expect(ids(res.body)).toEqual(expect.arrayContaining([self.id, a.id, b.id, boss.id]));
      for (const outsider of [otherHead, otherManager, analyst]) expect(ids(res.body)).not.toContain(outsider.id);
    });
    it('shows a sales manager only themselves, their manager and their own team', async () => {
      const res = await managerA.request('GET', '/api/users?limit=200');
      expect(ids(res.body)).toEqual(expect.arrayContaining([org.users.managerA.id, org.users.head.id]));
      for (const user of res.body.items) {
        expect([org.users.managerA.id, org.users.head.id].includes(user.id) || user.unitId === org.units.teamA).toBe(
          true,
        );
      }
      expect(ids(res.body)).not.toContain(org.users.managerB.id);
    });
    it('presents exactly the public fields, never the password hash', async () => {
      const res = await admin.request('GET', '/api/users?limit=200&active=all');
      for (const user of res.body.items) expect(Object.keys(user).sort()).toEqual(USER_FIELDS);
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
    });
    it('walks every page with limit=2: each person once, in name order, ties broken stably', async () => {
      const t = ctx();
      const paging = await createTestOrg(t, 'Paging org');
      const pagingAdmin = await loginAs(t, paging.users.admin.email);
      for (let i = 0; i < 3; i++) {
        await newUser({ fullName: 'Ivan Same', unitId: paging.units.teamA }, pagingAdmin);
      }
      const all = (await pagingAdmin.request('GET', '/api/users?limit=200')).body;
      expect(all.items).toHaveLength(11);
      expect(all.nextCursor).toBeNull();
      const walked = await walkPages(pagingAdmin, 'limit=2');
      expect(walked.pages).toBe(6);
      expect(walked.ids).toEqual(ids(all));
      expect(new Set(walked.ids).size).toBe(11);
      const names = all.items.map((u: { fullName: string }) => u.fullName);
      expect(names.filter((n: string) => n === 'Ivan Same')).toHaveLength(3);
    });
    it('walks past a person with a long name (the cursor carries the name)', async () => {
      const t = ctx();
      const paging = await createTestOrg(t, 'Long names org');
      const pagingAdmin = await loginAs(t, paging.users.admin.email);
      // 200 characters is the longest name the API accepts; Cyrillic takes two bytes a letter.
      await newUser({ fullName: `Аа${'я'.repeat(198)}` }, pagingAdmin);
      await newUser({ fullName: `A${'z'.repeat(199)}` }, pagingAdmin);
      const walked = await walkPages(pagingAdmin, 'limit=1');
      expect(walked.ids).toHaveLength(10);
      expect(new Set(walked.ids).size).toBe(10);
    });
    it('rejects a cursor it did not issue with 400 on query.cursor', async () => {
      const forged = Buffer.from(JSON.stringify([1, 'not-a-uuid'])).toString('base64url');
      for (const cursor of ['not-a-cursor', forged]) {
        const res = await admin.request('GET', `/api/users?cursor=${cursor}`);
        expect(res.status).toBe(400);
        expect(paths(res.body)).toEqual(['query.cursor']);
      }
    });
    it('rejects malformed filters with 400 naming each parameter', async () => {
      const res = await admin.request('GET', '/api/users?limit=0&role=boss&active=yes&unitId=42&sort=name');
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(
        expect.arrayContaining(['query.limit', 'query.role', 'query.active', 'query.unitId']),
      );
      expect(namesUnknownKey(res.body, 'query', 'sort')).toBe(true);
      expect(paths((await admin.request('GET', `/api/users?limit=201`)).body)).toEqual(['query.limit']);
      expect(paths((await admin.request('GET', `/api/users?q=${'q'.repeat(201)}`)).body)).toEqual(['query.q']);
    });
    it('searches by part of the name or e-mail, in any letter case, with % and _ taken literally', async () => {
      const byName = await admin.request('GET', '/api/users?q=MANAGER&limit=200');
      expect(ids(byName.body)).toEqual(
        expect.arrayContaining([org.users.managerA.id, org.users.managerB.id, org.users.otherManager.id]),
      );
      expect(ids(byName.body)).not.toContain(org.users.head.id);
      const byEmail = await admin.request('GET', `/api/users?q=${encodeURIComponent(org.users.analyst.email)}`);
      expect(ids(byEmail.body)).toEqual([org.users.analyst.id]);
      for (const wildcard of ['%', '_', 'Anna%Manager']) {
        const res = await admin.request('GET', `/api/users?q=${encodeURIComponent(wildcard)}`);
        expect(res.body.items, wildcard).toEqual([]);
      }
    });
    it('filters by role and by unit, combined and within scope', async () => {
      const desk = (await admin.request('POST', '/api/units', { name: 'Filter desk', kind: 'team' })).body;
      const inside = (await newUser({ unitId: desk.id, role: 'lead_generation' })).user;
      const outside = (await newUser({ role: 'lead_generation' })).user;
      expect(ids((await admin.request('GET', `/api/users?unitId=${desk.id}`)).body)).toEqual([inside.id]);
      const leadGen = await admin.request('GET', '/api/users?role=lead_generation&limit=200');
      expect(leadGen.body.items.every((u: { role: string }) => u.role === 'lead_generation')).toBe(true);
      expect(ids(leadGen.body)).toEqual(expect.arrayContaining([inside.id, outside.id]));
      expect(ids(leadGen.body)).not.toContain(org.users.managerA.id);
      const both = await admin.request('GET', `/api/users?role=sales_manager&unitId=${desk.id}`);
      expect(both.body.items).toEqual([]);
      expect(ids((await head.request('GET', `/api/users?unitId=${org.units.teamB}`)).body)).toContain(
        org.users.managerB.id,
      );
      expect((await head.request('GET', `/api/users?unitId=${org.units.otherDepartment}`)).body.items).toEqual([]);
      expect((await admin.request('GET', `/api/users?unitId=${rival.units.teamB}`)).body.items).toEqual([]);
    });
  });

  describe('GET /api/users/:id', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'GET', `/api/users/${org.users.head.id}`)).status).toBe(401);
    });
    it('rejects a non-UUID id with 400 on params.id', async () => {
      const res = await admin.request('GET', '/api/users/me');
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(['params.id']);
    });
    it("answers 404 for an unknown id and for another organisation's person, leaking nothing", async () => {
      expect((await admin.request('GET', `/api/users/${randomUUID()}`)).status).toBe(404);
      const res = await admin.request('GET', `/api/users/${rival.users.head.id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
      expect(Object.keys(res.body)).toEqual(['error']);
      expect(JSON.stringify(res.body)).not.toContain(rival.users.head.email);
    });
    it('answers 404 for a person outside the scope', async () => {
      expect((await head.request('GET', `/api/users/${org.users.otherManager.id}`)).status).toBe(404);
      expect((await managerA.request('GET', `/api/users/${org.users.managerB.id}`)).status).toBe(404);
      expect((await managerA.request('GET', `/api/users/${org.users.director.id}`)).status).toBe(404);
    });
    it('lets a sales manager see their own manager', async () => {
      const res = await managerA.request('GET', `/api/users/${org.users.head.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: org.users.head.id, fullName: 'Hector Head', role: 'head_of_sales' });
    });
    it('returns the person with public fields only', async () => {
      const res = await head.request('GET', `/api/users/${org.users.managerB.id}`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(USER_FIELDS);
      expect(res.body).toMatchObject({
        email: org.users.managerB.email,
        unitId: org.units.teamB,
        managerId: org.users.head.id,
        hireDate: '2025-01-15',
        active: true,
      });
    });
  });

  describe('POST /api/users', () => {
    const valid = () => ({ email: `new-${randomUUID()}@example.test`, fullName: 'New Person', role: 'sales_manager' });

    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'POST', '/api/users', valid())).status).toBe(401);
    });
    it('refuses everyone but the administrator with 403 and creates no one', async () => {
      const body = valid();
      for (const session of [head, managerA, director]) {
        const res = await session.request('POST', '/api/users', body);
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
      const found = await admin.request('GET', `/api/users?q=${encodeURIComponent(body.email)}&active=all`);
      expect(found.body.items).toEqual([]);
    });
    it('rejects wrong types, unknown fields, over-long strings and a bad e-mail with 400 naming each', async () => {
      const res = await admin.request('POST', '/api/users', {
        email: 'not-an-email',
        fullName: 'n'.repeat(201),
        role: 'boss',
        unitId: 'team-a',
        hireDate: '15.01.2025',
        timeZone: 'Mars/Olympus',
        passwordHash: 'x',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(paths(res.body)).toEqual(
        expect.arrayContaining([
          'body.email',
          'body.fullName',
          'body.role',
          'body.unitId',
          'body.hireDate',
          'body.timeZone',
        ]),
      );
      expect(namesUnknownKey(res.body, 'body', 'passwordHash')).toBe(true);
      const long = await admin.request('POST', '/api/users', { ...valid(), email: `${'e'.repeat(250)}@example.test` });
      expect(paths(long.body)).toEqual(['body.email']);
    });
    it('refuses a taken e-mail with 409, in any letter case and across organisations', async () => {
      for (const email of [org.users.managerA.email.toUpperCase(), rival.users.managerA.email]) {
        const res = await admin.request('POST', '/api/users', { ...valid(), email });
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('conflict');
        expect(paths(res.body)).toEqual(['body.email']);
      }
    });
    it('refuses an unknown, foreign or deactivated unit or manager with 422', async () => {
      const leaver = (await newUser()).user;
      await admin.request('PATCH', `/api/users/${leaver.id}`, { active: false });
      for (const [field, value] of [
        ['unitId', randomUUID()],
        ['unitId', rival.units.teamA],
        ['managerId', randomUUID()],
        ['managerId', rival.users.head.id],
        ['managerId', leaver.id],
      ] as const) {
        const res = await admin.request('POST', '/api/users', { ...valid(), [field]: value });
        expect(res.status, `${field}=${value}`).toBe(422);
        expect(paths(res.body)).toEqual([`body.${field}`]);
      }
    });
    it('creates the person with the organisation defaults and a 7-day invitation link', async () => {
      const email = `Mixed.Case-${randomUUID()}@Example.Test`;
      const res = await admin.request('POST', '/api/users', {
        email,
        fullName: '  Vera Newcomer ',
        role: 'sales_manager',
        unitId: org.units.teamB,
        managerId: org.users.head.id,
        hireDate: '2026-03-02',
      });
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({
        email: email.toLowerCase(),
        fullName: 'Vera Newcomer',
        unitId: org.units.teamB,
        managerId: org.users.head.id,
        hireDate: '2026-03-02',
        active: true,
        locale: 'ru',
        timeZone: 'Europe/Moscow',
        createdAt: PINNED_NOW.toISOString(),
      });
      expect(res.body.invitation.url).toBe(`http://pulse.test/invite/${res.body.invitation.token}`);
      expect(res.body.invitation.expiresAt).toBe(new Date(PINNED_NOW.getTime() + 7 * DAY_MS).toISOString());
      expect((await head.request('GET', `/api/users/${res.body.user.id}`)).status).toBe(200);
      const login = await call(ctx(), 'POST', '/api/auth/login', { email, password: TEST_PASSWORD });
      expect(login.status).toBe(401);
    });
    it('audits the creation with the new values and without any password', async () => {
      const { user } = await newUser({ fullName: 'Audited Arrival', unitId: org.units.teamA });
      const [entry] = await auditOf(user.id);
      expect(entry).toMatchObject({
        action: 'create',
        at: PINNED_NOW.toISOString(),
        actor: { id: org.users.admin.id },
      });
      const changed = Object.fromEntries(entry.changes.map((c: { field: string; new: unknown }) => [c.field, c.new]));
      expect(changed).toMatchObject({ fullName: 'Audited Arrival', unitId: org.units.teamA, role: 'sales_manager' });
      expect(JSON.stringify(entry)).not.toMatch(/argon2|password_?hash/i);
    });
  });

  describe('PATCH /api/users/:id', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'PATCH', `/api/users/${org.users.managerA.id}`, { fullName: 'X' })).status).toBe(401);
    });
    it('refuses a head of sales, even over their own people, with 403', async () => {
      const res = await head.request('PATCH', `/api/users/${org.users.managerA.id}`, { unitId: org.units.teamB });
      expect(res.status).toBe(403);
      expect((await admin.request('GET', `/api/users/${org.users.managerA.id}`)).body.unitId).toBe(org.units.teamA);
      expect((await managerA.request('PATCH', `/api/users/${org.users.managerA.id}`, { role: 'admin' })).status).toBe(
        403,
      );
    });
    it('rejects a non-UUID id, wrong types, unknown fields and over-long names with 400', async () => {
      expect(paths((await admin.request('PATCH', '/api/users/42', { fullName: 'X' })).body)).toEqual(['params.id']);
      const res = await admin.request('PATCH', `/api/users/${org.users.managerA.id}`, {
        active: 'no',
        managerId: 'boss',
        fullName: 'f'.repeat(201),
        email: 'new@example.test',
      });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(expect.arrayContaining(['body.active', 'body.managerId', 'body.fullName']));
      expect(namesUnknownKey(res.body, 'body', 'email')).toBe(true);
    });
    it("answers 404 for an unknown id and for another organisation's person, who stays unchanged", async () => {
      expect((await admin.request('PATCH', `/api/users/${randomUUID()}`, { fullName: 'Ghost' })).status).toBe(404);
      const res = await admin.request('PATCH', `/api/users/${rival.users.managerA.id}`, { active: false });
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(rival.users.managerA.email);
      const still = await rivalAdmin.request('GET', `/api/users/${rival.users.managerA.id}`);
      expect(still.body.active).toBe(true);
    });
    it('refuses a loop of managers with 422, however long', async () => {
      const top = (await newUser()).user;
      const middle = (await newUser({ managerId: top.id })).user;
      const bottom = (await newUser({ managerId: middle.id })).user;
      for (const managerId of [top.id, middle.id, bottom.id]) {
        const res = await admin.request('PATCH', `/api/users/${top.id}`, { managerId });
        expect(res.status, managerId).toBe(422);
        expect(paths(res.body)).toEqual(['body.managerId']);
      }
      expect((await admin.request('GET', `/api/users/${top.id}`)).body.managerId).toBeNull();
    });
    it('refuses an unknown or foreign unit or manager with 422', async () => {
      const { user } = await newUser();
      for (const [field, value] of [
        ['unitId', randomUUID()],
        ['unitId', rival.units.department],
        ['managerId', rival.users.director.id],
      ] as const) {
        const res = await admin.request('PATCH', `/api/users/${user.id}`, { [field]: value });
        expect(res.status).toBe(422);
        expect(paths(res.body)).toEqual([`body.${field}`]);
      }
    });
    it('does not let the administrator deactivate themselves or drop their own admin role (422)', async () => {
      const off = await admin.request('PATCH', `/api/users/${org.users.admin.id}`, { active: false });
      expect(off.status).toBe(422);
      expect(paths(off.body)).toEqual(['body.active']);
      const demoted = await admin.request('PATCH', `/api/users/${org.users.admin.id}`, { role: 'analyst' });
      expect(demoted.status).toBe(422);
      expect(paths(demoted.body)).toEqual(['body.role']);
      expect((await admin.request('GET', '/api/me')).body.user.role).toBe('admin');
    });
    it('edits a person and audits the changed fields old → new', async () => {
      const { user } = await newUser({ fullName: 'Before Name', unitId: org.units.teamA });
      const t = ctx();
      t.clock.now = new Date(PINNED_NOW.getTime() + 5 * 60_000);
      const res = await admin.request('PATCH', `/api/users/${user.id}`, {
        fullName: 'After Name',
        unitId: org.units.teamB,
        role: 'lead_generation',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ fullName: 'After Name', unitId: org.units.teamB, role: 'lead_generation' });
      const update = (await auditOf(user.id)).find((e) => e.action === 'update');
      expect(update.at).toBe(t.clock.now.toISOString());
      expect(update.changes).toEqual([
        { field: 'fullName', old: 'Before Name', new: 'After Name' },
        { field: 'role', old: 'sales_manager', new: 'lead_generation' },
        { field: 'unitId', old: org.units.teamA, new: org.units.teamB },
      ]);
    });
    it('deactivates a person: they cannot log in, their session ends, and they stay listed', async () => {
      const t = ctx();
      const { user, invitation } = await newUser({ fullName: 'Leaving Lena', unitId: org.units.teamA });
      const accepted = await acceptInvitation(t, invitation.token);
      expect(accepted.status).toBe(200);
      const session = accepted.session as { cookie: string; csrfToken: string };
      expect((await call(t, 'GET', '/api/me', undefined, session)).status).toBe(200);

      const res = await admin.request('PATCH', `/api/users/${user.id}`, { active: false });
      expect(res.status).toBe(200);
      expect(res.body.active).toBe(false);
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
      expect((await call(t, 'GET', '/api/me', undefined, session)).status).toBe(401);
      const login = await call(t, 'POST', '/api/auth/login', { email: user.email, password: NEW_PASSWORD });
      expect(login.status).toBe(401);

      expect(ids((await admin.request('GET', '/api/users?q=Leaving%20Lena')).body)).toEqual([]);
      expect(ids((await admin.request('GET', '/api/users?q=Leaving%20Lena&active=all')).body)).toEqual([user.id]);
      expect(ids((await head.request('GET', '/api/users?q=Leaving%20Lena&active=false')).body)).toEqual([user.id]);
      expect((await admin.request('GET', `/api/users/${user.id}`)).body.active).toBe(false);
      const update = (await auditOf(user.id)).find((e) => e.action === 'update' && e.actor.id === org.users.admin.id);
      expect(update.changes).toEqual([{ field: 'active', old: true, new: false }]);
      expect(update.at).toBe(PINNED_NOW.toISOString());

      expect((await admin.request('PATCH', `/api/users/${user.id}`, { active: true })).status).toBe(200);
      expect((await call(t, 'POST', '/api/auth/login', { email: user.email, password: NEW_PASSWORD })).status).toBe(
        200,
      );
    });
  });

  describe('POST /api/users/:id/invitation', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'POST', `/api/users/${org.users.managerA.id}/invitation`)).status).toBe(401);
    });
    it('refuses everyone but the administrator with 403', async () => {
      for (const session of [head, director, managerA]) {
        const res = await session.request('POST', `/api/users/${org.users.managerA.id}/invitation`);
        expect(res.status).toBe(403);
      }
    });
    it('rejects a non-UUID id with 400', async () => {
      const res = await admin.request('POST', '/api/users/abc/invitation');
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(['params.id']);
    });
    it("answers 404 for an unknown id and for another organisation's person", async () => {
      expect((await admin.request('POST', `/api/users/${randomUUID()}/invitation`)).status).toBe(404);
      const res = await admin.request('POST', `/api/users/${rival.users.analyst.id}/invitation`);
      expect(res.status).toBe(404);
      expect(Object.keys(res.body)).toEqual(['error']);
    });
    it('refuses a deactivated person with 422, whose pending link also stops working', async () => {
      const { user, invitation } = await newUser();
      await admin.request('PATCH', `/api/users/${user.id}`, { active: false });
      expect((await admin.request('POST', `/api/users/${user.id}/invitation`)).status).toBe(422);
      expect((await acceptInvitation(ctx(), invitation.token)).status).toBe(422);
    });
    // Fails today: the token is 117 characters and Fastify's default maxParamLength (100) answers
    // 414 before the route runs. Turn back into `it` once app.ts raises maxParamLength.
    it('previews who a link is for without using it up', async () => {
      const t = ctx();
      const { user, invitation } = await newUser({ fullName: 'Previewed Polina' });
      const preview = await call(t, 'GET', `/api/auth/invitations/${invitation.token}`);
      expect(preview.status).toBe(200);
      expect(preview.body).toEqual({
        email: user.email,
        fullName: 'Previewed Polina',
        organization: expect.any(String),
      });
    });
    it('works end to end: accept and log in once; the same link again is 422', async () => {
      const t = ctx();
      const { user, invitation } = await newUser({ fullName: 'Invited Irina' });
      const accepted = await acceptInvitation(t, invitation.token);
      expect(accepted.status).toBe(200);
      expect(accepted.body.user.id).toBe(user.id);
      expect(accepted.session).not.toBeNull();
      const me = await call(t, 'GET', '/api/me', undefined, accepted.session ?? undefined);
      expect(me.body.user.id).toBe(user.id);
      expect((await acceptInvitation(t, invitation.token, 'another-password-1')).status).toBe(422);
      await loginAs(t, user.email, NEW_PASSWORD);
    });
    it('issues a new link that invalidates the old one', async () => {
      const t = ctx();
      const { user, invitation: first } = await newUser();
      t.clock.now = new Date(PINNED_NOW.getTime() + DAY_MS);
      const res = await admin.request('POST', `/api/users/${user.id}/invitation`);
      expect(res.status).toBe(201);
      expect(res.body.token).not.toBe(first.token);
      expect(res.body.expiresAt).toBe(new Date(PINNED_NOW.getTime() + 8 * DAY_MS).toISOString());
      expect((await acceptInvitation(t, first.token)).status).toBe(422);
      expect((await acceptInvitation(t, res.body.token)).status).toBe(200);
    });
    it('expires a link after seven days', async () => {
      const t = ctx();
      const { invitation } = await newUser();
      t.clock.now = new Date(PINNED_NOW.getTime() + 7 * DAY_MS);
      expect((await acceptInvitation(t, invitation.token)).status).toBe(422);
      t.clock.now = new Date(PINNED_NOW.getTime() + 7 * DAY_MS - 1000);
      expect((await acceptInvitation(t, invitation.token)).status).toBe(200);
    });
    it('never puts the password hash in any audit entry, even after the password is set', async () => {
      const t = ctx();
      const { user, invitation } = await newUser();
      await acceptInvitation(t, invitation.token);
      await admin.request('PATCH', `/api/users/${user.id}`, { fullName: 'Renamed After Accept' });
      const entries = await auditOf(user.id);
      expect(entries.map((e) => e.action).sort()).toEqual(['create', 'update', 'update']);
      expect(JSON.stringify(entries)).not.toMatch(/argon2|password_?hash/i);
      const fromUser = (await admin.request('GET', `/api/users/${user.id}`)).body;
      expect(JSON.stringify(fromUser)).not.toMatch(/argon2|password/i);
    });
  });
});
