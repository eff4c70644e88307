import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { at, createNote, createWorld, HOUR_MS, ids, insertActivity, type World } from './activities.factories.ts';

// Each activity and task the API returns carries what the asking user may do with it, from the
// same policy the writes check; the web shows only those controls. managerA owns the records,
// head is over managerA's team, otherHead runs another department (outside the subtree).

describeEachDatabase('activity and task permissions', (ctx) => {
  let w: World;
  beforeAll(async () => {
    ctx().clock.now = PINNED_NOW;
    w = await createWorld(ctx());
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  const read = async (as: Session, url: string) => {
    const res = await as.request('GET', url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const none = { edit: false, delete: false, complete: false };

  describe('activities', () => {
    it('gives the owner and their head the same rights, the analyst none, and hides it from another department', async () => {
      const note = await createNote(w.as.managerA, { body: 'Permissions: note' });
      const call = await insertActivity(ctx(), w.org, {
        kind: 'call',
        direction: 'outbound',
        status: 'done',
        userId: w.org.users.managerA.id,
        occurredAt: at(PINNED_NOW, -HOUR_MS),
      });
      const meeting = await insertActivity(ctx(), w.org, {
        kind: 'meeting',
        status: 'planned',
        userId: w.org.users.managerA.id,
        occurredAt: at(PINNED_NOW, 2 * HOUR_MS),
      });
      const expected = {
        [note.id]: { edit: true, delete: true, complete: false },
        [call]: { edit: true, delete: false, complete: false },
        [meeting]: { edit: true, delete: true, complete: true },
      };
      for (const as of [w.as.managerA, w.as.head]) {
        for (const [id, permissions] of Object.entries(expected)) {
          expect((await read(as, `/api/activities/${id}`)).permissions).toEqual(permissions);
        }
      }
      for (const [id] of Object.entries(expected)) {
        expect((await read(w.as.analyst, `/api/activities/${id}`)).permissions).toEqual(none);
        expect((await w.as.otherHead.request('GET', `/api/activities/${id}`)).status).toBe(404);
      }
      // The list carries the same flags.
      const page = await read(w.as.head, `/api/activities?userId=${w.org.users.managerA.id}&limit=200`);
      const listed = page.items.find((item: { id: string }) => item.id === meeting);
      expect(listed.permissions).toEqual(expected[meeting]);
      expect(ids(await read(w.as.otherHead, '/api/activities?limit=200'))).not.toContain(meeting);
    });

    it('refuses exactly what the flags refuse', async () => {
      const note = await createNote(w.as.managerA, { body: 'Permissions: to delete' });
      const call = await insertActivity(ctx(), w.org, {
        kind: 'call',
        direction: 'inbound',
        status: 'done',
        userId: w.org.users.managerA.id,
        occurredAt: at(PINNED_NOW, -2 * HOUR_MS),
      });
      // The analyst: nothing allowed, and the writes answer 403.
      expect(
        (await w.as.analyst.request('PATCH', `/api/activities/${note.id}`, { version: 1, body: 'x' })).status,
      ).toBe(403);
      expect((await w.as.analyst.request('DELETE', `/api/activities/${note.id}`)).status).toBe(403);
      // A held call is history: delete is false for its owner too, and the route refuses it.
      expect((await w.as.managerA.request('DELETE', `/api/activities/${call}`)).status).toBe(409);
      // The head may edit and delete the note of their rep.
      const edited = await w.as.head.request('PATCH', `/api/activities/${note.id}`, { version: 1, body: 'Fixed' });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      expect(edited.body.permissions).toEqual({ edit: true, delete: true, complete: false });
      expect((await w.as.head.request('DELETE', `/api/activities/${note.id}`)).status).toBe(200);
    });
  });

  describe('tasks', () => {
    it('follows the task from open to done: edit and complete while open, reopen once done', async () => {
      const created = await w.as.managerA.request('POST', '/api/tasks', {
        title: 'Permissions: send the offer',
        dueAt: at(PINNED_NOW, 24 * HOUR_MS).toISOString(),
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const task = created.body;
      const open = { edit: true, complete: true, reopen: false };
      expect(task.permissions).toEqual(open);
      expect((await read(w.as.head, `/api/tasks/${task.id}`)).permissions).toEqual(open);
      expect((await read(w.as.analyst, `/api/tasks/${task.id}`)).permissions).toEqual({
        edit: false,
        complete: false,
        reopen: false,
      });
      expect((await w.as.otherHead.request('GET', `/api/tasks/${task.id}`)).status).toBe(404);
      expect(ids(await read(w.as.otherHead, '/api/tasks?limit=200'))).not.toContain(task.id);
      expect((await w.as.analyst.request('POST', `/api/tasks/${task.id}/complete`, { version: 1 })).status).toBe(403);

      const done = await w.as.head.request('POST', `/api/tasks/${task.id}/complete`, { version: task.version });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      const closed = { edit: false, complete: false, reopen: true };
      expect(done.body.permissions).toEqual(closed);
      expect((await read(w.as.managerA, `/api/tasks/${task.id}`)).permissions).toEqual(closed);
      // What the flags refuse, the routes refuse; what they allow goes through.
      const version = done.body.version;
      expect((await w.as.managerA.request('PATCH', `/api/tasks/${task.id}`, { version, title: 'x' })).status).toBe(409);
      expect((await w.as.managerA.request('POST', `/api/tasks/${task.id}/complete`, { version })).status).toBe(409);
      const reopened = await w.as.managerA.request('POST', `/api/tasks/${task.id}/reopen`, { version });
      expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
      expect(reopened.body.permissions).toEqual(open);
    });
  });
});
