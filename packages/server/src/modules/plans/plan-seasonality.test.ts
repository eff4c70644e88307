import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { auditOf, expectError, expectInvalid } from '../deals/deals.factories.ts';
import { createPlan, decompose, expectExactTree, expectRefusal, insertSale } from './plans.factories.ts';

const month = (year: number, index: number) => `${year}-${String(index + 1).padStart(2, '0')}`;

describeEachDatabase('plan seasonality', (ctx) => {
  let org: TestOrg;
  let admin: Session;
  let head: Session;
  let managerA: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW; // 2 March 2026: February 2026 is the last full month
    org = await createTestOrg(t, 'Seasonal org');
    [admin, head, managerA] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
    ]);
    // Team A: two full years, 100 000 a month and 200 000 every December.
    for (const year of [2024, 2025]) {
      for (let i = 0; i < 12; i += 1) {
        await insertSale(t, org, {
          day: `${month(year, i)}-15`,
          amountMinor: i === 11 ? 200_000 : 100_000,
          ownerId: org.users.managerA.id,
        });
      }
    }
    // Team B: six months only, with a month in the current (unfinished) month that is not read.
    for (let i = 6; i < 12; i += 1) {
      await insertSale(t, org, { day: `${month(2025, i)}-10`, amountMinor: 50_000, ownerId: org.users.managerB.id });
    }
    await insertSale(t, org, { day: '2026-03-01', amountMinor: 999_999, ownerId: org.users.managerB.id });
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  it('computes coefficients from 12 months or more of history, and splits the plan by them exactly', async () => {
    // Mean of each month: 100 000, December 200 000; mean of the means 1 300 000 / 12. So January
    // to November weigh 12/13 and December 24/13, and 1 300 000 splits into 100 000 and 200 000.
    const plan = await createPlan(head, {
      scopeUnitId: org.units.teamA,
      realistic: { basis: 'manual', amountMinor: 1_300_000 },
    });
    expect(plan.seasonality.basis).toBe('history');
    expect(plan.seasonality.flatReason).toBeNull();
    expect(plan.seasonality.coefficients[0]).toBeCloseTo(12 / 13, 12);
    expect(plan.seasonality.coefficients[11]).toBeCloseTo(24 / 13, 12);
    expect(plan.months.map((m) => m.realisticMinor)).toEqual([...Array(11).fill(100_000), 200_000]);

    const res = await head.request('GET', `/api/plans/${plan.id}/seasonality-history`);
    expect(res.status).toBe(200);
    expect(res.body.history).toHaveLength(24);
    expect(res.body.history[0]).toEqual({ month: '2024-01', revenueMinor: 100_000 });
    expect(res.body.history[23]).toEqual({ month: '2025-12', revenueMinor: 200_000 });
    expect(res.body.computed).toMatchObject({ basis: 'history', flatReason: null, monthsUsed: 24 });
    expect(res.body.computed.months[11]).toMatchObject({ monthIndex: 11, years: 2, meanRevenueMinor: 200_000 });
    expect(res.body.current).toEqual(plan.seasonality);
  });

  it('stays flat, and says why, with fewer than 12 months', async () => {
    const plan = await createPlan(head, { scopeUnitId: org.units.teamB });
    expect(plan.seasonality).toEqual({
      coefficients: Array(12).fill(1),
      basis: 'flat',
      flatReason: 'fewer-than-12-months',
    });
    const res = await head.request('GET', `/api/plans/${plan.id}/seasonality-history`);
    // July–December 2025; March 2026 has not ended and the plan's year is not history.
    expect(res.body.history.map((h: { month: string }) => h.month)).toEqual([
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
    expect(res.body.computed).toMatchObject({ basis: 'flat', flatReason: 'fewer-than-12-months', monthsUsed: 6 });
  });

  it('answers 401, 404 and, for someone who only sees their part, 403', async () => {
    const plan = await createPlan(head, { scopeUnitId: org.units.department });
    expect((await call(ctx(), 'GET', `/api/plans/${plan.id}/seasonality-history`)).status).toBe(401);
    expectError(await head.request('GET', `/api/plans/${randomUUID()}/seasonality-history`), 404);
    expectError(await managerA.request('GET', `/api/plans/${plan.id}/seasonality-history`), 403);
  });

  describe('POST /api/plans/:id/seasonality/from-history and hand edits', () => {
    it('replaces hand coefficients with those of the history and re-spreads the tree, audited', async () => {
      const plan = await createPlan(head, {
        scopeUnitId: org.units.teamA,
        realistic: { basis: 'manual', amountMinor: 1_300_000 },
        seasonality: { coefficients: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
      });
      expect(plan.seasonality.basis).toBe('manual');
      const tree = await decompose(head, plan);
      const url = `/api/plans/${plan.id}/seasonality/from-history`;
      expect((await call(ctx(), 'POST', url, { version: tree.plan.version })).status).toBe(401);
      expectInvalid(await head.request('POST', url, {}), 'body.version');
      expectError(await head.request('POST', url, { version: plan.version }), 409);
      expectError(await managerA.request('POST', url, { version: tree.plan.version }), 403);
      const res = await head.request('POST', url, { version: tree.plan.version });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.seasonality.basis).toBe('history');
      expect(res.body.months.map((m: { realisticMinor: number }) => m.realisticMinor)).toEqual([
        ...Array(11).fill(100_000),
        200_000,
      ]);
      const lines = await head.request('GET', `/api/plans/${plan.id}/lines`);
      const anna = lines.body.lines.find((l: { label: string }) => l.label === 'Anna Manager');
      expect(anna.months[11].realisticMinor).toBe(200_000);
      await expectExactTree(ctx(), org, plan.id);
      const audit = await auditOf(admin, 'plan', plan.id);
      expect(audit.some((e) => e.changes.some((c) => c.field === 'seasonalityBasis' && c.new === 'history'))).toBe(
        true,
      );
    });

    it('scales hand coefficients to sum to 12 and refuses negative or all-zero ones with 422', async () => {
      const plan = await createPlan(head, { scopeUnitId: org.units.teamB });
      const patch = (coefficients: number[]) =>
        head.request('PATCH', `/api/plans/${plan.id}`, { version: plan.version, seasonality: { coefficients } });
      expectRefusal(await patch(Array(12).fill(0)), 'weights_sum_to_zero');
      expectInvalid(await patch([1, 1, 1]), 'body.seasonality.coefficients');
      const res = await patch([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 13]);
      expect(res.status).toBe(200);
      expect(res.body.seasonality).toMatchObject({ basis: 'manual', flatReason: null });
      expect(res.body.seasonality.coefficients[0]).toBeCloseTo(0.5, 12);
      expect(res.body.seasonality.coefficients[11]).toBeCloseTo(6.5, 12);
    });
  });
});
