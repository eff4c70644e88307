import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { ids, paths } from './activities.factories.ts';

describeEachDatabase('saved views', (ctx) => {
  let org: TestOrg;
  let anna: Session;
  let boris: Session;
  let analyst: Session;
  let admin: Session;
  let rivalAdmin: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t);
    const rival = await createTestOrg(t, 'Rival org');
    [anna, boris, analyst, admin, rivalAdmin] = await Promise.all([
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.managerB.email),
      loginAs(t, org.users.analyst.email),
      loginAs(t, org.users.admin.email),
      loginAs(t, rival.users.admin.email),
    ]);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  async function newView(as: Session, body: Record<string, unknown> = {}) {
    const res = await as.request('POST', '/api/views', {
      entity: 'deals',
      name: 'My open deals',
      state: { filters: { status: 'open' }, sort: 'amount', columns: ['title', 'amount'] },
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  describe('POST /api/views', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'POST', '/api/views', { entity: 'deals', name: 'x' })).status).toBe(401);
    });
    it('rejects an unknown entity, an empty name, a non-object state and unknown fields with 400', async () => {
      const res = await anna.request('POST', '/api/views', {
        entity: 'invoices',
        name: ' ',
        state: ['status=open'],
        userId: org.users.managerB.id,
      });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(
        expect.arrayContaining(['body.entity', 'body.name', 'body.state', 'body.userId']),
      );
    });
    it('bounds the state to 10 KB of JSON (400 on body.state)', async () => {
      const filler = (n: number) => ({ q: 'x'.repeat(n) });
      // {"q":"…"} is 8 bytes around the text.
      expect(
        (await anna.request('POST', '/api/views', { entity: 'tasks', name: 'Fits', state: filler(10_232) })).status,
      ).toBe(201);
      const tooBig = await anna.request('POST', '/api/views', { entity: 'tasks', name: 'Big', state: filler(10_233) });
      expect(tooBig.status).toBe(400);
      expect(paths(tooBig.body)).toEqual(['body.state']);
      // Cyrillic letters take two bytes each.
      const cyrillic = await anna.request('POST', '/api/views', {
        entity: 'tasks',
        name: 'Ru',
        state: { q: 'я'.repeat(5200) },
      });
      expect(cyrillic.status).toBe(400);
    });
    it('saves a private view for its owner by default, audited', async () => {
      const view = await newView(anna);
      expect(view).toMatchObject({
        entity: 'deals',
        name: 'My open deals',
        shared: false,
        owner: { id: org.users.managerA.id, fullName: 'Anna Manager' },
        state: { filters: { status: 'open' }, sort: 'amount', columns: ['title', 'amount'] },
        createdAt: PINNED_NOW.toISOString(),
      });
      const audit = await admin.request('GET', `/api/audit?entity=saved_view&entityId=${view.id}`);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    });
  });

  describe('GET /api/views', () => {
    it('answers 401 and rejects an unknown entity with 400', async () => {
      expect((await call(ctx(), 'GET', '/api/views')).status).toBe(401);
      expect(paths((await anna.request('GET', '/api/views?entity=invoices')).body)).toEqual(['query.entity']);
    });
    it('lists your own views and the shared ones, by name, never another user’s private view', async () => {
      const own = await newView(anna, { entity: 'contacts', name: 'b: Anna private' });
      const shared = await newView(boris, { entity: 'contacts', name: 'A: Boris shared', shared: true });
      const hidden = await newView(boris, { entity: 'contacts', name: 'c: Boris private' });
      expect(ids((await anna.request('GET', '/api/views?entity=contacts')).body)).toEqual([shared.id, own.id]);
      expect(ids((await boris.request('GET', '/api/views?entity=contacts')).body)).toEqual([shared.id, hidden.id]);
      expect(ids((await analyst.request('GET', '/api/views?entity=contacts')).body)).toEqual([shared.id]);
      expect((await rivalAdmin.request('GET', '/api/views?entity=contacts')).body.items).toEqual([]);
      const page1 = await anna.request('GET', '/api/views?entity=contacts&limit=1');
      expect(ids(page1.body)).toEqual([shared.id]);
      const page2 = await anna.request('GET', `/api/views?entity=contacts&limit=1&cursor=${page1.body.nextCursor}`);
      expect(ids(page2.body)).toEqual([own.id]);
      expect(page2.body.nextCursor).toBeNull();
    });
  });

  describe('PATCH /api/views/:id', () => {
    it('answers 401, 400 for a bad id or an unknown field', async () => {
      const view = await newView(anna);
      expect((await call(ctx(), 'PATCH', `/api/views/${view.id}`, { name: 'x' })).status).toBe(401);
      expect(paths((await anna.request('PATCH', '/api/views/mine', { name: 'x' })).body)).toEqual(['params.id']);
      expect(paths((await anna.request('PATCH', `/api/views/${view.id}`, { entity: 'leads' })).body)).toEqual([
        'body.entity',
      ]);
    });
    it("answers 404 for an unknown id, another organisation's view and someone else's private view", async () => {
      const privateOfBoris = await newView(boris);
      const rivalView = await newView(rivalAdmin, { shared: true });
      for (const id of [randomUUID(), rivalView.id, privateOfBoris.id]) {
        expect((await anna.request('PATCH', `/api/views/${id}`, { name: 'Stolen' })).status).toBe(404);
      }
    });
    it('refuses to change someone else’s shared view with 403', async () => {
      const shared = await newView(boris, { shared: true, name: 'Team pipeline' });
      const res = await anna.request('PATCH', `/api/views/${shared.id}`, { name: 'Mine now' });
      expect(res.status).toBe(403);
      expect((await boris.request('GET', '/api/views?entity=deals')).body.items).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: shared.id, name: 'Team pipeline' })]),
      );
    });
    it('lets the owner rename, restate and share it, audited', async () => {
      const view = await newView(anna, { name: 'Draft' });
      ctx().clock.now = new Date(PINNED_NOW.getTime() + 60_000);
      const res = await anna.request('PATCH', `/api/views/${view.id}`, {
        name: 'Final',
        state: { columns: ['title'] },
        shared: true,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Final', state: { columns: ['title'] }, shared: true });
      expect(res.body.updatedAt).toBe(ctx().clock.now.toISOString());
      expect(ids((await boris.request('GET', '/api/views?entity=deals&limit=200')).body)).toContain(view.id);
      const audit = await admin.request('GET', `/api/audit?entity=saved_view&entityId=${view.id}&action=update`);
      expect(audit.body.items[0].changes.map((c: { field: string }) => c.field)).toEqual(['name', 'shared', 'state']);
    });
  });

  describe('DELETE /api/views/:id', () => {
    it('answers 401, 404 for others’ private or foreign views, 403 for others’ shared ones', async () => {
      const shared = await newView(boris, { shared: true });
      const privateOfBoris = await newView(boris);
      expect((await call(ctx(), 'DELETE', `/api/views/${shared.id}`)).status).toBe(401);
      expect((await anna.request('DELETE', `/api/views/${privateOfBoris.id}`)).status).toBe(404);
      expect((await rivalAdmin.request('DELETE', `/api/views/${shared.id}`)).status).toBe(404);
      expect((await anna.request('DELETE', `/api/views/${shared.id}`)).status).toBe(403);
      expect((await admin.request('DELETE', `/api/views/${shared.id}`)).status).toBe(403);
      expect(ids((await boris.request('GET', '/api/views?entity=deals&limit=200')).body)).toEqual(
        expect.arrayContaining([shared.id, privateOfBoris.id]),
      );
    });
    it('deletes your own view, audited', async () => {
      const view = await newView(anna, { name: 'Short-lived' });
      const res = await anna.request('DELETE', `/api/views/${view.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
      expect(ids((await anna.request('GET', '/api/views?entity=deals&limit=200')).body)).not.toContain(view.id);
      expect((await anna.request('DELETE', `/api/views/${view.id}`)).status).toBe(404);
      const audit = await admin.request('GET', `/api/audit?entity=saved_view&entityId=${view.id}&action=delete`);
      expect(audit.body.items).toHaveLength(1);
    });
  });
});
