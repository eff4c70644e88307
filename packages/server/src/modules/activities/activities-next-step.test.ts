import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { at, createWorld, HOUR_MS, insertLead, leadTouch, paths, type World } from './activities.factories.ts';

const TOMORROW = at(PINNED_NOW, 24 * HOUR_MS).toISOString();

describeEachDatabase('activities: next step and lead touch', (ctx) => {
  let w: World;
  beforeAll(async () => {
    ctx().clock.now = PINNED_NOW;
    w = await createWorld(ctx());
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  const dealActivities = async (dealId: string) =>
    (await w.as.head.request('GET', `/api/activities?dealId=${dealId}&limit=200`)).body.items;
  const dealTasks = async (dealId: string) =>
    (await w.as.head.request('GET', `/api/tasks?dealId=${dealId}&limit=200`)).body.items;

  describe('completing a call or meeting', () => {
    it('asks for the next step on an open deal (422 on body.nextStep) and writes nothing', async () => {
      const before = (await dealActivities(w.dealA)).length;
      for (const body of [
        { kind: 'call', direction: 'outbound', dealId: w.dealA },
        { kind: 'call', direction: 'inbound', dealId: w.dealA },
        { kind: 'meeting', status: 'done', dealId: w.dealA },
      ]) {
        const res = await w.as.managerA.request('POST', '/api/activities', body);
        expect(res.status, JSON.stringify(body)).toBe(422);
        expect(paths(res.body)).toEqual(['body.nextStep']);
      }
      expect(await dealActivities(w.dealA)).toHaveLength(before);
    });
    it('creates the next-step task linked to the same records, assigned to the performer', async () => {
      const res = await w.as.head.request('POST', '/api/activities', {
        kind: 'call',
        direction: 'outbound',
        userId: w.org.users.managerA.id,
        dealId: w.dealA,
        companyId: w.companyA,
        contactId: w.contactA,
        nextStep: { title: 'Send the commercial proposal', dueAt: TOMORROW, priority: 'high' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.nextStepTaskId).toEqual(expect.any(String));
      const task = await w.as.managerA.request('GET', `/api/tasks/${res.body.nextStepTaskId}`);
      expect(task.status).toBe(200);
      expect(task.body).toMatchObject({
        title: 'Send the commercial proposal',
        dueAt: TOMORROW,
        priority: 'high',
        status: 'open',
        assignee: { id: w.org.users.managerA.id },
        createdById: w.org.users.head.id,
        deal: { id: w.dealA },
        company: { id: w.companyA },
        contact: { id: w.contactA },
        lead: null,
        sourceActivityId: res.body.id,
      });
      const audit = await w.as.admin.request('GET', `/api/audit?entity=task&entityId=${task.body.id}`);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    });
    it('accepts an explicit "no next step" with its reason', async () => {
      const res = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'meeting',
        status: 'done',
        dealId: w.dealA,
        nextStep: { none: true, reason: 'Client decides after the holidays' },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ nextStepTaskId: null, noNextStepReason: 'Client decides after the holidays' });
    });
    it('does not ask on a closed deal, a missed call, an e-mail or a note', async () => {
      for (const body of [
        { kind: 'call', direction: 'outbound', dealId: w.lostDealA },
        { kind: 'call', direction: 'inbound', status: 'missed', dealId: w.dealA },
        { kind: 'email', direction: 'outbound', dealId: w.dealA },
        { kind: 'note', body: 'Thinking', dealId: w.dealA },
        { kind: 'meeting', dealId: w.dealA },
      ]) {
        const res = await w.as.managerA.request('POST', '/api/activities', body);
        expect(res.status, JSON.stringify(body)).toBe(201);
      }
    });
    it('asks on an open lead but not on a converted one', async () => {
      const t = ctx();
      const open = await insertLead(t, w.org, { title: 'Open lead', assigneeId: w.org.users.managerA.id });
      const converted = await insertLead(t, w.org, {
        title: 'Converted lead',
        status: 'converted',
        assigneeId: w.org.users.managerA.id,
      });
      const onOpen = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'meeting',
        status: 'done',
        leadId: open,
      });
      expect(onOpen.status).toBe(422);
      const onConverted = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'meeting',
        status: 'done',
        leadId: converted,
      });
      expect(onConverted.status).toBe(201);
    });
    it('refuses a malformed next step with 400, and one on a planned meeting or a note with 422/400', async () => {
      for (const nextStep of [{ title: 'Call back' }, { none: true }, { none: false, reason: 'x' }, 'tomorrow']) {
        const res = await w.as.managerA.request('POST', '/api/activities', {
          kind: 'call',
          direction: 'outbound',
          dealId: w.dealA,
          nextStep,
        });
        expect(res.status, JSON.stringify(nextStep)).toBe(400);
        expect(paths(res.body).every((p) => p.startsWith('body.nextStep'))).toBe(true);
      }
      const planned = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'meeting',
        dealId: w.dealA,
        nextStep: { title: 'x', dueAt: TOMORROW },
      });
      expect(planned.status).toBe(422);
      expect(paths(planned.body)).toEqual(['body.nextStep']);
      const note = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'note',
        body: 'x',
        nextStep: { none: true, reason: 'x' },
      });
      expect(note.status).toBe(400);
      expect(paths(note.body)).toEqual(['body.nextStep']);
    });
    it('refuses a next step due in the past or given to someone out of reach (422), writing nothing', async () => {
      const before = (await dealTasks(w.dealA)).length;
      const past = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'call',
        direction: 'outbound',
        dealId: w.dealA,
        nextStep: { title: 'Too late', dueAt: at(PINNED_NOW, -HOUR_MS).toISOString() },
      });
      expect(past.status).toBe(422);
      expect(paths(past.body)).toEqual(['body.nextStep.dueAt']);
      const colleague = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'call',
        direction: 'outbound',
        subject: 'Should not exist',
        dealId: w.dealA,
        nextStep: { title: 'For Boris', dueAt: TOMORROW, assigneeId: w.org.users.managerB.id },
      });
      expect(colleague.status).toBe(422);
      expect(paths(colleague.body)).toEqual(['body.nextStep.assigneeId']);
      expect(await dealTasks(w.dealA)).toHaveLength(before);
      const listed = await w.as.managerA.request('GET', '/api/activities?q=Should%20not%20exist');
      expect(listed.body.items).toEqual([]);
    });
  });

  describe('completing a planned meeting (PATCH)', () => {
    it('asks for the next step, then creates it; a stale second completion is 409 and adds no task', async () => {
      const meeting = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'meeting',
        subject: 'Presentation',
        occurredAt: at(PINNED_NOW, -HOUR_MS).toISOString(),
        dealId: w.dealA,
      });
      const url = `/api/activities/${meeting.body.id}`;
      const without = await w.as.managerA.request('PATCH', url, { version: 1, status: 'done' });
      expect(without.status).toBe(422);
      expect(paths(without.body)).toEqual(['body.nextStep']);
      const done = await w.as.managerA.request('PATCH', url, {
        version: 1,
        status: 'done',
        result: 'Liked the demo',
        nextStep: { title: 'Agree the contract', dueAt: TOMORROW },
      });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body).toMatchObject({ status: 'done', version: 2, result: 'Liked the demo' });
      const task = await w.as.managerA.request('GET', `/api/tasks/${done.body.nextStepTaskId}`);
      expect(task.body).toMatchObject({ title: 'Agree the contract', sourceActivityId: meeting.body.id });
      const again = await w.as.head.request('PATCH', url, {
        version: 1,
        status: 'done',
        nextStep: { title: 'Duplicate', dueAt: TOMORROW },
      });
      expect(again.status).toBe(409);
      const titles = (await dealTasks(w.dealA)).map((t: { title: string }) => t.title);
      expect(titles).not.toContain('Duplicate');
    });
    it('refuses a next step on an edit that completes nothing (422)', async () => {
      const meeting = await w.as.managerA.request('POST', '/api/activities', { kind: 'meeting', dealId: w.dealA });
      const res = await w.as.managerA.request('PATCH', `/api/activities/${meeting.body.id}`, {
        version: 1,
        subject: 'Renamed',
        nextStep: { none: true, reason: 'x' },
      });
      expect(res.status).toBe(422);
      expect(paths(res.body)).toEqual(['body.nextStep']);
    });
    it('cancels a planned meeting without a next step', async () => {
      const meeting = await w.as.managerA.request('POST', '/api/activities', { kind: 'meeting', dealId: w.dealA });
      const res = await w.as.managerA.request('PATCH', `/api/activities/${meeting.body.id}`, {
        version: 1,
        status: 'cancelled',
      });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('cancelled');
    });
  });

  describe('touching a lead', () => {
    it('records the first outbound call as the lead’s first touch, with its business response time', async () => {
      const t = ctx();
      // Arrived Monday 10:00 Moscow (07:00Z); called at 12:00 Moscow: two business hours.
      const lead = await insertLead(t, w.org, {
        title: 'Touch me',
        assigneeId: w.org.users.managerA.id,
        arrivedAt: at(PINNED_NOW, -2 * HOUR_MS),
      });
      const inbound = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'call',
        direction: 'inbound',
        status: 'missed',
        occurredAt: at(PINNED_NOW, -HOUR_MS).toISOString(),
        leadId: lead,
      });
      expect(inbound.status).toBe(201);
      expect((await leadTouch(t, w.org, lead)).first_touch_at).toBeNull();
      const outbound = await w.as.managerA.request('POST', '/api/activities', {
        kind: 'call',
        direction: 'outbound',
        leadId: lead,
        nextStep: { title: 'Send the price list', dueAt: TOMORROW },
      });
      expect(outbound.status).toBe(201);
      const touched = await leadTouch(t, w.org, lead);
      expect(touched.first_touch_at?.toISOString()).toBe(PINNED_NOW.toISOString());
      expect(touched.response_ms).toBe(2 * HOUR_MS);
    });
    it('counts an outbound e-mail and a held meeting, not a planned one until it is done', async () => {
      const t = ctx();
      const byEmail = await insertLead(t, w.org, { title: 'By e-mail', assigneeId: w.org.users.managerA.id });
      ctx().clock.now = at(PINNED_NOW, HOUR_MS);
      await w.as.managerA.request('POST', '/api/activities', { kind: 'email', direction: 'outbound', leadId: byEmail });
      expect((await leadTouch(t, w.org, byEmail)).first_touch_at?.toISOString()).toBe(
        at(PINNED_NOW, HOUR_MS).toISOString(),
      );
      const byMeeting = await insertLead(t, w.org, { title: 'By meeting', assigneeId: w.org.users.managerA.id });
      const meeting = await w.as.managerA.request('POST', '/api/activities', { kind: 'meeting', leadId: byMeeting });
      expect((await leadTouch(t, w.org, byMeeting)).first_touch_at).toBeNull();
      ctx().clock.now = at(PINNED_NOW, 2 * HOUR_MS);
      const done = await w.as.managerA.request('PATCH', `/api/activities/${meeting.body.id}`, {
        version: 1,
        status: 'done',
        occurredAt: at(PINNED_NOW, 90 * 60_000).toISOString(),
        nextStep: { none: true, reason: 'Waiting for the tender' },
      });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect((await leadTouch(t, w.org, byMeeting)).first_touch_at?.toISOString()).toBe(
        at(PINNED_NOW, 90 * 60_000).toISOString(),
      );
    });
  });
});
