import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { auditOf, createDeal, defaultPipeline, expectError, expectInvalid, moveDeal } from './deals.factories.ts';

// Lost reasons and competitors behave alike; each case runs for both lists.
const LISTS = [
  { url: '/api/lost-reasons', entity: 'lost_reason', dealField: 'lostReasonId' },
  { url: '/api/competitors', entity: 'competitor', dealField: 'competitorId' },
] as const;

describeEachDatabase('lost reasons and competitors', (ctx) => {
  let admin: Session;
  let head: Session;
  let managerA: Session;
  let rivalAdmin: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    const org = await createTestOrg(t, 'Lists org');
    const rival = await createTestOrg(t, 'Rival org');
    [admin, head, managerA, rivalAdmin] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, rival.users.admin.email),
    ]);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  it('starts every organisation with the seeded lost reasons, in order, and no competitors', async () => {
    const reasons = await managerA.request('GET', '/api/lost-reasons');
    expect(reasons.body.items).toHaveLength(7);
    expect(reasons.body.items.map((r: any) => r.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect((await managerA.request('GET', '/api/competitors')).body.items).toEqual([]);
  });

  for (const list of LISTS) {
    describe(list.url, () => {
      const add = async (session: Session, name: string) => {
        const res = await session.request('POST', list.url, { name });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res.body;
      };

      it('answers 401 without a session', async () => {
        expect((await call(ctx(), 'GET', list.url)).status).toBe(401);
        expect((await call(ctx(), 'POST', list.url, { name: 'X' })).status).toBe(401);
        expect((await call(ctx(), 'PATCH', `${list.url}/${randomUUID()}`, { name: 'X' })).status).toBe(401);
        expect((await call(ctx(), 'DELETE', `${list.url}/${randomUUID()}`)).status).toBe(401);
      });
      it('lets everyone read it and only the administrator change it (403)', async () => {
        const entry = await add(admin, `Entry ${randomUUID()}`);
        expectError(await head.request('POST', list.url, { name: 'Mine' }), 403);
        expectError(await head.request('PATCH', `${list.url}/${entry.id}`, { name: 'X' }), 403);
        expectError(await managerA.request('DELETE', `${list.url}/${entry.id}`), 403);
        expect((await managerA.request('GET', list.url)).body.items.map((e: any) => e.id)).toContain(entry.id);
      });
      it('rejects bad fields with 400', async () => {
        const res = await admin.request('POST', list.url, { name: '', colour: 'red' });
        expectInvalid(res, 'body.name');
        expectInvalid(res, 'body.colour');
        expectInvalid(await admin.request('GET', `${list.url}?active=maybe`), 'query.active');
      });
      it('refuses a name already on the list with 409', async () => {
        const name = `Twice ${randomUUID()}`;
        const first = await add(admin, name);
        expectError(await admin.request('POST', list.url, { name }), 409, 'body.name');
        const second = await add(admin, `${name} 2`);
        expectError(await admin.request('PATCH', `${list.url}/${second.id}`, { name }), 409, 'body.name');
        expect((await admin.request('PATCH', `${list.url}/${first.id}`, { name })).status).toBe(200);
      });
      it('deactivates an entry: it leaves the list unless asked, and deals can no longer pick it (422)', async () => {
        const entry = await add(admin, `Retiring ${randomUUID()}`);
        const res = await admin.request('PATCH', `${list.url}/${entry.id}`, { active: false });
        expect(res.body.active).toBe(false);
        expect((await managerA.request('GET', list.url)).body.items.map((e: any) => e.id)).not.toContain(entry.id);
        expect((await managerA.request('GET', `${list.url}?active=all`)).body.items.map((e: any) => e.id)).toContain(
          entry.id,
        );
        const pipeline = await defaultPipeline(admin);
        const deal = await createDeal(managerA);
        const reason = (await managerA.request('GET', '/api/lost-reasons')).body.items[0].id;
        const body = { stageId: pipeline.lost, lostReasonId: reason, [list.dealField]: entry.id };
        expectError(await moveDeal(managerA, deal, body), 422, `body.${list.dealField}`);
        const update = (await auditOf(admin, list.entity, entry.id)).find((e) => e.action === 'update');
        expect(update?.changes).toEqual([{ field: 'active', old: true, new: false }]);
      });
      it('deletes an entry no deal uses; one in use is 409', async () => {
        const unused = await add(admin, `Unused ${randomUUID()}`);
        expect((await admin.request('DELETE', `${list.url}/${unused.id}`)).body).toEqual({ ok: true });
        expect((await auditOf(admin, list.entity, unused.id)).map((e) => e.action).sort()).toEqual([
          'create',
          'delete',
        ]);
        const used = await add(admin, `Used ${randomUUID()}`);
        const pipeline = await defaultPipeline(admin);
        const deal = await createDeal(managerA);
        const reason = (await managerA.request('GET', '/api/lost-reasons')).body.items[0].id;
        const lost = await moveDeal(managerA, deal, {
          stageId: pipeline.lost,
          lostReasonId: reason,
          [list.dealField]: used.id,
        });
        expect(lost.status, JSON.stringify(lost.body)).toBe(200);
        expectError(await admin.request('DELETE', `${list.url}/${used.id}`), 409);
      });
      it("answers 404 for an unknown entry and another organisation's", async () => {
        const foreign = await add(rivalAdmin, `Rival secret ${randomUUID()}`);
        for (const id of [randomUUID(), foreign.id]) {
          expectError(await admin.request('PATCH', `${list.url}/${id}`, { name: 'Stolen' }), 404);
          expectError(await admin.request('DELETE', `${list.url}/${id}`), 404);
        }
        expect(JSON.stringify((await admin.request('GET', `${list.url}?active=all`)).body)).not.toContain(
          'Rival secret',
        );
      });
    });
  }
});
