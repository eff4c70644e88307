import { randomUUID } from 'node:crypto';
import { KpiCatalog, KpiTarget, KpiTargetPage, KpiTargetsFromGoalsResult } from '@pulse/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { withOrg } from '../../db/tenant.ts';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, type TestApp } from '../../test/server.ts';
import { auditOf, expectError, expectInvalid } from '../deals/deals.factories.ts';
import { createPlan } from '../plans/plans.factories.ts';

type Body = Record<string, unknown>;

/** A daily outbound-calls target for March 2026; overrides change any field. */
const callsBody = (userId: string, overrides: Body = {}): Body => ({
  kpiId: 'calls-outbound',
  userId,
  grain: 'day',
  periodFrom: '2026-03-01',
  periodTo: '2026-03-31',
  target: 40,
  ...overrides,
});

async function create(session: Session, body: Body): Promise<KpiTarget> {
  const res = await session.request('POST', '/api/kpi/targets', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return KpiTarget.parse(res.body);
}

async function list(session: Session, query = ''): Promise<KpiTarget[]> {
  const res = await session.request('GET', `/api/kpi/targets?limit=200${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return KpiTargetPage.parse(res.body).items;
}

/** Expects a 422 whose details carry this reason on this field. */
function expectRefused(res: { status: number; body: unknown }, path: string, reason: string): void {
  expectError(res, 422, path);
  const details = (res.body as { error: { details: { path: string; message: string }[] } }).error.details;
  expect(details).toContainEqual({ path, message: reason });
}

async function insertGoal(
  t: TestApp,
  org: TestOrg,
  goal: { planId: string; userId: string; metric: string; target: number; generatedBy: string },
): Promise<string> {
  return withOrg(t.deps.db, org.orgId, async (tx) => {
    const row = await tx
      .insertInto('plan_goals')
      .values({
        org_id: org.orgId,
        plan_id: goal.planId,
        plan_line_id: randomUUID(),
        user_id: goal.userId,
        month_start: '2026-03-01',
        metric: goal.metric,
        target: goal.target,
        generated_target: goal.target,
        reason: null,
        achievable: true,
        achievability_limit_minor: null,
        funnel: JSON.stringify({}),
        generated_by: goal.generatedBy,
        generated_at: new Date('2026-02-27T09:00:00Z'),
      })
      .returning('goal_id')
      .executeTakeFirstOrThrow();
    return row.goal_id;
  });
}

describeEachDatabase('KPI targets', (ctx) => {
  let org: TestOrg;
  let head: Session;
  let otherHead: Session;
  let director: Session;
  let admin: Session;
  let managerA: Session;
  let analyst: Session;
  let rivalAdmin: Session;

  beforeAll(async () => {
    const t = ctx();
    org = await createTestOrg(t, 'Targets org');
    const rival = await createTestOrg(t, 'Targets rival');
    [head, otherHead, director, admin, managerA, analyst, rivalAdmin] = await Promise.all([
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.otherHead.email),
      loginAs(t, org.users.director.email),
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.analyst.email),
      loginAs(t, rival.users.admin.email),
    ]);
  });

  it('asks for a login first (401)', async () => {
    const t = ctx();
    expect((await call(t, 'GET', '/api/kpi/catalog')).status).toBe(401);
    expect((await call(t, 'GET', '/api/kpi/targets')).status).toBe(401);
    expect((await call(t, 'POST', '/api/kpi/targets', callsBody(org.users.managerA.id))).status).toBe(401);
    expect((await call(t, 'POST', '/api/kpi/targets/from-goals', { month: '2026-03' })).status).toBe(401);
  });

  it('gives the catalog with units and directions', async () => {
    const res = await managerA.request('GET', '/api/kpi/catalog');
    expect(res.status).toBe(200);
    const { items } = KpiCatalog.parse(res.body);
    expect(items).toHaveLength(16);
    expect(items.find((k) => k.id === 'response-time')).toMatchObject({
      unit: 'milliseconds',
      direction: 'lower',
      dailyTarget: true,
      whole: true,
      defaultAmberShare: 1.2,
    });
    expect(items.find((k) => k.id === 'quality-score')).toMatchObject({ targetable: false, source: 'none' });
    expect(items.find((k) => k.id === 'win-rate')).toMatchObject({ dailyTarget: false, whole: false });
  });

  it('sets a target with default thresholds and audits it', async () => {
    const target = await create(
      head,
      callsBody(org.users.managerA.id, { target: 7, periodFrom: '2026-01-01', periodTo: '2026-01-31' }),
    );
    expect(target).toMatchObject({
      kpiId: 'calls-outbound',
      userId: org.users.managerA.id,
      unitId: null,
      subjectName: 'Anna Manager',
      grain: 'day',
      target: 7,
      greenAt: 7,
      amberAt: 6,
      source: 'manual',
      goalId: null,
      version: 1,
    });
    const entries = await auditOf(admin, 'kpi_target', target.id);
    expect(entries.map((e) => e.action)).toEqual(['create']);
  });

  it('keeps fractions of percents and numbers of lower-is-better KPIs exact (numeric → number)', async () => {
    const rate = await create(director, {
      kpiId: 'win-rate',
      unitId: org.units.teamB,
      grain: 'month',
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      target: 32.5,
    });
    expect(rate).toMatchObject({
      target: 32.5,
      greenAt: 32.5,
      amberAt: 26,
      unitId: org.units.teamB,
      subjectName: 'Team B',
    });
    const response = await create(head, {
      kpiId: 'response-time',
      userId: org.users.managerB.id,
      grain: 'week',
      periodFrom: '2026-03-02',
      periodTo: '2026-03-29',
      target: 600_000,
    });
    expect(response).toMatchObject({ greenAt: 600_000, amberAt: 720_000 });
  });

  it('refuses a rep and an analyst (403)', async () => {
    expectError(await managerA.request('POST', '/api/kpi/targets', callsBody(org.users.managerA.id)), 403);
    expectError(await analyst.request('POST', '/api/kpi/targets', callsBody(org.users.managerA.id)), 403);
    expectError(await managerA.request('POST', '/api/kpi/targets/from-goals', { month: '2026-03' }), 403);
  });

  it('refuses bad input with 422 naming the field and the reason', async () => {
    const anna = org.users.managerA.id;
    const post = (body: Body) => head.request('POST', '/api/kpi/targets', body);
    expectRefused(await post(callsBody(anna, { greenAt: 10, amberAt: 12 })), 'body.amberAt', 'thresholds_out_of_order');
    expectRefused(
      await post({ ...callsBody(anna), kpiId: 'response-time', target: 600_000, greenAt: 600_000, amberAt: 599_999 }),
      'body.amberAt',
      'thresholds_out_of_order',
    );
    expectRefused(await post(callsBody(org.users.otherManager.id)), 'body.userId', 'subject_outside_scope');
    expectRefused(
      await post({ ...callsBody(anna), userId: undefined, unitId: org.units.otherDepartment }),
      'body.unitId',
      'subject_outside_scope',
    );
    expectRefused(await post(callsBody(anna, { kpiId: 'happiness' })), 'body.kpiId', 'unknown_kpi');
    expectRefused(
      await post(callsBody(anna, { periodFrom: '2026-03-31', periodTo: '2026-03-01' })),
      'body.periodTo',
      'period_out_of_order',
    );
    expectRefused(await post(callsBody(anna, { kpiId: 'win-rate', target: 30 })), 'body.grain', 'no_daily_target');
    expectRefused(
      await post(callsBody(anna, { kpiId: 'quality-score', grain: 'month', target: 80 })),
      'body.kpiId',
      'kpi_without_source',
    );
    expectRefused(await post(callsBody(anna, { kpiId: 'revenue', target: 100.5 })), 'body.target', 'not_whole');
    expectRefused(
      await post(callsBody(anna, { kpiId: 'tasks-on-time', target: 101 })),
      'body.target',
      'percent_above_100',
    );
    expectRefused(
      await post(callsBody(anna, { grain: 'month', periodFrom: '2026-03-02' })),
      'body.periodFrom',
      'period_not_aligned',
    );
    expectRefused(
      await post(callsBody(anna, { grain: 'week', periodFrom: '2026-03-02', periodTo: '2026-03-28' })),
      'body.periodTo',
      'period_not_aligned',
    );
    expectRefused(await head.request('GET', '/api/kpi/targets?kpiId=happiness'), 'query.kpiId', 'unknown_kpi');
    // Shape errors stay 400: both subjects, or a negative figure.
    expectInvalid(await post(callsBody(anna, { unitId: org.units.teamA })), 'body.unitId');
    expectInvalid(await post(callsBody(anna, { target: -1 })), 'body.target');
  });

  it('refuses a target overlapping another of the same KPI, subject and grain (409)', async () => {
    const boris = org.users.managerB.id;
    await create(head, callsBody(boris, { periodFrom: '2026-04-01', periodTo: '2026-04-30' }));
    expectError(
      await head.request(
        'POST',
        '/api/kpi/targets',
        callsBody(boris, { periodFrom: '2026-04-30', periodTo: '2026-05-31' }),
      ),
      409,
      'body.periodFrom',
    );
    // The next day on, another grain, or another subject is fine.
    await create(head, callsBody(boris, { periodFrom: '2026-05-01', periodTo: '2026-05-31' }));
    await create(
      head,
      callsBody(boris, { grain: 'month', periodFrom: '2026-04-01', periodTo: '2026-04-30', target: 800 }),
    );
    await create(head, callsBody(org.users.managerA.id, { periodFrom: '2026-04-01', periodTo: '2026-04-30' }));
  });

  it('edits at a version: stale is 409, a rep is 403, the change is audited', async () => {
    const target = await create(
      head,
      callsBody(org.users.managerA.id, { periodFrom: '2026-06-01', periodTo: '2026-06-30' }),
    );
    const res = await head.request('PATCH', `/api/kpi/targets/${target.id}`, { version: 1, target: 50 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // A new target without thresholds moves them with it.
    expect(KpiTarget.parse(res.body)).toMatchObject({ version: 2, target: 50, greenAt: 50, amberAt: 40 });
    expectError(
      await head.request('PATCH', `/api/kpi/targets/${target.id}`, { version: 1, target: 60 }),
      409,
      'body.version',
    );
    expectError(await managerA.request('PATCH', `/api/kpi/targets/${target.id}`, { version: 2, target: 1 }), 403);
    expectRefused(
      await head.request('PATCH', `/api/kpi/targets/${target.id}`, { version: 2, amberAt: 51 }),
      'body.amberAt',
      'thresholds_out_of_order',
    );
    const thresholds = await head.request('PATCH', `/api/kpi/targets/${target.id}`, { version: 2, amberAt: 30 });
    expect(KpiTarget.parse(thresholds.body)).toMatchObject({ version: 3, target: 50, greenAt: 50, amberAt: 30 });
    const entries = await auditOf(admin, 'kpi_target', target.id);
    // The clock is pinned, so the entries share an instant: compare them as a set.
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'update', 'update']);
  });

  it("answers 404 for another organisation's target and for one outside the caller's scope", async () => {
    const target = await create(
      head,
      callsBody(org.users.managerB.id, { periodFrom: '2026-07-01', periodTo: '2026-07-31' }),
    );
    expectError(await rivalAdmin.request('PATCH', `/api/kpi/targets/${target.id}`, { version: 1, target: 1 }), 404);
    expectError(await rivalAdmin.request('DELETE', `/api/kpi/targets/${target.id}`), 404);
    expectError(await otherHead.request('PATCH', `/api/kpi/targets/${target.id}`, { version: 1, target: 1 }), 404);
    expectError(await otherHead.request('DELETE', `/api/kpi/targets/${target.id}`), 404);
    expect((await list(rivalAdmin)).map((x) => x.id)).not.toContain(target.id);
  });

  it('deletes a target (stale version 409) and audits it', async () => {
    const target = await create(
      head,
      callsBody(org.users.managerB.id, { periodFrom: '2026-08-01', periodTo: '2026-08-31' }),
    );
    expectError(await managerA.request('DELETE', `/api/kpi/targets/${target.id}`), 404);
    expectError(await head.request('DELETE', `/api/kpi/targets/${target.id}?version=2`), 409);
    expect((await head.request('DELETE', `/api/kpi/targets/${target.id}?version=1`)).status).toBe(200);
    expectError(await head.request('DELETE', `/api/kpi/targets/${target.id}`), 404);
    const entries = await auditOf(admin, 'kpi_target', target.id);
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'delete']);
  });

  it("lists only the caller's scope: a head their subtree, a rep their own, the director all", async () => {
    const oleg = await create(
      director,
      callsBody(org.users.otherManager.id, { periodFrom: '2026-09-01', periodTo: '2026-09-30' }),
    );
    const anna = await create(
      head,
      callsBody(org.users.managerA.id, { periodFrom: '2026-09-01', periodTo: '2026-09-30' }),
    );
    const teamA = await create(head, {
      kpiId: 'revenue',
      unitId: org.units.teamA,
      grain: 'month',
      periodFrom: '2026-09-01',
      periodTo: '2026-09-30',
      target: 5_000_000,
    });
    const september = '&from=2026-09-01&to=2026-09-30';
    const ids = async (session: Session, query = september) => (await list(session, query)).map((x) => x.id).sort();
    expect(await ids(head)).toEqual([anna.id, teamA.id].sort());
    expect(await ids(otherHead)).toEqual([oleg.id]);
    expect(await ids(managerA)).toEqual([anna.id]);
    expect(await ids(director)).toEqual([anna.id, oleg.id, teamA.id].sort());
    expect(await ids(analyst)).toEqual([anna.id, oleg.id, teamA.id].sort());
    // Filters: a unit's subtree (its own targets and its people's), a person, a KPI.
    expect(await ids(director, `${september}&unitId=${org.units.teamA}`)).toEqual([anna.id, teamA.id].sort());
    expect(await ids(director, `${september}&userId=${org.users.otherManager.id}`)).toEqual([oleg.id]);
    expect(await ids(director, `${september}&kpiId=revenue`)).toEqual([teamA.id]);
    // A head filtering on someone outside their scope gets nothing.
    expect(await ids(head, `${september}&userId=${org.users.otherManager.id}`)).toEqual([]);
  });

  describe('from SMART goals', () => {
    const goalIds: Record<string, string> = {};
    let manualCalls: KpiTarget;

    beforeAll(async () => {
      const t = ctx();
      const plan = await createPlan(head, { name: 'Team A 2026', scopeUnitId: org.units.teamA });
      const goal = (userId: string, metric: string, target: number) =>
        insertGoal(t, org, { planId: plan.id, userId, metric, target, generatedBy: org.users.head.id });
      const anna = org.users.managerA.id;
      const boris = org.users.managerB.id;
      goalIds.annaRevenue = await goal(anna, 'revenue', 1_000_000);
      goalIds.annaDeals = await goal(anna, 'deals-won', 10);
      goalIds.annaOpportunities = await goal(anna, 'opportunities-opened', 13);
      goalIds.annaMeetings = await goal(anna, 'meetings-per-day', 2);
      goalIds.annaCalls = await goal(anna, 'calls-per-day', 7);
      goalIds.borisRevenue = await goal(boris, 'revenue', 500_000);
      goalIds.borisCalls = await goal(boris, 'calls-per-day', 9);
      goalIds.olegRevenue = await goal(org.users.otherManager.id, 'revenue', 700_000);
      // Boris already has a manual daily calls target over March (set in the overlap test for
      // April–May; this one is March's).
      manualCalls = await create(
        head,
        callsBody(boris, { periodFrom: '2026-03-01', periodTo: '2026-03-31', target: 30 }),
      );
    });

    async function fromGoals(session: Session, body: Body = { month: '2026-03' }) {
      const res = await session.request('POST', '/api/kpi/targets/from-goals', body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return KpiTargetsFromGoalsResult.parse(res.body);
    }

    it("takes the month's goals of the head's reps with default thresholds, and says what it skipped", async () => {
      const result = await fromGoals(head);
      expect(result).toMatchObject({ month: '2026-03', created: 5, updated: 0, unchanged: 0, removed: 0 });
      const anna = org.users.managerA.id;
      const boris = org.users.managerB.id;
      const figures = result.items.map((x) => ({
        who: x.userId === anna ? 'anna' : x.userId === boris ? 'boris' : x.userId,
        kpiId: x.kpiId,
        grain: x.grain,
        target: x.target,
        greenAt: x.greenAt,
        amberAt: x.amberAt,
        goalId: x.goalId,
      }));
      const sortKey = (x: { who: string | null; kpiId: string }) => `${x.who}|${x.kpiId}`;
      expect(figures.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual([
        {
          who: 'anna',
          kpiId: 'calls-outbound',
          grain: 'day',
          target: 7,
          greenAt: 7,
          amberAt: 6,
          goalId: goalIds.annaCalls,
        },
        {
          who: 'anna',
          kpiId: 'deals-won',
          grain: 'month',
          target: 10,
          greenAt: 10,
          amberAt: 8,
          goalId: goalIds.annaDeals,
        },
        {
          who: 'anna',
          kpiId: 'meetings-held',
          grain: 'day',
          target: 2,
          greenAt: 2,
          amberAt: 2,
          goalId: goalIds.annaMeetings,
        },
        {
          who: 'anna',
          kpiId: 'revenue',
          grain: 'month',
          target: 1_000_000,
          greenAt: 1_000_000,
          amberAt: 800_000,
          goalId: goalIds.annaRevenue,
        },
        {
          who: 'boris',
          kpiId: 'revenue',
          grain: 'month',
          target: 500_000,
          greenAt: 500_000,
          amberAt: 400_000,
          goalId: goalIds.borisRevenue,
        },
      ]);
      for (const item of result.items) {
        expect(item).toMatchObject({ source: 'smart-goal', periodFrom: '2026-03-01', periodTo: '2026-03-31' });
      }
      expect(result.skipped.map((s) => [s.goalId, s.reason]).sort()).toEqual(
        [
          [goalIds.annaOpportunities, 'metric_without_kpi'],
          [goalIds.borisCalls, 'manual_target_exists'],
        ].sort(),
      );
      expect(result.skipped.find((s) => s.goalId === goalIds.annaOpportunities)?.userName).toBe('Anna Manager');
      // Each target taken from a goal is audited like one set by hand.
      const revenueTarget = result.items.find((x) => x.goalId === goalIds.annaRevenue) as KpiTarget;
      expect((await auditOf(admin, 'kpi_target', revenueTarget.id)).map((e) => e.action)).toEqual(['create']);
      // Oleg is outside the head's subtree: no target for him.
      expect(result.items.some((x) => x.userId === org.users.otherManager.id)).toBe(false);
      // The manual target is left as it was.
      const stillManual = (
        await list(head, `&userId=${org.users.managerB.id}&kpiId=calls-outbound&from=2026-03-01&to=2026-03-31`)
      )[0];
      expect(stillManual).toMatchObject({ id: manualCalls.id, version: 1, source: 'manual', target: 30 });
    });

    it('is idempotent: again changes nothing and keeps the ids', async () => {
      const before = (await fromGoals(head)).items.map((x) => x.id).sort();
      const again = await fromGoals(head);
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, removed: 0 });
      expect(again.items.map((x) => x.id).sort()).toEqual(before);
      expect(again.items.every((x) => x.version === 1)).toBe(true);
    });

    it('follows a goal the head adjusted, in place', async () => {
      await withOrg(ctx().deps.db, org.orgId, (tx) =>
        tx
          .updateTable('plan_goals')
          .set({
            target: 1_200_000,
            reason: 'Bigger client base',
            adjusted_by: org.users.head.id,
            adjusted_at: new Date(),
          })
          .where('org_id', '=', org.orgId)
          .where('goal_id', '=', goalIds.annaRevenue as string)
          .execute(),
      );
      const result = await fromGoals(head);
      expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 4, removed: 0 });
      const revenue = result.items.find((x) => x.goalId === goalIds.annaRevenue);
      expect(revenue).toMatchObject({ target: 1_200_000, greenAt: 1_200_000, amberAt: 960_000, version: 2 });
    });

    it('leaves a goal target the head edited (now manual) alone on the next run', async () => {
      const items = (await fromGoals(head)).items;
      const deals = items.find((x) => x.goalId === goalIds.annaDeals) as KpiTarget;
      const edited = await head.request('PATCH', `/api/kpi/targets/${deals.id}`, {
        version: deals.version,
        target: 12,
      });
      expect(KpiTarget.parse(edited.body)).toMatchObject({ source: 'manual', goalId: null, target: 12 });
      const result = await fromGoals(head);
      expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 4, removed: 0 });
      expect(result.skipped.map((s) => s.goalId)).toContain(goalIds.annaDeals);
    });

    it('covers the whole organisation for the director, and only a unit when asked', async () => {
      const teamB = await fromGoals(director, { month: '2026-03', unitId: org.units.teamB });
      expect(teamB.items.map((x) => x.userId)).toEqual([org.users.managerB.id]);
      const all = await fromGoals(director);
      expect(all.created).toBe(1);
      expect(all.items.some((x) => x.userId === org.users.otherManager.id && x.target === 700_000)).toBe(true);
    });

    it("refuses a unit outside the head's scope (422)", async () => {
      expectRefused(
        await head.request('POST', '/api/kpi/targets/from-goals', {
          month: '2026-03',
          unitId: org.units.otherDepartment,
        }),
        'body.unitId',
        'subject_outside_scope',
      );
      expectInvalid(await head.request('POST', '/api/kpi/targets/from-goals', { month: '2026-13' }), 'body.month');
    });
  });
});
