import { RepCard } from '@pulse/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestOrg, expectBody, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase } from '../../test/server.ts';
import { handedOffLead } from '../leads/leads.factories.ts';

// The response-time KPI end to end: leads arrive through the API, the rep answers them by logging
// an outbound call, the leads module measures the business time, the rollup picks it up and the
// dashboard and the rep card show it. Business hours are 09:00–18:00 in Moscow (UTC+3), on the
// Russian production calendar of 2026.
//
//   lead                                  arrived                    first call                 business time
//   over the weekend                      Fri 27 Feb 17:00           Mon  2 Mar 10:00           1 h Fri + 1 h Mon = 2 h
//   over the 8 March holiday (Mon 9 Mar)  Fri  6 Mar 17:00           Tue 10 Mar 10:00           1 h Fri + 1 h Tue = 2 h
//   after hours                           Tue 10 Mar 20:00           Wed 11 Mar 09:30           0 h Tue + 0.5 h Wed = 0.5 h
//
// Each counts on the day of its first touch: 2 Mar 2 h; 10 Mar 2 h; 11 Mar 0.5 h.
// ISO week 10 (2–8 Mar): 2 h. Week 11 (9–15 Mar): (2 h + 0.5 h) / 2 = 1.25 h.
// March to the 12th: (2 + 2 + 0.5) / 3 = 1.5 h.

const HOUR = 3_600_000;
const msk = (local: string) => new Date(`${local}+03:00`).toISOString();

describeEachDatabase('daily control: response time in business hours', (ctx) => {
  let org: TestOrg;
  let head: Session;
  let anna: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = new Date(msk('2026-02-27T12:00:00'));
    org = await createTestOrg(t, 'Response KPI org');
    [head, anna] = await Promise.all([loginAs(t, org.users.head.email), loginAs(t, org.users.managerA.email)]);
    const answered: [arrived: string, called: string][] = [
      ['2026-02-27T17:00:00', '2026-03-02T10:00:00'],
      ['2026-03-06T17:00:00', '2026-03-10T10:00:00'],
      ['2026-03-10T20:00:00', '2026-03-11T09:30:00'],
    ];
    for (const [arrived, called] of answered) {
      t.clock.now = new Date(msk(arrived));
      const lead = await handedOffLead(head, org.users.managerA.id, { arrivedAt: msk(arrived) });
      t.clock.now = new Date(msk(called));
      const call = await anna.request('POST', '/api/activities', {
        kind: 'call',
        direction: 'outbound',
        status: 'done',
        occurredAt: msk(called),
        leadId: lead.id,
        subject: 'Answering the request',
        nextStep: { none: true, reason: 'Proposal follows by e-mail' },
      });
      expect(call.status, JSON.stringify(call.body)).toBe(201);
    }
    t.clock.now = new Date(msk('2026-03-12T12:00:00'));
  });

  it('gives the rep card the business-time average per week and over the period', async () => {
    const res = await head.request(
      'GET',
      `/api/daily-control/reps/${org.users.managerA.id}/card?from=2026-03-02&to=2026-03-15&grain=week`,
    );
    const card = expectBody(res, 200, RepCard);
    expect(card.kpis.find((kpi) => kpi.kpiId === 'response-time')?.value).toBe(1.5 * HOUR);
    expect(card.series.find((series) => series.kpiId === 'response-time')?.rep).toEqual([2 * HOUR, 1.25 * HOUR]);
  });

  it('counts a response on the day of the first touch, not the day the lead arrived', async () => {
    const res = await head.request(
      'GET',
      `/api/daily-control/reps/${org.users.managerA.id}/card?from=2026-02-23&to=2026-03-01&grain=week`,
    );
    const card = expectBody(res, 200, RepCard);
    expect(card.kpis.find((kpi) => kpi.kpiId === 'response-time')?.value).toBeNull();
  });

  describe("on the head's dashboard", () => {
    it('shows March to date as the mean of the three responses, with the leads behind it', async () => {
      const res = await head.request('GET', '/api/daily-control/dashboard?period=month&date=2026-03-12');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const row = res.body.rows.find((r: { userId: string }) => r.userId === org.users.managerA.id);
      expect(row.kpis['response-time'].value).toBe(1.5 * HOUR);
      const drill = new URLSearchParams(String(row.kpis['response-time'].drillDown).split('?')[1]);
      expect(drill.get('touchedFrom')).toBe('2026-03-01');
      expect(drill.get('touchedTo')).toBe('2026-03-12');
    });
    it('shows the holiday week alone: Tuesday and Wednesday answers average 1.25 hours', async () => {
      const res = await head.request('GET', '/api/daily-control/dashboard?period=week&date=2026-03-12');
      expect(res.status).toBe(200);
      const row = res.body.rows.find((r: { userId: string }) => r.userId === org.users.managerA.id);
      expect(row.kpis['response-time'].value).toBe(1.25 * HOUR);
    });
  });
});
