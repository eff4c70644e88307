import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, type Session } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { at, createNote, createWorld, paths, type World } from './activities.factories.ts';

describeEachDatabase('activities: edit and delete', (ctx) => {
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

  describe('PATCH /api/activities/:id', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'PATCH', `/api/activities/${randomUUID()}`, { version: 1 })).status).toBe(401);
    });
    it('refuses the analyst with 403', async () => {
      const note = await logNote(w.as.managerA);
      expect(
        (await w.as.analyst.request('PATCH', `/api/activities/${note.id}`, { version: 1, body: 'x' })).status,
      ).toBe(403);
    });
    it('requires the version and rejects unknown fields with 400', async () => {
      const note = await logNote(w.as.managerA);
      const res = await w.as.managerA.request('PATCH', `/api/activities/${note.id}`, { body: 'x', kind: 'call' });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(expect.arrayContaining(['body.version', 'body.kind']));
    });
    it("answers 404 for an unknown id, another organisation's or a colleague's activity", async () => {
      const noteB = await logNote(w.as.managerB);
      const rivalNote = await logNote(w.rivalAdmin);
      for (const [as, id] of [
        [w.as.admin, randomUUID()],
        [w.as.admin, rivalNote.id],
        [w.as.managerA, noteB.id],
      ] as const) {
        expect((await as.request('PATCH', `/api/activities/${id}`, { version: 1, body: 'Stolen' })).status).toBe(404);
      }
      expect((await w.as.managerB.request('GET', `/api/activities/${noteB.id}`)).body.body).toBe(noteB.body);
    });
    it('refuses a stale version with 409 and changes nothing', async () => {
      const note = await logNote(w.as.managerA);
      const first = await w.as.managerA.request('PATCH', `/api/activities/${note.id}`, { version: 1, body: 'First' });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(2);
      const stale = await w.as.head.request('PATCH', `/api/activities/${note.id}`, { version: 1, body: 'Second' });
      expect(stale.status).toBe(409);
      expect(paths(stale.body)).toEqual(['body.version']);
      expect((await w.as.managerA.request('GET', `/api/activities/${note.id}`)).body.body).toBe('First');
    });
    it('keeps history: a done call cannot go back to planned (409); fields must fit the kind (422)', async () => {
      const callRes = await w.as.managerA.request('POST', '/api/activities', { kind: 'call', direction: 'outbound' });
      const back = await w.as.managerA.request('PATCH', `/api/activities/${callRes.body.id}`, {
        version: 1,
        status: 'planned',
      });
      expect(back.status).toBe(409);
      expect(paths(back.body)).toEqual(['body.status']);
      const note = await logNote(w.as.managerA);
      const duration = await w.as.managerA.request('PATCH', `/api/activities/${note.id}`, {
        version: 1,
        durationSec: 30,
      });
      expect(duration.status).toBe(422);
      expect(paths(duration.body)).toEqual(['body.durationSec']);
      const meeting = await w.as.managerA.request('POST', '/api/activities', { kind: 'meeting', subject: 'Demo' });
      const missed = await w.as.managerA.request('PATCH', `/api/activities/${meeting.body.id}`, {
        version: 1,
        status: 'missed',
      });
      expect(missed.status).toBe(422);
      expect(paths(missed.body)).toEqual(['body.status']);
    });
    it('edits, relinks and reassigns within reach, audited old → new', async () => {
      const call1 = await w.as.head.request('POST', '/api/activities', {
        kind: 'call',
        direction: 'outbound',
        userId: w.org.users.managerA.id,
        result: 'No answer',
      });
      ctx().clock.now = at(PINNED_NOW, 60_000);
      const res = await w.as.head.request('PATCH', `/api/activities/${call1.body.id}`, {
        version: 1,
        result: 'Call back on Friday',
        phone: '+7 495 123-45-67',
        userId: w.org.users.managerB.id,
        companyId: w.companyB,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({
        result: 'Call back on Friday',
        phone: '+74951234567',
        user: { id: w.org.users.managerB.id },
        company: { id: w.companyB, title: 'Vasilek LLC' },
        updatedAt: at(PINNED_NOW, 60_000).toISOString(),
        version: 2,
      });
      const update = (await auditOf(call1.body.id)).find((e) => e.action === 'update');
      expect(update.changes).toEqual([
        { field: 'companyId', old: null, new: w.companyB },
        { field: 'phone', old: null, new: '+74951234567' },
        { field: 'result', old: 'No answer', new: 'Call back on Friday' },
        { field: 'userId', old: w.org.users.managerA.id, new: w.org.users.managerB.id },
      ]);
      const byManager = await w.as.managerB.request('PATCH', `/api/activities/${call1.body.id}`, {
        version: 2,
        userId: w.org.users.managerA.id,
      });
      expect(byManager.status).toBe(422);
      expect(paths(byManager.body)).toEqual(['body.userId']);
    });
  });

  describe('DELETE /api/activities/:id', () => {
    it('answers 401 without a session and 403 for the analyst', async () => {
      const note = await logNote(w.as.managerA);
      expect((await call(ctx(), 'DELETE', `/api/activities/${note.id}`)).status).toBe(401);
      expect((await w.as.analyst.request('DELETE', `/api/activities/${note.id}`)).status).toBe(403);
    });
    it("answers 404 for an unknown id, another organisation's or a colleague's activity", async () => {
      const noteB = await logNote(w.as.managerB);
      const rivalNote = await logNote(w.rivalAdmin);
      expect((await w.as.admin.request('DELETE', `/api/activities/${randomUUID()}`)).status).toBe(404);
      expect((await w.as.admin.request('DELETE', `/api/activities/${rivalNote.id}`)).status).toBe(404);
      expect((await w.as.managerA.request('DELETE', `/api/activities/${noteB.id}`)).status).toBe(404);
      expect((await w.as.managerB.request('GET', `/api/activities/${noteB.id}`)).status).toBe(200);
    });
    it('keeps calls, e-mails and held meetings as history (409)', async () => {
      const bodies = [
        { kind: 'call', direction: 'outbound' },
        { kind: 'call', direction: 'inbound', status: 'missed' },
        { kind: 'email', direction: 'inbound' },
        { kind: 'meeting', status: 'done' },
        { kind: 'call', direction: 'outbound', status: 'planned' },
      ];
      for (const body of bodies) {
        const made = await w.as.managerA.request('POST', '/api/activities', body);
        expect(made.status, JSON.stringify(made.body)).toBe(201);
        const res = await w.as.managerA.request('DELETE', `/api/activities/${made.body.id}`);
        expect(res.status, JSON.stringify(body)).toBe(409);
        expect((await w.as.managerA.request('GET', `/api/activities/${made.body.id}`)).status).toBe(200);
      }
    });
    it('deletes a note and a planned meeting, audited', async () => {
      const note = await logNote(w.as.managerA, { body: 'To be deleted' });
      const meeting = await w.as.managerA.request('POST', '/api/activities', { kind: 'meeting', subject: 'Maybe' });
      for (const id of [note.id, meeting.body.id]) {
        const res = await w.as.head.request('DELETE', `/api/activities/${id}`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ ok: true });
        expect((await w.as.managerA.request('GET', `/api/activities/${id}`)).status).toBe(404);
      }
      const deleted = (await auditOf(note.id)).find((e) => e.action === 'delete');
      expect(deleted.actor.id).toBe(w.org.users.head.id);
      expect(deleted.changes).toEqual(expect.arrayContaining([{ field: 'body', old: 'To be deleted', new: null }]));
    });
  });
});
