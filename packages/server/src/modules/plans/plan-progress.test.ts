import { PlanProgress, PlanProgressDaily } from '@pulse/contracts';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { createDeal, defaultPipeline, expectError, expectInvalid } from '../deals/deals.factories.ts';
import { createPlan, decompose, insertSale } from './plans.factories.ts';

// A hand-worked month: Team A plans March 2026 at 21 000.00 (pessimistic 90 %, optimistic 110 %).
// March 2026 in the Russian calendar has 21 working days (9 March is the holiday moved from
// Sunday 8 March), so the realistic day plan is 21 000.00 / 21 = 1 000.00.
// On Tuesday 10 March six working days have passed (2–6 and 10 March):
//   plan to date        6 × 1 000.00 = 6 000.00 (pessimistic 5 400.00, optimistic 6 600.00)
//   fact to date        3 000.00 (2 March, direct) + 1 500.00 (5 March, dealer) = 4 500.00
//   attainment          4 500 / 6 000 = 0.75
//   run rate            4 500.00 / 6 × 21 = 15 750.00 → below the pessimistic 18 900.00
//   pipeline            4 500.00 + 20 000.00 × 90 % (closes 20 March) = 22 500.00 → realistic
// Not counted: a sale on 11 March and one on 27 February, Boris's (Team B) sale and deal, Anna's
// deal expected in April.

const ASOF = '2026-03-10';
const TENTH = new Date('2026-03-10T09:00:00.000Z');

describeEachDatabase('plan progress', (ctx) => {
  let org: TestOrg;
  let head: Session;
  let managerA: Session;
  let managerB: Session;
  let otherHead: Session;
  let analyst: Session;
  let rivalDirector: Session;
  let planId: string;
  let lines: { id: string; kind: string; dimension: string; channel: string | null; parentId: string | null }[];

  const lineOf = (dimension: string, kind: string, channel: string | null = null) => {
    const line = lines.find((l) => l.dimension === dimension && l.kind === kind && l.channel === channel);
    if (!line) throw new Error(`no ${dimension} ${kind} line`);
    return line.id;
  };

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Progress org');
    const rival = await createTestOrg(t, 'Progress rival');
    [head, managerA, managerB, otherHead, analyst, rivalDirector] = await Promise.all([
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.managerB.email),
      loginAs(t, org.users.otherHead.email),
      loginAs(t, org.users.analyst.email),
      loginAs(t, rival.users.director.email),
    ]);
    const plan = await createPlan(head, {
      name: 'Team A, March',
      year: undefined,
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
      scopeUnitId: org.units.teamA,
      realistic: { basis: 'manual', amountMinor: 2_100_000 },
    });
    planId = plan.id;
    lines = (await decompose(head, plan)).lines;
    const anna = org.users.managerA.id;
    const boris = org.users.managerB.id;
    await insertSale(t, org, { day: '2026-02-27', amountMinor: 500_000, ownerId: anna, channel: 'direct' });
    await insertSale(t, org, { day: '2026-03-02', amountMinor: 300_000, ownerId: anna, channel: 'direct' });
    await insertSale(t, org, { day: '2026-03-05', amountMinor: 150_000, ownerId: anna, channel: 'dealer' });
    await insertSale(t, org, { day: '2026-03-11', amountMinor: 999_999, ownerId: anna, channel: 'direct' });
    await insertSale(t, org, { day: '2026-03-03', amountMinor: 777_777, ownerId: boris, channel: 'direct' });
    const pipeline = await defaultPipeline(managerA);
    const deal = { pipelineId: pipeline.id, stageId: pipeline.open[4] };
    await createDeal(managerA, { ...deal, amountMinor: 2_000_000, expectedCloseDate: '2026-03-20', channel: 'direct' });
    await createDeal(managerA, { ...deal, amountMinor: 400_000, expectedCloseDate: '2026-04-05', channel: 'direct' });
    await createDeal(managerB, { ...deal, amountMinor: 800_000, expectedCloseDate: '2026-03-15', channel: 'direct' });
  });
  beforeEach(() => {
    ctx().clock.now = TENTH;
  });

  describe('GET /api/plans/:id/progress', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'GET', `/api/plans/${planId}/progress`)).status).toBe(401);
    });
    it('rejects a malformed day with 400', async () => {
      expectInvalid(await head.request('GET', `/api/plans/${planId}/progress?date=2026-13-01`), 'query.date');
    });
    it("answers 404 for another organisation's plan and for a plan outside the actor's reach", async () => {
      expectError(await rivalDirector.request('GET', `/api/plans/${planId}/progress`), 404);
      expectError(await otherHead.request('GET', `/api/plans/${planId}/progress`), 404);
      expectError(await managerB.request('GET', `/api/plans/${planId}/progress`), 404);
    });

    it('gives the hand-worked figures of the team on 10 March', async () => {
      const res = await head.request('GET', `/api/plans/${planId}/progress?date=${ASOF}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const progress = PlanProgress.parse(res.body);
      expect(progress).toMatchObject({ asOf: ASOF, elapsedWorkingDays: 6, totalWorkingDays: 21, currency: 'RUB' });
      const root = progress.lines.find((l) => l.lineId === lineOf('structure', 'unit'));
      expect(root).toMatchObject({
        period: { pessimisticMinor: 1_890_000, realisticMinor: 2_100_000, optimisticMinor: 2_310_000 },
        planToDate: { pessimisticMinor: 540_000, realisticMinor: 600_000, optimisticMinor: 660_000 },
        factToDateMinor: 450_000,
        salesCount: 2,
        attainment: 0.75,
        runRate: { forecastMinor: 1_575_000, scenario: 'below-pessimistic' },
        pipeline: { forecastMinor: 2_250_000, weightedMinor: 1_800_000, dealsCounted: 1, scenario: 'realistic' },
        drillDown: null,
        deals: null,
      });
      const anna = progress.lines.find((l) => l.lineId === lineOf('structure', 'rep'));
      expect(anna).toMatchObject({ factToDateMinor: 450_000, salesCount: 2, pipeline: { forecastMinor: 2_250_000 } });
      expect(anna?.drillDown?.sales).toBe(`ownerId=${org.users.managerA.id}&from=2026-03-01&to=${ASOF}`);
    });

    it('counts a channel line by the channel of the sale and of the deal', async () => {
      const progress = PlanProgress.parse(
        (await head.request('GET', `/api/plans/${planId}/progress?date=${ASOF}`)).body,
      );
      const direct = progress.lines.find((l) => l.lineId === lineOf('channel', 'channel', 'direct'));
      const dealer = progress.lines.find((l) => l.lineId === lineOf('channel', 'channel', 'dealer'));
      // The four channels share 21 000.00 equally: 5 250.00 each, 250.00 a working day.
      expect(direct).toMatchObject({
        period: { realisticMinor: 525_000 },
        planToDate: { realisticMinor: 150_000 },
        factToDateMinor: 300_000,
        attainment: 2,
        runRate: { forecastMinor: 1_050_000, scenario: 'optimistic' },
        pipeline: { forecastMinor: 2_100_000, dealsCounted: 1, scenario: 'optimistic' },
      });
      expect(dealer).toMatchObject({ factToDateMinor: 150_000, pipeline: { forecastMinor: 150_000, dealsCounted: 0 } });
    });

    it("defaults to today in the organisation's zone", async () => {
      const progress = PlanProgress.parse((await head.request('GET', `/api/plans/${planId}/progress`)).body);
      expect(progress.asOf).toBe(ASOF);
      expect(progress.lines.find((l) => l.parentId === null && l.dimension === 'structure')?.factToDateMinor).toBe(
        450_000,
      );
    });

    it('counts nothing before the period and the whole period after it', async () => {
      const before = PlanProgress.parse(
        (await head.request('GET', `/api/plans/${planId}/progress?date=2026-02-28`)).body,
      );
      expect(before.lines[0]).toMatchObject({
        factToDateMinor: 0,
        planToDate: { realisticMinor: 0 },
        attainment: null,
      });
      expect(before.lines[0]?.runRate).toEqual({ forecastMinor: null, scenario: null });
      const after = PlanProgress.parse(
        (await head.request('GET', `/api/plans/${planId}/progress?date=2026-05-01`)).body,
      );
      expect(after.lines[0]).toMatchObject({ factToDateMinor: 1_449_999, planToDate: { realisticMinor: 2_100_000 } });
    });

    it('shows a rep included in the plan only their own line; an analyst sees it all', async () => {
      const mine = PlanProgress.parse((await managerA.request('GET', `/api/plans/${planId}/progress`)).body);
      expect(mine.lines.map((l) => l.lineId)).toEqual([lineOf('structure', 'rep')]);
      const all = PlanProgress.parse((await analyst.request('GET', `/api/plans/${planId}/progress`)).body);
      expect(all.lines).toHaveLength(lines.length);
    });
  });

  describe('GET /api/plans/:id/progress/daily', () => {
    it('answers 401, 400 and 404', async () => {
      expect((await call(ctx(), 'GET', `/api/plans/${planId}/progress/daily?lineId=${lines[0]?.id}`)).status).toBe(401);
      expectInvalid(await head.request('GET', `/api/plans/${planId}/progress/daily`), 'query.lineId');
      expectError(await head.request('GET', `/api/plans/${planId}/progress/daily?lineId=${planId}`), 404);
      expectError(
        await rivalDirector.request('GET', `/api/plans/${planId}/progress/daily?lineId=${lines[0]?.id}`),
        404,
      );
      // A rep sees only their own line of the plan.
      const root = lineOf('structure', 'unit');
      expectError(await managerA.request('GET', `/api/plans/${planId}/progress/daily?lineId=${root}`), 404);
    });

    it('gives the cumulative plans for every day and the fact up to today', async () => {
      const res = await head.request(
        'GET',
        `/api/plans/${planId}/progress/daily?lineId=${lineOf('structure', 'unit')}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const { days } = PlanProgressDaily.parse(res.body);
      expect(days).toHaveLength(31);
      const at = (day: string) => days.find((d) => d.day === day);
      expect(at('2026-03-01')).toEqual({
        day: '2026-03-01',
        pessimisticMinor: 0,
        realisticMinor: 0,
        optimisticMinor: 0,
        factMinor: 0,
      });
      expect(at('2026-03-02')).toMatchObject({ realisticMinor: 100_000, pessimisticMinor: 90_000, factMinor: 300_000 });
      expect(at('2026-03-09')).toMatchObject({ realisticMinor: 500_000, factMinor: 450_000 });
      expect(at('2026-03-10')).toMatchObject({ realisticMinor: 600_000, optimisticMinor: 660_000, factMinor: 450_000 });
      expect(at('2026-03-11')).toMatchObject({ realisticMinor: 700_000, factMinor: null });
      expect(at('2026-03-31')).toMatchObject({
        pessimisticMinor: 1_890_000,
        realisticMinor: 2_100_000,
        optimisticMinor: 2_310_000,
      });
    });
  });
});

// Deals: Team B plans 21 deals in March, one a working day (21 working days), all carried by its
// one rep, Boris. On 10 March the plan to date is 6; Boris has won two deals (2 March, direct;
// 5 March, dealer), a third on 11 March is after the day, Anna's (Team A) is outside the scope.
describeEachDatabase('plan progress in deals', (ctx) => {
  let org: TestOrg;
  let head: Session;
  let planId: string;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Deals progress org');
    head = await loginAs(t, org.users.director.email);
    const [managerA, managerB] = await Promise.all([
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.managerB.email),
    ]);
    const plan = await createPlan(head, {
      name: 'Team B, March',
      year: undefined,
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
      scopeUnitId: org.units.teamB,
      realistic: { basis: 'manual', amountMinor: 2_100_000 },
      dealsTarget: 21,
    });
    planId = plan.id;
    await decompose(head, plan);
    const pipeline = await defaultPipeline(managerB);
    const won = { pipelineId: pipeline.id, stageId: pipeline.won };
    for (const [session, at, channel] of [
      [managerB, '2026-03-02T09:00:00Z', 'direct'],
      [managerB, '2026-03-05T20:30:00Z', 'dealer'], // 23:30 in Moscow: still 5 March
      [managerB, '2026-03-11T09:00:00Z', 'direct'],
      [managerA, '2026-03-03T09:00:00Z', 'direct'],
    ] as const) {
      t.clock.now = new Date(at);
      await createDeal(session, { ...won, amountMinor: 100_000, channel });
    }
  });

  it('counts the deals won to the day against the deals plan to date, on every line', async () => {
    ctx().clock.now = TENTH;
    const res = await head.request('GET', `/api/plans/${planId}/progress?date=${ASOF}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const progress = PlanProgress.parse(res.body);
    const expected = { period: 21, planToDate: 6, wonToDate: 2, attainment: 2 / 6 };
    const root = progress.lines.find((l) => l.dimension === 'structure' && l.parentId === null);
    const boris = progress.lines.find((l) => l.kind === 'rep');
    expect(boris?.userId).toBe(org.users.managerB.id);
    expect(root?.deals).toEqual(expected);
    expect(boris?.deals).toEqual(expected);
    const channel = (name: string) => progress.lines.find((l) => l.kind === 'channel' && l.channel === name);
    expect([channel('direct')?.deals?.wonToDate, channel('dealer')?.deals?.wonToDate]).toEqual([1, 1]);
    expect(channel('retail')?.deals?.wonToDate).toBe(0);
    // The channels split the 21 deals equally (no history): 6/5/5/5, each due at 6/21 of March
    // by the 10th, whole deals rounded down: 1 each.
    const channels = progress.lines.filter((l) => l.kind === 'channel');
    expect(channels.map((l) => l.deals?.period)).toEqual([6, 5, 5, 5]);
    expect(channels.map((l) => l.deals?.planToDate)).toEqual([1, 1, 1, 1]);
  });
});
