import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';

type Issue = { path: string; message: string };
const paths = (body: any): string[] => body.error.details.map((d: Issue) => d.path);
/** An unknown key is reported on its own path, or on the object's path with the key named. */
const namesUnknownKey = (body: any, where: string, key: string): boolean =>
  body.error.details.some((d: Issue) => d.path === `${where}.${key}` || (d.path === where && d.message.includes(key)));

describeEachDatabase('units', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let admin: Session;
  let director: Session;
  let head: Session;
  let managerA: Session;
  let rivalAdmin: Session;
  /** A unit of the rival organisation with a name that must never leak. */
  const RIVAL_SECRET = 'Rival Secret Desk';

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
    const renamed = await rivalAdmin.request('PATCH', `/api/units/${rival.units.teamA}`, { name: RIVAL_SECRET });
    expect(renamed.status).toBe(200);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  /** A fresh unit under the directorate, so a test never disturbs the shared tree. */
  async function newUnit(body: Record<string, unknown> = {}): Promise<any> {
    const res = await admin.request('POST', '/api/units', {
      name: `Sandbox ${randomUUID().slice(0, 8)}`,
      kind: 'team',
      parentId: org.units.directorate,
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  async function newUser(session: Session, body: Record<string, unknown>): Promise<any> {
    const res = await session.request('POST', '/api/users', {
      email: `u-${randomUUID()}@example.test`,
      fullName: 'Sandbox Person',
      role: 'sales_manager',
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body.user;
  }
  async function auditOf(unitId: string): Promise<any[]> {
    const res = await admin.request('GET', `/api/audit?entity=unit&entityId=${unitId}`);
    expect(res.status).toBe(200);
    return res.body.items;
  }
  async function visibleIds(session: Session): Promise<string[]> {
    const res = await session.request('GET', '/api/units');
    expect(res.status).toBe(200);
    return res.body.items.map((u: { id: string }) => u.id);
  }

  describe('GET /api/units', () => {
    it('answers 401 without a session', async () => {
      const res = await call(ctx(), 'GET', '/api/units');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    });
    it('shows a director every unit of their organisation and none of another', async () => {
      const ids = await visibleIds(director);
      expect(ids).toEqual(expect.arrayContaining(Object.values(org.units)));
      for (const rivalUnit of Object.values(rival.units)) expect(ids).not.toContain(rivalUnit);
    });
    it('shows a head of sales their department and its teams, nothing outside it', async () => {
      const all = (await director.request('GET', '/api/units')).body.items as { id: string; parentId: string | null }[];
      const inDepartment = (id: string | null): boolean =>
        id === org.units.department || (id !== null && inDepartment(all.find((u) => u.id === id)?.parentId ?? null));
      const ids = await visibleIds(head);
      expect(ids).toEqual(expect.arrayContaining([org.units.department, org.units.teamA, org.units.teamB]));
      expect(ids.every(inDepartment)).toBe(true);
      expect(ids).not.toContain(org.units.otherDepartment);
      expect(ids).not.toContain(org.units.directorate);
    });
    it('shows a sales manager only their own team', async () => {
      expect(await visibleIds(managerA)).toEqual([org.units.teamA]);
    });
    it('counts only active members', async () => {
      const unit = await newUnit();
      await newUser(admin, { unitId: unit.id });
      const leaver = await newUser(admin, { unitId: unit.id });
      expect((await admin.request('GET', `/api/units/${unit.id}`)).body.memberCount).toBe(2);
      expect((await admin.request('PATCH', `/api/users/${leaver.id}`, { active: false })).status).toBe(200);
      const listed = (await admin.request('GET', '/api/units')).body.items.find(
        (u: { id: string }) => u.id === unit.id,
      );
      expect(listed.memberCount).toBe(1);
    });
  });

  describe('GET /api/units/:id', () => {
    it('answers 401 without a session, before looking at the id', async () => {
      expect((await call(ctx(), 'GET', '/api/units/not-a-uuid')).status).toBe(401);
    });
    it('rejects a non-UUID id with 400 on params.id', async () => {
      const res = await admin.request('GET', '/api/units/42');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(paths(res.body)).toEqual(['params.id']);
    });
    it('answers 404 for an unknown id', async () => {
      const res = await admin.request('GET', `/api/units/${randomUUID()}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    });
    it("answers 404 for another organisation's unit and leaks nothing of it", async () => {
      const res = await admin.request('GET', `/api/units/${rival.units.teamA}`);
      expect(res.status).toBe(404);
      expect(Object.keys(res.body)).toEqual(['error']);
      expect(JSON.stringify(res.body)).not.toContain(RIVAL_SECRET);
    });
    it('returns a unit in scope with its parent, head and member count', async () => {
      const res = await head.request('GET', `/api/units/${org.units.department}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: org.units.department,
        parentId: org.units.directorate,
        name: 'Sales Moscow',
        kind: 'department',
        headUserId: org.users.head.id,
        memberCount: 1,
      });
    });
    it('answers 404, not 403, for a unit outside the scope', async () => {
      expect((await head.request('GET', `/api/units/${org.units.otherDepartment}`)).status).toBe(404);
      expect((await managerA.request('GET', `/api/units/${org.units.teamB}`)).status).toBe(404);
      expect((await managerA.request('GET', `/api/units/${org.units.teamA}`)).status).toBe(200);
    });
  });

  describe('POST /api/units', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'POST', '/api/units', { name: 'X', kind: 'team' })).status).toBe(401);
    });
    it('refuses a head of sales and a sales manager with 403 and creates nothing', async () => {
      const before = (await visibleIds(director)).length;
      for (const session of [head, managerA, director]) {
        const res = await session.request('POST', '/api/units', {
          name: 'Shadow team',
          kind: 'team',
          parentId: org.units.department,
        });
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
      expect(await visibleIds(director)).toHaveLength(before);
    });
    it('rejects wrong types and unknown fields with 400 naming each field', async () => {
      const res = await admin.request('POST', '/api/units', {
        name: 5,
        kind: 'division',
        parentId: 'abc',
        colour: 'red',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(paths(res.body)).toEqual(expect.arrayContaining(['body.name', 'body.kind', 'body.parentId']));
      expect(namesUnknownKey(res.body, 'body', 'colour')).toBe(true);
    });
    it('rejects a blank or over-long name with 400 on body.name', async () => {
      for (const name of ['   ', 'x'.repeat(201)]) {
        const res = await admin.request('POST', '/api/units', { name, kind: 'team' });
        expect(res.status).toBe(400);
        expect(paths(res.body)).toEqual(['body.name']);
      }
    });
    it('refuses an unknown parent or head, or one of another organisation, with 422', async () => {
      for (const [field, value] of [
        ['parentId', randomUUID()],
        ['parentId', rival.units.department],
        ['headUserId', randomUUID()],
        ['headUserId', rival.users.head.id],
      ] as const) {
        const res = await admin.request('POST', '/api/units', { name: 'Dangling', kind: 'team', [field]: value });
        expect(res.status, `${field}=${value}`).toBe(422);
        expect(res.body.error.code).toBe('unprocessable');
        expect(paths(res.body)).toEqual([`body.${field}`]);
      }
    });
    it('refuses a deactivated head with 422', async () => {
      const leaver = await newUser(admin, {});
      await admin.request('PATCH', `/api/users/${leaver.id}`, { active: false });
      const res = await admin.request('POST', '/api/units', { name: 'Headless', kind: 'team', headUserId: leaver.id });
      expect(res.status).toBe(422);
      expect(paths(res.body)).toEqual(['body.headUserId']);
    });
    it('creates a unit, trimming the name, and records who created it and when', async () => {
      const res = await admin.request('POST', '/api/units', {
        name: '  Team C  ',
        kind: 'team',
        parentId: org.units.otherDepartment,
        headUserId: org.users.otherManager.id,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        name: 'Team C',
        kind: 'team',
        parentId: org.units.otherDepartment,
        headUserId: org.users.otherManager.id,
        memberCount: 0,
      });
      expect((await admin.request('GET', `/api/units/${res.body.id}`)).body.name).toBe('Team C');
      const [entry] = await auditOf(res.body.id);
      expect(entry).toMatchObject({
        action: 'create',
        at: PINNED_NOW.toISOString(),
        actor: { id: org.users.admin.id },
      });
      expect(entry.changes).toEqual(
        expect.arrayContaining([
          { field: 'name', old: null, new: 'Team C' },
          { field: 'parentId', old: null, new: org.units.otherDepartment },
        ]),
      );
    });
    it('defaults parent and head to none', async () => {
      const res = await admin.request('POST', '/api/units', { name: 'Free-standing', kind: 'directorate' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ parentId: null, headUserId: null });
    });
  });

  describe('PATCH /api/units/:id', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'PATCH', `/api/units/${org.units.teamA}`, { name: 'X' })).status).toBe(401);
    });
    it('refuses a head of sales with 403 even on their own department', async () => {
      const res = await head.request('PATCH', `/api/units/${org.units.department}`, { name: 'Renamed by head' });
      expect(res.status).toBe(403);
      expect((await director.request('GET', `/api/units/${org.units.department}`)).body.name).toBe('Sales Moscow');
    });
    it('refuses a sales manager with 403', async () => {
      expect((await managerA.request('PATCH', `/api/units/${org.units.teamA}`, { name: 'Mine now' })).status).toBe(403);
    });
    it('rejects a non-UUID id, wrong types, unknown fields and over-long names with 400', async () => {
      const badId = await admin.request('PATCH', '/api/units/teamA', { name: 'X' });
      expect(badId.status).toBe(400);
      expect(paths(badId.body)).toEqual(['params.id']);
      const badBody = await admin.request('PATCH', `/api/units/${org.units.teamA}`, {
        kind: 'squad',
        headUserId: 7,
        memberCount: 3,
      });
      expect(badBody.status).toBe(400);
      expect(paths(badBody.body)).toEqual(expect.arrayContaining(['body.kind', 'body.headUserId']));
      expect(namesUnknownKey(badBody.body, 'body', 'memberCount')).toBe(true);
      const long = await admin.request('PATCH', `/api/units/${org.units.teamA}`, { name: 'y'.repeat(201) });
      expect(paths(long.body)).toEqual(['body.name']);
    });
    it("answers 404 for an unknown id and for another organisation's unit, leaving it unchanged", async () => {
      expect((await admin.request('PATCH', `/api/units/${randomUUID()}`, { name: 'Ghost' })).status).toBe(404);
      const res = await admin.request('PATCH', `/api/units/${rival.units.teamA}`, { name: 'Hijacked' });
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(RIVAL_SECRET);
      expect((await rivalAdmin.request('GET', `/api/units/${rival.units.teamA}`)).body.name).toBe(RIVAL_SECRET);
    });
    it('refuses to move a unit under itself or its own descendant with 422', async () => {
      const parent = await newUnit({ kind: 'department' });
      const child = await newUnit({ parentId: parent.id });
      const grandchild = await newUnit({ parentId: child.id });
      for (const target of [parent.id, child.id, grandchild.id]) {
        const res = await admin.request('PATCH', `/api/units/${parent.id}`, { parentId: target });
        expect(res.status).toBe(422);
        expect(paths(res.body)).toEqual(['body.parentId']);
      }
      expect((await admin.request('GET', `/api/units/${parent.id}`)).body.parentId).toBe(org.units.directorate);
    });
    it('refuses an unknown parent or head with 422', async () => {
      const unit = await newUnit();
      const parent = await admin.request('PATCH', `/api/units/${unit.id}`, { parentId: rival.units.department });
      expect(parent.status).toBe(422);
      expect(paths(parent.body)).toEqual(['body.parentId']);
      const headRes = await admin.request('PATCH', `/api/units/${unit.id}`, { headUserId: randomUUID() });
      expect(headRes.status).toBe(422);
      expect(paths(headRes.body)).toEqual(['body.headUserId']);
    });
    it('renames, moves and changes the head, auditing only the changed fields old → new', async () => {
      const unit = await newUnit({ name: 'Old name', kind: 'team' });
      const t = ctx();
      t.clock.now = new Date(PINNED_NOW.getTime() + 60_000);
      const res = await admin.request('PATCH', `/api/units/${unit.id}`, {
        name: 'New name',
        parentId: org.units.otherDepartment,
        headUserId: org.users.otherManager.id,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: unit.id,
        name: 'New name',
        kind: 'team',
        parentId: org.units.otherDepartment,
        headUserId: org.users.otherManager.id,
      });
      const update = (await auditOf(unit.id)).find((e) => e.action === 'update');
      expect(update.at).toBe(t.clock.now.toISOString());
      expect(update.changes).toEqual([
        { field: 'headUserId', old: null, new: org.users.otherManager.id },
        { field: 'name', old: 'Old name', new: 'New name' },
        { field: 'parentId', old: org.units.directorate, new: org.units.otherDepartment },
      ]);
    });
    it("widens a head's scope when a team is moved into their department, and narrows it when moved out", async () => {
      const team = await newUnit();
      expect(await visibleIds(head)).not.toContain(team.id);
      await admin.request('PATCH', `/api/units/${team.id}`, { parentId: org.units.department });
      expect(await visibleIds(head)).toContain(team.id);
      await admin.request('PATCH', `/api/units/${team.id}`, { parentId: org.units.directorate });
      expect(await visibleIds(head)).not.toContain(team.id);
    });
  });

  describe('DELETE /api/units/:id', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'DELETE', `/api/units/${org.units.teamB}`)).status).toBe(401);
    });
    it('refuses non-administrators with 403 and keeps the unit', async () => {
      const unit = await newUnit();
      for (const session of [head, managerA, director]) {
        expect((await session.request('DELETE', `/api/units/${unit.id}`)).status).toBe(403);
      }
      expect((await admin.request('GET', `/api/units/${unit.id}`)).status).toBe(200);
    });
    it('rejects a non-UUID id with 400', async () => {
      const res = await admin.request('DELETE', '/api/units/undefined');
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(['params.id']);
    });
    it("answers 404 for an unknown id and for another organisation's unit, which survives", async () => {
      expect((await admin.request('DELETE', `/api/units/${randomUUID()}`)).status).toBe(404);
      const unit = (await rivalAdmin.request('POST', '/api/units', { name: 'Rival empty', kind: 'team' })).body;
      const res = await admin.request('DELETE', `/api/units/${unit.id}`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Rival empty');
      expect((await rivalAdmin.request('GET', `/api/units/${unit.id}`)).status).toBe(200);
    });
    it('refuses with 409 a unit that has sub-units', async () => {
      const res = await admin.request('DELETE', `/api/units/${org.units.department}`);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('conflict');
      expect((await admin.request('GET', `/api/units/${org.units.department}`)).status).toBe(200);
    });
    it('refuses with 409 a unit that has people, even only deactivated ones', async () => {
      expect((await admin.request('DELETE', `/api/units/${org.units.teamA}`)).status).toBe(409);
      const unit = await newUnit();
      const leaver = await newUser(admin, { unitId: unit.id });
      await admin.request('PATCH', `/api/users/${leaver.id}`, { active: false });
      const res = await admin.request('DELETE', `/api/units/${unit.id}`);
      expect(res.status).toBe(409);
      expect((await admin.request('GET', `/api/units/${unit.id}`)).status).toBe(200);
    });
    it('deletes an empty unit and audits its last state', async () => {
      const unit = await newUnit({ name: 'Short-lived', headUserId: org.users.analyst.id });
      const res = await admin.request('DELETE', `/api/units/${unit.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
      expect((await admin.request('GET', `/api/units/${unit.id}`)).status).toBe(404);
      expect(await visibleIds(admin)).not.toContain(unit.id);
      const removal = (await auditOf(unit.id)).find((e) => e.action === 'delete');
      expect(removal.actor.id).toBe(org.users.admin.id);
      expect(removal.changes).toEqual([
        { field: 'headUserId', old: org.users.analyst.id, new: null },
        { field: 'kind', old: 'team', new: null },
        { field: 'name', old: 'Short-lived', new: null },
        { field: 'parentId', old: org.units.directorate, new: null },
      ]);
      expect((await admin.request('DELETE', `/api/units/${unit.id}`)).status).toBe(404);
    });
  });
});
