import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { withOrg } from '../../db/tenant.ts';
import { call, loginAs } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { createOrganization } from '../organizations/create-organization.ts';
import { generateDepartment } from './generate-department.ts';
import { DEMO_LOGINS, DEMO_ORG_NAME, DEMO_PASSWORD, DEMO_SEED, seedDemo } from './seed-demo.ts';
import { seedDemoPlan } from './seed-demo-plan.ts';

describeEachDatabase('seedDemo', (ctx) => {
  let orgId: string;

  beforeAll(async () => {
    const t = ctx();
    // An earlier start that died after creating the organisation: the next one completes it.
    const interrupted = await createOrganization(t.deps.db, {
      name: DEMO_ORG_NAME,
      admin: { email: 'admin@demo.test', fullName: 'Павел Администратов', password: DEMO_PASSWORD },
      now: PINNED_NOW,
    });
    const result = await seedDemo(t.deps.db, PINNED_NOW, { size: 'tiny' });
    expect(result).toMatchObject({ created: true, orgId: interrupted.orgId });
    expect(result.plan).toMatchObject({ year: 2026, month: '2026-03' });
    orgId = result.orgId;
  });

  it("has this year's plan approved, decomposed to the reps and with fact so far", async () => {
    const head = await loginAs(ctx(), 'head@demo.test', DEMO_PASSWORD);
    const plans = await head.request('GET', '/api/plans?year=2026&limit=50');
    expect(plans.status).toBe(200);
    const approved = plans.body.items.filter(
      (p: { status: string; periodStart: string }) => p.status === 'approved' && p.periodStart === '2026-01-01',
    );
    expect(approved).toHaveLength(1);
    const plan = approved[0];
    expect(plan).toMatchObject({
      periodEnd: '2026-12-31',
      scope: { unitId: null },
      realistic: { basis: 'last-year-growth', growthBp: 1000 },
    });
    expect(plan.realistic.lastYearFactMinor).toBeGreaterThan(0);
    expect(plan.scenarios.pessimisticMinor).toBeLessThan(plan.scenarios.realisticMinor);
    expect(plan.scenarios.optimisticMinor).toBeGreaterThan(plan.scenarios.realisticMinor);

    const director = await loginAs(ctx(), 'director@demo.test', DEMO_PASSWORD);
    const { body: tree } = await director.request('GET', `/api/plans/${plan.id}/lines`);
    type Line = {
      id: string;
      parentId: string | null;
      dimension: string;
      kind: string;
      realisticMinor: number;
      split: { method: string } | null;
    };
    const lines = tree.lines as Line[];
    const structureRoot = lines.find((line) => line.dimension === 'structure' && line.parentId === null);
    expect(structureRoot?.split?.method).toBe('last-year');
    const parents = new Set(lines.map((line) => line.parentId));
    const reps = lines.filter((line) => line.dimension === 'structure' && line.kind === 'rep');
    expect(reps.length).toBeGreaterThan(0);
    for (const dimension of new Set(lines.map((line) => line.dimension))) {
      const leaves = lines.filter((line) => line.dimension === dimension && !parents.has(line.id));
      expect(
        leaves.reduce((sum, line) => sum + line.realisticMinor, 0),
        dimension,
      ).toBe(plan.scenarios.realisticMinor);
    }
    expect(tree.reconciled).toBe(true);

    // The director sees the organisation's line; the head, their department's (a partial view).
    type Progress = { parentId: string | null; dimension: string; factToDateMinor: number };
    const whole = await director.request('GET', `/api/plans/${plan.id}/progress`);
    const root = (whole.body.lines as Progress[]).find((line) => line.parentId === null);
    expect(root?.factToDateMinor).toBeGreaterThan(0);
    const part = await head.request('GET', `/api/plans/${plan.id}/progress`);
    expect(part.status).toBe(200);
    expect((part.body.lines as Progress[])[0]?.factToDateMinor).toBeGreaterThan(0);

    // The cycle screen needs the plan in full: the organisation's plan is the director's.
    const cycles = await director.request('GET', `/api/pdca?planId=${plan.id}`);
    const march = cycles.body.items.find((cycle: { month: string }) => cycle.month === '2026-03');
    expect(march.planApproved).not.toBeNull();
    expect(march.goalsIssued).not.toBeNull();
    expect(march.goalRepCount).toBe(new Set(reps.map((line) => line.id)).size);
    expect(march.currentStage).toBe('check');

    const manager = await loginAs(ctx(), 'manager@demo.test', DEMO_PASSWORD);
    const mine = await manager.request('GET', '/api/my-goals');
    expect(mine.body.month).toBe('2026-03');
    expect(mine.body.items.map((goal: { metric: string }) => goal.metric)).toContain('revenue');
  });

  it("has the month's targets from the goals and the heads' daily targets, so the head's dashboard shows lights", async () => {
    const head = await loginAs(ctx(), 'head@demo.test', DEMO_PASSWORD);
    const targets = await head.request('GET', '/api/kpi/targets?from=2026-03-01&to=2026-03-31&limit=200');
    expect(targets.status).toBe(200);
    type Target = { kpiId: string; source: string; userId: string | null; unitId: string | null; createdBy?: unknown };
    const items = targets.body.items as Target[];
    const fromGoals = items.filter((target) => target.source === 'smart-goal');
    expect(new Set(fromGoals.map((target) => target.kpiId))).toContain('revenue');
    const manual = items.filter((target) => target.source === 'manual');
    // Every rate the heads ask for, of a unit and of people.
    for (const kpiId of ['tasks-on-time', 'response-time']) {
      expect(manual.some((target) => target.kpiId === kpiId && target.unitId !== null)).toBe(true);
      expect(manual.some((target) => target.kpiId === kpiId && target.userId !== null)).toBe(true);
    }
    expect(manual.some((target) => target.kpiId === 'calls-outbound' && target.unitId !== null)).toBe(true);

    const dashboard = await head.request('GET', '/api/daily-control/dashboard');
    expect(dashboard.status).toBe(200);
    type Cells = Record<string, { light: string | null }>;
    const cells = [
      ...(dashboard.body.rows as { kpis: Cells }[]).map((row) => row.kpis),
      ...(dashboard.body.teams as { kpis: Cells }[]).map((team) => team.kpis),
      dashboard.body.total.kpis as Cells,
    ].flatMap((kpis) => Object.values(kpis));
    const lights = cells.map((cell) => cell.light).filter((light) => light !== null);
    expect(lights.length).toBeGreaterThan(0);
    console.info(
      `demo dashboard for the head, today: ${['green', 'amber', 'red'].map((l) => `${l} ${lights.filter((x) => x === l).length}`).join(', ')}`,
    );
  });

  it('lets every demo login in with its role', async () => {
    for (const login of DEMO_LOGINS) {
      const res = await call(ctx(), 'POST', '/api/auth/login', { email: login.email, password: DEMO_PASSWORD });
      expect(res.status, login.email).toBe(200);
      expect(res.body.user.role).toBe(login.role);
      expect(res.body.organization.id).toBe(orgId);
    }
  });

  it('leaves an existing demo alone on the next start', async () => {
    const db = ctx().deps.db;
    const counts = () =>
      withOrg(db, orgId, async (tx) => {
        const { rows } = await sql<{ logins: number; orgs: number; plans: number; goals: number }>`SELECT
            (SELECT count(*)::int FROM user_logins WHERE email LIKE '%@demo.test') AS logins,
            (SELECT count(*)::int FROM user_logins WHERE email = 'director@demo.test') AS orgs,
            (SELECT count(*)::int FROM plans) AS plans,
            (SELECT count(*)::int FROM plan_goals) AS goals`.execute(tx);
        return rows[0];
      });
    const before = await counts();
    const again = await seedDemo(db, new Date(PINNED_NOW.getTime() + 86_400_000), { size: 'tiny' });
    expect(again).toEqual({ created: false, orgId });
    expect(await counts()).toEqual(before);
    expect(before?.logins).toBeGreaterThanOrEqual(20);
    expect(before?.plans).toBe(1);
  });

  it('makes the plan of a department that has none, once, even where last year cannot weight the reps', async () => {
    // A start that died after the department but before its plan: the plan step alone finishes it.
    // On this day a team of the small department has nobody with last year's sales left by June:
    // the plan is still split by last year's weights, those months equally among the people left.
    const db = ctx().deps.db;
    const now = new Date('2026-11-25T09:00:00.000Z');
    const other = await createOrganization(db, {
      name: 'Без плана',
      admin: { email: 'admin@plan.test', fullName: 'Админ', password: DEMO_PASSWORD },
      now,
    });
    await generateDepartment(db, other.orgId, {
      size: 'tiny',
      seed: DEMO_SEED,
      anchorDay: '2026-11-25',
      emailDomain: 'plan.test',
      passwordHash: null,
    });
    const made = await seedDemoPlan(db, other.orgId, 'director@plan.test', now);
    expect(made).toMatchObject({ year: 2026, month: '2026-11' });
    expect(made?.reps).toBeGreaterThan(0);
    expect(await seedDemoPlan(db, other.orgId, 'director@plan.test', now)).toBeNull();
    const plans = await withOrg(db, other.orgId, (tx) =>
      tx.selectFrom('plans').select(['status', 'period_start']).where('org_id', '=', other.orgId).execute(),
    );
    expect(plans).toEqual([{ status: 'approved', period_start: '2026-01-01' }]);
    const methods = await withOrg(db, other.orgId, (tx) =>
      tx
        .selectFrom('plan_lines')
        .select(['dimension', 'split_method'])
        .distinct()
        .where('org_id', '=', other.orgId)
        .where('parent_line_id', 'is', null)
        .orderBy('dimension')
        .execute(),
    );
    expect(methods).toContainEqual({ dimension: 'structure', split_method: 'last-year' });
  });
});
