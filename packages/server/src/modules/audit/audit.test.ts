import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withOrg } from '../../db/tenant.ts';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW, type TestApp } from '../../test/server.ts';

type Response = { status: number; body: any };
interface Entry {
  id: string;
  at: string;
  actor: { id: string; fullName: string } | null;
  action: string;
  entity: string;
  entityId: string;
  changes: { field: string; old: unknown; new: unknown }[];
}

const minutesAfterPin = (minutes: number) => new Date(PINNED_NOW.getTime() + minutes * 60_000);

function expectInvalid(res: Response, path: string): void {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('validation_failed');
  expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
}

async function auditOf(s: Session, query = ''): Promise<Entry[]> {
  const res = await s.request('GET', `/api/audit?limit=200${query ? `&${query}` : ''}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

/** An organisation of its own, so its audit log holds only what the test does. */
async function freshOrg(t: TestApp): Promise<{ org: TestOrg; admin: Session }> {
  const org = await createTestOrg(t);
  return { org, admin: await loginAs(t, org.users.admin.email) };
}

/** A second administrator, written straight to the database, so two people can act in one log. */
async function makeAdmin(t: TestApp, org: TestOrg, userId: string): Promise<void> {
  await withOrg(t.deps.db, org.orgId, (tx) =>
    tx
      .updateTable('users')
      .set({ role: 'admin' })
      .where('org_id', '=', org.orgId)
      .where('user_id', '=', userId)
      .execute(),
  );
}

describeEachDatabase('audit', (ctx) => {
  let org: TestOrg;
  let admin: Session;
  beforeAll(async () => {
    org = await createTestOrg(ctx());
    admin = await loginAs(ctx(), org.users.admin.email);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  describe('GET /api/audit', () => {
    it('answers 401 without a session', async () => {
      const res = await call(ctx(), 'GET', '/api/audit');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    });
    it.each(['director', 'head', 'managerA', 'analyst'] as const)('answers 403 to the %s', async (who) => {
      const s = await loginAs(ctx(), org.users[who].email);
      const res = await s.request('GET', '/api/audit');
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    });
    it.each([
      ['a limit of 0', 'limit=0', 'query.limit'],
      ['a limit over 200', 'limit=201', 'query.limit'],
      ['a limit that is not a number', 'limit=ten', 'query.limit'],
      ['a cursor that is not base64 JSON', 'cursor=not-a-cursor', 'query.cursor'],
      [
        'a cursor of the wrong shape',
        `cursor=${Buffer.from(JSON.stringify(['yesterday', 1])).toString('base64url')}`,
        'query.cursor',
      ],
      ['a cursor over 200 characters', `cursor=${'a'.repeat(201)}`, 'query.cursor'],
      ['an actor id that is not a UUID', 'actorId=42', 'query.actorId'],
      ['an unknown action', 'action=rename', 'query.action'],
      ['a from that is not an instant', 'from=yesterday', 'query.from'],
      ['a from without a time zone offset', 'from=2026-03-02T09:00:00', 'query.from'],
      ['a to that is a day, not an instant', 'to=2026-03-02', 'query.to'],
      ['an entity over 50 characters', `entity=${'e'.repeat(51)}`, 'query.entity'],
      ['an unknown parameter', 'user=me', 'query.user'],
    ])('rejects %s with 400', async (_name, query, path) => {
      expectInvalid(await admin.request('GET', `/api/audit?${query}`), path);
    });
    it('rejects a NUL character in a text filter with 400, not 500', async () => {
      expectInvalid(await admin.request('GET', '/api/audit?entity=calendar%00'), 'query.entity');
      expectInvalid(await admin.request('GET', '/api/audit?entityId=%00'), 'query.entityId');
    });
    it('starts with the creation of the organisation, by no one', async () => {
      const own = await freshOrg(ctx());
      const entries = await auditOf(own.admin);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        at: PINNED_NOW.toISOString(),
        actor: null,
        action: 'create',
        entity: 'organization',
        entityId: own.org.orgId,
      });
      expect(entries[0]?.changes).toContainEqual({ field: 'currency', old: null, new: 'RUB' });
    });
  });

  describe('what an entry records', () => {
    it('records who marked a day, when, which day, and its fields from nothing', async () => {
      const own = await freshOrg(ctx());
      ctx().clock.now = minutesAfterPin(7);
      await own.admin.request('PUT', '/api/calendar/days/2026-03-10', { kind: 'holiday', name: 'Company day' });
      const entries = await auditOf(own.admin, 'entity=calendar');
      expect(entries).toEqual([
        {
          id: expect.any(String),
          at: '2026-03-02T09:07:00.000Z',
          actor: { id: own.org.users.admin.id, fullName: 'Admin Adminov' },
          action: 'create',
          entity: 'calendar',
          entityId: '2026-03-10',
          changes: [
            { field: 'day', old: null, new: '2026-03-10' },
            { field: 'kind', old: null, new: 'holiday' },
            { field: 'name', old: null, new: 'Company day' },
          ],
        },
      ]);
    });
    it('records only the fields that changed when a day is re-marked, and every old value when it is cleared', async () => {
      const own = await freshOrg(ctx());
      await own.admin.request('PUT', '/api/calendar/days/2026-03-10', { kind: 'holiday', name: 'Company day' });
      ctx().clock.now = minutesAfterPin(1);
      await own.admin.request('PUT', '/api/calendar/days/2026-03-10', { kind: 'short', name: 'Company day' });
      ctx().clock.now = minutesAfterPin(2);
      await own.admin.request('DELETE', '/api/calendar/days/2026-03-10');
      const [deleted, updated] = await auditOf(own.admin, 'entityId=2026-03-10');
      expect(updated).toMatchObject({ action: 'update', changes: [{ field: 'kind', old: 'holiday', new: 'short' }] });
      expect(deleted).toMatchObject({
        action: 'delete',
        at: '2026-03-02T09:02:00.000Z',
        changes: [
          { field: 'day', old: '2026-03-10', new: null },
          { field: 'kind', old: 'short', new: null },
          { field: 'name', old: 'Company day', new: null },
        ],
      });
    });
    it('records a change of the working week and hours as old → new', async () => {
      const own = await freshOrg(ctx());
      await own.admin.request('PUT', '/api/calendar', {
        workWeek: [1, 2, 3, 4, 5, 6],
        businessHours: { start: '10:00', end: '19:00' },
      });
      const [entry] = await auditOf(own.admin, 'entityId=settings');
      expect(entry).toMatchObject({ action: 'update', entity: 'calendar', actor: { id: own.org.users.admin.id } });
      expect(entry?.changes).toEqual([
        { field: 'businessHours', old: { start: '09:00', end: '18:00' }, new: { start: '10:00', end: '19:00' } },
        { field: 'workWeek', old: [1, 2, 3, 4, 5], new: [1, 2, 3, 4, 5, 6] },
      ]);
    });
    it("records a year's reset with the days before and after", async () => {
      const own = await freshOrg(ctx());
      await own.admin.request('PUT', '/api/calendar/days/2026-03-10', { kind: 'holiday' });
      await own.admin.request('POST', '/api/calendar/reset', { year: 2026 });
      const [entry] = await auditOf(own.admin, 'entityId=year:2026');
      expect(entry).toMatchObject({ action: 'update', entity: 'calendar' });
      const [change] = entry?.changes ?? [];
      expect(change?.field).toBe('days');
      expect(change?.old).toContainEqual({ day: '2026-03-10', kind: 'holiday', name: '' });
      expect(change?.new).not.toContainEqual(expect.objectContaining({ day: '2026-03-10' }));
    });
    it('records an organisation change as old → new per field', async () => {
      const own = await freshOrg(ctx());
      const before = (await own.admin.request('GET', '/api/org')).body;
      await own.admin.request('PATCH', '/api/org', { name: 'Renamed', currency: 'USD' });
      const [entry] = await auditOf(own.admin, 'entity=organization&action=update');
      expect(entry).toMatchObject({ entityId: own.org.orgId, actor: { id: own.org.users.admin.id } });
      expect(entry?.changes).toEqual([
        { field: 'currency', old: 'RUB', new: 'USD' },
        { field: 'name', old: before.name, new: 'Renamed' },
      ]);
    });
    it('writes nothing for a change that changes nothing, or that was refused', async () => {
      const own = await freshOrg(ctx());
      await own.admin.request('PUT', '/api/calendar/days/2026-02-23', {
        kind: 'holiday',
        name: 'День защитника Отечества',
      });
      await own.admin.request('PUT', '/api/calendar', { workWeek: [5, 4, 3, 2, 1] });
      await own.admin.request('POST', '/api/calendar/reset', { year: 2026 });
      const head = await loginAs(ctx(), own.org.users.head.email);
      expect((await head.request('PUT', '/api/calendar/days/2026-03-10', { kind: 'holiday' })).status).toBe(403);
      expect((await own.admin.request('POST', '/api/calendar/reset', { year: 2031 })).status).toBe(422);
      expect(await auditOf(own.admin)).toHaveLength(1);
    });
  });

  describe('filters', () => {
    let own: { org: TestOrg; admin: Session };
    let second: Session;
    let secondAdminId: string;
    const T = [1, 2, 3, 4].map((h) => new Date(PINNED_NOW.getTime() + h * 3_600_000));
    beforeAll(async () => {
      const t = ctx();
      t.clock.now = PINNED_NOW;
      own = await freshOrg(t);
      secondAdminId = own.org.users.analyst.id;
      await makeAdmin(t, own.org, secondAdminId);
      second = await loginAs(t, own.org.users.analyst.email);
      t.clock.now = T[0] as Date;
      expect((await own.admin.request('PUT', '/api/calendar/days/2026-03-10', { kind: 'holiday' })).status).toBe(200);
      t.clock.now = T[1] as Date;
      expect((await own.admin.request('PATCH', '/api/org', { name: 'Filtered' })).status).toBe(200);
      t.clock.now = T[2] as Date;
      expect((await second.request('DELETE', '/api/calendar/days/2026-03-10')).status).toBe(200);
      t.clock.now = T[3] as Date;
      expect((await second.request('PUT', '/api/calendar', { timeZone: 'Europe/Samara' })).status).toBe(200);
    });
    const kinds = (entries: Entry[]) => entries.map((e) => `${e.action} ${e.entity} ${e.entityId}`);

    it('lists everything newest first without filters', async () => {
      expect(kinds(await auditOf(own.admin))).toEqual([
        'update calendar settings',
        'delete calendar 2026-03-10',
        `update organization ${own.org.orgId}`,
        'create calendar 2026-03-10',
        `create organization ${own.org.orgId}`,
      ]);
    });
    it('filters by entity', async () => {
      expect(kinds(await auditOf(own.admin, 'entity=organization'))).toEqual([
        `update organization ${own.org.orgId}`,
        `create organization ${own.org.orgId}`,
      ]);
    });
    it('filters by entity id', async () => {
      expect(kinds(await auditOf(own.admin, 'entityId=2026-03-10'))).toEqual([
        'delete calendar 2026-03-10',
        'create calendar 2026-03-10',
      ]);
    });
    it('filters by actor', async () => {
      const bySecond = await auditOf(own.admin, `actorId=${secondAdminId}`);
      expect(kinds(bySecond)).toEqual(['update calendar settings', 'delete calendar 2026-03-10']);
      expect(bySecond.every((e) => e.actor?.id === secondAdminId && e.actor.fullName === 'Alla Analyst')).toBe(true);
      expect(kinds(await auditOf(own.admin, `actorId=${own.org.users.admin.id}`))).toEqual([
        `update organization ${own.org.orgId}`,
        'create calendar 2026-03-10',
      ]);
      expect(await auditOf(own.admin, `actorId=${own.org.users.managerA.id}`)).toEqual([]);
    });
    it('filters by action', async () => {
      expect(kinds(await auditOf(own.admin, 'action=delete'))).toEqual(['delete calendar 2026-03-10']);
      expect(kinds(await auditOf(own.admin, 'action=create'))).toEqual([
        'create calendar 2026-03-10',
        `create organization ${own.org.orgId}`,
      ]);
    });
    it('filters by time: from is inclusive, to is exclusive, and offsets are honoured', async () => {
      const from = encodeURIComponent((T[1] as Date).toISOString());
      const to = encodeURIComponent((T[3] as Date).toISOString());
      expect(kinds(await auditOf(own.admin, `from=${from}&to=${to}`))).toEqual([
        'delete calendar 2026-03-10',
        `update organization ${own.org.orgId}`,
      ]);
      // 13:00 in Moscow is 10:00 UTC, the moment of T[0].
      const moscow = encodeURIComponent('2026-03-02T13:00:00+03:00');
      expect(kinds(await auditOf(own.admin, `to=${moscow}`))).toEqual([`create organization ${own.org.orgId}`]);
      expect(await auditOf(own.admin, `from=${to}&to=${from}`)).toEqual([]);
    });
    it('combines filters', async () => {
      expect(
        kinds(await auditOf(own.admin, `entity=calendar&action=delete&actorId=${own.org.users.admin.id}`)),
      ).toEqual([]);
      expect(kinds(await auditOf(own.admin, `entity=calendar&action=delete&actorId=${secondAdminId}`))).toEqual([
        'delete calendar 2026-03-10',
      ]);
    });
  });

  describe('cursor pagination', () => {
    it('walks every entry newest first with limit=2, without duplicates or gaps, including entries of the same instant', async () => {
      const t = ctx();
      const own = await freshOrg(t);
      t.clock.now = minutesAfterPin(1);
      await own.admin.request('PUT', '/api/calendar/days/2026-03-10', { kind: 'holiday' });
      t.clock.now = minutesAfterPin(2);
      // Four entries at one instant: the cursor must break the tie, not skip or repeat.
      for (const day of ['2026-03-11', '2026-03-12', '2026-03-13', '2026-03-16']) {
        await own.admin.request('PUT', `/api/calendar/days/${day}`, { kind: 'holiday' });
      }
      t.clock.now = minutesAfterPin(3);
      await own.admin.request('PATCH', '/api/org', { name: 'Paged' });
      await own.admin.request('DELETE', '/api/calendar/days/2026-03-10');

      const all = await auditOf(own.admin);
      expect(all).toHaveLength(8);
      const pages: Entry[][] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/audit?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const res = await own.admin.request('GET', url);
        expect(res.status).toBe(200);
        pages.push(res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor !== null && pages.length < 10);

      expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 2]);
      const walked = pages.flat();
      expect(walked.map((e) => e.id)).toEqual(all.map((e) => e.id));
      expect(new Set(walked.map((e) => e.id)).size).toBe(8);
      const order = walked.map((e) => [e.at, e.id] as const);
      const sorted = [...order].sort(([a1, i1], [a2, i2]) => (a1 === a2 ? (i1 < i2 ? 1 : -1) : a1 < a2 ? 1 : -1));
      expect(order).toEqual(sorted);
      expect(walked.at(-1)?.entity).toBe('organization');
    });
    it('gives no next cursor when the page holds the last entry', async () => {
      const own = await freshOrg(ctx());
      const res = await own.admin.request('GET', '/api/audit?limit=1');
      expect(res.body.items).toHaveLength(1);
      expect(res.body.nextCursor).toBeNull();
    });
    it('keeps a filter across pages', async () => {
      const t = ctx();
      const own = await freshOrg(t);
      for (const [i, day] of ['2026-03-10', '2026-03-11', '2026-03-12'].entries()) {
        t.clock.now = minutesAfterPin(i + 1);
        await own.admin.request('PUT', `/api/calendar/days/${day}`, { kind: 'holiday' });
      }
      const first = await own.admin.request('GET', '/api/audit?entity=calendar&limit=2');
      const second = await own.admin.request(
        'GET',
        `/api/audit?entity=calendar&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      );
      expect([...first.body.items, ...second.body.items].map((e: Entry) => e.entityId)).toEqual([
        '2026-03-12',
        '2026-03-11',
        '2026-03-10',
      ]);
      expect(second.body.nextCursor).toBeNull();
    });
  });

  describe('tenant isolation', () => {
    it("never shows one organisation's entries to another, whatever the filter or cursor", async () => {
      const t = ctx();
      const a = await freshOrg(t);
      const b = await freshOrg(t);
      t.clock.now = minutesAfterPin(5);
      await a.admin.request('PUT', '/api/calendar/days/2026-03-10', { kind: 'holiday' });
      await a.admin.request('PATCH', '/api/org', { name: 'A renamed' });
      await a.admin.request('PUT', '/api/calendar', { workWeek: [1, 2, 3, 4] });
      const aEntries = await auditOf(a.admin);
      const aCursor = (await a.admin.request('GET', '/api/audit?limit=1')).body.nextCursor;

      const bEntries = await auditOf(b.admin);
      expect(bEntries.map((e) => e.entityId)).toEqual([b.org.orgId]);
      expect(bEntries.map((e) => e.id)).not.toContain(aEntries[0]?.id);
      expect(await auditOf(b.admin, `entityId=${a.org.orgId}`)).toEqual([]);
      expect(await auditOf(b.admin, 'entityId=2026-03-10')).toEqual([]);
      expect(await auditOf(b.admin, `actorId=${a.org.users.admin.id}`)).toEqual([]);
      const paged = await b.admin.request('GET', `/api/audit?cursor=${encodeURIComponent(aCursor)}`);
      expect(paged.status).toBe(200);
      expect(paged.body.items.every((e: Entry) => e.entityId === b.org.orgId)).toBe(true);
    });
  });
});
