import { RepCard } from '@pulse/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Tx, withOrg } from '../../db/tenant.ts';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { defaultPipeline, expectError, expectInvalid } from '../deals/deals.factories.ts';
import { addActivity, addDeal, addLead, addSale, addTask, loadStages } from '../kpi/kpi-rollup-fixtures.ts';

// Team A of Moscow (UTC+3) over two weeks, 2 – 15 March 2026 (ISO weeks W10 and W11; 9 March is a
// public holiday moved from Sunday 8 March, so the period has 9 working days). Anna is the rep;
// her teammates are Vera and Gleb. Ivan (inactive) and Lena (lead generation) sit in Team A too
// and must not count. Every instant is 09:00Z = 12:00 local, on the day named.
//
//                     Anna                 Vera                  Gleb
// outbound calls      02:3 03:2 10:5 = 10  02:4 09:4 = 8         10:6 = 6          median 7
// talk time (s)       60 each = 600        120 each = 960        100 each = 600    median 780
// meetings            04:1 11:1 = 2        03:3 = 3              12:1 = 1          median 2 (equal)
// leads new           02, 09 = 2           03, 03 (untouched) = 2  11 = 1          median 1.5
// response (ms)       02:600k 09:1.2M      03:1.8M               11:3.6M
//                     avg 900 000          1 800 000             3 600 000         median 2 700 000
// tasks on time       03: 1 of 2 = 50 %    04: 1 of 1 = 100 %    11: 2 of 2 = 100 %  median 100
// won (amount)        05:100k 12:300k      04:200k               11:500k
// lost                06                   05, 10                13
// deals won           2                    1                     1                 median 1
// average deal        200 000              200 000               500 000           median 350 000
// win rate            2/3 = 66.67 %        1/3 = 33.33 %         1/2 = 50 %        median 41.67
// revenue (sales)     05:100k 12:300k=400k 04:200k               11:500k           median 350 000
// lead → won          the 05 deal from a lead of 02: 3 days = 259 200 000 ms; nobody else (no median)
//
// Advantage over the median (turned round for response time, lower is better):
//   deals won +1.0, response time +0.667, win rate +0.6, calls +0.4286, leads new +0.333,
//   revenue +0.143 | tasks on time −0.5, average deal −0.4286, talk time −0.2308; meetings 0.
// Strengths: deals won, response time, win rate. Weaknesses: tasks on time, average deal, talk time.
//
// Funnel (default pipeline, open stages s0…s4): Anna F1 s0 02 → s1 04, F2 s0 03;
// Vera F3 s0 02 → s1 03 → s2 05; Gleb F4 s0 10.
//   s0: Anna 1 of 2 = 50 %, team (F3, F4) 1 of 2 = 50 %; s1: Anna 0 of 1 = 0 %, team 1 of 1 = 100 %;
//   s2: Anna nothing (null), team 0 of 1 = 0 %.

const FROM = '2026-03-02';
const TO = '2026-03-15';
const at = (day: string) => `2026-03-${day}T09:00:00Z`;

describeEachDatabase('daily control: rep card', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let head: Session;
  let director: Session;
  let anna: Session;
  let boris: Session;
  let otherHead: Session;
  let rivalDirector: Session;
  const ids = { anna: '', vera: '', gleb: '', ivan: '', lena: '' };

  const tx = <T>(work: (db: Tx) => Promise<T>) => withOrg(ctx().deps.db, org.orgId, work);
  const cardUrl = (userId: string, query = `from=${FROM}&to=${TO}`) =>
    `/api/daily-control/reps/${userId}/card?${query}`;
  const cardOf = async (session: Session, userId: string, query?: string) => {
    const res = await session.request('GET', cardUrl(userId, query));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return RepCard.parse(res.body);
  };

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Rep card org');
    rival = await createTestOrg(t, 'Rep card rival');
    [head, director, anna, boris, otherHead, rivalDirector] = await Promise.all([
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.director.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.managerB.email),
      loginAs(t, org.users.otherHead.email),
      loginAs(t, rival.users.director.email),
    ]);
    ids.anna = org.users.managerA.id;
    const pipeline = await defaultPipeline(head);
    await tx(async (db) => {
      const person = async (fullName: string, role: string, active: boolean) =>
        (
          await db
            .insertInto('users')
            .values({
              org_id: org.orgId,
              email: `${fullName.toLowerCase()}-${org.orgId}@example.test`,
              full_name: fullName,
              role,
              unit_id: org.units.teamA,
              manager_id: org.users.head.id,
              hire_date: '2025-06-01',
              active,
            })
            .returning('user_id')
            .executeTakeFirstOrThrow()
        ).user_id;
      ids.vera = await person('Vera Manager', 'sales_manager', true);
      ids.gleb = await person('Gleb Manager', 'sales_manager', true);
      ids.ivan = await person('Ivan Gone', 'sales_manager', false);
      ids.lena = await person('Lena Leads', 'lead_generation', true);
      const stages = await loadStages(db, org.orgId);
      const orgId = org.orgId;

      const calls = async (userId: string, day: string, count: number, seconds: number) => {
        for (let i = 0; i < count; i++) {
          await addActivity(db, orgId, { userId, kind: 'call', status: 'done', at: at(day), durationSec: seconds });
        }
      };
      const meetings = async (userId: string, day: string, count: number) => {
        for (let i = 0; i < count; i++)
          await addActivity(db, orgId, { userId, kind: 'meeting', status: 'done', at: at(day) });
      };
      const lead = (userId: string, day: string, responseMs: number | null) =>
        addLead(db, orgId, {
          assigneeId: userId,
          qualifierId: null,
          arrived: at(day),
          firstTouch: responseMs === null ? null : at(day),
          responseMs,
        });
      const won = (userId: string, day: string, amountMinor: number, leadId?: string) =>
        addDeal(db, orgId, stages, {
          ownerId: userId,
          status: 'won',
          closed: at(day),
          amountMinor,
          leadId: leadId ?? null,
        });
      const lost = (userId: string, day: string) =>
        addDeal(db, orgId, stages, { ownerId: userId, status: 'lost', closed: at(day), amountMinor: 1_000 });
      const sale = (userId: string, day: string, amountMinor: number) =>
        addSale(db, orgId, { ownerId: userId, day: `2026-03-${day}`, amountMinor });

      await calls(ids.anna, '02', 3, 60);
      await calls(ids.anna, '03', 2, 60);
      await calls(ids.anna, '10', 5, 60);
      await calls(ids.vera, '02', 4, 120);
      await calls(ids.vera, '09', 4, 120);
      await calls(ids.gleb, '10', 6, 100);
      await calls(ids.ivan, '02', 20, 60);
      await calls(ids.lena, '02', 30, 60);
      await meetings(ids.anna, '04', 1);
      await meetings(ids.anna, '11', 1);
      await meetings(ids.vera, '03', 3);
      await meetings(ids.gleb, '12', 1);

      await lead(ids.anna, '02', 600_000);
      await lead(ids.anna, '09', 1_200_000);
      await lead(ids.vera, '03', 1_800_000);
      await lead(ids.vera, '03', null);
      await lead(ids.gleb, '11', 3_600_000);

      const task = (assigneeId: string, day: string, completedAt: string) =>
        addTask(db, orgId, { assigneeId, due: at(day), status: 'done', completed: completedAt });
      await task(ids.anna, '03', '2026-03-03T08:00:00Z');
      await task(ids.anna, '03', '2026-03-03T10:00:00Z');
      await task(ids.vera, '04', '2026-03-04T08:00:00Z');
      await task(ids.gleb, '11', '2026-03-11T08:00:00Z');
      await task(ids.gleb, '11', '2026-03-11T09:00:00Z');

      // A lead nobody was assigned: counts for no one, but gives Anna's deal its lead → won time.
      const origin = await addLead(db, orgId, { assigneeId: null, qualifierId: null, arrived: at('02') });
      await won(ids.anna, '05', 100_000, origin);
      await won(ids.anna, '12', 300_000);
      await lost(ids.anna, '06');
      await won(ids.vera, '04', 200_000);
      await lost(ids.vera, '05');
      await lost(ids.vera, '10');
      await won(ids.gleb, '11', 500_000);
      await lost(ids.gleb, '13');
      await sale(ids.anna, '05', 100_000);
      await sale(ids.anna, '12', 300_000);
      await sale(ids.vera, '04', 200_000);
      await sale(ids.gleb, '11', 500_000);

      // Open deals with a hand-built stage history, for the funnel.
      const history = async (ownerId: string, moves: [number, string][]) => {
        const last = moves[moves.length - 1] as [number, string];
        const stageOf = (n: number) => pipeline.open[n] as string;
        const { deal_id } = await db
          .insertInto('deals')
          .values({
            org_id: orgId,
            title: 'Funnel deal',
            pipeline_id: pipeline.id,
            stage_id: stageOf(last[0]),
            status: 'open',
            owner_id: ownerId,
            amount_minor: 10_000,
            stage_entered_at: new Date(at(last[1])),
          })
          .returning('deal_id')
          .executeTakeFirstOrThrow();
        let from: string | null = null;
        for (const [n, day] of moves) {
          await db
            .insertInto('deal_stage_changes')
            .values({
              org_id: orgId,
              deal_id,
              from_stage_id: from,
              to_stage_id: stageOf(n),
              changed_at: new Date(at(day)),
            })
            .execute();
          from = stageOf(n);
        }
      };
      await history(ids.anna, [
        [0, '02'],
        [1, '04'],
      ]);
      await history(ids.anna, [[0, '03']]);
      await history(ids.vera, [
        [0, '02'],
        [1, '03'],
        [2, '05'],
      ]);
      await history(ids.gleb, [[0, '10']]);
    });
    // Anna's target: 2 outbound calls a day, amber from 1 → 18 and 9 over the 9 working days.
    const target = await head.request('POST', '/api/kpi/targets', {
      kpiId: 'calls-outbound',
      userId: ids.anna,
      grain: 'day',
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
      target: 2,
      greenAt: 2,
      amberAt: 1,
    });
    expect(target.status, JSON.stringify(target.body)).toBe(201);
  });

  describe('input and reach', () => {
    it('answers 401 without a session, 400 for bad dates or grain, 422 for a period in the wrong order or too long', async () => {
      expect((await call(ctx(), 'GET', cardUrl(ids.anna))).status).toBe(401);
      expectInvalid(await head.request('GET', cardUrl(ids.anna, `from=2026-02-30&to=${TO}`)), 'query.from');
      expectInvalid(await head.request('GET', cardUrl(ids.anna, `from=${FROM}`)), 'query.to');
      expectInvalid(await head.request('GET', cardUrl(ids.anna, `from=${FROM}&to=${TO}&grain=year`)), 'query.grain');
      expectInvalid(await head.request('GET', cardUrl('not-a-uuid')), 'params.userId');
      expectError(await head.request('GET', cardUrl(ids.anna, `from=${TO}&to=${FROM}`)), 422, 'query.to');
      expectError(await head.request('GET', cardUrl(ids.anna, 'from=2026-01-01&to=2027-01-02')), 422, 'query.to');
      // 366 days is allowed.
      await cardOf(head, ids.anna, 'from=2026-01-01&to=2027-01-01&grain=month');
    });

    it('shows the card to the rep, their head and the director; anyone else gets 404', async () => {
      const anna_ = ids.anna;
      await cardOf(anna, anna_);
      await cardOf(head, anna_);
      await cardOf(director, anna_);
      expectError(await boris.request('GET', cardUrl(anna_)), 404);
      expectError(await anna.request('GET', cardUrl(ids.vera)), 404);
      expectError(await otherHead.request('GET', cardUrl(anna_)), 404);
      expectError(await rivalDirector.request('GET', cardUrl(anna_)), 404);
      expectError(await head.request('GET', cardUrl(rival.users.managerA.id)), 404);
      expectError(await head.request('GET', cardUrl('00000000-0000-4000-8000-000000000000')), 404);
    });
  });

  describe('figures', () => {
    it('gives the rep, the teammates and the period totals against the team median', async () => {
      const card = await cardOf(head, ids.anna);
      expect(card.rep).toMatchObject({
        fullName: 'Anna Manager',
        role: 'sales_manager',
        unitName: 'Team A',
        hireDate: '2025-01-15',
      });
      expect(card.team.map((m) => m.fullName)).toEqual(['Gleb Manager', 'Vera Manager']);
      const kpi = (id: string) => card.kpis.find((k) => k.kpiId === id);
      expect(kpi('calls-outbound')).toMatchObject({ value: 10, teamMedian: 7 });
      expect(kpi('talk-time')).toMatchObject({ value: 600, teamMedian: 780 });
      expect(kpi('meetings-held')).toMatchObject({ value: 2, teamMedian: 2, target: null });
      expect(kpi('leads-new')).toMatchObject({ value: 2, teamMedian: 1.5 });
      expect(kpi('response-time')).toMatchObject({ value: 900_000, teamMedian: 2_700_000 });
      expect(kpi('tasks-on-time')).toMatchObject({ value: 50, teamMedian: 100 });
      expect(kpi('deals-won')).toMatchObject({ value: 2, teamMedian: 1 });
      expect(kpi('revenue')).toMatchObject({ value: 400_000, teamMedian: 350_000 });
      expect(kpi('average-deal')).toMatchObject({ value: 200_000, teamMedian: 350_000 });
      expect(kpi('win-rate')?.value).toBeCloseTo(200 / 3, 10);
      expect(kpi('win-rate')?.teamMedian).toBeCloseTo(125 / 3, 10);
      expect(kpi('lead-to-won-time')).toMatchObject({ value: 259_200_000, teamMedian: null });
      expect(kpi('leads-qualified')).toMatchObject({ value: 0, teamMedian: 0 });
      // 2 a day over 9 working days (9 March is a holiday): 18, amber from 9; 10 calls is amber.
      expect(kpi('calls-outbound')?.target).toEqual({ value: 18, greenAt: 18, amberAt: 9, light: 'amber' });
      expect(card.funnel.winRate.value).toBeCloseTo(200 / 3, 10);
      expect(card.funnel.averageDeal).toEqual({ value: 200_000, teamMedian: 350_000 });
      expect(card.funnel.leadToWonTime).toEqual({ value: 259_200_000, teamMedian: null });
    });

    it('picks the strengths and weaknesses where the rep leads or lags the median the most', async () => {
      const card = await cardOf(head, ids.anna);
      expect(card.strengths.map((s) => s.kpiId)).toEqual(['deals-won', 'response-time', 'win-rate']);
      expect(card.strengths[0]?.advantage).toBeCloseTo(1, 10);
      expect(card.strengths[1]?.advantage).toBeCloseTo(2 / 3, 10);
      expect(card.strengths[2]?.advantage).toBeCloseTo(0.6, 10);
      expect(card.weaknesses.map((s) => s.kpiId)).toEqual(['tasks-on-time', 'average-deal', 'talk-time']);
      expect(card.weaknesses[0]?.advantage).toBeCloseTo(-0.5, 10);
      expect(card.weaknesses[1]?.advantage).toBeCloseTo(-150 / 350, 10);
      expect(card.weaknesses[2]?.advantage).toBeCloseTo(-180 / 780, 10);
    });

    it('buckets the series by day and by ISO week with the team median per bucket', async () => {
      const daily = await cardOf(head, ids.anna);
      expect(daily.buckets).toHaveLength(14);
      expect(daily.buckets[0]).toEqual({ key: '2026-03-02', from: '2026-03-02', to: '2026-03-02' });
      const series = (card: RepCard, kpi: string) => card.series.find((s) => s.kpiId === kpi);
      //                                02 03 04 05 06 07 08 09 10 11 12 13 14 15
      expect(series(daily, 'calls-outbound')?.rep).toEqual([3, 2, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0]);
      expect(series(daily, 'calls-outbound')?.teamMedian).toEqual([2, 0, 0, 0, 0, 0, 0, 2, 3, 0, 0, 0, 0, 0]);
      // Response time is absent (null) on days without a first touch, for the rep and the team.
      const n = null;
      expect(series(daily, 'response-time')?.rep).toEqual([600_000, n, n, n, n, n, n, 1_200_000, n, n, n, n, n, n]);
      expect(series(daily, 'response-time')?.teamMedian).toEqual([
        n,
        1_800_000,
        n,
        n,
        n,
        n,
        n,
        n,
        n,
        3_600_000,
        n,
        n,
        n,
        n,
      ]);

      const weekly = await cardOf(head, ids.anna, `from=${FROM}&to=${TO}&grain=week`);
      expect(weekly.buckets).toEqual([
        { key: '2026-W10', from: '2026-03-02', to: '2026-03-08' },
        { key: '2026-W11', from: '2026-03-09', to: '2026-03-15' },
      ]);
      expect(series(weekly, 'calls-outbound')).toMatchObject({ rep: [5, 5], teamMedian: [2, 5] });
      expect(series(weekly, 'response-time')).toMatchObject({
        rep: [600_000, 1_200_000],
        teamMedian: [1_800_000, 3_600_000],
      });
      expect(series(weekly, 'win-rate')).toMatchObject({ rep: [50, 100], teamMedian: [50, 25] });
      expect(series(weekly, 'revenue')).toMatchObject({ rep: [100_000, 300_000], teamMedian: [100_000, 250_000] });
      // A week cut by the period: from a Wednesday, W10 starts on the 4th.
      const cut = await cardOf(head, ids.anna, 'from=2026-03-04&to=2026-03-10&grain=week');
      expect(cut.buckets.map((b) => [b.key, b.from, b.to])).toEqual([
        ['2026-W10', '2026-03-04', '2026-03-08'],
        ['2026-W11', '2026-03-09', '2026-03-10'],
      ]);
      expect(series(cut, 'calls-outbound')?.rep).toEqual([0, 5]);
    });

    it('sets the funnel of the rep beside the pooled team, stage by stage', async () => {
      const card = await cardOf(head, ids.anna);
      const stages = card.funnel.stages.map((s) => [s.position, s.rep, s.team]);
      expect(stages.slice(0, 3)).toEqual([
        [0, { entered: 2, advanced: 1, conversionPercent: 50 }, { entered: 2, advanced: 1, conversionPercent: 50 }],
        [1, { entered: 1, advanced: 0, conversionPercent: 0 }, { entered: 1, advanced: 1, conversionPercent: 100 }],
        [2, { entered: 0, advanced: 0, conversionPercent: null }, { entered: 1, advanced: 0, conversionPercent: 0 }],
      ]);
    });
  });
});
