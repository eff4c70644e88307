import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { withOrg } from '../../db/tenant.ts';
import { call } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import {
  at,
  createWorld,
  HOUR_MS,
  insertActivity,
  insertDeal,
  insertLead,
  paths,
  type World,
} from './activities.factories.ts';

const MINUTE_MS = 60_000;

describeEachDatabase('my day', (ctx) => {
  // Each test gets a fresh organisation: "My day" is about exact counts.
  let w: World;
  beforeEach(async () => {
    ctx().clock.now = PINNED_NOW;
    w = await createWorld(ctx());
  });

  const myDay = async (as = w.as.managerA, query = '') => {
    const res = await as.request('GET', `/api/my-day${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  /** A task of Anna's on her deal, or (as someone else) a task of theirs with no link. */
  const task = async (title: string, dueAt: Date, as = w.as.managerA) => {
    const link = as === w.as.managerA ? { dealId: w.dealA } : {};
    const res = await as.request('POST', '/api/tasks', { title, dueAt: dueAt.toISOString(), ...link });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };

  it('answers 401 without a session, 400 for a malformed query', async () => {
    expect((await call(ctx(), 'GET', '/api/my-day')).status).toBe(401);
    const res = await w.as.managerA.request('GET', '/api/my-day?userId=anna&day=today');
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(expect.arrayContaining(['query.userId', 'query.day']));
  });

  it("shows someone else's day only within scope (404 otherwise, naming no one)", async () => {
    const { managerA, managerB } = w.org.users;
    for (const [as, userId] of [
      [w.as.managerA, managerB.id],
      [w.as.otherHead, managerA.id],
      [w.as.admin, w.rival.users.managerA.id],
      [w.as.admin, randomUUID()],
    ] as const) {
      const res = await as.request('GET', `/api/my-day?userId=${userId}`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(userId);
    }
    expect((await myDay(w.as.head, `?userId=${managerA.id}`)).user).toEqual({
      id: managerA.id,
      fullName: 'Anna Manager',
      timeZone: 'Europe/Moscow',
    });
    expect((await myDay(w.as.director, `?userId=${managerB.id}`)).user.id).toBe(managerB.id);
    expect((await myDay(w.as.managerA)).user.id).toBe(managerA.id);
  });

  it("splits open tasks into due later today (the user's time zone) and overdue; done ones leave", async () => {
    // 09:00Z is 12:00 in Moscow: the day ends at 21:00Z.
    const overdue = await task('Yesterday’s promise', at(PINNED_NOW, -20 * HOUR_MS));
    const soon = await task('Send the proposal', at(PINNED_NOW, 2 * HOUR_MS));
    const lastMinute = await task('Before midnight', new Date('2026-03-02T20:59:00Z'));
    const tomorrow = await task('Tomorrow', new Date('2026-03-02T21:00:00Z'));
    await task('Boris’s task', at(PINNED_NOW, HOUR_MS), w.as.managerB);
    const day = await myDay();
    expect(day.day).toBe('2026-03-02');
    expect(day.now).toBe(PINNED_NOW.toISOString());
    expect(day.dueToday.map((t: { id: string }) => t.id)).toEqual([soon, lastMinute]);
    expect(day.overdue.map((t: { id: string }) => t.id)).toEqual([overdue]);
    expect(day.overdue[0]).toMatchObject({ isOverdue: true, deal: { id: w.dealA, title: 'Romashka boilers' } });
    expect(day.counts).toMatchObject({ dueToday: 2, overdue: 1 });

    const completed = await w.as.managerA.request('POST', `/api/tasks/${soon}/complete`, { version: 1 });
    expect(completed.status).toBe(200);
    // 00:30 in Moscow: a new day, and everything of yesterday still open is overdue.
    ctx().clock.now = new Date('2026-03-02T21:30:00Z');
    const night = await myDay();
    expect(night.day).toBe('2026-03-03');
    expect(night.dueToday).toEqual([]);
    expect(night.overdue.map((t: { id: string }) => t.id)).toEqual([overdue, lastMinute, tomorrow]);
    expect(night.counts).toMatchObject({ dueToday: 0, overdue: 3 });
  });

  it('uses the time zone of the person whose day it is', async () => {
    const t = ctx();
    await withOrg(t.deps.db, w.org.orgId, (tx) =>
      tx
        .updateTable('users')
        .set({ time_zone: 'Asia/Vladivostok' })
        .where('org_id', '=', w.org.orgId)
        .where('user_id', '=', w.org.users.managerB.id)
        .execute(),
    );
    // 09:00Z is 19:00 in Vladivostok: the day ends at 14:00Z.
    const today = await task('Vladivostok today', new Date('2026-03-02T13:59:00Z'), w.as.managerB);
    await task('Vladivostok tomorrow', new Date('2026-03-02T14:00:00Z'), w.as.managerB);
    const day = await myDay(w.as.head, `?userId=${w.org.users.managerB.id}`);
    expect(day.user.timeZone).toBe('Asia/Vladivostok');
    expect(day.dueToday.map((t: { id: string }) => t.id)).toEqual([today]);
  });

  it('lists missed inbound calls until someone calls or writes back to the contact, company or number', async () => {
    const t = ctx();
    const { managerA, managerB } = w.org.users;
    const missed = (minutesAgo: number, links: Record<string, string>) =>
      insertActivity(t, w.org, {
        kind: 'call',
        direction: 'inbound',
        status: 'missed',
        userId: managerA.id,
        occurredAt: at(PINNED_NOW, -minutesAgo * MINUTE_MS),
        ...links,
      });
    const outbound = (minutesAgo: number, links: Record<string, string>, status: 'done' | 'planned' = 'done') =>
      insertActivity(t, w.org, {
        kind: 'call',
        direction: 'outbound',
        status,
        userId: managerB.id,
        occurredAt: at(PINNED_NOW, -minutesAgo * MINUTE_MS),
        ...links,
      });
    const byContact = await missed(180, { contactId: w.contactA });
    const byPhone = await missed(120, { phone: '+79161112233' });
    const byCompany = await missed(90, { companyId: w.companyA });
    const unanswered = await missed(60, { phone: '+79169998877' });
    await insertActivity(t, w.org, {
      kind: 'call',
      direction: 'inbound',
      status: 'missed',
      userId: managerB.id,
      occurredAt: at(PINNED_NOW, -MINUTE_MS),
    });
    let day = await myDay();
    expect(day.missedCalls.map((a: { id: string }) => a.id)).toEqual([unanswered, byCompany, byPhone, byContact]);
    expect(day.counts.missedCalls).toBe(4);

    await outbound(150, { contactId: w.contactA }); // by anyone, after the missed call
    await outbound(300, { phone: '+79161112233' }); // before the missed call: does not return it
    await outbound(30, { phone: '+79169998877' }, 'planned'); // only planned: not yet returned
    await insertActivity(t, w.org, {
      kind: 'email',
      direction: 'outbound',
      status: 'done',
      userId: managerA.id,
      occurredAt: at(PINNED_NOW, -10 * MINUTE_MS),
      companyId: w.companyA,
    });
    day = await myDay();
    expect(day.missedCalls.map((a: { id: string }) => a.id)).toEqual([unanswered, byPhone]);
    expect(day.missedCalls[0]).toMatchObject({ phone: '+79169998877', status: 'missed', direction: 'inbound' });
    expect(day.counts.missedCalls).toBe(2);
  });

  it('flags open deals with neither an open task nor a planned activity ahead', async () => {
    const t = ctx();
    const { managerA } = w.org.users;
    const big = await insertDeal(t, w.org, { title: 'Big one', ownerId: managerA.id, amountMinor: 900_000_00 });
    const withTask = await insertDeal(t, w.org, { title: 'With task', ownerId: managerA.id });
    const withMeeting = await insertDeal(t, w.org, { title: 'With meeting', ownerId: managerA.id });
    const staleMeeting = await insertDeal(t, w.org, { title: 'Stale meeting', ownerId: managerA.id, amountMinor: 1 });
    await w.as.managerA.request('POST', '/api/tasks', {
      title: 'Follow up',
      dueAt: at(PINNED_NOW, -HOUR_MS).toISOString(),
      dealId: withTask,
    });
    await w.as.managerA.request('POST', '/api/activities', {
      kind: 'meeting',
      occurredAt: at(PINNED_NOW, 48 * HOUR_MS).toISOString(),
      dealId: withMeeting,
    });
    await w.as.managerA.request('POST', '/api/activities', {
      kind: 'meeting',
      occurredAt: at(PINNED_NOW, -48 * HOUR_MS).toISOString(),
      dealId: staleMeeting,
    });
    const held = await w.as.managerA.request('POST', '/api/activities', {
      kind: 'call',
      direction: 'outbound',
      occurredAt: at(PINNED_NOW, -HOUR_MS).toISOString(),
      dealId: big,
      nextStep: { none: true, reason: 'Budget in April' },
    });
    expect(held.status).toBe(201);
    const day = await myDay();
    // Largest amount first; the lost deal and Boris's deal are not Anna's open work.
    expect(day.dealsWithoutNextStep.map((d: { deal: { id: string } }) => d.deal.id)).toEqual([
      big,
      w.dealA,
      staleMeeting,
    ]);
    expect(day.dealsWithoutNextStep[0]).toEqual({
      deal: { id: big, title: 'Big one' },
      company: null,
      stageName: 'Квалификация',
      amountMinor: 900_000_00,
      currency: 'RUB',
      lastActivityAt: at(PINNED_NOW, -HOUR_MS).toISOString(),
    });
    expect(day.dealsWithoutNextStep[1].company).toEqual({ id: w.companyA, title: 'Romashka LLC' });
    expect(day.counts.dealsWithoutNextStep).toBe(3);
  });

  it('lists handed-off leads untouched beyond the response target, in business time', async () => {
    const t = ctx();
    const { managerA, managerB } = w.org.users;
    const lead = (title: string, arrivedAt: Date, extra: Omit<Parameters<typeof insertLead>[2], 'title'> = {}) =>
      insertLead(t, w.org, { assigneeId: managerA.id, ...extra, title, arrivedAt });
    // Saturday evening: only Monday 09:00–12:00 Moscow counts, three business hours.
    const weekend = await lead('Weekend form', new Date('2026-02-28T15:00:00Z'));
    const twoHours = await lead('Two hours', at(PINNED_NOW, -2 * HOUR_MS));
    await lead('Within target', at(PINNED_NOW, -59 * MINUTE_MS));
    await lead('Already called', at(PINNED_NOW, -3 * HOUR_MS), { firstTouchAt: PINNED_NOW });
    await lead('Still qualifying', at(PINNED_NOW, -3 * HOUR_MS), { status: 'qualified' });
    await lead('Boris’s lead', at(PINNED_NOW, -3 * HOUR_MS), { assigneeId: managerB.id });
    const day = await myDay();
    // leadA (from the world) arrived an hour ago: exactly the target, not beyond it.
    expect(day.leadsWaiting.map((l: { lead: { id: string } }) => l.lead.id)).toEqual([weekend, twoHours]);
    expect(day.leadsWaiting[0]).toMatchObject({
      lead: { id: weekend, title: 'Weekend form' },
      arrivedAt: '2026-02-28T15:00:00.000Z',
      waitingMs: 3 * HOUR_MS,
      targetMs: HOUR_MS,
    });
    expect(day.leadsWaiting[1].waitingMs).toBe(2 * HOUR_MS);
    expect(day.counts.leadsWaiting).toBe(2);

    const touch = await w.as.managerA.request('POST', '/api/activities', {
      kind: 'call',
      direction: 'outbound',
      leadId: twoHours,
      nextStep: { none: true, reason: 'Not interested yet' },
    });
    expect(touch.status).toBe(201);
    expect((await myDay()).leadsWaiting.map((l: { lead: { id: string } }) => l.lead.id)).toEqual([weekend]);
  });
});
