import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, loginAs, type Session } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { at, createNote, createWorld, HOUR_MS, ids, paths, type World } from './activities.factories.ts';

describeEachDatabase('activities', (ctx) => {
  let w: World;
  beforeAll(async () => {
    ctx().clock.now = PINNED_NOW;
    w = await createWorld(ctx());
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  const logNote = (as: Session, body: Record<string, unknown> = {}) => createNote(as, body);
  async function auditOf(entityId: string): Promise<any[]> {
    const res = await w.as.admin.request('GET', `/api/audit?entity=activity&entityId=${entityId}`);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  describe('POST /api/activities', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'POST', '/api/activities', { kind: 'note', body: 'x' })).status).toBe(401);
    });
    it('refuses the analyst (read-only) with 403', async () => {
      const res = await w.as.analyst.request('POST', '/api/activities', { kind: 'note', body: 'x' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    });
    it('rejects malformed input with 400 naming each field', async () => {
      const unknownKind = await w.as.managerA.request('POST', '/api/activities', { kind: 'visit' });
      expect(unknownKind.status).toBe(400);
      expect(paths(unknownKind.body)).toEqual(['body.kind']);
      const badCall = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'call',
        status: 'cancelled',
        durationSec: -1,
        recordingUrl: 'ftp://pbx/rec.mp3',
        occurredAt: '02.03.2026',
        companyId: 'romashka',
        color: 'red',
      });
      expect(badCall.status).toBe(400);
      expect(paths(badCall.body)).toEqual(
        expect.arrayContaining([
          'body.direction',
          'body.status',
          'body.durationSec',
          'body.recordingUrl',
          'body.occurredAt',
          'body.companyId',
          'body.color',
        ]),
      );
      const emptyNote = await w.as.managerA.request('POST', '/api/activities', { kind: 'note', body: '  ' });
      expect(paths(emptyNote.body)).toEqual(['body.body']);
      const noteWithDuration = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'note',
        body: 'x',
        durationSec: 60,
      });
      expect(paths(noteWithDuration.body)).toEqual(['body.durationSec']);
    });
    it('rejects a phone number that is not one with 400 on body.phone', async () => {
      for (const phone of ['call me', '+7 300 123 45 67', '1234567890123456789']) {
        const res = await w.as.managerA.request('POST', '/api/activities', {
          kind: 'call',
          direction: 'outbound',
          phone,
        });
        expect(res.status, phone).toBe(400);
        expect(paths(res.body)).toEqual(['body.phone']);
      }
    });
    it("answers 404 for a linked record that is unknown, another organisation's or out of scope", async () => {
      for (const [field, id] of [
        ['companyId', randomUUID()],
        ['companyId', w.rivalCompany],
        ['dealId', w.rivalDeal],
        ['companyId', w.companyB],
        ['dealId', w.dealB],
        ['contactId', randomUUID()],
        ['leadId', randomUUID()],
      ] as const) {
        const res = await w.as.managerA.request('POST', '/api/activities', { kind: 'note', body: 'x', [field]: id });
        expect(res.status, `${field} ${id}`).toBe(404);
        expect(paths(res.body)).toEqual([`body.${field}`]);
        expect(JSON.stringify(res.body)).not.toContain('Vasilek');
      }
      const list = await w.as.managerA.request('GET', `/api/activities?companyId=${w.companyB}`);
      expect(list.body.items).toEqual([]);
    });
    it('lets the head link to a record of their subtree, not the other head', async () => {
      expect(
        (await w.as.head.request('POST', '/api/activities', { kind: 'note', body: 'x', dealId: w.dealB })).status,
      ).toBe(201);
      const res = await w.as.otherHead.request('POST', '/api/activities', { kind: 'note', body: 'x', dealId: w.dealB });
      expect(res.status).toBe(404);
    });
    it('refuses to log work for someone outside the actor’s reach with 422 on body.userId', async () => {
      for (const userId of [w.org.users.managerB.id, w.rival.users.managerA.id, randomUUID()]) {
        const res = await w.as.managerA.request('POST', '/api/activities', { kind: 'note', body: 'x', userId });
        expect(res.status).toBe(422);
        expect(paths(res.body)).toEqual(['body.userId']);
      }
      const byHead = await w.as.head.request('POST', '/api/activities', {
        kind: 'note',
        body: 'Logged for Anna',
        userId: w.org.users.managerA.id,
      });
      expect(byHead.status).toBe(201);
      expect(byHead.body.user).toEqual({ id: w.org.users.managerA.id, fullName: 'Anna Manager' });
      expect(byHead.body.createdById).toBe(w.org.users.head.id);
    });
    it('refuses a completed call in the future with 422 on body.occurredAt, but plans one there', async () => {
      const future = at(PINNED_NOW, 2 * HOUR_MS).toISOString();
      const done = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'call',
        direction: 'outbound',
        occurredAt: future,
      });
      expect(done.status).toBe(422);
      expect(paths(done.body)).toEqual(['body.occurredAt']);
      const planned = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'call',
        direction: 'outbound',
        status: 'planned',
        occurredAt: future,
      });
      expect(planned.status).toBe(201);
      expect(planned.body).toMatchObject({ status: 'planned', occurredAt: future });
    });
    it('logs a call with its phone in E.164, defaults and links, and audits it', async () => {
      const res = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'call',
        direction: 'inbound',
        phone: '8 (916) 123-45-67',
        durationSec: 185,
        result: 'Asked for a quote',
        recordingUrl: 'https://pbx.example.test/rec/1.mp3',
        occurredAt: at(PINNED_NOW, -HOUR_MS).toISOString(),
        companyId: w.companyA,
        contactId: w.contactA,
        dealId: w.lostDealA,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        kind: 'call',
        direction: 'inbound',
        status: 'done',
        phone: '+79161234567',
        durationSec: 185,
        occurredAt: at(PINNED_NOW, -HOUR_MS).toISOString(),
        user: { id: w.org.users.managerA.id, fullName: 'Anna Manager' },
        company: { id: w.companyA, title: 'Romashka LLC' },
        contact: { id: w.contactA, title: 'Ivan Petrov' },
        deal: { id: w.lostDealA, title: 'Romashka pumps' },
        lead: null,
        nextStepTaskId: null,
        version: 1,
        createdAt: PINNED_NOW.toISOString(),
      });
      const [entry] = await auditOf(res.body.id);
      expect(entry).toMatchObject({ action: 'create', actor: { id: w.org.users.managerA.id } });
      expect(entry.changes).toEqual(expect.arrayContaining([{ field: 'phone', old: null, new: '+79161234567' }]));
    });
    it('plans a meeting by default and logs an e-mail as done', async () => {
      const meeting = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'meeting',
        subject: 'Site visit',
        occurredAt: at(PINNED_NOW, 24 * HOUR_MS).toISOString(),
        dealId: w.dealA,
      });
      expect(meeting.status).toBe(201);
      expect(meeting.body).toMatchObject({ status: 'planned', direction: null });
      const email = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'email',
        direction: 'outbound',
        subject: 'КП',
        companyId: w.companyA,
      });
      expect(email.body).toMatchObject({ status: 'done', direction: 'outbound', subject: 'КП' });
    });
  });

  describe('GET /api/activities/:id', () => {
    it('answers 401 without a session and 400 for a non-UUID id', async () => {
      expect((await call(ctx(), 'GET', `/api/activities/${randomUUID()}`)).status).toBe(401);
      const res = await w.as.managerA.request('GET', '/api/activities/latest');
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(['params.id']);
    });
    it("answers 404 for an unknown id and for another organisation's activity", async () => {
      expect((await w.as.admin.request('GET', `/api/activities/${randomUUID()}`)).status).toBe(404);
      const rivalNote = await logNote(w.rivalAdmin, { body: 'Rival secret' });
      const res = await w.as.admin.request('GET', `/api/activities/${rivalNote.id}`);
      expect(res.status).toBe(404);
      expect(Object.keys(res.body)).toEqual(['error']);
    });
    it('follows the performer: own for a manager, the subtree for the head, all for the director', async () => {
      const noteA = await logNote(w.as.managerA);
      const noteB = await logNote(w.as.managerB);
      expect((await w.as.managerA.request('GET', `/api/activities/${noteB.id}`)).status).toBe(404);
      expect((await w.as.managerA.request('GET', `/api/activities/${noteA.id}`)).status).toBe(200);
      expect((await w.as.head.request('GET', `/api/activities/${noteB.id}`)).body.id).toBe(noteB.id);
      expect((await w.as.otherHead.request('GET', `/api/activities/${noteA.id}`)).status).toBe(404);
      expect((await w.as.director.request('GET', `/api/activities/${noteA.id}`)).status).toBe(200);
      expect((await w.as.analyst.request('GET', `/api/activities/${noteA.id}`)).status).toBe(200);
    });
  });

  describe('GET /api/activities', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'GET', '/api/activities')).status).toBe(401);
    });
    it('rejects malformed filters and forged cursors with 400 naming each', async () => {
      const res = await w.as.managerA.request(
        'GET',
        '/api/activities?kind=visit&status=lost&limit=0&from=2026-03-01&sort=subject&order=up&dealId=1&colour=red',
      );
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(
        expect.arrayContaining([
          'query.kind',
          'query.status',
          'query.limit',
          'query.from',
          'query.sort',
          'query.order',
          'query.dealId',
          'query.colour',
        ]),
      );
      const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
      for (const cursor of ['nope', forged(['2026-02-30 09:00:00+00', randomUUID()]), forged([1, randomUUID()])]) {
        const bad = await w.as.managerA.request('GET', `/api/activities?cursor=${cursor}`);
        expect(bad.status, cursor).toBe(400);
        expect(paths(bad.body)).toEqual(['query.cursor']);
      }
    });
    it('lists by scope: a manager their own, the head the department, not the other department', async () => {
      const noteA = await logNote(w.as.managerA, { body: 'scope check A' });
      const noteB = await logNote(w.as.managerB, { body: 'scope check B' });
      const otherManager = await logNote(await loginAs(ctx(), w.org.users.otherManager.email), {
        body: 'scope check other',
      });
      const seen = async (as: Session) =>
        ids((await as.request('GET', '/api/activities?q=scope%20check&limit=200')).body);
      expect(await seen(w.as.managerA)).toEqual([noteA.id]);
      expect((await seen(w.as.head)).sort()).toEqual([noteA.id, noteB.id].sort());
      expect(await seen(w.as.otherHead)).toEqual([otherManager.id]);
      expect((await seen(w.as.director)).sort()).toEqual([noteA.id, noteB.id, otherManager.id].sort());
    });
    it('filters by kind, direction, status, user, records and time, newest first by default', async () => {
      const base = at(PINNED_NOW, -10 * 24 * HOUR_MS);
      const made: string[] = [];
      for (const [i, body] of [
        { kind: 'call', direction: 'outbound', dealId: w.lostDealA },
        { kind: 'call', direction: 'inbound', status: 'missed', companyId: w.companyA },
        { kind: 'email', direction: 'outbound', subject: 'Filter price list', companyId: w.companyA },
      ].entries()) {
        const res = await w.as.head.request('POST', '/api/activities', {
          ...body,
          userId: w.org.users.managerB.id,
          occurredAt: at(base, i * HOUR_MS).toISOString(),
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        made.push(res.body.id);
      }
      const [outbound, missed, email] = made as [string, string, string];
      const list = async (query: string, to = at(base, 3 * HOUR_MS)) => {
        const url = `/api/activities?from=${base.toISOString()}&to=${to.toISOString()}&${query}`;
        const res = await w.as.head.request('GET', url);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return ids(res.body);
      };
      expect(await list('')).toEqual([email, missed, outbound]);
      expect(await list('order=asc')).toEqual([outbound, missed, email]);
      expect(await list('kind=call')).toEqual([missed, outbound]);
      expect(await list('direction=outbound')).toEqual([email, outbound]);
      expect(await list('status=missed')).toEqual([missed]);
      expect(await list(`companyId=${w.companyA}`)).toEqual([email, missed]);
      expect(await list(`dealId=${w.lostDealA}`)).toEqual([outbound]);
      expect(await list(`userId=${w.org.users.managerA.id}`)).toEqual([]);
      expect(await list('q=PRICE%20list')).toEqual([email]);
      expect(await list('', at(base, HOUR_MS))).toEqual([outbound]);
    });
    it('walks every page with limit=1, each activity once, ties on time broken by id', async () => {
      const when = at(PINNED_NOW, -30 * 24 * HOUR_MS).toISOString();
      const made = new Set<string>();
      for (let i = 0; i < 4; i++)
        made.add((await logNote(w.as.managerB, { body: `paging ${i}`, occurredAt: when })).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/api/activities?q=paging&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await w.as.managerB.request('GET', url);
        expect(res.status).toBe(200);
        seen.push(...ids(res.body));
        cursor = res.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 20);
      expect(seen).toHaveLength(4);
      expect(new Set(seen)).toEqual(made);
    });
  });
});
