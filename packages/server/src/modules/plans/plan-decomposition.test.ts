import { PlanLines } from '@pulse/contracts';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { createProduct } from '../deals/deals.factories.ts';
import {
  createPlan,
  decompose,
  expectExactTree,
  expectRefusal,
  insertRep,
  insertSale,
  insertUnit,
  storedTree,
} from './plans.factories.ts';

const lineOf = <L extends { label: string }>(tree: { lines: L[] }, label: string): L => {
  const line = tree.lines.find((l) => l.label === label);
  if (!line) throw new Error(`no line ${label} in ${tree.lines.map((l) => l.label).join(', ')}`);
  return line;
};
const realisticMonths = (line: { months: { realisticMinor: number }[] }) => line.months.map((m) => m.realisticMinor);

describeEachDatabase('plan decomposition', (ctx) => {
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  describe('a department plan split equally, worked by hand', () => {
    let org: TestOrg;
    let director: Session;
    beforeAll(async () => {
      org = await createTestOrg(ctx(), 'Equal org');
      director = await loginAs(ctx(), org.users.director.email);
    });

    it('splits 10 000.01 over flat months and two teams with no kopeck lost, in all three scenarios', async () => {
      // No sales history, so seasonality is flat. 1 000 001 kopecks / 12 = 83 333 rest 5: the five
      // earliest months get 83 334. Each month splits 1 : 1 between Team A and Team B; an odd
      // month's extra kopeck goes to the first team (Team A).
      const plan = await createPlan(director, {
        scopeUnitId: org.units.department,
        realistic: { basis: 'manual', amountMinor: 1_000_001 },
      });
      expect(plan.seasonality).toMatchObject({ basis: 'flat', flatReason: 'fewer-than-12-months' });
      // 90 % of 1 000 001 is 900 000.9 → 900 001; 110 % is 1 100 001.1 → 1 100 001.
      expect(plan.scenarios).toEqual({
        pessimisticMinor: 900_001,
        realisticMinor: 1_000_001,
        optimisticMinor: 1_100_001,
      });
      const tree = await decompose(director, plan);

      const department = lineOf(tree, 'Sales Moscow');
      expect(realisticMonths(department)).toEqual([...Array(5).fill(83_334), ...Array(7).fill(83_333)]);
      const teamA = lineOf(tree, 'Team A');
      const teamB = lineOf(tree, 'Team B');
      expect(realisticMonths(teamA)).toEqual(Array(12).fill(41_667));
      expect(realisticMonths(teamB)).toEqual([...Array(5).fill(41_667), ...Array(7).fill(41_666)]);
      expect([teamA.realisticMinor, teamB.realisticMinor]).toEqual([500_004, 499_997]);
      // One rep per team carries the team's plan; the head of sales is not in a selling role.
      expect(lineOf(tree, 'Anna Manager').realisticMinor).toBe(500_004);
      expect(lineOf(tree, 'Boris Manager').realisticMinor).toBe(499_997);
      expect(tree.lines.some((l) => l.label === 'Hector Head')).toBe(false);
      // Pessimistic follows the realistic months: 900 001 × 83 334 / 1 000 001 = 75 000.61 for
      // Jan–May, × 83 333 / 1 000 001 = 74 999.71 for Jun–Dec. Of the eight spare kopecks seven go
      // to Jun–Dec (.71) and the last to January, the earliest of the .61 months.
      expect(department.months.map((m) => m.pessimisticMinor)).toEqual([75_001, ...Array(11).fill(75_000)]);
      expect(tree.lines.map((l) => l.differenceMinor)).toEqual(tree.lines.map(() => 0));
      expect(tree.reconciled).toBe(true);
      await expectExactTree(ctx(), org, plan.id);
    });
  });

  describe('new hires ramp and leavers hand their plan to the team, worked by hand', () => {
    let org: TestOrg;
    let director: Session;
    let teamC: string;
    beforeAll(async () => {
      const t = ctx();
      org = await createTestOrg(t, 'Ramp org');
      director = await loginAs(t, org.users.director.email);
      teamC = await insertUnit(t, org, { name: 'Team C', kind: 'team', parentId: org.units.department });
      await insertRep(t, org, { fullName: 'Vera Veteran', unitId: teamC, hireDate: '2020-02-03' });
      await insertRep(t, org, { fullName: 'Nina Newhire', unitId: teamC, hireDate: '2026-04-01' });
      await insertRep(t, org, {
        fullName: 'Lev Leaver',
        unitId: teamC,
        hireDate: '2020-02-03',
        deactivatedAt: new Date('2026-09-30T15:00:00Z'), // 18:00 in Moscow: his last day is 30 September
      });
      // Someone hired after the year, and someone who left before it, carry nothing.
      await insertRep(t, org, { fullName: 'Fred Future', unitId: teamC, hireDate: '2027-01-11' });
      await insertRep(t, org, {
        fullName: 'Gone Before',
        unitId: teamC,
        hireDate: '2020-02-03',
        deactivatedAt: new Date('2025-12-01T09:00:00Z'),
      });
    });

    it('carries 25/50/75 % of a full share in the first three months and nothing after leaving', async () => {
      // 12 000.00 kopecks flat = 100 000 a month, split by capacity in the order Lev, Nina, Vera:
      // Jan–Mar 1 : 0 : 1; Apr 1 : .25 : 1 (44 444.4 / 11 111.1 / 44 444.4, the spare kopeck to Lev);
      // May 1 : .5 : 1; Jun 1 : .75 : 1 (36 363.6 / 27 272.7 / 36 363.6: Nina then Lev get the two
      // spare kopecks); Jul–Sep 1 : 1 : 1 (Lev the spare one); Oct–Dec Lev is gone: 0 : 1 : 1.
      const plan = await createPlan(director, { scopeUnitId: teamC });
      const tree = await decompose(director, plan);
      expect(tree.plan.scope.level).toBe('team');
      const reps = tree.lines.filter((l) => l.kind === 'rep').map((l) => l.label);
      expect(reps).toEqual(['Lev Leaver', 'Nina Newhire', 'Vera Veteran']);
      const lev = lineOf(tree, 'Lev Leaver');
      const nina = lineOf(tree, 'Nina Newhire');
      const vera = lineOf(tree, 'Vera Veteran');
      expect(realisticMonths(lev)).toEqual([
        50_000, 50_000, 50_000, 44_445, 40_000, 36_364, 33_334, 33_334, 33_334, 0, 0, 0,
      ]);
      expect(realisticMonths(nina)).toEqual([
        0, 0, 0, 11_111, 20_000, 27_273, 33_333, 33_333, 33_333, 50_000, 50_000, 50_000,
      ]);
      expect(realisticMonths(vera)).toEqual([
        50_000, 50_000, 50_000, 44_444, 40_000, 36_363, 33_333, 33_333, 33_333, 50_000, 50_000, 50_000,
      ]);
      expect([lev.realisticMinor, nina.realisticMinor, vera.realisticMinor]).toEqual([370_811, 308_383, 520_806]);
      expect(nina).toMatchObject({ hireDay: '2026-04-01', leaveDay: null });
      expect(lev).toMatchObject({ leaveDay: '2026-09-30' });
      // Pessimistic April: 90 000 split 44 445 : 11 111 : 44 444 → 40 000.5 / 9 999.9 / 39 999.6.
      expect([lev, nina, vera].map((l) => l.months[3]?.pessimisticMinor)).toEqual([40_000, 10_000, 40_000]);
      await expectExactTree(ctx(), org, plan.id);
    });
  });

  describe("by last year, when last year's only seller leaves mid-year", () => {
    // The demo's case: a team of two, and the one who sold last year leaves during the plan year.
    const flat = { seasonality: { coefficients: Array(12).fill(1) } };
    let org: TestOrg;
    let director: Session;
    let teamD: string;
    let teamE: string;
    beforeAll(async () => {
      const t = ctx();
      org = await createTestOrg(t, 'Leaver org');
      director = await loginAs(t, org.users.director.email);
      teamD = await insertUnit(t, org, { name: 'Team D', kind: 'team', parentId: org.units.department });
      const sasha = await insertRep(t, org, {
        fullName: 'Sasha Seller',
        unitId: teamD,
        hireDate: '2020-02-03',
        deactivatedAt: new Date('2026-06-15T15:00:00Z'), // 18:00 in Moscow: his last day is 15 June
      });
      await insertRep(t, org, { fullName: 'Pavel Plain', unitId: teamD, hireDate: '2021-05-04' });
      await insertSale(t, org, { day: '2025-05-20', amountMinor: 500_000, ownerId: sasha });
      // Team E: its seller leaves at the end of March and the next rep starts in June, so
      // nobody at all is on the team in April and May.
      teamE = await insertUnit(t, org, { name: 'Team E', kind: 'team', parentId: org.units.department });
      const erik = await insertRep(t, org, {
        fullName: 'Erik Early',
        unitId: teamE,
        hireDate: '2020-02-03',
        deactivatedAt: new Date('2026-03-31T15:00:00Z'),
      });
      await insertRep(t, org, { fullName: 'Lena Late', unitId: teamE, hireDate: '2026-06-01' });
      await insertSale(t, org, { day: '2025-05-20', amountMinor: 300_000, ownerId: erik });
    });

    it('gives the seller the months he is here and the rest to the one who stays, saying which months fell back', async () => {
      // 1 200 000 flat: 100 000 a month. Sasha alone has weight (500 000 of last year), so he
      // carries January–June (June too: he works part of it and is the only weight); from July
      // Pavel alone is on the team, with no weight, so July–December go to him in equal shares.
      const plan = await createPlan(director, {
        ...flat,
        scopeUnitId: teamD,
        realistic: { basis: 'manual', amountMinor: 1_200_000 },
      });
      const tree = await decompose(director, plan, { methods: { structure: 'last-year' } });
      const sasha = lineOf(tree, 'Sasha Seller');
      const pavel = lineOf(tree, 'Pavel Plain');
      expect(realisticMonths(sasha)).toEqual([...Array(6).fill(100_000), ...Array(6).fill(0)]);
      expect(realisticMonths(pavel)).toEqual([...Array(6).fill(0), ...Array(6).fill(100_000)]);
      expect(sasha).toMatchObject({ lastYearMinor: 500_000, leaveDay: '2026-06-15', realisticMinor: 600_000 });
      expect(lineOf(tree, 'Team D').split).toEqual({
        method: 'last-year',
        appliedMethod: 'last-year',
        fallback: null,
        equalWeightMonths: ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'],
      });
      // The note is worked out again when the plan is read, not only in the decomposition's answer.
      const read = await director.request('GET', `/api/plans/${plan.id}/lines`);
      expect(read.status).toBe(200);
      expect(lineOf(PlanLines.parse(read.body), 'Team D').split?.equalWeightMonths).toHaveLength(6);
      await expectExactTree(ctx(), org, plan.id);
    });

    it('refuses with 422 naming the team and the month when nobody at all is on the team', async () => {
      const plan = await createPlan(director, { ...flat, scopeUnitId: teamE });
      const res = await director.request('POST', `/api/plans/${plan.id}/decompose`, {
        version: plan.version,
        methods: { structure: 'last-year' },
      });
      expectRefusal(res, 'no_capacity', `structure.units.${teamE}.months.2026-04`);
      expect(res.body.error.message).toContain('"Team E" in 2026-04');
      // Equal weights do not help either: there is nobody to weigh.
      expectRefusal(
        await director.request('POST', `/api/plans/${plan.id}/decompose`, { version: plan.version }),
        'no_capacity',
      );
    });
  });

  describe('by last year, across directions and channels, edited by hand', () => {
    // This organisation has sales history; its plans are given flat seasonality to keep the numbers round.
    const flat = { seasonality: { coefficients: Array(12).fill(1) } };
    let org: TestOrg;
    let director: Session;
    let admin: Session;
    let cement: string;
    beforeAll(async () => {
      const t = ctx();
      org = await createTestOrg(t, 'History org');
      [director, admin] = await Promise.all([loginAs(t, org.users.director.email), loginAs(t, org.users.admin.email)]);
      const group = await admin.request('POST', '/api/product-groups', { name: 'Cement', isPriority: true });
      expect(group.status).toBe(201);
      cement = group.body.id;
      const product = await createProduct(admin, { name: 'M500', groupId: cement });
      const sale = (day: string, amountMinor: number, ownerId: string, extra: Record<string, string> = {}) =>
        insertSale(t, org, { day, amountMinor, ownerId, ...extra });
      await sale('2025-03-10', 200_000, org.users.managerA.id, { channel: 'direct', productId: product.id });
      await sale('2025-07-10', 100_000, org.users.managerA.id, { channel: 'retail' });
      await sale('2025-11-10', 100_000, org.users.managerB.id, { channel: 'retail' });
      await sale('2024-11-10', 999_999, org.users.managerB.id); // not last year: no weight
    });

    it("weighs units, reps, directions and channels by last year's sales", async () => {
      const plan = await createPlan(director, { ...flat, scopeUnitId: org.units.department });
      const tree = await decompose(director, plan, {
        methods: { structure: 'last-year', directions: 'last-year', channels: 'last-year' },
      });
      // Team A sold 300 000 and Team B 100 000 last year: 3 : 1 of 100 000 a month.
      expect(realisticMonths(lineOf(tree, 'Team A'))).toEqual(Array(12).fill(75_000));
      expect(lineOf(tree, 'Team B')).toMatchObject({ realisticMinor: 300_000, lastYearMinor: 100_000 });
      expect(lineOf(tree, 'Sales Moscow').split).toEqual({
        method: 'last-year',
        appliedMethod: 'last-year',
        fallback: null,
        equalWeightMonths: [],
      });
      // Cement 200 000 of 400 000; the rest is "other".
      expect(lineOf(tree, 'Cement').realisticMinor).toBe(600_000);
      expect(tree.lines.find((l) => l.dimension === 'direction' && l.label === 'other')?.realisticMinor).toBe(600_000);
      // Channels: direct 200 000, retail 200 000, dealer and distributor nothing.
      const channels = tree.lines.filter((l) => l.kind === 'channel').map((l) => [l.channel, l.realisticMinor]);
      expect(channels).toEqual([
        ['direct', 600_000],
        ['dealer', 0],
        ['distributor', 0],
        ['retail', 600_000],
      ]);
      await expectExactTree(ctx(), org, plan.id);
    });

    it('takes hand weights, refuses weights summing to zero and negative ones with 422', async () => {
      const plan = await createPlan(director, { ...flat, scopeUnitId: org.units.department });
      let tree = await decompose(director, plan);
      const department = lineOf(tree, 'Sales Moscow');
      const teamA = lineOf(tree, 'Team A');
      const teamB = lineOf(tree, 'Team B');
      const patch = (lineId: string, body: Record<string, unknown>) =>
        director.request('PATCH', `/api/plans/${plan.id}/lines/${lineId}`, { version: tree.plan.version, ...body });
      for (const [line, weight] of [
        [teamA, 1],
        [teamB, 3],
      ] as const) {
        const res = await patch(line.id, { weight });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        tree = res.body;
      }
      const manual = await patch(department.id, { split: 'manual' });
      expect(manual.status).toBe(200);
      tree = manual.body;
      expect(lineOf(tree, 'Team A').realisticMinor).toBe(300_000);
      expect(lineOf(tree, 'Team B').realisticMinor).toBe(900_000);
      await expectExactTree(ctx(), org, plan.id);

      const zero = await patch(teamA.id, { weight: 0 });
      expect(zero.status).toBe(200);
      tree = zero.body;
      expectRefusal(await patch(teamB.id, { weight: 0 }), 'weights_sum_to_zero');
      expectRefusal(await patch(teamB.id, { weight: -1 }), 'negative_weight', 'body.weight');
      expectRefusal(await patch(lineOf(tree, 'Boris Manager').id, { split: 'equal' }), 'no_parts', 'body.split');
    });

    it('shows bottom-up differences until reconciled, then makes them the plan exactly', async () => {
      const plan = await createPlan(director, { ...flat, scopeUnitId: org.units.department });
      let tree = await decompose(director, plan);
      const anna = lineOf(tree, 'Anna Manager');
      expect(anna.realisticMinor).toBe(600_000);
      const edit = await director.request('PATCH', `/api/plans/${plan.id}/lines/${anna.id}`, {
        version: tree.plan.version,
        bottomUpMinor: 700_001,
      });
      expect(edit.status, JSON.stringify(edit.body)).toBe(200);
      tree = edit.body;
      expect(lineOf(tree, 'Anna Manager')).toMatchObject({ bottomUpMinor: 700_001, differenceMinor: 100_001 });
      expect(lineOf(tree, 'Team A')).toMatchObject({ bottomUpTotalMinor: 700_001, differenceMinor: 100_001 });
      expect(lineOf(tree, 'Sales Moscow')).toMatchObject({ bottomUpTotalMinor: 1_300_001, differenceMinor: 100_001 });
      expect(lineOf(tree, 'Team B').differenceMinor).toBe(0);
      expect(tree.reconciled).toBe(false);
      // Bottom-up figures are for people (and units without people), never for parents or channels.
      const direct = lineOf(tree, 'direct');
      for (const lineId of [lineOf(tree, 'Team A').id, direct.id]) {
        expectRefusal(
          await director.request('PATCH', `/api/plans/${plan.id}/lines/${lineId}`, {
            version: tree.plan.version,
            bottomUpMinor: 1,
          }),
          'unknown_node',
          'body.bottomUpMinor',
        );
      }
      expectRefusal(
        await director.request('PATCH', `/api/plans/${plan.id}/lines/${anna.id}`, {
          version: tree.plan.version,
          bottomUpMinor: -5,
        }),
        'negative_amount',
        'body.bottomUpMinor',
      );

      const reconciled = await director.request('POST', `/api/plans/${plan.id}/reconcile`, {
        version: tree.plan.version,
        accept: 'bottom-up',
      });
      expect(reconciled.status, JSON.stringify(reconciled.body)).toBe(200);
      tree = reconciled.body;
      expect(tree.reconciled).toBe(true);
      expect(lineOf(tree, 'Anna Manager')).toMatchObject({ realisticMinor: 700_001, bottomUpMinor: null });
      expect(lineOf(tree, 'Boris Manager').realisticMinor).toBe(600_000);
      expect(tree.plan.scenarios).toEqual({
        pessimisticMinor: 1_170_001, // 90 % of 1 300 001 = 1 170 000.9
        realisticMinor: 1_300_001,
        optimisticMinor: 1_430_001, // 110 % = 1 430 001.1
      });
      expect(tree.plan.realistic.basis).toBe('manual');
      await expectExactTree(ctx(), org, plan.id);
    });

    it('drops the bottom-up figures when the top-down ones are accepted', async () => {
      const plan = await createPlan(director, { ...flat, scopeUnitId: org.units.department });
      const tree = await decompose(director, plan);
      const anna = lineOf(tree, 'Anna Manager');
      const edit = await director.request('PATCH', `/api/plans/${plan.id}/lines/${anna.id}`, {
        version: tree.plan.version,
        bottomUpMinor: 1,
      });
      const res = await director.request('POST', `/api/plans/${plan.id}/reconcile`, {
        version: edit.body.plan.version,
        accept: 'top-down',
      });
      expect(res.status).toBe(200);
      expect(lineOf(res.body, 'Anna Manager')).toMatchObject({ realisticMinor: 600_000, bottomUpMinor: null });
      expect(res.body.plan.scenarios.realisticMinor).toBe(1_200_000);
    });

    it('takes a person outside the selling roles by hand, and refuses one outside the scope with 422', async () => {
      const plan = await createPlan(director, { ...flat, scopeUnitId: org.units.teamA });
      expectRefusal(
        await director.request('POST', `/api/plans/${plan.id}/decompose`, {
          version: plan.version,
          extraReps: [org.users.managerB.id],
        }),
        'rep_outside_scope',
        'body.extraReps.0',
      );
      const department = await createPlan(director, { ...flat, scopeUnitId: org.units.department });
      const tree = await decompose(director, department, { extraReps: [org.users.head.id] });
      expect(lineOf(tree, 'Hector Head').kind).toBe('rep');
      // A later decomposition keeps him without being told again.
      const again = await decompose(director, tree.plan);
      expect(again.lines.some((l) => l.label === 'Hector Head')).toBe(true);
      expect(lineOf(again, 'Hector Head').id).toBe(lineOf(tree, 'Hector Head').id);
    });

    it('re-spreads the tree at once when the plan total or seasonality changes', async () => {
      const plan = await createPlan(director, { ...flat, scopeUnitId: org.units.department });
      const tree = await decompose(director, plan);
      const res = await director.request('PATCH', `/api/plans/${plan.id}`, {
        version: tree.plan.version,
        realistic: { basis: 'manual', amountMinor: 2_400_000 },
        seasonality: { coefficients: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2] },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      // 2 400 000 × 2 / 14 = 342 857.14 in January and December, 171 428.57 in the others: the
      // six spare kopecks go to the largest fractions, the earliest of the 171 428.57 months.
      expect(res.body.months.map((m: { realisticMinor: number }) => m.realisticMinor)).toEqual([
        342_857, 171_429, 171_429, 171_429, 171_429, 171_429, 171_429, 171_428, 171_428, 171_428, 171_428, 342_857,
      ]);
      const { lines } = await storedTree(ctx(), org, plan.id);
      expect(lines.find((l) => l.parent_line_id === null && l.dimension === 'structure')?.realistic_minor).toBe(
        2_400_000,
      );
      await expectExactTree(ctx(), org, plan.id);
    });
  });
});
