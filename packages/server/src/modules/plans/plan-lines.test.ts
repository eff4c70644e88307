import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW, type TestApp } from '../../test/server.ts';
import { createPlan, decompose, insertRep, insertUnit, storedTree } from './plans.factories.ts';

// Deals and margin targets go down the decomposition tree as realistic revenue does. Checked on
// the stored rows: every line's months sum to its year, every parent's month to its children's,
// every root to the plan's target — or all of them are NULL when the plan has no such target.

type Measure = 'deals' | 'margin_minor';

async function expectExactTargets(t: TestApp, org: TestOrg, planId: string, targets: Record<Measure, number | null>) {
  const { lines, months } = await storedTree(t, org, planId);
  expect(lines.length).toBeGreaterThan(0);
  const monthsOf = (lineId: string) => months.filter((m) => m.plan_line_id === lineId);
  for (const measure of ['deals', 'margin_minor'] as const) {
    const target = targets[measure];
    for (const line of lines) {
      const own = monthsOf(line.plan_line_id);
      if (target === null) {
        expect(line[measure], `${line.kind} ${measure}`).toBeNull();
        for (const month of own) expect(month[measure]).toBeNull();
        continue;
      }
      expect(
        own.reduce((sum, m) => sum + (m[measure] ?? Number.NaN), 0),
        `${line.kind} ${measure} year`,
      ).toBe(line[measure]);
      if (line.parent_line_id === null) expect(line[measure], `root ${line.dimension} ${measure}`).toBe(target);
      const children = lines.filter((child) => child.parent_line_id === line.plan_line_id);
      if (children.length === 0) continue;
      expect(
        children.reduce((sum, child) => sum + (child[measure] ?? 0), 0),
        `${line.kind} ${measure}`,
      ).toBe(line[measure]);
      for (const month of own) {
        const sum = children.reduce(
          (total, child) =>
            total + (monthsOf(child.plan_line_id).find((m) => m.month_start === month.month_start)?.[measure] ?? 0),
          0,
        );
        expect(sum, `${line.kind} ${measure} ${month.month_start}`).toBe(month[measure]);
      }
    }
  }
}

describeEachDatabase('plan lines in deals and margin', (ctx) => {
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  describe('three reps weighted 1/1/1, worked by hand', () => {
    let org: TestOrg;
    let director: Session;
    let team: string;
    beforeAll(async () => {
      const t = ctx();
      org = await createTestOrg(t, 'Targets org');
      director = await loginAs(t, org.users.director.email);
      team = await insertUnit(t, org, { name: 'Team T', kind: 'team', parentId: org.units.department });
      for (const fullName of ['Anna Alpha', 'Boris Beta', 'Vera Gamma']) {
        await insertRep(t, org, { fullName, unitId: team, hireDate: '2020-02-03' });
      }
    });

    it('gives 34/33/33 of 100 deals and exact kopecks of 1 000 000,00 ₽ margin', async () => {
      // 12 000 000,00 ₽ flat: each month 100 000 000 kopecks, 33 333 334 to the first rep and
      // 33 333 333 to the others, so the reps' years are 400 000 008 / 399 999 996 / 399 999 996.
      // Deals by those: 33.33 each, the spare deal to the first; margin 33 333 334.0 / 33 333 333.0.
      const plan = await createPlan(director, {
        scopeUnitId: team,
        realistic: { basis: 'manual', amountMinor: 1_200_000_000 },
        dealsTarget: 100,
        marginTargetMinor: 100_000_000,
      });
      expect(plan.metrics).toEqual(['revenue', 'deals', 'margin']);
      expect(plan.months.map((m) => m.deals)).toEqual([9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8]);
      expect(plan.months.every((m) => m.marginMinor !== null)).toBe(true);
      const tree = await decompose(director, plan);
      const reps = tree.lines.filter((line) => line.kind === 'rep');
      expect(reps.map((line) => line.label)).toEqual(['Anna Alpha', 'Boris Beta', 'Vera Gamma']);
      expect(reps.map((line) => line.deals)).toEqual([34, 33, 33]);
      expect(reps.map((line) => line.marginMinor)).toEqual([33_333_334, 33_333_333, 33_333_333]);
      for (const line of tree.lines) {
        expect(line.months.reduce((sum, m) => sum + (m.deals ?? 0), 0)).toBe(line.deals);
        expect(line.months.reduce((sum, m) => sum + (m.marginMinor ?? 0), 0)).toBe(line.marginMinor);
      }
      await expectExactTargets(ctx(), org, plan.id, { deals: 100, margin_minor: 100_000_000 });

      const details = await director.request('GET', `/api/plans/${plan.id}`);
      expect(details.body.months.map((m: { deals: number }) => m.deals)).toEqual(
        tree.lines[0]?.months.map((m) => m.deals),
      );
    });
  });

  describe('a department plan down structure and channels', () => {
    let org: TestOrg;
    let director: Session;
    let rival: Session;
    beforeAll(async () => {
      const t = ctx();
      org = await createTestOrg(t, 'Targets department org');
      const other = await createTestOrg(t, 'Targets rival');
      director = await loginAs(t, org.users.director.email);
      rival = await loginAs(t, other.users.director.email);
    });

    it('sums exactly at every level, and follows target changes and their removal', async () => {
      const plan = await createPlan(director, {
        scopeUnitId: org.units.department,
        realistic: { basis: 'manual', amountMinor: 1_000_001 },
        dealsTarget: 7,
        marginTargetMinor: 333_337,
      });
      const tree = await decompose(director, plan);
      expect(new Set(tree.lines.map((line) => line.dimension)).size).toBeGreaterThan(1);
      await expectExactTargets(ctx(), org, plan.id, { deals: 7, margin_minor: 333_337 });

      // Only the deals target changes: the stored realistic lines stay, deals follow.
      const before = tree.lines.map((line) => line.realisticMinor);
      const changed = await director.request('PATCH', `/api/plans/${plan.id}`, {
        version: tree.plan.version,
        dealsTarget: 13,
      });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      await expectExactTargets(ctx(), org, plan.id, { deals: 13, margin_minor: 333_337 });
      const lines = await director.request('GET', `/api/plans/${plan.id}/lines`);
      expect(lines.body.lines.map((line: { realisticMinor: number }) => line.realisticMinor)).toEqual(before);

      const removed = await director.request('PATCH', `/api/plans/${plan.id}`, {
        version: changed.body.version,
        marginTargetMinor: null,
      });
      expect(removed.status, JSON.stringify(removed.body)).toBe(200);
      expect(removed.body.metrics).toEqual(['revenue', 'deals']);
      expect(removed.body.months.every((m: { marginMinor: number | null }) => m.marginMinor === null)).toBe(true);
      await expectExactTargets(ctx(), org, plan.id, { deals: 13, margin_minor: null });
    });

    it('leaves deals and margin null for a plan without targets, and hides the lines from another organisation', async () => {
      const plan = await createPlan(director, { scopeUnitId: org.units.department });
      const tree = await decompose(director, plan);
      expect(tree.lines.every((line) => line.deals === null && line.marginMinor === null)).toBe(true);
      expect(tree.lines[0]?.months.every((m) => m.deals === null && m.marginMinor === null)).toBe(true);
      await expectExactTargets(ctx(), org, plan.id, { deals: null, margin_minor: null });
      expect((await rival.request('GET', `/api/plans/${plan.id}/lines`)).status).toBe(404);
    });

    it('refuses a negative or fractional deals target with 400 naming the field', async () => {
      const res = await director.request('POST', '/api/plans', {
        name: 'Bad',
        year: 2026,
        scopeUnitId: org.units.department,
        realistic: { basis: 'manual', amountMinor: 100 },
        pessimistic: { kind: 'percent', basisPoints: 9000 },
        optimistic: { kind: 'percent', basisPoints: 11000 },
        dealsTarget: 2.5,
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('dealsTarget');
    });
  });
});
