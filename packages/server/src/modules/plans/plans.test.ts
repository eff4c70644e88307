import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { auditOf, expectError, expectInvalid } from '../deals/deals.factories.ts';
import { approve, createPlan, decompose, expectRefusal, insertSale, planBody } from './plans.factories.ts';

const ids = (res: { body: any }): string[] => res.body.items.map((p: { id: string }) => p.id);

describeEachDatabase('plans', (ctx) => {
  let org: TestOrg;
  let admin: Session;
  let director: Session;
  let head: Session;
  let managerA: Session;
  let managerB: Session;
  let otherHead: Session;
  let analyst: Session;
  let rivalDirector: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Plans org');
    const rival = await createTestOrg(t, 'Rival org');
    [admin, director, head, managerA, managerB, otherHead, analyst, rivalDirector] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.director.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.managerB.email),
      loginAs(t, org.users.otherHead.email),
      loginAs(t, org.users.analyst.email),
      loginAs(t, rival.users.director.email),
    ]);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  describe('GET /api/plans', () => {
    const plans: Record<string, string> = {};
    beforeAll(async () => {
      // Years far from the other tests' plans, so the year filter isolates these.
      plans.organisation = (await createPlan(director, { name: 'Organisation', year: 2031 })).id;
      plans.department = (await createPlan(head, { name: 'Moscow', year: 2031, scopeUnitId: org.units.department })).id;
      plans.teamA = (await createPlan(head, { name: 'Team A', year: 2031, scopeUnitId: org.units.teamA })).id;
      plans.teamB = (await createPlan(head, { name: 'Team B', year: 2031, scopeUnitId: org.units.teamB })).id;
      plans.regions = (
        await createPlan(otherHead, { name: 'Regions', year: 2031, scopeUnitId: org.units.otherDepartment })
      ).id;
      plans.older = (await createPlan(director, { name: 'Organisation 2030', year: 2030 })).id;
    });
    const listed = async (session: Session, query = 'year=2031') =>
      new Set(ids(await session.request('GET', `/api/plans?${query}&limit=200`)));

    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'GET', '/api/plans')).status).toBe(401);
    });
    it('rejects malformed filters with 400 naming each', async () => {
      const res = await director.request('GET', '/api/plans?limit=0&status=maybe&year=soon&scopeUnitId=x&sort=name');
      for (const path of ['query.limit', 'query.status', 'query.year', 'query.scopeUnitId', 'query.sort']) {
        expectInvalid(res, path);
      }
    });
    it('shows each person the plans of their reach and the plans that include them', async () => {
      const { organisation, department, teamA, teamB, regions } = plans;
      expect(await listed(director)).toEqual(new Set([organisation, department, teamA, teamB, regions]));
      expect(await listed(analyst)).toEqual(new Set([organisation, department, teamA, teamB, regions]));
      expect(await listed(head)).toEqual(new Set([organisation, department, teamA, teamB]));
      expect(await listed(otherHead)).toEqual(new Set([organisation, regions]));
      expect(await listed(managerA)).toEqual(new Set([organisation, department, teamA]));
      expect(await listed(managerB)).toEqual(new Set([organisation, department, teamB]));
      expect(await listed(rivalDirector)).toEqual(new Set());
      const res = await head.request('GET', '/api/plans?year=2031&limit=200');
      const access = Object.fromEntries(res.body.items.map((p: any) => [p.name, [p.access, p.permissions.edit]]));
      expect(access).toMatchObject({
        Organisation: ['partial', false],
        Moscow: ['full', true],
        'Team A': ['full', true],
      });
    });
    it('filters by status and scope, newest period first, a page at a time', async () => {
      expect(await listed(director, `year=2031&scopeUnitId=${org.units.teamA}`)).toEqual(new Set([plans.teamA]));
      expect(await listed(director, 'year=2031&status=approved')).toEqual(new Set());
      const first = await director.request('GET', '/api/plans?year=2031&limit=3');
      expect(ids(first)).toHaveLength(3);
      const second = await director.request('GET', `/api/plans?year=2031&limit=3&cursor=${first.body.nextCursor}`);
      expect(second.body.nextCursor).toBeNull();
      expect(new Set([...ids(first), ...ids(second)])).toEqual(await listed(director));
      const years = await director.request('GET', '/api/plans?limit=200');
      const starts = years.body.items.map((p: any) => p.periodStart);
      expect(starts).toEqual([...starts].sort().reverse());
      expect(starts.indexOf('2031-01-01')).toBeLessThan(ids(years).indexOf(plans.older as string));
    });
  });

  describe('POST /api/plans', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'POST', '/api/plans', planBody())).status).toBe(401);
    });
    it('lets the director and administrator plan anything, a head only their subtree (403)', async () => {
      expectError(await managerA.request('POST', '/api/plans', planBody({ scopeUnitId: org.units.teamA })), 403);
      expectError(await analyst.request('POST', '/api/plans', planBody()), 403);
      expectError(await head.request('POST', '/api/plans', planBody()), 403);
      expectError(await head.request('POST', '/api/plans', planBody({ scopeUnitId: org.units.otherDepartment })), 403);
      expect((await admin.request('POST', '/api/plans', planBody({ year: 2040 }))).status).toBe(201);
    });
    it('rejects malformed fields with 400 naming each', async () => {
      const res = await director.request('POST', '/api/plans', {
        name: '',
        year: 2026,
        realistic: { basis: 'guess' },
        pessimistic: { kind: 'percent', basisPoints: 1.5 },
        optimistic: { kind: 'amount' },
        seasonality: { coefficients: [1, 1] },
        colour: 'red',
      });
      for (const path of [
        'body.name',
        'body.realistic.basis',
        'body.pessimistic.basisPoints',
        'body.optimistic.amountMinor',
        'body.seasonality.coefficients',
        'body.colour',
      ]) {
        expectInvalid(res, path);
      }
      expectInvalid(await director.request('POST', '/api/plans', planBody({ year: undefined })), 'body.year');
      expectInvalid(
        await director.request('POST', '/api/plans', planBody({ periodStart: '2026-01-01', periodEnd: '2026-12-31' })),
        'body.year',
      );
      expectInvalid(
        await director.request('POST', '/api/plans', planBody({ year: undefined, periodStart: '2026-01-01' })),
        'body.periodEnd',
      );
    });
    it('refuses what breaks the plan rules with 422 and the reason', async () => {
      const refused = async (body: Record<string, unknown>, reason: string, path?: string) =>
        expectRefusal(await director.request('POST', '/api/plans', planBody({ year: 2041, ...body })), reason, path);
      await refused(
        { realistic: { basis: 'manual', amountMinor: -1 } },
        'negative_amount',
        'body.realistic.amountMinor',
      );
      await refused(
        { pessimistic: { kind: 'amount', amountMinor: -5 } },
        'negative_amount',
        'body.pessimistic.amountMinor',
      );
      await refused({ marginTargetMinor: -1 }, 'negative_amount', 'body.marginTargetMinor');
      await refused(
        { pessimistic: { kind: 'percent', basisPoints: -100 } },
        'invalid_basis_points',
        'body.pessimistic.basisPoints',
      );
      await refused({ pessimistic: { kind: 'percent', basisPoints: 12_000 } }, 'scenarios_out_of_order');
      await refused({ realistic: { basis: 'last-year-growth', growthBp: -20_000 } }, 'invalid_basis_points');
      await refused(
        { year: undefined, periodStart: '2026-01-15', periodEnd: '2026-12-31' },
        'invalid_period',
        'body.periodStart',
      );
      await refused(
        { year: undefined, periodStart: '2026-01-01', periodEnd: '2027-03-31' },
        'invalid_period',
        'body.periodEnd',
      );
      await refused({ seasonality: { coefficients: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] } }, 'weights_sum_to_zero');
      await refused({ scopeUnitId: randomUUID() }, 'unknown_unit', 'body.scopeUnitId');
    });
    it('creates a draft in the organisation’s currency, from last year × growth, audited', async () => {
      const t = ctx();
      await insertSale(t, org, { day: '2024-03-01', amountMinor: 700_000, ownerId: org.users.managerA.id });
      await insertSale(t, org, { day: '2024-11-30', amountMinor: 300_000, ownerId: org.users.managerB.id });
      await insertSale(t, org, { day: '2024-11-30', amountMinor: 5_000, ownerId: org.users.otherManager.id });
      const plan = await createPlan(head, {
        name: 'Moscow 2025',
        year: 2025,
        scopeUnitId: org.units.department,
        realistic: { basis: 'last-year-growth', growthBp: 2000 },
        pessimistic: { kind: 'amount', amountMinor: 1_000_000 },
        dealsTarget: 40,
      });
      // Last year's fact of the department is 1 000 000 (the other department's sale is not in it).
      expect(plan).toMatchObject({
        status: 'draft',
        version: 1,
        revision: 1,
        currency: 'RUB',
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        scope: { unitId: org.units.department, unitName: 'Sales Moscow', level: 'department' },
        metrics: ['revenue', 'deals'],
        realistic: { basis: 'last-year-growth', amountMinor: 1_200_000, growthBp: 2000, lastYearFactMinor: 1_000_000 },
        pessimistic: { kind: 'amount', amountMinor: 1_000_000 },
        scenarios: { pessimisticMinor: 1_000_000, realisticMinor: 1_200_000, optimisticMinor: 1_320_000 },
        createdBy: { id: org.users.head.id, fullName: 'Hector Head' },
        permissions: { edit: true, approve: false, revise: false, delete: true },
      });
      expect(plan.months).toHaveLength(12);
      expect(plan.months[0]).toMatchObject({ month: '2025-01', workingDays: 17 });
      const [entry] = await auditOf(admin, 'plan', plan.id);
      expect(entry).toMatchObject({ action: 'create', actor: { id: org.users.head.id } });
      expect(entry?.changes).toEqual(expect.arrayContaining([{ field: 'realisticMinor', old: null, new: 1_200_000 }]));
    });
    it('takes a period of whole months shorter than a year', async () => {
      const plan = await createPlan(director, {
        year: undefined,
        periodStart: '2042-04-01',
        periodEnd: '2042-06-30',
        realistic: { basis: 'manual', amountMinor: 300_001 },
        seasonality: { coefficients: Array(12).fill(1) },
      });
      expect(plan.months.map((m) => [m.month, m.realisticMinor])).toEqual([
        ['2042-04', 100_001],
        ['2042-05', 100_000],
        ['2042-06', 100_000],
      ]);
    });
  });

  describe('GET /api/plans/:id', () => {
    let planId: string;
    beforeAll(async () => {
      planId = (await createPlan(head, { year: 2043, scopeUnitId: org.units.teamA })).id;
    });
    it('answers 401 without a session and 400 for a malformed id', async () => {
      expect((await call(ctx(), 'GET', `/api/plans/${planId}`)).status).toBe(401);
      expectInvalid(await director.request('GET', '/api/plans/not-an-id'), 'params.id');
    });
    it('answers 404 for a plan that does not exist, is outside your reach or another organisation’s', async () => {
      expectError(await director.request('GET', `/api/plans/${randomUUID()}`), 404);
      expectError(await otherHead.request('GET', `/api/plans/${planId}`), 404);
      expectError(await managerB.request('GET', `/api/plans/${planId}`), 404);
      expectError(await rivalDirector.request('GET', `/api/plans/${planId}`), 404);
    });
    it('shows the plan with its months and what you may do with it', async () => {
      const own = await managerA.request('GET', `/api/plans/${planId}`);
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ access: 'partial', permissions: { edit: false, approve: false } });
      const res = await head.request('GET', `/api/plans/${planId}`);
      expect(res.body).toMatchObject({
        access: 'full',
        scope: { level: 'team' },
        permissions: { edit: true, approve: true, revise: false, delete: true },
        revisions: [],
      });
      expect(res.body.months.reduce((sum: number, m: any) => sum + m.realisticMinor, 0)).toBe(1_200_000);
    });
  });

  describe('PATCH /api/plans/:id', () => {
    let plan: { id: string; version: number };
    beforeAll(async () => {
      plan = await createPlan(head, { year: 2044, scopeUnitId: org.units.department });
    });
    it('answers 401 without a session, 400 for bad fields, 404 for a missing plan', async () => {
      expect((await call(ctx(), 'PATCH', `/api/plans/${plan.id}`, { version: 1 })).status).toBe(401);
      const res = await head.request('PATCH', `/api/plans/${plan.id}`, { name: '', status: 'approved' });
      for (const path of ['body.version', 'body.name', 'body.status']) expectInvalid(res, path);
      expectError(await head.request('PATCH', `/api/plans/${randomUUID()}`, { version: 1, name: 'X' }), 404);
    });
    it('lets only those who plan the scope edit it (403)', async () => {
      expectError(await analyst.request('PATCH', `/api/plans/${plan.id}`, { version: plan.version, name: 'X' }), 403);
      expectError(await managerA.request('PATCH', `/api/plans/${plan.id}`, { version: plan.version, name: 'X' }), 403);
      expectError(
        await head.request('PATCH', `/api/plans/${plan.id}`, { version: plan.version, scopeUnitId: null }),
        403,
      );
    });
    it('refuses a stale version with 409 and bad figures with 422', async () => {
      expectError(await head.request('PATCH', `/api/plans/${plan.id}`, { version: plan.version + 5, name: 'X' }), 409);
      expectRefusal(
        await head.request('PATCH', `/api/plans/${plan.id}`, {
          version: plan.version,
          realistic: { basis: 'manual', amountMinor: -100 },
        }),
        'negative_amount',
        'body.realistic.amountMinor',
      );
      expectRefusal(
        await head.request('PATCH', `/api/plans/${plan.id}`, {
          version: plan.version,
          seasonality: { coefficients: [1, 1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1] },
        }),
        'negative_weight',
        'body.seasonality.coefficients.3',
      );
    });
    it('edits at the next version, keeps the entries and recomputes the scenarios, audited', async () => {
      const res = await head.request('PATCH', `/api/plans/${plan.id}`, {
        version: plan.version,
        name: 'Moscow 2044',
        realistic: { basis: 'manual', amountMinor: 2_000_000 },
        seasonality: { coefficients: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5] },
        marginTargetMinor: 300_000,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({
        name: 'Moscow 2044',
        version: plan.version + 1,
        metrics: ['revenue', 'margin'],
        scenarios: { pessimisticMinor: 1_800_000, realisticMinor: 2_000_000, optimisticMinor: 2_200_000 },
        seasonality: { basis: 'manual', flatReason: null },
        updatedBy: { id: org.users.head.id },
      });
      // 1, …, 1, 1.5 scaled to sum to 12.
      expect(res.body.seasonality.coefficients.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(12, 9);
      expect(res.body.seasonality.coefficients[11] / res.body.seasonality.coefficients[0]).toBeCloseTo(1.5, 12);
      const entries = await auditOf(admin, 'plan', plan.id);
      expect(entries.find((e) => e.action === 'update')?.changes).toEqual(
        expect.arrayContaining([{ field: 'name', old: 'Plan 2026', new: 'Moscow 2044' }]),
      );
      plan = res.body;
    });
  });

  describe('DELETE /api/plans/:id', () => {
    it('answers 401, 404, 403 for someone who does not plan it, 409 for an approved plan', async () => {
      const plan = await createPlan(head, { year: 2045, scopeUnitId: org.units.teamA });
      expect((await call(ctx(), 'DELETE', `/api/plans/${plan.id}`)).status).toBe(401);
      expectError(await head.request('DELETE', `/api/plans/${randomUUID()}`), 404);
      expectError(await managerA.request('DELETE', `/api/plans/${plan.id}`), 403);
      const tree = await decompose(head, plan);
      await approve(head, tree.plan);
      expectError(await head.request('DELETE', `/api/plans/${plan.id}`), 409);
    });
    it('deletes a draft with its lines, audited', async () => {
      const plan = await createPlan(head, { year: 2046, scopeUnitId: org.units.teamA });
      await decompose(head, plan);
      const res = await head.request('DELETE', `/api/plans/${plan.id}`);
      expect(res.status).toBe(200);
      expectError(await head.request('GET', `/api/plans/${plan.id}`), 404);
      // Entries of one (pinned) instant come in no set order.
      expect((await auditOf(admin, 'plan', plan.id)).map((e) => e.action).sort()).toEqual([
        'create',
        'delete',
        'update',
      ]);
    });
  });

  describe('two approved plans of one scope never overlap', () => {
    it('refuses a plan, a new period or an approval that would overlap with 422', async () => {
      const approved = await createPlan(director, { year: 2050, scopeUnitId: org.units.otherDepartment });
      await approve(director, (await decompose(director, approved)).plan);
      const overlapping = planBody({
        year: undefined,
        periodStart: '2050-07-01',
        periodEnd: '2051-06-30',
        scopeUnitId: org.units.otherDepartment,
      });
      expectRefusal(
        await director.request('POST', '/api/plans', overlapping),
        'period_overlaps_approved_plan',
        'body.periodStart',
      );
      // Another scope, or a later year, is fine.
      expect(
        (await director.request('POST', '/api/plans', { ...overlapping, scopeUnitId: org.units.department })).status,
      ).toBe(201);
      const next = await createPlan(director, { year: 2051, scopeUnitId: org.units.otherDepartment });
      expectRefusal(
        await director.request('PATCH', `/api/plans/${next.id}`, { version: next.version, year: 2050 }),
        'period_overlaps_approved_plan',
      );
      // Two drafts may overlap; only one of them can be approved.
      const first = await createPlan(director, { year: 2052 });
      const second = await createPlan(director, { year: 2052, name: 'Alternative' });
      await approve(director, (await decompose(director, first)).plan);
      const secondTree = await decompose(director, second);
      expectRefusal(
        await director.request('POST', `/api/plans/${second.id}/approve`, { version: secondTree.plan.version }),
        'period_overlaps_approved_plan',
      );
    });
  });
});
