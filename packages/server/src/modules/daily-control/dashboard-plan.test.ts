import { Dashboard, Digest, PlanProgress } from '@pulse/contracts';
import pg from 'pg';
import { beforeAll, expect, it } from 'vitest';
import { type Tx, withOrg } from '../../db/tenant.ts';
import { createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase } from '../../test/server.ts';
import { createDeal, defaultPipeline } from '../deals/deals.factories.ts';
import { addSale } from '../kpi/kpi-rollup-fixtures.ts';
import { approve, createPlan, decompose } from '../plans/plans.factories.ts';

// The dashboard's plan lines and the digest's month to date, and the cost of a request.
// Moscow (UTC+3), "now" Wednesday 4 March 2026 15:00 local. Team A plans March 2026 at
// 21 000.00 realistic (pessimistic 90 % = 18 900.00, optimistic 110 %); March has 21 working
// days, so 1 000.00 a working day. Anna (team A's only rep) sold 500.00 on 2 March and 2 500.00
// on 4 March. On 4 March the plan to date is 3 working days = 3 000.00, the fact 3 000.00:
// attainment 1; no open deals, so the pipeline forecast is the fact, below the pessimistic plan.

const NOW = new Date('2026-03-04T12:00:00Z');

async function get(session: Session, url: string): Promise<unknown> {
  const res = await session.request('GET', url);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describeEachDatabase('daily control: dashboard plan lines', (ctx) => {
  let org: TestOrg;
  let head: Session;
  let director: Session;
  let planId: string;

  const tx = <T>(work: (db: Tx) => Promise<T>) => withOrg(ctx().deps.db, org.orgId, work);

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = new Date('2026-03-02T09:00:00Z');
    org = await createTestOrg(t, 'Dashboard plans');
    head = await loginAs(t, org.users.head.email);
    director = await loginAs(t, org.users.director.email);
    const plan = await createPlan(head, {
      name: 'Team A, March',
      year: undefined,
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
      scopeUnitId: org.units.teamA,
      realistic: { basis: 'manual', amountMinor: 2_100_000 },
    });
    planId = (await approve(head, (await decompose(head, plan)).plan)).id;
    await tx(async (db) => {
      await addSale(db, org.orgId, { ownerId: org.users.managerA.id, day: '2026-03-02', amountMinor: 50_000 });
      await addSale(db, org.orgId, { ownerId: org.users.managerA.id, day: '2026-03-04', amountMinor: 250_000 });
    });
    t.clock.now = NOW;
  });

  it('gives the rep and the team their plan line to date with the forecast', async () => {
    const d = Dashboard.parse(await get(head, `/api/daily-control/dashboard?period=week&unitId=${org.units.teamA}`));
    const expected = {
      planId,
      currency: 'RUB',
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
      asOf: '2026-03-04',
      planToDateMinor: 300_000,
      factToDateMinor: 300_000,
      attainment: 1,
      forecastMinor: 300_000,
      forecastScenario: 'below-pessimistic',
    };
    const anna = d.rows.find((r) => r.userId === org.users.managerA.id);
    expect(anna?.plan).toMatchObject(expected);
    const team = d.teams.find((x) => x.unitId === org.units.teamA);
    expect(team?.plan).toMatchObject(expected);
    expect(team?.plan?.lineId).not.toBe(anna?.plan?.lineId);
    expect(d.total).toMatchObject({ unitId: org.units.teamA, plan: expected });
    expect(d.leaderboard[0]).toMatchObject({ userId: org.users.managerA.id, revenueMinor: 300_000, planAttainment: 1 });
    // Boris is in no approved plan.
    const all = Dashboard.parse(await get(head, '/api/daily-control/dashboard?period=week'));
    expect(all.rows.find((r) => r.userId === org.users.managerB.id)?.plan).toBeNull();
    // The flag of the same forecast.
    expect(all.flags.filter((f) => f.kind === 'forecast-below-pessimistic').map((f) => f.user.id)).toEqual([
      org.users.managerA.id,
    ]);
  });

  it('reports the month to date in the digest, in English for an English reader', async () => {
    await tx((db) =>
      db
        .updateTable('users')
        .set({ locale: 'en' })
        .where('org_id', '=', org.orgId)
        .where('user_id', '=', org.users.director.id)
        .execute(),
    );
    const en = await loginAs(ctx(), org.users.director.email);
    const d = Digest.parse(await get(en, '/api/daily-control/digest?date=2026-03-05'));
    expect(d.locale).toBe('en');
    // Yesterday is 4 March: three working days of plan and both sales.
    expect(d.plan).toEqual([
      expect.objectContaining({
        kind: 'unit',
        subjectId: org.units.teamA,
        name: 'Team A',
        planMinor: 300_000,
        factMinor: 300_000,
        attainment: 1,
      }),
      expect.objectContaining({
        kind: 'rep',
        subjectId: org.users.managerA.id,
        name: 'Anna Manager',
        planMinor: 300_000,
        factMinor: 300_000,
        attainment: 1,
      }),
    ]);
    expect(d.subject).toBe('Morning digest for 2026-03-05');
    expect(d.text).toContain('Plan attainment, month to date');
    expect(d.text).toContain('Team A: 100 % (RUB');
    expect(d.text).toContain('Anna Manager: forecast');
    expect(d.text).toContain('Every figure was on target yesterday.');
    // The digest of 3 March reports 2 March: one working day of plan (1 000.00), 500.00 sold.
    const earlier = Digest.parse(await get(director, '/api/daily-control/digest?date=2026-03-03'));
    expect(earlier.plan[0]).toMatchObject({ planMinor: 100_000, factMinor: 50_000, attainment: 0.5 });
  });

  it('runs as many queries for a month as for a day, reading plan progress once for today', async () => {
    const countQueries = async (url: string) => {
      const original = pg.Client.prototype.query;
      let n = 0;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        n++;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      try {
        await get(head, url);
      } finally {
        pg.Client.prototype.query = original;
      }
      return n;
    };
    const counts: number[] = [];
    for (const period of ['today', 'month', 'today', 'month']) {
      counts.push(await countQueries(`/api/daily-control/dashboard?period=${period}`));
    }
    // The first two warm up (nothing is dirty after them); the last two are the steady state.
    expect(counts[3]).toBe(counts[2]);
    // 57 while the red flags worked out the plan's progress a second time; the flags now take
    // the dashboard's own when its day is today; 45 until stage conversion came from the rollup
    // instead of the live stage-history read (its calendar, period bounds, stages and histories).
    // 39 until the work calendar, the units, the approved plans, the organisation's settings and
    // the people in view were read once per request (request-memo.ts) and local midnights were
    // worked out in TypeScript (startOfLocalDay) instead of a SQL round trip each. 27 until the
    // dashboard asked plan progress for the structure lines only, which need no product groups
    // (nor the open deals' product lines, when there are open deals).
    expect(counts[2]).toBe(26);
    // A past day's view still reads today's progress for the flags: one plan's worth more.
    const pastDay = await countQueries('/api/daily-control/dashboard?period=today&date=2026-03-03');
    expect(pastDay).toBeGreaterThan(counts[2] as number);
    console.info(`dashboard: ${counts[2]} SQL statements per request with one approved plan (steady state)`);
  });
});

// A view works out only the plan lines it shows (its reps, its teams, its total) and reads only
// the sales and deals those lines count. Its figures must be the plan's own: the department plan's
// progress (every line, every sale and deal of the scope) is the reference.
describeEachDatabase('daily control: dashboard plan lines of part of a plan', (ctx) => {
  let org: TestOrg;
  let head: Session;
  let planId: string;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = new Date('2026-03-02T09:00:00Z');
    org = await createTestOrg(t, 'Dashboard plan part');
    head = await loginAs(t, org.users.head.email);
    const director = await loginAs(t, org.users.director.email);
    const managerA = await loginAs(t, org.users.managerA.email);
    const managerB = await loginAs(t, org.users.managerB.email);
    const plan = await createPlan(head, {
      name: 'Sales Moscow, March',
      year: undefined,
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
      scopeUnitId: org.units.department,
      realistic: { basis: 'manual', amountMinor: 6_300_000 },
    });
    planId = (await approve(director, (await decompose(head, plan)).plan)).id;
    await withOrg(t.deps.db, org.orgId, async (db) => {
      await addSale(db, org.orgId, { ownerId: org.users.managerA.id, day: '2026-03-02', amountMinor: 120_000 });
      await addSale(db, org.orgId, { ownerId: org.users.managerB.id, day: '2026-03-03', amountMinor: 470_000 });
      await addSale(db, org.orgId, { ownerId: org.users.managerB.id, day: '2026-03-05', amountMinor: 999_000 });
    });
    const pipeline = await defaultPipeline(managerA);
    const open = { pipelineId: pipeline.id, stageId: pipeline.open[2] };
    await createDeal(managerA, { ...open, amountMinor: 1_000_000, expectedCloseDate: '2026-03-20' });
    await createDeal(managerB, { ...open, amountMinor: 3_000_000, expectedCloseDate: '2026-03-25' });
    t.clock.now = NOW;
  });

  it("gives a team's view, working out only its lines, the same figures as the plan's progress", async () => {
    const progress = PlanProgress.parse(await get(head, `/api/plans/${planId}/progress`));
    const lineOf = (kind: string, id: string) =>
      progress.lines.find((l) => l.dimension === 'structure' && l.kind === kind && (l.userId ?? l.unitId) === id);
    const figures = (line: PlanProgress['lines'][number] | undefined) => ({
      lineId: line?.lineId,
      planToDateMinor: line?.planToDate.realisticMinor,
      factToDateMinor: line?.factToDateMinor,
      attainment: line?.attainment,
      forecastMinor: line?.pipeline.forecastMinor,
      forecastScenario: line?.pipeline.scenario,
    });
    const anna = lineOf('rep', org.users.managerA.id);
    // The reference counts Anna's sale and deal only: 1 200.00 + 1 000 000 × the stage's probability.
    expect(anna?.factToDateMinor).toBe(120_000);
    expect(anna?.pipeline.forecastMinor).toBeGreaterThan(120_000);
    const teamView = Dashboard.parse(
      await get(head, `/api/daily-control/dashboard?period=month&unitId=${org.units.teamA}`),
    );
    expect(teamView.rows.map((r) => r.userId)).toEqual([org.users.managerA.id]);
    expect(teamView.rows[0]?.plan).toMatchObject(figures(anna));
    expect(teamView.teams.find((x) => x.unitId === org.units.teamA)?.plan).toMatchObject(
      figures(lineOf('unit', org.units.teamA)),
    );
    // The head's whole view: both reps, both teams and the department's line as its total.
    const whole = Dashboard.parse(await get(head, '/api/daily-control/dashboard?period=month'));
    expect(whole.rows.find((r) => r.userId === org.users.managerB.id)?.plan).toMatchObject(
      figures(lineOf('rep', org.users.managerB.id)),
    );
    expect(whole.total.plan).toMatchObject(figures(lineOf('unit', org.units.department)));
    expect(whole.total.plan?.factToDateMinor).toBe(120_000 + 470_000);
  });
});
