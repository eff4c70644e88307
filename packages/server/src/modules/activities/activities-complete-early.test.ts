import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { at, createWorld, HOUR_MS, paths, type World } from './activities.factories.ts';

describeEachDatabase('activities: completing a planned call or meeting early', (ctx) => {
  let w: World;
  beforeAll(async () => {
    ctx().clock.now = PINNED_NOW;
    w = await createWorld(ctx());
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  /** A call or meeting planned `inMs` from the pinned clock, on managerA's company (no open work to follow up). */
  async function plan(as: Session, kind: 'meeting' | 'call', inMs: number) {
    const res = await as.request('POST', '/api/activities', {
      kind,
      status: 'planned',
      subject: `Planned ${kind}`,
      occurredAt: at(PINNED_NOW, inMs).toISOString(),
      companyId: w.companyA,
      ...(kind === 'call' ? { direction: 'outbound' } : {}),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; version: number; occurredAt: string };
  }
  const complete = (id: string, body: Record<string, unknown>) =>
    w.as.managerA.request('PATCH', `/api/activities/${id}`, { version: 1, ...body });

  describe('PATCH /api/activities/:id without occurredAt', () => {
    it('records a meeting held before its planned time at the time it is completed', async () => {
      const meeting = await plan(w.as.managerA, 'meeting', 24 * HOUR_MS);
      const completedAt = at(PINNED_NOW, 2 * HOUR_MS);
      ctx().clock.now = completedAt;
      const res = await complete(meeting.id, { status: 'done' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ status: 'done', occurredAt: completedAt.toISOString() });
    });
    it('records a call marked missed before its planned time at the time it is marked', async () => {
      const call = await plan(w.as.managerA, 'call', 3 * HOUR_MS);
      const res = await complete(call.id, { status: 'missed' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ status: 'missed', occurredAt: PINNED_NOW.toISOString() });
    });
    it('keeps the planned time of a meeting completed after it, and of a cancelled one', async () => {
      const past = await plan(w.as.managerA, 'meeting', -2 * HOUR_MS);
      const done = await complete(past.id, { status: 'done' });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body.occurredAt).toBe(past.occurredAt);
      const future = await plan(w.as.managerA, 'meeting', 24 * HOUR_MS);
      const cancelled = await complete(future.id, { status: 'cancelled' });
      expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
      expect(cancelled.body.occurredAt).toBe(future.occurredAt);
    });
  });

  describe('PATCH /api/activities/:id with occurredAt', () => {
    it('refuses a completion time in the future with 422 on body.occurredAt, changing nothing', async () => {
      const meeting = await plan(w.as.managerA, 'meeting', 24 * HOUR_MS);
      const res = await complete(meeting.id, { status: 'done', occurredAt: at(PINNED_NOW, HOUR_MS).toISOString() });
      expect(res.status).toBe(422);
      expect(paths(res.body)).toEqual(['body.occurredAt']);
      const after = await w.as.managerA.request('GET', `/api/activities/${meeting.id}`);
      expect(after.body).toMatchObject({ status: 'planned', version: 1, occurredAt: meeting.occurredAt });
    });
    it('takes a completion time in the past as sent', async () => {
      const meeting = await plan(w.as.managerA, 'meeting', 24 * HOUR_MS);
      const heldAt = at(PINNED_NOW, -HOUR_MS).toISOString();
      const res = await complete(meeting.id, { status: 'done', occurredAt: heldAt });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.occurredAt).toBe(heldAt);
    });
  });
});
