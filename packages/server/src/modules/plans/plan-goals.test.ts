import { MyGoals, PlanGoalList } from '@pulse/contracts';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withOrg } from '../../db/tenant.ts';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { auditOf, defaultPipeline, expectError, expectInvalid } from '../deals/deals.factories.ts';
import { insertActivities, insertDeal } from './plan-goals.factories.ts';
import { approve, createPlan, decompose, expectRefusal, insertSale } from './plans.factories.ts';

// Hand-worked goals for Anna, March 2026 (21 working days), from Team A's 2026 plan of
// 120 000.00 with flat seasonality: her month plan is 10 000.00.
// Her last 12 months (March 2025 – February 2026): 10 deals opened, 8 won at 1 000.00 each and
// 2 lost; 20 meetings and 100 outbound calls done. So: average deal 1 000.00, win rate 0.8,
// 0.5 opportunities a meeting, 0.2 meetings a call.
//   deals to win      ⌈10 000 / 1 000⌉ = 10
//   opportunities     ⌈10 / 0.8⌉ = 13
//   meetings          ⌈13 / 0.5⌉ = 26 → ⌈26 / 21⌉ = 2 a working day
//   calls             ⌈26 / 0.2⌉ = 130 → ⌈130 / 21⌉ = 7 a working day
// Best month: 7 000.00 (January 2026) × 1.2 = 8 400.00 < 10 000.00 → not achievable.

const TENTH = new Date('2026-03-10T09:00:00.000Z');

describeEachDatabase('plan goals', (ctx) => {
  let org: TestOrg;
  let head: Session;
  let admin: Session;
  let managerA: Session;
  let managerB: Session;
  let rivalDirector: Session;
  let planId: string;
  let draftId: string;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Goals org');
    const rival = await createTestOrg(t, 'Goals rival');
    [head, admin, managerA, managerB, rivalDirector] = await Promise.all([
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.managerB.email),
      loginAs(t, rival.users.director.email),
    ]);
    const anna = org.users.managerA.id;
    const pipeline = await defaultPipeline(head);
    const base = { ownerId: anna, pipelineId: pipeline.id, amountMinor: 100_000, createdAt: '2025-12-01T09:00:00Z' };
    for (let i = 0; i < 8; i += 1) {
      await insertDeal(t, org, { ...base, stageId: pipeline.won, status: 'won', closedAt: '2026-01-15T09:00:00Z' });
    }
    for (let i = 0; i < 2; i += 1) {
      await insertDeal(t, org, { ...base, stageId: pipeline.lost, status: 'lost', closedAt: '2026-01-20T09:00:00Z' });
    }
    // This month: one deal opened and won (not history; it is "my goals" fact).
    await insertDeal(t, org, {
      ...base,
      stageId: pipeline.won,
      status: 'won',
      createdAt: '2026-03-03T09:00:00Z',
      closedAt: '2026-03-05T09:00:00Z',
    });
    await insertActivities(t, org, 20, { userId: anna, kind: 'meeting', at: '2025-11-10T09:00:00Z' });
    await insertActivities(t, org, 100, {
      userId: anna,
      kind: 'call',
      direction: 'outbound',
      at: '2025-11-11T09:00:00Z',
    });
    await insertActivities(t, org, 5, { userId: anna, kind: 'call', direction: 'inbound', at: '2025-11-11T09:00:00Z' });
    await insertActivities(t, org, 4, { userId: anna, kind: 'meeting', status: 'planned', at: '2025-11-12T09:00:00Z' });
    await insertActivities(t, org, 2, { userId: anna, kind: 'meeting', at: '2026-03-04T09:00:00Z' });
    await insertActivities(t, org, 3, {
      userId: anna,
      kind: 'call',
      direction: 'outbound',
      at: '2026-03-06T09:00:00Z',
    });
    await insertSale(t, org, { day: '2025-12-10', amountMinor: 500_000, ownerId: anna });
    await insertSale(t, org, { day: '2026-01-10', amountMinor: 700_000, ownerId: anna });
    await insertSale(t, org, { day: '2026-03-02', amountMinor: 300_000, ownerId: anna });

    const flat = { coefficients: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] };
    const plan = await createPlan(head, {
      name: 'Team A 2026',
      scopeUnitId: org.units.teamA,
      realistic: { basis: 'manual', amountMinor: 12_000_000 },
      seasonality: flat,
    });
    const tree = await decompose(head, plan);
    await approve(head, tree.plan);
    planId = plan.id;
    draftId = (await createPlan(head, { name: 'Team B draft', scopeUnitId: org.units.teamB })).id;
  });
  beforeEach(() => {
    ctx().clock.now = TENTH;
  });

  const generate = (session: Session, id: string, month: string) =>
    session.request('POST', `/api/plans/${id}/goals`, { month });

  describe('POST /api/plans/:id/goals', () => {
    it('answers 401, 400, 404, 403 and 422', async () => {
      expect((await call(ctx(), 'POST', `/api/plans/${planId}/goals`, { month: '2026-03' })).status).toBe(401);
      expectInvalid(await generate(head, planId, '2026-13'), 'body.month');
      expectError(await generate(rivalDirector, planId, '2026-03'), 404);
      expectError(await generate(managerB, planId, '2026-03'), 404);
      expectError(await generate(managerA, planId, '2026-03'), 403);
      expectRefusal(await generate(head, draftId, '2026-03'), 'plan_not_approved');
      expectRefusal(await generate(head, planId, '2027-01'), 'month_outside_period', 'body.month');
    });

    it("issues the hand-worked goals from the rep's own history", async () => {
      const res = await generate(head, planId, '2026-03');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const { items } = PlanGoalList.parse(res.body);
      expect(items.map((goal) => [goal.metric, goal.target])).toEqual([
        ['revenue', 1_000_000],
        ['deals-won', 10],
        ['opportunities-opened', 13],
        ['meetings-per-day', 2],
        ['calls-per-day', 7],
      ]);
      for (const goal of items) {
        expect(goal).toMatchObject({
          user: { id: org.users.managerA.id },
          from: '2026-03-01',
          to: '2026-03-31',
          achievable: false,
          achievabilityLimitMinor: 840_000,
          reason: null,
        });
      }
      expect(items[0]?.funnel).toEqual({
        figures: { averageDeal: 100_000, winRate: 0.8, opportunitiesPerMeeting: 0.5, meetingsPerCall: 0.2 },
        sources: { averageDeal: 'rep', winRate: 'rep', opportunitiesPerMeeting: 'rep', meetingsPerCall: 'rep' },
        repHistoryThin: false,
        workingDays: 21,
      });
    });
  });

  describe('PATCH /api/plan-goals/:id and GET /api/plan-goals', () => {
    it('lets the head adjust a target with a reason (audited), not the rep; generating again keeps it', async () => {
      const { items } = PlanGoalList.parse((await generate(head, planId, '2026-03')).body);
      const deals = items.find((goal) => goal.metric === 'deals-won');
      if (!deals) throw new Error('no deals goal');
      const url = `/api/plan-goals/${deals.id}`;
      // The head over Anna's team may adjust every goal of hers, and is told so; Anna may not.
      expect(items.map((goal) => goal.permissions.adjust)).toEqual(items.map(() => true));
      const hers = PlanGoalList.parse((await managerA.request('GET', `/api/plan-goals?planId=${planId}`)).body);
      expect(hers.items.length).toBeGreaterThan(0);
      expect(hers.items.map((goal) => goal.permissions.adjust)).toEqual(hers.items.map(() => false));
      expectError(await managerA.request('PATCH', url, { target: 5, reason: 'Too many' }), 403);
      expectError(await rivalDirector.request('PATCH', url, { target: 5, reason: 'x' }), 404);
      expectInvalid(await head.request('PATCH', url, { target: -1, reason: 'x' }), 'body.target');
      const res = await head.request('PATCH', url, { target: 12, reason: 'Big tender expected' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ target: 12, generatedTarget: 10, reason: 'Big tender expected' });
      const entries = await auditOf(admin, 'plan_goal', deals.id);
      expect(entries.at(-1)?.changes).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'target', old: 10, new: 12 })]),
      );
      const again = PlanGoalList.parse((await generate(head, planId, '2026-03')).body);
      expect(again.items.find((goal) => goal.metric === 'deals-won')).toMatchObject({
        target: 12,
        generatedTarget: 10,
      });
    });

    it('lists goals within reach: the head and the rep see them, another team’s rep does not', async () => {
      await generate(head, planId, '2026-03');
      const query = `/api/plan-goals?planId=${planId}&month=2026-03`;
      expect(PlanGoalList.parse((await head.request('GET', query)).body).items).toHaveLength(5);
      expect(PlanGoalList.parse((await managerA.request('GET', query)).body).items).toHaveLength(5);
      expect(PlanGoalList.parse((await managerB.request('GET', query)).body).items).toHaveLength(0);
      expect(PlanGoalList.parse((await rivalDirector.request('GET', query)).body).items).toHaveLength(0);
      expectInvalid(await head.request('GET', '/api/plan-goals?month=March'), 'query.month');
    });
  });

  describe('GET /api/my-goals', () => {
    it("gives the rep this month's goals with the fact so far", async () => {
      await generate(head, planId, '2026-03');
      expect((await call(ctx(), 'GET', '/api/my-goals')).status).toBe(401);
      const res = await managerA.request('GET', '/api/my-goals');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const mine = MyGoals.parse(res.body);
      expect(mine).toMatchObject({ month: '2026-03', asOf: '2026-03-10', elapsedWorkingDays: 6, workingDays: 21 });
      expect(mine.items.map((goal) => [goal.metric, goal.factSoFar])).toEqual([
        ['revenue', 300_000],
        ['deals-won', 1],
        ['opportunities-opened', 1],
        ['meetings-per-day', 2],
        ['calls-per-day', 3],
      ]);
      expect(MyGoals.parse((await managerB.request('GET', '/api/my-goals')).body).items).toEqual([]);
    });
  });

  describe('a team without any history', () => {
    it("gives its rep goals from the whole plan's history instead of refusing", async () => {
      // Team B (Boris) has sold nothing and logged nothing; in the department plan its own team
      // cannot give a funnel, so Boris's figures come from everyone in the plan — Anna's history.
      const plan = await createPlan(admin, {
        name: 'Sales Moscow 2026',
        scopeUnitId: org.units.department,
        realistic: { basis: 'manual', amountMinor: 24_000_000 },
        seasonality: { coefficients: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
      });
      await approve(admin, (await decompose(admin, plan)).plan);
      const res = await generate(admin, plan.id, '2026-03');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const boris = PlanGoalList.parse(res.body).items.filter((goal) => goal.user.id === org.users.managerB.id);
      expect(boris.map((goal) => goal.metric)).toEqual([
        'revenue',
        'deals-won',
        'opportunities-opened',
        'meetings-per-day',
        'calls-per-day',
      ]);
      expect(boris[0]?.funnel).toMatchObject({
        figures: { averageDeal: 100_000, winRate: 0.8, opportunitiesPerMeeting: 0.5, meetingsPerCall: 0.2 },
        sources: { averageDeal: 'team', winRate: 'team', opportunitiesPerMeeting: 'team', meetingsPerCall: 'team' },
        repHistoryThin: true,
      });
    });
  });
  describe("the organisation's margin and thin-history threshold", () => {
    // A fresh organisation where Boris has moved into Team A, so Anna's team is Anna and Boris.
    // Team A's 2026 plan of 240 000.00, flat and split equally: 10 000.00 each in March.
    // Anna, March 2025 – February 2026: as above (8 won at 1 000.00, 2 lost, 10 opened,
    // 20 meetings, 100 calls); best month 9 000.00 (January 2026).
    // Boris: 2 won at 4 000.00, none lost, 2 opened, 20 meetings, 300 calls.
    // Team: 10 won for 16 000.00 (average 1 600.00), win rate 10/12, 12 opportunities from 40
    // meetings, 40 meetings from 400 calls.
    // Anna's history is hers at a threshold of 10 closed deals (she has 10):
    //   deals ⌈10 000 / 1 000⌉ = 10, opportunities ⌈10 / 0.8⌉ = 13, meetings ⌈13 / 0.5⌉ = 26 → 2 a day,
    //   calls ⌈26 / 0.2⌉ = 130 → ⌈130 / 21⌉ = 7 a day;
    // and thin at 11, so every figure is the team's:
    //   deals ⌈10 000 / 1 600⌉ = 7, opportunities ⌈7 × 12 / 10⌉ = 9, meetings ⌈9 × 40 / 12⌉ = 30 → 2 a day,
    //   calls ⌈30 × 400 / 40⌉ = 300 → ⌈300 / 21⌉ = 15 a day.
    // Achievability of 10 000.00 against 9 000.00: at 20 % the limit is 10 800.00 (achievable);
    // at 0 % it is 9 000.00 (flagged).
    let own: TestOrg;
    let ownAdmin: Session;
    let ownPlanId: string;
    beforeAll(async () => {
      const t = ctx();
      t.clock.now = PINNED_NOW;
      own = await createTestOrg(t, 'Goals settings org');
      ownAdmin = await loginAs(t, own.users.admin.email);
      const [anna, boris] = [own.users.managerA.id, own.users.managerB.id];
      await withOrg(t.deps.db, own.orgId, (tx) =>
        tx
          .updateTable('users')
          .set({ unit_id: own.units.teamA })
          .where('org_id', '=', own.orgId)
          .where('user_id', '=', boris)
          .execute(),
      );
      const pipeline = await defaultPipeline(ownAdmin);
      const deal = { pipelineId: pipeline.id, createdAt: '2025-12-01T09:00:00Z' };
      const won = { ...deal, stageId: pipeline.won, status: 'won', closedAt: '2026-01-15T09:00:00Z' };
      for (let i = 0; i < 8; i += 1) await insertDeal(t, own, { ...won, ownerId: anna, amountMinor: 100_000 });
      for (let i = 0; i < 2; i += 1) {
        const lost = { ...deal, stageId: pipeline.lost, status: 'lost', closedAt: '2026-01-20T09:00:00Z' };
        await insertDeal(t, own, { ...lost, ownerId: anna, amountMinor: 100_000 });
      }
      for (let i = 0; i < 2; i += 1) await insertDeal(t, own, { ...won, ownerId: boris, amountMinor: 400_000 });
      const at = '2025-11-10T09:00:00Z';
      await insertActivities(t, own, 20, { userId: anna, kind: 'meeting', at });
      await insertActivities(t, own, 100, { userId: anna, kind: 'call', direction: 'outbound', at });
      await insertActivities(t, own, 20, { userId: boris, kind: 'meeting', at });
      await insertActivities(t, own, 300, { userId: boris, kind: 'call', direction: 'outbound', at });
      await insertSale(t, own, { day: '2026-01-10', amountMinor: 900_000, ownerId: anna });
      const plan = await createPlan(ownAdmin, {
        name: 'Team A 2026',
        scopeUnitId: own.units.teamA,
        realistic: { basis: 'manual', amountMinor: 24_000_000 },
        seasonality: { coefficients: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
      });
      await approve(ownAdmin, (await decompose(ownAdmin, plan, { methods: { structure: 'equal' } })).plan);
      ownPlanId = plan.id;
    });

    const settle = async (settings: Record<string, number>) => {
      const res = await ownAdmin.request('PATCH', '/api/org', settings);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    const annasGoals = async () => {
      const res = await generate(ownAdmin, ownPlanId, '2026-03');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return PlanGoalList.parse(res.body).items.filter((goal) => goal.user.id === own.users.managerA.id);
    };

    it('flags a goal above the best month at a 0 % margin that passes at 20 %', async () => {
      await settle({ achievabilityMarginBp: 2000 });
      const lenient = await annasGoals();
      expect(lenient[0]).toMatchObject({ metric: 'revenue', target: 1_000_000 });
      for (const goal of lenient) expect(goal).toMatchObject({ achievable: true, achievabilityLimitMinor: 1_080_000 });
      await settle({ achievabilityMarginBp: 0 });
      for (const goal of await annasGoals()) {
        expect(goal).toMatchObject({ achievable: false, achievabilityLimitMinor: 900_000 });
      }
    });

    it("switches Anna from her own figures to the team's when the threshold passes her closed deals", async () => {
      await settle({ thinHistoryDeals: 10 });
      const ownFigures = await annasGoals();
      expect(ownFigures.map((goal) => [goal.metric, goal.target])).toEqual([
        ['revenue', 1_000_000],
        ['deals-won', 10],
        ['opportunities-opened', 13],
        ['meetings-per-day', 2],
        ['calls-per-day', 7],
      ]);
      expect(ownFigures[0]?.funnel).toMatchObject({
        sources: { averageDeal: 'rep', winRate: 'rep', opportunitiesPerMeeting: 'rep', meetingsPerCall: 'rep' },
        repHistoryThin: false,
      });
      await settle({ thinHistoryDeals: 11 });
      const teamFigures = await annasGoals();
      expect(teamFigures.map((goal) => [goal.metric, goal.target])).toEqual([
        ['revenue', 1_000_000],
        ['deals-won', 7],
        ['opportunities-opened', 9],
        ['meetings-per-day', 2],
        ['calls-per-day', 15],
      ]);
      expect(teamFigures[0]?.funnel).toMatchObject({
        figures: { averageDeal: 160_000, winRate: 10 / 12, opportunitiesPerMeeting: 0.3, meetingsPerCall: 0.1 },
        sources: { averageDeal: 'team', winRate: 'team', opportunitiesPerMeeting: 'team', meetingsPerCall: 'team' },
        repHistoryThin: true,
      });
    });
  });
});
