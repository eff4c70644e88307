import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, loginAs, type Session } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { at, createWorld, HOUR_MS, ids, paths, type World } from './activities.factories.ts';

const TOMORROW = at(PINNED_NOW, 24 * HOUR_MS).toISOString();

describeEachDatabase('tasks', (ctx) => {
  let w: World;
  beforeAll(async () => {
    ctx().clock.now = PINNED_NOW;
    w = await createWorld(ctx());
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  async function newTask(as: Session, body: Record<string, unknown> = {}) {
    const res = await as.request('POST', '/api/tasks', { title: 'Call back', dueAt: TOMORROW, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  describe('POST /api/tasks', () => {
    it('answers 401 without a session and 403 for the analyst', async () => {
      expect((await call(ctx(), 'POST', '/api/tasks', { title: 'x', dueAt: TOMORROW })).status).toBe(401);
      expect((await w.as.analyst.request('POST', '/api/tasks', { title: 'x', dueAt: TOMORROW })).status).toBe(403);
    });
    it('rejects malformed input with 400 naming each field', async () => {
      const res = await w.as.managerA.request('POST', '/api/tasks', {
        title: '',
        dueAt: 'tomorrow',
        priority: 'urgent',
        assigneeId: 'me',
        status: 'done',
      });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(
        expect.arrayContaining(['body.title', 'body.dueAt', 'body.priority', 'body.assigneeId', 'body.status']),
      );
      expect(paths((await w.as.managerA.request('POST', '/api/tasks', { title: 'x' })).body)).toEqual(['body.dueAt']);
    });
    it("answers 404 for a linked record unknown, another organisation's or out of scope", async () => {
      for (const [field, id] of [
        ['dealId', randomUUID()],
        ['dealId', w.rivalDeal],
        ['companyId', w.rivalCompany],
        ['dealId', w.dealB],
      ] as const) {
        const res = await w.as.managerA.request('POST', '/api/tasks', { title: 'x', dueAt: TOMORROW, [field]: id });
        expect(res.status).toBe(404);
        expect(paths(res.body)).toEqual([`body.${field}`]);
      }
    });
    it('assigns only within reach (422 on body.assigneeId)', async () => {
      for (const [as, assigneeId] of [
        [w.as.managerA, w.org.users.managerB.id],
        [w.as.head, w.org.users.otherManager.id],
        [w.as.head, w.rival.users.managerA.id],
      ] as const) {
        const res = await as.request('POST', '/api/tasks', { title: 'x', dueAt: TOMORROW, assigneeId });
        expect(res.status).toBe(422);
        expect(paths(res.body)).toEqual(['body.assigneeId']);
      }
    });
    it('creates a task for yourself by default, or for your people, audited', async () => {
      const own = await newTask(w.as.managerA, { dealId: w.dealA, description: 'About the boilers' });
      expect(own).toMatchObject({
        title: 'Call back',
        description: 'About the boilers',
        dueAt: TOMORROW,
        priority: 'normal',
        status: 'open',
        isOverdue: false,
        assignee: { id: w.org.users.managerA.id, fullName: 'Anna Manager' },
        deal: { id: w.dealA, title: 'Romashka boilers' },
        completedAt: null,
        sourceActivityId: null,
        version: 1,
      });
      const forB = await newTask(w.as.head, { assigneeId: w.org.users.managerB.id, priority: 'high' });
      expect(forB.assignee.id).toBe(w.org.users.managerB.id);
      const audit = await w.as.admin.request('GET', `/api/audit?entity=task&entityId=${forB.id}`);
      expect(audit.body.items[0].changes).toEqual(
        expect.arrayContaining([{ field: 'assigneeId', old: null, new: w.org.users.managerB.id }]),
      );
    });
  });

  describe('GET /api/tasks/:id', () => {
    it('answers 401, 400 for a bad id and 404 for unknown or foreign ids', async () => {
      expect((await call(ctx(), 'GET', `/api/tasks/${randomUUID()}`)).status).toBe(401);
      expect(paths((await w.as.managerA.request('GET', '/api/tasks/1')).body)).toEqual(['params.id']);
      expect((await w.as.admin.request('GET', `/api/tasks/${randomUUID()}`)).status).toBe(404);
      const rivalTask = await newTask(w.rivalAdmin);
      expect((await w.as.admin.request('GET', `/api/tasks/${rivalTask.id}`)).status).toBe(404);
    });
    it("hides a colleague's task from a manager, shows it to the head and the director, not the other head", async () => {
      const taskB = await newTask(w.as.managerB);
      expect((await w.as.managerA.request('GET', `/api/tasks/${taskB.id}`)).status).toBe(404);
      expect((await w.as.head.request('GET', `/api/tasks/${taskB.id}`)).status).toBe(200);
      expect((await w.as.director.request('GET', `/api/tasks/${taskB.id}`)).status).toBe(200);
      expect((await w.as.otherHead.request('GET', `/api/tasks/${taskB.id}`)).status).toBe(404);
    });
    it('is overdue once its due time passes undone, by the injected clock', async () => {
      const task = await newTask(w.as.managerA, { dueAt: at(PINNED_NOW, HOUR_MS).toISOString() });
      expect(task.isOverdue).toBe(false);
      ctx().clock.now = at(PINNED_NOW, HOUR_MS);
      expect((await w.as.managerA.request('GET', `/api/tasks/${task.id}`)).body.isOverdue).toBe(false);
      ctx().clock.now = at(PINNED_NOW, HOUR_MS + 1);
      expect((await w.as.managerA.request('GET', `/api/tasks/${task.id}`)).body.isOverdue).toBe(true);
      const done = await w.as.managerA.request('POST', `/api/tasks/${task.id}/complete`, { version: 1 });
      expect(done.body.isOverdue).toBe(false);
    });
  });

  describe('GET /api/tasks', () => {
    it('answers 401 and rejects malformed filters with 400', async () => {
      expect((await call(ctx(), 'GET', '/api/tasks')).status).toBe(401);
      const res = await w.as.managerA.request('GET', '/api/tasks?overdue=yes&status=late&sort=title&dueFrom=monday');
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(
        expect.arrayContaining(['query.overdue', 'query.status', 'query.sort', 'query.dueFrom']),
      );
    });
    it('lists by assignee scope, due soonest first, with filters', async () => {
      const t = ctx();
      const anna = await loginAs(t, w.org.users.managerA.email);
      const base = at(PINNED_NOW, 100 * 24 * HOUR_MS);
      const later = await newTask(anna, { title: 'List later', dueAt: at(base, 2 * HOUR_MS).toISOString() });
      const sooner = await newTask(anna, { title: 'List sooner', dueAt: base.toISOString(), dealId: w.dealA });
      // Created a minute later, so it is the newest by createdAt.
      t.clock.now = at(PINNED_NOW, 60_000);
      const boris = await newTask(w.as.managerB, { title: 'List boris', dueAt: at(base, HOUR_MS).toISOString() });
      const list = async (as: Session, query = '') => {
        const res = await as.request('GET', `/api/tasks?q=List&${query}`);
        expect(res.status).toBe(200);
        return ids(res.body);
      };
      expect(await list(anna)).toEqual([sooner.id, later.id]);
      expect(await list(w.as.head)).toEqual([sooner.id, boris.id, later.id]);
      expect(await list(w.as.head, 'order=desc')).toEqual([later.id, boris.id, sooner.id]);
      expect(await list(w.as.otherHead)).toEqual([]);
      expect(await list(w.as.head, `assigneeId=${w.org.users.managerB.id}`)).toEqual([boris.id]);
      expect(await list(w.as.head, `dealId=${w.dealA}`)).toEqual([sooner.id]);
      expect(
        await list(w.as.head, `dueFrom=${at(base, 1).toISOString()}&dueTo=${at(base, 2 * HOUR_MS).toISOString()}`),
      ).toEqual([boris.id]);
      expect(await list(w.as.head, 'sort=createdAt&order=desc&limit=1')).toEqual([boris.id]);
    });
    it('filters overdue tasks by the injected clock', async () => {
      const due = at(PINNED_NOW, 5 * HOUR_MS);
      const late = await newTask(w.as.managerB, { title: 'Overdue probe late', dueAt: due.toISOString() });
      const fine = await newTask(w.as.managerB, { title: 'Overdue probe fine', dueAt: at(due, HOUR_MS).toISOString() });
      ctx().clock.now = at(due, 1);
      const overdue = ids((await w.as.managerB.request('GET', '/api/tasks?q=Overdue%20probe&overdue=true')).body);
      expect(overdue).toEqual([late.id]);
      const notOverdue = ids((await w.as.managerB.request('GET', '/api/tasks?q=Overdue%20probe&overdue=false')).body);
      expect(notOverdue).toEqual([fine.id]);
    });
    it('filters by status; not-cancelled keeps open and done tasks and leaves out cancelled ones', async () => {
      const as = w.as.managerB;
      const open = await newTask(as, { title: 'Status probe open' });
      const done = await newTask(as, { title: 'Status probe done', dueAt: at(PINNED_NOW, 2 * HOUR_MS).toISOString() });
      const gone = await newTask(as, { title: 'Status probe gone', dueAt: at(PINNED_NOW, 3 * HOUR_MS).toISOString() });
      expect((await as.request('POST', `/api/tasks/${done.id}/complete`, { version: 1 })).status).toBe(200);
      expect((await as.request('POST', `/api/tasks/${gone.id}/cancel`, { version: 1 })).status).toBe(200);
      const list = async (query: string) => ids((await as.request('GET', `/api/tasks?q=Status%20probe&${query}`)).body);
      expect(await list('status=not-cancelled')).toEqual([done.id, open.id]);
      expect(await list('status=cancelled')).toEqual([gone.id]);
      expect(await list('status=done')).toEqual([done.id]);
      expect(await list('')).toEqual([done.id, gone.id, open.id]);
      // Within the caller's scope only: Anna does not see Boris's tasks whatever the status.
      expect(
        ids((await w.as.managerA.request('GET', '/api/tasks?q=Status%20probe&status=not-cancelled')).body),
      ).toEqual([]);
    });
  });

  describe('PATCH /api/tasks/:id', () => {
    it('answers 401, 403 for the analyst, 400 without a version, 404 out of scope', async () => {
      const task = await newTask(w.as.managerB);
      expect((await call(ctx(), 'PATCH', `/api/tasks/${task.id}`, { version: 1 })).status).toBe(401);
      expect((await w.as.analyst.request('PATCH', `/api/tasks/${task.id}`, { version: 1, title: 'x' })).status).toBe(
        403,
      );
      expect(paths((await w.as.managerB.request('PATCH', `/api/tasks/${task.id}`, { title: 'x' })).body)).toEqual([
        'body.version',
      ]);
      expect((await w.as.managerA.request('PATCH', `/api/tasks/${task.id}`, { version: 1, title: 'x' })).status).toBe(
        404,
      );
      expect((await w.as.admin.request('PATCH', `/api/tasks/${randomUUID()}`, { version: 1, title: 'x' })).status).toBe(
        404,
      );
    });
    it('edits with the version read; a stale version is 409 and changes nothing', async () => {
      const task = await newTask(w.as.managerA, { title: 'Before' });
      const res = await w.as.managerA.request('PATCH', `/api/tasks/${task.id}`, {
        version: 1,
        title: 'After',
        priority: 'high',
        dueAt: at(PINNED_NOW, 2 * HOUR_MS).toISOString(),
        companyId: w.companyA,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: 'After', priority: 'high', version: 2, company: { id: w.companyA } });
      const stale = await w.as.head.request('PATCH', `/api/tasks/${task.id}`, { version: 1, title: 'Lost update' });
      expect(stale.status).toBe(409);
      expect(paths(stale.body)).toEqual(['body.version']);
      expect((await w.as.managerA.request('GET', `/api/tasks/${task.id}`)).body.title).toBe('After');
      const audit = await w.as.admin.request('GET', `/api/audit?entity=task&entityId=${task.id}&action=update`);
      expect(audit.body.items[0].changes).toEqual(
        expect.arrayContaining([{ field: 'title', old: 'Before', new: 'After' }]),
      );
    });
    it('reassigns within reach only (422), links only to visible records (404)', async () => {
      const task = await newTask(w.as.managerA);
      const toB = await w.as.managerA.request('PATCH', `/api/tasks/${task.id}`, {
        version: 1,
        assigneeId: w.org.users.managerB.id,
      });
      expect(toB.status).toBe(422);
      expect(paths(toB.body)).toEqual(['body.assigneeId']);
      const link = await w.as.managerA.request('PATCH', `/api/tasks/${task.id}`, { version: 1, dealId: w.dealB });
      expect(link.status).toBe(404);
      const byHead = await w.as.head.request('PATCH', `/api/tasks/${task.id}`, {
        version: 1,
        assigneeId: w.org.users.managerB.id,
      });
      expect(byHead.status).toBe(200);
      expect((await w.as.managerA.request('GET', `/api/tasks/${task.id}`)).status).toBe(404);
    });
    it('does not edit a closed task (409)', async () => {
      const task = await newTask(w.as.managerA);
      await w.as.managerA.request('POST', `/api/tasks/${task.id}/complete`, { version: 1 });
      const res = await w.as.managerA.request('PATCH', `/api/tasks/${task.id}`, { version: 2, title: 'x' });
      expect(res.status).toBe(409);
    });
  });

  describe('POST /api/tasks/:id/complete | reopen | cancel', () => {
    it('answers 401, 403 for the analyst, 400 without a version, 404 out of scope', async () => {
      const task = await newTask(w.as.managerB);
      for (const action of ['complete', 'reopen', 'cancel']) {
        const url = `/api/tasks/${task.id}/${action}`;
        expect((await call(ctx(), 'POST', url, { version: 1 })).status).toBe(401);
        expect((await w.as.analyst.request('POST', url, { version: 1 })).status).toBe(403);
        expect(paths((await w.as.managerB.request('POST', url, {})).body)).toEqual(['body.version']);
        expect((await w.as.managerA.request('POST', url, { version: 1 })).status).toBe(404);
        expect((await w.as.otherHead.request('POST', url, { version: 1 })).status).toBe(404);
      }
      expect((await w.as.managerB.request('GET', `/api/tasks/${task.id}`)).body.status).toBe('open');
    });
    it('completes, reopens and cancels in order; the wrong status or a stale version is 409', async () => {
      const task = await newTask(w.as.managerA);
      const url = (action: string) => `/api/tasks/${task.id}/${action}`;
      expect((await w.as.managerA.request('POST', url('reopen'), { version: 1 })).status).toBe(409);
      ctx().clock.now = at(PINNED_NOW, HOUR_MS);
      const done = await w.as.managerA.request('POST', url('complete'), { version: 1 });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({
        status: 'done',
        completedAt: at(PINNED_NOW, HOUR_MS).toISOString(),
        version: 2,
      });
      expect((await w.as.managerA.request('POST', url('complete'), { version: 2 })).status).toBe(409);
      expect((await w.as.managerA.request('POST', url('cancel'), { version: 2 })).status).toBe(409);
      expect((await w.as.head.request('POST', url('reopen'), { version: 1 })).status).toBe(409);
      ctx().clock.now = at(PINNED_NOW, 2 * HOUR_MS);
      const reopened = await w.as.head.request('POST', url('reopen'), { version: 2 });
      expect(reopened.body).toMatchObject({ status: 'open', completedAt: null, version: 3 });
      ctx().clock.now = at(PINNED_NOW, 3 * HOUR_MS);
      const cancelled = await w.as.managerA.request('POST', url('cancel'), { version: 3 });
      expect(cancelled.body).toMatchObject({ status: 'cancelled', completedAt: null, version: 4 });
      const audit = await w.as.admin.request('GET', `/api/audit?entity=task&entityId=${task.id}&action=update`);
      const statuses = audit.body.items.map(
        (e: { changes: { field: string; new: unknown }[] }) => e.changes.find((c) => c.field === 'status')?.new,
      );
      expect(statuses).toEqual(['cancelled', 'open', 'done']);
    });
  });
});
