import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { withOrg } from '../../db/tenant.ts';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { auditOf, createProduct, defaultPipeline, expectError, expectInvalid } from '../deals/deals.factories.ts';
import { insertActivities, insertDeal } from '../plans/plan-goals.factories.ts';
import { approve, createPlan, decompose, insertSale } from '../plans/plans.factories.ts';

// A two-month plan (March–April 2026) of 200 000.00 with flat seasonality splits evenly: each
// month 100 000, Team A's only rep carries all of it, the priority direction "Cement" and the
// rest half each, the four channels a quarter each.

describeEachDatabase('PDCA cycle', (ctx) => {
  let org: TestOrg;
  let admin: Session;
  let director: Session;
  let head: Session;
  let managerA: Session;
  let otherHead: Session;
  let cementId: string;
  let cementProductId: string;

  /** An approved two-month plan (March–April 2026 unless given) of a scope, decomposed by `planner`, approved by `approver`. */
  const approvedPlan = async (
    planner: Session,
    approver: Session,
    scopeUnitId: string | null,
    name: string,
    [periodStart, periodEnd] = ['2026-03-01', '2026-04-30'],
  ) => {
    const plan = await createPlan(planner, {
      name,
      year: undefined,
      periodStart,
      periodEnd,
      scopeUnitId,
      realistic: { basis: 'manual', amountMinor: 200_000 },
    });
    return approve(approver, (await decompose(planner, plan)).plan);
  };
  const cyclesOf = async (session: Session, planId: string) => {
    const res = await session.request('GET', `/api/pdca?planId=${planId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as { id: string; month: string; currentStage: string | null; permissions: unknown }[];
  };
  const post = async (session: Session, url: string, body: unknown = {}, status = 200) => {
    const res = await session.request('POST', url, body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  const runToReview = async (session: Session, cycleId: string) => {
    await post(session, `/api/pdca/${cycleId}/approve-plan`);
    await post(session, `/api/pdca/${cycleId}/issue-goals`);
    return post(session, `/api/pdca/${cycleId}/review`, { comment: 'Reviewed' });
  };

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'PDCA org');
    [admin, director, head, managerA, otherHead] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.director.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.otherHead.email),
    ]);
    const group = await admin.request('POST', '/api/product-groups', { name: 'Cement', isPriority: true });
    expect(group.status).toBe(201);
    cementId = group.body.id;
    cementProductId = (await createProduct(admin, { name: 'M500', groupId: cementId })).id;
    const anna = org.users.managerA.id;
    await insertSale(t, org, {
      day: '2026-03-05',
      amountMinor: 60_000,
      ownerId: anna,
      channel: 'direct',
      productId: cementProductId,
    });
    await insertSale(t, org, { day: '2026-03-31', amountMinor: 10_000, ownerId: anna, channel: 'dealer' });
    // Outside March, or outside Team A: not in March's fact.
    await insertSale(t, org, { day: '2026-02-28', amountMinor: 99_999, ownerId: anna, channel: 'direct' });
    await insertSale(t, org, { day: '2026-04-01', amountMinor: 77_777, ownerId: anna, channel: 'retail' });
    await insertSale(t, org, {
      day: '2026-03-10',
      amountMinor: 40_000,
      ownerId: org.users.managerB.id,
      channel: 'direct',
    });
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  it('runs a month plan → do → check → act in order, with exact deviations, and audits each step', async () => {
    const plan = await approvedPlan(head, head, org.units.teamA, 'Team A 2026 spring');
    const cycles = await cyclesOf(head, plan.id);
    expect(cycles.map((c) => [c.month, c.currentStage])).toEqual([
      ['2026-03', 'plan'],
      ['2026-04', 'plan'],
    ]);
    expect((await cyclesOf(head, plan.id)).map((c) => c.id)).toEqual(cycles.map((c) => c.id)); // created once
    const march = cycles[0]?.id as string;

    expectError(await head.request('POST', `/api/pdca/${march}/issue-goals`, {}), 409, 'stages.do');
    const approved = await post(head, `/api/pdca/${march}/approve-plan`);
    expect(approved).toMatchObject({
      currentStage: 'do',
      goalRepCount: 0,
      planApproved: { by: { id: org.users.head.id } },
    });
    expectError(await head.request('POST', `/api/pdca/${march}/approve-plan`, {}), 409, 'stages.plan');
    expectError(await head.request('POST', `/api/pdca/${march}/review`, { comment: 'Too early' }), 409, 'stages.check');
    expect(await post(head, `/api/pdca/${march}/issue-goals`)).toMatchObject({ currentStage: 'check' });
    expectError(
      await head.request('POST', `/api/pdca/${march}/actions`, {
        title: 'Too early',
        ownerId: org.users.managerA.id,
        dueDay: '2026-03-20',
      }),
      409,
      'stages.act',
    );

    const deviations = await head.request('GET', `/api/pdca/${march}/deviations`);
    expect(deviations.status).toBe(200);
    expect(deviations.body).toMatchObject({ month: '2026-03', currency: 'RUB', planMinor: 100_000, factMinor: 70_000 });
    expect(
      deviations.body.items.map((d: Record<string, unknown>) => [
        d.dimension,
        d.key,
        d.planMinor,
        d.factMinor,
        d.deviationMinor,
        d.deviationPercent,
      ]),
    ).toEqual([
      ['direction', null, 50_000, 10_000, -40_000, -80],
      ['channel', 'direct', 25_000, 60_000, 35_000, 140],
      ['rep', org.users.managerA.id, 100_000, 70_000, -30_000, -30],
      ['channel', 'distributor', 25_000, 0, -25_000, -100],
      ['channel', 'retail', 25_000, 0, -25_000, -100],
      ['channel', 'dealer', 25_000, 10_000, -15_000, -60],
      ['direction', cementId, 50_000, 60_000, 10_000, 20],
    ]);
    expect(deviations.body.items[2].label).toBe('Anna Manager');
    expect(deviations.body.items[6].label).toBe('Cement');

    expectInvalid(await head.request('POST', `/api/pdca/${march}/review`, {}), 'body.comment');
    const reviewed = await post(head, `/api/pdca/${march}/review`, { comment: 'Other products lag; push dealers' });
    expect(reviewed).toMatchObject({
      currentStage: 'act',
      reviewComment: 'Other products lag; push dealers',
      reviewed: { by: { id: org.users.head.id, fullName: 'Hector Head' } },
      deviations: { planMinor: 100_000, factMinor: 70_000 },
    });
    expect(reviewed.deviations.top).toHaveLength(5);
    expectError(await head.request('POST', `/api/pdca/${march}/review`, { comment: 'Again' }), 409, 'stages.check');

    expectError(
      await head.request('POST', `/api/pdca/${march}/actions`, {
        title: 'Outside',
        ownerId: org.users.managerB.id,
        dueDay: '2026-03-20',
      }),
      422,
      'body.ownerId',
    );
    const action = await post(
      head,
      `/api/pdca/${march}/actions`,
      { title: 'Call every dealer', ownerId: org.users.managerA.id, dueDay: '2026-03-20' },
      201,
    );
    expect(action).toMatchObject({ title: 'Call every dealer', dueDay: '2026-03-20', taskState: 'open', check: null });
    expect((await head.request('GET', `/api/pdca/${march}`)).body).toMatchObject({
      currentStage: null,
      actionCount: 1,
      actions: [{ id: action.id }],
    });

    const cycleAudit = await auditOf(admin, 'pdca_cycle', march);
    // One entry per stage (written at one pinned instant, so compared in any order).
    expect(
      cycleAudit
        .map((e) =>
          e.changes
            .map((c) => c.field)
            .sort()
            .join(),
        )
        .sort(),
    ).toEqual(['goalsIssuedBy', 'planApprovedBy', 'reviewComment,reviewedBy']);
    expect((await auditOf(admin, 'pdca_action', action.id)).map((e) => e.action)).toEqual(['create']);
    expect((await auditOf(admin, 'task', action.taskId)).map((e) => e.action)).toEqual(['create']);
  });

  it("turns an action into the owner's task, and shows it at the next month's review with its task state", async () => {
    const t = ctx();
    const plan = await approvedPlan(head, head, org.units.teamA, 'Team A 2026 May–June', ['2026-05-01', '2026-06-30']);
    const [may, june] = (await cyclesOf(head, plan.id)).map((c) => c.id) as [string, string];
    await runToReview(head, may);
    const newAction = (title: string, dueDay: string) =>
      post(head, `/api/pdca/${may}/actions`, { title, ownerId: org.users.managerA.id, dueDay }, 201);
    const early = await newAction('Visit the three largest dealers', '2026-05-20');
    const late = await newAction('Offer Cement to lapsed clients', '2026-05-31');

    // The task is Anna's, linked back to the action by its id, and in her task list.
    const tasks = await managerA.request('GET', '/api/tasks?limit=200');
    expect(tasks.status).toBe(200);
    const task = tasks.body.items.find((item: { id: string }) => item.id === early.taskId);
    expect(task).toMatchObject({ title: 'Visit the three largest dealers', status: 'open' });
    expect(task.assignee.id).toBe(org.users.managerA.id);

    // An edit reaches the task; a stale version is refused.
    const edited = await head.request('PATCH', `/api/pdca/actions/${late.id}`, {
      version: late.version,
      title: 'Offer Cement to every lapsed client',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expectError(
      await head.request('PATCH', `/api/pdca/actions/${late.id}`, { version: late.version, title: 'x' }),
      409,
    );
    expect((await managerA.request('GET', `/api/tasks/${late.taskId}`)).body.title).toBe(
      'Offer Cement to every lapsed client',
    );
    expectError(await managerA.request('PATCH', `/api/pdca/actions/${late.id}`, { version: 2, title: 'Mine' }), 403);

    // Sessions expire as the clock moves on: each step logs in at the time it runs.
    const at = async (instant: string) => {
      t.clock.now = new Date(instant);
      [reviewer, owner] = [await loginAs(t, org.users.head.email), await loginAs(t, org.users.managerA.email)];
    };
    let [reviewer, owner] = [head, managerA];
    const previousOfJune = async () => {
      const res = await reviewer.request('GET', `/api/pdca/${june}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body.previousActions as { title: string; taskState: string }[])
        .map((a) => [a.title, a.taskState])
        .sort();
    };
    expect(await previousOfJune()).toEqual([
      ['Offer Cement to every lapsed client', 'open'],
      ['Visit the three largest dealers', 'open'],
    ]);

    const complete = async (taskId: string) => {
      const current = await owner.request('GET', `/api/tasks/${taskId}`);
      await post(owner, `/api/tasks/${taskId}/complete`, { version: current.body.version });
    };
    await at('2026-05-25T09:00:00Z');
    expect(await previousOfJune()).toEqual([
      ['Offer Cement to every lapsed client', 'open'],
      ['Visit the three largest dealers', 'overdue'],
    ]);
    await complete(late.taskId);
    await at('2026-05-26T09:00:00Z');
    await complete(early.taskId);
    expect(await previousOfJune()).toEqual([
      ['Offer Cement to every lapsed client', 'done-on-time'],
      ['Visit the three largest dealers', 'done-late'],
    ]);

    // Checked at the next review: what came of it.
    const checked = await post(reviewer, `/api/pdca/actions/${early.id}/check`, {
      result: 'partly',
      note: 'Two of three',
    });
    expect(checked.check).toMatchObject({ result: 'partly', note: 'Two of three', by: { id: org.users.head.id } });
    expectError(await reviewer.request('POST', `/api/pdca/actions/${early.id}/check`, { result: 'effective' }), 409);
    expectInvalid(
      await reviewer.request('POST', `/api/pdca/actions/${late.id}/check`, { result: 'great' }),
      'body.result',
    );
    expectError(
      await reviewer.request('POST', `/api/pdca/actions/${randomUUID()}/check`, { result: 'effective' }),
      404,
    );
    const auditor = await loginAs(t, org.users.admin.email);
    expect((await auditOf(auditor, 'pdca_action', early.id)).map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('lets only the right people run a department month: rep 403, head cannot approve it, director can', async () => {
    const plan = await approvedPlan(head, director, org.units.department, 'Department 2026 Jul–Aug', [
      '2026-07-01',
      '2026-08-31',
    ]);
    expect((await managerA.request('GET', `/api/pdca?planId=${plan.id}`)).status).toBe(403);
    expectError(await otherHead.request('GET', `/api/pdca?planId=${plan.id}`), 404);
    const [july] = (await cyclesOf(head, plan.id)).map((c) => c.id) as [string];

    expect((await call(ctx(), 'GET', `/api/pdca/${july}`)).status).toBe(401);
    expectInvalid(await head.request('GET', '/api/pdca?planId=nope'), 'query.planId');
    expectError(await head.request('GET', `/api/pdca/${randomUUID()}`), 404);
    expectError(await otherHead.request('GET', `/api/pdca/${july}`), 404);
    expectError(await otherHead.request('POST', `/api/pdca/${july}/approve-plan`, {}), 404);
    expectError(await managerA.request('GET', `/api/pdca/${july}`), 403);
    expectError(await managerA.request('POST', `/api/pdca/${july}/approve-plan`, {}), 403);
    expectError(await head.request('POST', `/api/pdca/${july}/approve-plan`, {}), 403);
    expect(await post(director, `/api/pdca/${july}/approve-plan`)).toMatchObject({
      planApproved: { by: { id: org.users.director.id } },
    });
    expectError(await managerA.request('POST', `/api/pdca/${july}/issue-goals`, {}), 403);
    await post(head, `/api/pdca/${july}/issue-goals`);
    expectError(await managerA.request('POST', `/api/pdca/${july}/review`, { comment: 'Mine' }), 403);
    expect(await post(head, `/api/pdca/${july}/review`, { comment: 'On track' })).toMatchObject({
      currentStage: 'act',
    });
  });

  it('tells each person what they may do in a cycle, and the stage writes agree with it', async () => {
    const analyst = await loginAs(ctx(), org.users.analyst.email);
    const none = {
      approveMonth: false,
      issueGoals: false,
      review: false,
      addAction: false,
      checkAction: false,
      generateGoals: false,
    };
    const all = {
      approveMonth: true,
      issueGoals: true,
      review: true,
      addAction: true,
      checkAction: true,
      generateGoals: true,
    };
    const permissionsOf = async (session: Session, cycleId: string) => {
      const res = await session.request('GET', `/api/pdca/${cycleId}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.permissions;
    };

    // A team's month: the head over the team runs all of it, approval included.
    const team = await approvedPlan(head, head, org.units.teamB, 'Team B 2026 Nov–Dec', ['2026-11-01', '2026-12-31']);
    const [teamNov] = (await cyclesOf(head, team.id)).map((c) => c.id) as [string];
    expect(await permissionsOf(head, teamNov)).toEqual(all);
    expect(await permissionsOf(director, teamNov)).toEqual(all);
    expect(await permissionsOf(analyst, teamNov)).toEqual(none);
    // A rep of the team does not see its cycle at all (it shows every rep), so has no flags to read.
    const managerB = await loginAs(ctx(), org.users.managerB.email);
    expectError(await managerB.request('GET', `/api/pdca/${teamNov}`), 403);
    expectError(await managerB.request('POST', `/api/pdca/${teamNov}/approve-plan`, {}), 403);

    // A department's month: the head runs it but the director approves it.
    const plan = await approvedPlan(head, director, org.units.department, 'Department 2026 Nov–Dec', [
      '2026-11-01',
      '2026-12-31',
    ]);
    const cycles = await cyclesOf(director, plan.id);
    expect(cycles.map((c) => c.permissions)).toEqual([all, all]); // the list carries them too
    const [nov, dec] = cycles as [(typeof cycles)[number], (typeof cycles)[number]];
    const headFlags = await permissionsOf(head, nov.id);
    expect(headFlags).toEqual({ ...all, approveMonth: false });
    expect(await permissionsOf(analyst, nov.id)).toEqual(none);

    // Each write answers 403 exactly where the flag is false.
    expectError(await analyst.request('POST', `/api/pdca/${nov.id}/approve-plan`, {}), 403);
    expectError(await head.request('POST', `/api/pdca/${nov.id}/approve-plan`, {}), 403);
    await post(director, `/api/pdca/${nov.id}/approve-plan`);
    expectError(await analyst.request('POST', `/api/pdca/${nov.id}/issue-goals`, {}), 403);
    await post(head, `/api/pdca/${nov.id}/issue-goals`);
    expectError(await analyst.request('POST', `/api/pdca/${nov.id}/review`, { comment: 'Mine' }), 403);
    await post(head, `/api/pdca/${nov.id}/review`, { comment: 'Behind on Cement' });
    const actionBody = { title: 'Call every dealer', ownerId: org.users.managerA.id, dueDay: '2026-11-25' };
    expectError(await analyst.request('POST', `/api/pdca/${nov.id}/actions`, actionBody), 403);
    const action = await post(head, `/api/pdca/${nov.id}/actions`, actionBody, 201);
    expect(await permissionsOf(analyst, dec.id)).toEqual(none);
    expect(await permissionsOf(head, dec.id)).toMatchObject({ checkAction: true });
    expectError(await analyst.request('POST', `/api/pdca/actions/${action.id}/check`, { result: 'effective' }), 403);
    await post(head, `/api/pdca/actions/${action.id}/check`, { result: 'effective' });

    // A plan reopened for revision pauses its cycles: nothing is allowed, and the writes say so.
    const revised = await post(director, `/api/plans/${plan.id}/revise`, {
      version: plan.version,
      reason: 'New prices',
    });
    expect(revised.status).toBe('draft');
    expect(await permissionsOf(director, dec.id)).toEqual(none);
    expectError(await director.request('POST', `/api/pdca/${dec.id}/approve-plan`, {}), 409);
  });

  it("shows the head of one team their part of the organisation's cycle, and lets them do only their part", async () => {
    // Tina heads Team A (Anna) only. The organisation's March–April plan is the director's.
    const t = ctx();
    const tinaEmail = `tina-${randomUUID()}@example.test`;
    await withOrg(t.deps.db, org.orgId, async (tx) => {
      const { password_hash } = await tx
        .selectFrom('users')
        .select('password_hash')
        .where('org_id', '=', org.orgId)
        .where('user_id', '=', org.users.managerA.id)
        .executeTakeFirstOrThrow();
      const tina = await tx
        .insertInto('users')
        .values({
          org_id: org.orgId,
          email: tinaEmail,
          full_name: 'Tina Teamhead',
          role: 'head_of_sales',
          unit_id: org.units.teamA,
          manager_id: org.users.head.id,
          hire_date: '2025-01-15',
          password_hash,
        })
        .returning('user_id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('user_logins')
        .values({ email: tinaEmail, org_id: org.orgId, user_id: tina.user_id })
        .execute();
      await tx
        .updateTable('units')
        .set({ head_user_id: tina.user_id })
        .where('org_id', '=', org.orgId)
        .where('unit_id', '=', org.units.teamA)
        .execute();
    });
    const tina = await loginAs(t, tinaEmail);
    // Anna's history for her goals' funnel: deals won and lost, meetings and calls.
    const pipeline = await defaultPipeline(director);
    const deal = { ownerId: org.users.managerA.id, pipelineId: pipeline.id, amountMinor: 100_000 };
    const history = { createdAt: '2025-12-01T09:00:00Z', closedAt: '2026-01-15T09:00:00Z' };
    for (const status of ['won', 'won', 'lost'] as const) {
      await insertDeal(t, org, {
        ...deal,
        ...history,
        status,
        stageId: status === 'won' ? pipeline.won : pipeline.lost,
      });
    }
    await insertActivities(t, org, 6, { userId: org.users.managerA.id, kind: 'meeting', at: '2025-11-10T09:00:00Z' });
    await insertActivities(t, org, 30, {
      userId: org.users.managerA.id,
      kind: 'call',
      direction: 'outbound',
      at: '2025-11-10T09:00:00Z',
    });
    const plan = await approvedPlan(director, director, null, 'Organisation 2026 spring');
    const [march] = (await cyclesOf(tina, plan.id)).map((c) => c.id) as [string];
    const tinaFlags = {
      approveMonth: false,
      issueGoals: false,
      review: false,
      addAction: false,
      checkAction: false,
      generateGoals: true,
    };
    expect((await cyclesOf(tina, plan.id))[0]?.permissions).toEqual(tinaFlags);

    // Plan: the organisation's month is the director's to approve.
    expectError(await tina.request('POST', `/api/pdca/${march}/approve-plan`, {}), 403);
    await post(director, `/api/pdca/${march}/approve-plan`);

    // Do: she generates her reps' goals (Anna's), not Team B's; she may adjust them; issuing is the director's.
    const generated = await post(tina, `/api/plans/${plan.id}/goals`, { month: '2026-03' });
    const goalOwners = (items: { user: { id: string } }[]) => [...new Set(items.map((goal) => goal.user.id))];
    expect(goalOwners(generated.items)).toEqual([org.users.managerA.id]);
    const listed = await tina.request('GET', `/api/plan-goals?planId=${plan.id}&month=2026-03`);
    expect(goalOwners(listed.body.items)).toEqual([org.users.managerA.id]);
    expect(listed.body.items.every((goal: { permissions: { adjust: boolean } }) => goal.permissions.adjust)).toBe(true);
    const goal = listed.body.items[0] as { id: string; target: number };
    const adjusted = await tina.request('PATCH', `/api/plan-goals/${goal.id}`, {
      target: goal.target + 1,
      reason: 'Tender',
    });
    expect(adjusted.status, JSON.stringify(adjusted.body)).toBe(200);
    expectError(await tina.request('POST', `/api/pdca/${march}/issue-goals`, {}), 403);
    await post(director, `/api/plans/${plan.id}/goals`, { month: '2026-03' });
    await post(director, `/api/pdca/${march}/issue-goals`);

    // Check: Team A's plan for March against Anna's March sales (60 000 + 10 000); Boris's 40 000 is not hers.
    const lines = await director.request('GET', `/api/plans/${plan.id}/lines`);
    const teamALine = lines.body.lines.find((line: { label: string }) => line.label === 'Team A');
    const teamAMarch = teamALine.months[0].realisticMinor as number;
    const deviations = await tina.request('GET', `/api/pdca/${march}/deviations`);
    expect(deviations.status, JSON.stringify(deviations.body)).toBe(200);
    expect(deviations.body).toMatchObject({ planMinor: teamAMarch, factMinor: 70_000 });
    expect(deviations.body.items.map((item: { dimension: string; key: string }) => [item.dimension, item.key])).toEqual(
      [['rep', org.users.managerA.id]],
    );
    const whole = await director.request('GET', `/api/pdca/${march}/deviations`);
    expect(whole.body.items.map((item: { key: string }) => item.key)).toContain(org.users.managerB.id);
    expectError(await tina.request('POST', `/api/pdca/${march}/review`, { comment: 'Mine' }), 403);
    await post(director, `/api/pdca/${march}/review`, { comment: 'Team B ahead' });

    // Act: she sees the actions owned in her team, not Team B's, and cannot add any to the organisation's month.
    const due = '2026-03-30';
    await post(
      director,
      `/api/pdca/${march}/actions`,
      { title: 'Anna: dealers', ownerId: org.users.managerA.id, dueDay: due },
      201,
    );
    await post(
      director,
      `/api/pdca/${march}/actions`,
      { title: 'Boris: tender', ownerId: org.users.managerB.id, dueDay: due },
      201,
    );
    const details = await tina.request('GET', `/api/pdca/${march}`);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({ currentStage: null, permissions: tinaFlags });
    expect(details.body.actions.map((action: { title: string }) => action.title)).toEqual(['Anna: dealers']);
    // Her counts are her part's (Anna's goals, Anna's action); the director's are the organisation's.
    expect(details.body).toMatchObject({ goalRepCount: 1, actionCount: 1 });
    expect((await cyclesOf(tina, plan.id))[0]).toMatchObject({ goalRepCount: 1, actionCount: 1 });
    const directorView = await director.request('GET', `/api/pdca/${march}`);
    expect(directorView.body.actionCount).toBe(2);
    expect(directorView.body.goalRepCount).toBeGreaterThan(1);
    expect(details.body.deviations.top.map((item: { key: string }) => item.key)).toEqual([org.users.managerA.id]);
    const actionBody = { title: 'Mine', ownerId: org.users.managerA.id, dueDay: due };
    expectError(await tina.request('POST', `/api/pdca/${march}/actions`, actionBody), 403);
    // A rep the plan includes still does not see the cycle.
    expectError(await managerA.request('GET', `/api/pdca/${march}`), 403);
  });

  it('has no cycles while the plan is a draft', async () => {
    const draft = await createPlan(head, {
      name: 'Draft autumn',
      year: undefined,
      periodStart: '2026-09-01',
      periodEnd: '2026-10-31',
      scopeUnitId: org.units.teamA,
    });
    expect(await cyclesOf(head, draft.id)).toEqual([]);
  });
});
