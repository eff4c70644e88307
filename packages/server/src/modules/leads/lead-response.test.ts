import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withOrg } from '../../db/tenant.ts';
import { createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { auditOf, ids, inOrg, insertActivity, newLead } from './leads.factories.ts';
import { recordLeadTouch } from './leads.service.ts';

const HOUR = 3_600_000;
/** Moscow is UTC+3 all year: business hours 09:00–18:00 there are 06:00–15:00 UTC. */
const msk = (local: string) => new Date(`${local}+03:00`).toISOString();

describeEachDatabase('leads: response time', (ctx) => {
  let org: TestOrg;
  let admin: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Response org');
    admin = await loginAs(t, org.users.admin.email);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  /** Logs an activity on the lead (as the activities module would) and records it as a touch. */
  async function touch(leadId: string, at: string, kind: 'call' | 'email' | 'meeting' = 'call') {
    await insertActivity(ctx(), org, {
      leadId,
      kind,
      direction: kind === 'meeting' ? null : 'outbound',
      occurredAt: at,
      userId: org.users.managerA.id,
    });
    await withOrg(ctx().deps.db, org.orgId, (tx) => recordLeadTouch(tx, org.orgId, leadId, new Date(at)));
  }
  const get = async (id: string) => (await admin.request('GET', `/api/leads/${id}`)).body;

  describe('recordLeadTouch', () => {
    it('measures business time from arrival to the first touch: Friday 17:00 → Monday 10:00 is 2 hours', async () => {
      const lead = await newLead(admin, { arrivedAt: msk('2026-02-27T17:00:00') });
      await touch(lead.id, msk('2026-03-02T10:00:00'));
      const after = await get(lead.id);
      expect(after).toMatchObject({
        firstTouchAt: '2026-03-02T07:00:00.000Z',
        responseMs: 2 * HOUR,
        responseMinutes: 120,
        waitingMs: null,
        overdueResponse: false,
        version: 1,
      });
    });
    it('keeps the earliest touch: a later one changes nothing, an earlier one replaces it', async () => {
      const lead = await newLead(admin, { arrivedAt: msk('2026-03-02T09:00:00') });
      await touch(lead.id, msk('2026-03-02T10:00:00'));
      await touch(lead.id, msk('2026-03-02T11:30:00'), 'email');
      expect((await get(lead.id)).responseMs).toBe(HOUR);
      await touch(lead.id, msk('2026-03-02T09:20:00'), 'meeting');
      expect(await get(lead.id)).toMatchObject({ responseMs: 20 * 60_000, responseMinutes: 20 });
    });
    it('skips a public holiday: Friday 6 March 17:00 → Tuesday 10 March 10:00 is 2 hours', async () => {
      ctx().clock.now = new Date(msk('2026-03-11T12:00:00'));
      const lead = await newLead(admin, { arrivedAt: msk('2026-03-06T17:00:00') });
      await touch(lead.id, msk('2026-03-10T10:00:00'));
      expect((await get(lead.id)).responseMs).toBe(2 * HOUR);
    });
    it('counts a touch before the arrival was recorded as an immediate response', async () => {
      const lead = await newLead(admin, { arrivedAt: msk('2026-03-02T11:00:00') });
      await touch(lead.id, msk('2026-03-02T10:00:00'));
      expect(await get(lead.id)).toMatchObject({ responseMs: 0, firstTouchAt: '2026-03-02T07:00:00.000Z' });
    });
    it('audits the change without bumping the version a form holds', async () => {
      const lead = await newLead(admin, { arrivedAt: msk('2026-03-02T09:00:00') });
      await touch(lead.id, msk('2026-03-02T09:45:00'));
      const entries = await auditOf(admin, 'lead', lead.id);
      const update = entries.find((e) => e.action === 'update');
      expect(update?.changes).toEqual(
        expect.arrayContaining([
          { field: 'firstTouchAt', old: null, new: '2026-03-02T06:45:00.000Z' },
          { field: 'responseMs', old: null, new: 45 * 60_000 },
        ]),
      );
      const edit = await admin.request('PATCH', `/api/leads/${lead.id}`, { notes: 'still v1', version: 1 });
      expect(edit.status).toBe(200);
    });
    it('fails for a lead that does not exist in the organisation, writing nothing', async () => {
      const other = await createTestOrg(ctx(), 'Response other');
      const otherAdmin = await loginAs(ctx(), other.users.admin.email);
      const theirs = await newLead(otherAdmin);
      for (const leadId of [randomUUID(), theirs.id]) {
        await expect(
          withOrg(ctx().deps.db, org.orgId, (tx) => recordLeadTouch(tx, org.orgId, leadId, PINNED_NOW)),
        ).rejects.toMatchObject({ status: 404 });
      }
      expect((await otherAdmin.request('GET', `/api/leads/${theirs.id}`)).body.firstTouchAt).toBeNull();
    });
    it('moves the response time with a corrected arrival', async () => {
      const lead = await newLead(admin, { arrivedAt: msk('2026-03-02T09:00:00') });
      await touch(lead.id, msk('2026-03-02T11:00:00'));
      const res = await admin.request('PATCH', `/api/leads/${lead.id}`, {
        arrivedAt: msk('2026-03-02T10:30:00'),
        version: 1,
      });
      expect(res.body).toMatchObject({ responseMs: 30 * 60_000, responseMinutes: 30 });
    });
  });

  describe('overdue response (target 60 business minutes)', () => {
    const tag = randomUUID().slice(0, 8);
    const byTitle: Record<string, string> = {};
    beforeAll(async () => {
      ctx().clock.now = PINNED_NOW; // Monday 2 March, 12:00 in Moscow
      const arrivals: Record<string, string> = {
        'ninety minutes ago': msk('2026-03-02T10:30:00'),
        'exactly the target ago': msk('2026-03-02T11:00:00'),
        'a millisecond more': '2026-03-02T07:59:59.999Z',
        'half an hour ago': msk('2026-03-02T11:30:00'),
        'Friday evening': msk('2026-02-27T17:30:00'),
        'Sunday night': msk('2026-03-01T23:00:00'),
        'touched late': msk('2026-03-02T09:00:00'),
        'disqualified untouched': msk('2026-03-02T09:00:00'),
      };
      for (const [title, arrivedAt] of Object.entries(arrivals)) {
        byTitle[title] = (await newLead(admin, { title: `${tag} ${title}`, arrivedAt })).id;
      }
      await touch(byTitle['touched late'] as string, msk('2026-03-02T11:50:00'));
      const dq = await admin.request('POST', `/api/leads/${byTitle['disqualified untouched']}/disqualify`, {
        reason: 'Spam',
        version: 1,
      });
      expect(dq.status).toBe(200);
    });
    const overdueTitles = async () => {
      const res = await admin.request('GET', `/api/leads?q=${tag}&waiting=overdue&limit=200`);
      expect(res.status).toBe(200);
      return res.body.items.map((l: { title: string }) => l.title.replace(`${tag} `, '')).sort();
    };

    it('flags untouched open leads that waited longer than the target, in business time', async () => {
      const expected = {
        'ninety minutes ago': [true, 90],
        'exactly the target ago': [false, 60],
        'a millisecond more': [true, null],
        'half an hour ago': [false, 30],
        'Friday evening': [true, 210],
        'Sunday night': [true, 180],
        'touched late': [false, null],
        'disqualified untouched': [false, null],
      } as const;
      for (const [title, [overdue, minutes]] of Object.entries(expected)) {
        const lead = await get(byTitle[title] as string);
        expect(lead.overdueResponse, title).toBe(overdue);
        if (minutes !== null) expect(lead.waitingMs, title).toBe(minutes * 60_000);
      }
      expect((await get(byTitle['a millisecond more'] as string)).waitingMs).toBe(60 * 60_000 + 1);
      expect((await get(byTitle['touched late'] as string)).responseMs).toBe(170 * 60_000);
    });
    it('filters the list to exactly those leads with waiting=overdue, to the millisecond', async () => {
      expect(await overdueTitles()).toEqual([
        'Friday evening',
        'Sunday night',
        'a millisecond more',
        'ninety minutes ago',
      ]);
      const all = await admin.request('GET', `/api/leads?q=${tag}&limit=200`);
      const flagged = all.body.items.filter((l: { overdueResponse: boolean }) => l.overdueResponse);
      expect(flagged).toHaveLength(4);
    });
    it('stops the clock outside business hours: on Saturday the Friday lead has waited 30 minutes', async () => {
      ctx().clock.now = new Date(msk('2026-02-28T12:00:00'));
      const friday = await get(byTitle['Friday evening'] as string);
      expect(friday).toMatchObject({ waitingMs: 30 * 60_000, overdueResponse: false });
      const res = await admin.request('GET', `/api/leads?q=${tag}&waiting=overdue`);
      expect(ids(res.body)).not.toContain(byTitle['Friday evening']);
    });
    it("follows the organisation's response target", async () => {
      await inOrg(ctx(), org, (tx) =>
        tx.updateTable('organizations').set({ response_target_minutes: 120 }).where('org_id', '=', org.orgId).execute(),
      );
      try {
        expect(await overdueTitles()).toEqual(['Friday evening', 'Sunday night']);
        expect((await get(byTitle['ninety minutes ago'] as string)).responseTargetMinutes).toBe(120);
      } finally {
        await inOrg(ctx(), org, (tx) =>
          tx
            .updateTable('organizations')
            .set({ response_target_minutes: 60 })
            .where('org_id', '=', org.orgId)
            .execute(),
        );
      }
    });
  });
});
