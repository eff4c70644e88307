import { Dashboard, DepartmentsDashboard, Digest, KpiCatalogId, type KpiCell, MyDashboard } from '@pulse/contracts';
import { KPI_IDS } from '@pulse/domain';
import { beforeAll, expect, it } from 'vitest';
import { type Tx, withOrg } from '../../db/tenant.ts';
import { createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase } from '../../test/server.ts';
import { expectError, expectInvalid } from '../deals/deals.factories.ts';
import { addActivity, addDeal, addLead, addSale, addTask, loadStages } from '../kpi/kpi-rollup-fixtures.ts';

// Moscow (UTC+3), "now" Wednesday 4 March 2026 15:00 local. March 2026 has 21 working days; the
// week to date is Mon 2 – Wed 4 March (3 working days), the month to date 1 – 4 March (the 1st is
// a Sunday: 3 working days too). People: Hector (head, department), Anna (team A), Boris and Vera
// (team B); Olga and Oleg in the other department.
//
// Anna: outbound calls 1 Mar 1, 2 Mar 2, 4 Mar 3 (60 s each); inbound 3 Mar 1 (120 s); a planned
//   call 4 Mar (not held); a meeting held 4 Mar; tasks due 4 Mar: one done on time, one open;
//   deals won 4 Mar 100 000 and 300 000, lost 3 Mar; sales 1 Mar 100 000, 2 Mar 50 000,
//   4 Mar 250 000; a lead arrived 4 Mar 06:00Z, first touched after 3 600 000 business ms.
// Boris: outbound call 4 Mar; won 3 Mar 200 000; lost three on 4 Mar; sale 3 Mar 400 000.
// Vera: won 4 Mar 500 000. Oleg: outbound call 3 Mar.
//
// Targets: Anna calls-outbound per day 4 (green 4, amber 3); Anna revenue per month 2 100 000
// (green 2 100 000, amber 1 680 000) → 100 000 a working day; Boris win-rate per month 30 (30/20);
// team B win-rate per month 45 (45/35).
//
// Today: Anna calls 3 = amber (at amberAt), revenue 250 000 ≥ 100 000 green; Boris win 0/3 = 0 %
//   red; team B = (0 + 1) / (0 + 1 + 3 + 0) = 25 % red — the mean of its reps' rates would be 50 %.
// Week: Anna calls 5 vs 12 (amber 9) red; revenue 300 000 = green 300 000 exactly; win 2/3;
//   Boris 1/4 = 25 % amber; Vera 1/1; team B 2/5 = 40 % amber (mean of reps 62.5 %).
// Month: Anna calls 6 vs 12 red; revenue 400 000 vs 300 000 green.

const NOW = new Date('2026-03-04T12:00:00Z');
const WEEK = 'from=2026-03-02&to=2026-03-04';

describeEachDatabase('daily control: dashboard', (ctx) => {
  let org: TestOrg;
  let head: Session;
  let anna: Session;
  let director: Session;
  let vera: string;
  let ids: Record<'hector' | 'anna' | 'boris' | 'oleg', string>;

  const tx = <T>(work: (db: Tx) => Promise<T>) => withOrg(ctx().deps.db, org.orgId, work);
  const get = async (session: Session, url: string) => {
    const res = await session.request('GET', url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const dashboard = async (session: Session, query: string) =>
    Dashboard.parse(await get(session, `/api/daily-control/dashboard?${query}`));
  const rowOf = (d: Dashboard, userId: string) => d.rows.find((r) => r.userId === userId) as Dashboard['rows'][number];
  const teamOf = (d: Dashboard, unitId: string) =>
    d.teams.find((t) => t.unitId === unitId) as Dashboard['teams'][number];
  const cell = (value: number | null, target: number | null, light: KpiCell['light']) =>
    expect.objectContaining({ value, target, light });

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = NOW;
    org = await createTestOrg(t, 'Dashboard');
    ids = {
      hector: org.users.head.id,
      anna: org.users.managerA.id,
      boris: org.users.managerB.id,
      oleg: org.users.otherManager.id,
    };
    await tx(async (db) => {
      const o = org.orgId;
      vera = (
        await db
          .insertInto('users')
          .values({
            org_id: o,
            email: `vera-${o}@example.test`,
            full_name: 'Vera Manager',
            role: 'sales_manager',
            unit_id: org.units.teamB,
            manager_id: ids.hector,
            hire_date: '2025-01-15',
          })
          .returning('user_id')
          .executeTakeFirstOrThrow()
      ).user_id;
      const stages = await loadStages(db, o);
      const call = (userId: string, at: string, direction: 'inbound' | 'outbound' = 'outbound', sec = 60) =>
        addActivity(db, o, { userId, kind: 'call', direction, status: 'done', at, durationSec: sec });
      for (const at of ['2026-03-01T08:00:00Z', '2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z']) {
        await call(ids.anna, at);
      }
      for (const at of ['2026-03-04T07:00:00Z', '2026-03-04T08:00:00Z', '2026-03-04T09:00:00Z']) {
        await call(ids.anna, at);
      }
      await call(ids.anna, '2026-03-03T09:00:00Z', 'inbound', 120);
      await addActivity(db, o, { userId: ids.anna, kind: 'call', status: 'planned', at: '2026-03-04T11:00:00Z' });
      await addActivity(db, o, { userId: ids.anna, kind: 'meeting', status: 'done', at: '2026-03-04T10:00:00Z' });
      await addTask(db, o, {
        assigneeId: ids.anna,
        due: '2026-03-04T08:00:00Z',
        status: 'done',
        completed: '2026-03-04T07:00:00Z',
      });
      await addTask(db, o, { assigneeId: ids.anna, due: '2026-03-04T10:00:00Z', status: 'open' });
      const deal = (ownerId: string, status: 'won' | 'lost', closed: string, amountMinor = 100_000) =>
        addDeal(db, o, stages, { ownerId, status, closed, amountMinor });
      await deal(ids.anna, 'won', '2026-03-04T09:00:00Z', 100_000);
      await deal(ids.anna, 'won', '2026-03-04T10:00:00Z', 300_000);
      await deal(ids.anna, 'lost', '2026-03-03T10:00:00Z');
      await deal(ids.boris, 'won', '2026-03-03T10:00:00Z', 200_000);
      for (const hour of ['07', '08', '09']) await deal(ids.boris, 'lost', `2026-03-04T${hour}:00:00Z`);
      await deal(vera, 'won', '2026-03-04T08:00:00Z', 500_000);
      await addSale(db, o, { ownerId: ids.anna, day: '2026-03-01', amountMinor: 100_000 });
      await addSale(db, o, { ownerId: ids.anna, day: '2026-03-02', amountMinor: 50_000 });
      await addSale(db, o, { ownerId: ids.anna, day: '2026-03-04', amountMinor: 250_000 });
      await addSale(db, o, { ownerId: ids.boris, day: '2026-03-03', amountMinor: 400_000 });
      await addLead(db, o, {
        assigneeId: ids.anna,
        qualifierId: null,
        arrived: '2026-03-04T06:00:00Z',
        firstTouch: '2026-03-04T07:00:00Z',
        responseMs: 3_600_000,
      });
      await call(ids.boris, '2026-03-04T06:30:00Z');
      await call(ids.oleg, '2026-03-03T06:30:00Z');
      const target = (
        subject: { user_id: string } | { unit_id: string },
        kpi_id: string,
        grain: string,
        [value, green, amber]: [number, number, number],
        span: [string, string] = ['2026-03-01', '2026-03-31'],
      ) =>
        db
          .insertInto('kpi_targets')
          .values({
            org_id: o,
            ...subject,
            kpi_id,
            grain,
            period_from: span[0],
            period_to: span[1],
            target: String(value),
            green_at: String(green),
            amber_at: String(amber),
            source: 'manual',
            created_by: ids.hector,
          })
          .execute();
      await target({ user_id: ids.anna }, 'calls-outbound', 'day', [4, 4, 3]);
      await target({ user_id: ids.anna }, 'revenue', 'month', [2_100_000, 2_100_000, 1_680_000]);
      await target({ user_id: ids.boris }, 'win-rate', 'month', [30, 30, 20]);
      await target({ unit_id: org.units.teamB }, 'win-rate', 'month', [45, 45, 35]);
    });
    head = await loginAs(t, org.users.head.email);
    anna = await loginAs(t, org.users.managerA.email);
    director = await loginAs(t, org.users.director.email);
  });

  it('keeps the contract’s KPI ids equal to the domain catalog, in order', () => {
    expect(KpiCatalogId.options).toEqual([...KPI_IDS]);
  });

  it('gives each rep today’s figures against their own targets, with lights at the boundaries', async () => {
    const d = await dashboard(head, 'period=today');
    expect(d.period).toMatchObject({ kind: 'today', from: '2026-03-04', to: '2026-03-04', workingDays: 1 });
    expect(d.kpis).toEqual([...KPI_IDS]);
    expect(d.rows.map((r) => r.fullName)).toEqual(['Anna Manager', 'Boris Manager', 'Hector Head', 'Vera Manager']);
    const a = rowOf(d, ids.anna).kpis;
    expect(a['calls-outbound']).toMatchObject({ value: 3, target: 4, greenAt: 4, amberAt: 3, light: 'amber' });
    expect(a['calls-inbound']).toEqual(cell(0, null, null));
    expect(a['talk-time'].value).toBe(180);
    expect(a['meetings-held'].value).toBe(1);
    expect(a['tasks-on-time'].value).toBe(50);
    expect(a['deals-won'].value).toBe(2);
    expect(a['average-deal'].value).toBe(200_000);
    expect(a['win-rate'].value).toBe(100);
    expect(a.revenue).toMatchObject({
      value: 250_000,
      target: 100_000,
      greenAt: 100_000,
      amberAt: 80_000,
      light: 'green',
    });
    expect(a['leads-new'].value).toBe(1);
    expect(a['response-time'].value).toBe(3_600_000);
    expect(a['lead-to-won-time']).toMatchObject({ value: null, absentReason: 'no-data' });
    expect(a['stage-conversion']).toMatchObject({ value: null, absentReason: 'no-data', drillDown: null });
    expect(a['pipeline-coverage']).toMatchObject({ value: null, absentReason: 'no-data' });
    expect(a['quality-score']).toEqual({
      value: null,
      absentReason: 'no-source',
      target: null,
      greenAt: null,
      amberAt: null,
      light: null,
      drillDown: null,
    });
    expect(rowOf(d, ids.boris).kpis['win-rate']).toMatchObject({ value: 0, target: 30, light: 'red' });
    expect(rowOf(d, ids.hector).kpis['tasks-on-time']).toMatchObject({ value: null, absentReason: 'no-data' });
    expect(rowOf(d, ids.anna).plan).toBeNull();
  });

  it('adds a team up from its members’ measures, not from their ratios', async () => {
    const today = await dashboard(head, 'period=today');
    expect(teamOf(today, org.units.teamB).kpis['win-rate']).toMatchObject({ value: 25, target: 45, light: 'red' });
    const week = await dashboard(head, 'period=week');
    const teamB = teamOf(week, org.units.teamB);
    expect(teamB.memberIds.sort()).toEqual([ids.boris, vera].sort());
    expect(teamB.kpis['win-rate']).toMatchObject({ value: 40, target: 45, greenAt: 45, amberAt: 35, light: 'amber' });
    expect(teamB.kpis['win-rate'].drillDown).toBeNull();
    expect(teamB.kpis['deals-won'].value).toBe(2);
    expect(week.teams.map((t) => t.name)).toEqual(['Sales Moscow', 'Team A', 'Team B']);
    // The head's view is the department: Anna 2 won 1 lost, Boris 1/3, Vera 1/0 → 4 / 8.
    expect(week.total.unitId).toBe(org.units.department);
    expect(week.total.kpis['win-rate'].value).toBe(50);
    expect(week.total.kpis.revenue.value).toBe(700_000);
    expect(week.total.kpis['calls-outbound'].value).toBe(6);
  });

  it('scales a monthly revenue target to the week by working days and colours the week', async () => {
    const d = await dashboard(head, 'period=week');
    expect(d.period).toMatchObject({ kind: 'week', from: '2026-03-02', to: '2026-03-04', workingDays: 3 });
    const a = rowOf(d, ids.anna).kpis;
    expect(a.revenue).toMatchObject({
      value: 300_000,
      target: 300_000,
      greenAt: 300_000,
      amberAt: 240_000,
      light: 'green',
    });
    expect(a['calls-outbound']).toMatchObject({ value: 5, target: 12, greenAt: 12, amberAt: 9, light: 'red' });
    expect(a['win-rate'].value).toBeCloseTo(66.6667, 3);
    expect(a['talk-time'].value).toBe(420);
    expect(rowOf(d, ids.boris).kpis['win-rate']).toMatchObject({ value: 25, target: 30, light: 'amber' });
    const month = await dashboard(head, 'period=month&date=2026-03-04');
    expect(month.period).toMatchObject({ from: '2026-03-01', to: '2026-03-04', workingDays: 3 });
    expect(rowOf(month, ids.anna).kpis.revenue).toMatchObject({ value: 400_000, target: 300_000, light: 'green' });
    expect(rowOf(month, ids.anna).kpis['calls-outbound']).toMatchObject({ value: 6, target: 12, light: 'red' });
  });

  it('links every figure to the list of its records with exact day filters', async () => {
    const a = rowOf(await dashboard(head, 'period=week'), ids.anna).kpis;
    const u = ids.anna;
    expect(a['calls-outbound'].drillDown).toBe(
      `/activities?userId=${u}&kind=call&direction=outbound&status=done&from=2026-03-02&to=2026-03-04`,
    );
    expect(a['calls-inbound'].drillDown).toBe(
      `/activities?userId=${u}&kind=call&direction=inbound&status=done&from=2026-03-02&to=2026-03-04`,
    );
    expect(a['talk-time'].drillDown).toBe(`/activities?userId=${u}&kind=call&status=done&${WEEK}`);
    expect(a['meetings-held'].drillDown).toBe(`/activities?userId=${u}&kind=meeting&status=done&${WEEK}`);
    expect(a['tasks-on-time'].drillDown).toBe(
      `/tasks?assigneeId=${u}&status=not-cancelled&dueFrom=2026-03-02&dueTo=2026-03-04`,
    );
    expect(a['leads-new'].drillDown).toBe(`/leads?takerId=${u}&arrivedFrom=2026-03-02&arrivedTo=2026-03-04`);
    expect(a['leads-qualified'].drillDown).toBe(
      `/leads?qualifierId=${u}&handedOffFrom=2026-03-02&handedOffTo=2026-03-04`,
    );
    expect(a['response-time'].drillDown).toBe(`/leads?takerId=${u}&touchedFrom=2026-03-02&touchedTo=2026-03-04`);
    const won = `/deals?ownerId=${u}&status=won&closedFrom=2026-03-02&closedTo=2026-03-04`;
    expect([a['deals-won'].drillDown, a['average-deal'].drillDown, a['lead-to-won-time'].drillDown]).toEqual([
      won,
      won,
      won,
    ]);
    expect(a['win-rate'].drillDown).toBe(`/deals?ownerId=${u}&closedFrom=2026-03-02&closedTo=2026-03-04`);
    expect(a.revenue.drillDown).toBe(`/sales?ownerId=${u}&${WEEK}`);
    expect(a['pipeline-coverage'].drillDown).toBe(
      `/deals?ownerId=${u}&status=open&expectedCloseFrom=2026-03-01&expectedCloseTo=2026-03-31`,
    );
  });

  it('ranks the leaderboard by revenue, ties sharing a rank, and carries today’s flags', async () => {
    const d = await dashboard(head, 'period=week');
    expect(d.leaderboard).toEqual([
      {
        rank: 1,
        userId: ids.boris,
        fullName: 'Boris Manager',
        revenueMinor: 400_000,
        attainment: null,
        planAttainment: null,
        dealsWon: 1,
      },
      {
        rank: 2,
        userId: ids.anna,
        fullName: 'Anna Manager',
        revenueMinor: 300_000,
        attainment: 100,
        planAttainment: null,
        dealsWon: 2,
      },
      {
        rank: 3,
        userId: ids.hector,
        fullName: 'Hector Head',
        revenueMinor: 0,
        attainment: null,
        planAttainment: null,
        dealsWon: 0,
      },
      {
        rank: 3,
        userId: vera,
        fullName: 'Vera Manager',
        revenueMinor: 0,
        attainment: null,
        planAttainment: null,
        dealsWon: 1,
      },
    ]);
    // 15:00 local, past the 12:00 call hour: Vera has held no call today; Anna and Boris have.
    const noCalls = d.flags.filter((f) => f.kind === 'no-calls').map((f) => f.user.id);
    expect(noCalls).toEqual([vera]);
  });

  it('shows a head only their subtree, narrows to a unit, and hides other units', async () => {
    const headView = await dashboard(head, 'period=week');
    expect(headView.rows.map((r) => r.userId)).not.toContain(ids.oleg);
    const teamB = await dashboard(head, `period=week&unitId=${org.units.teamB}`);
    expect(teamB.rows.map((r) => r.fullName)).toEqual(['Boris Manager', 'Vera Manager']);
    expect(teamB.total).toMatchObject({ unitId: org.units.teamB });
    expect(teamB.total.kpis['win-rate']).toMatchObject({ value: 40, target: 45, light: 'amber' });
    expectError(await head.request('GET', `/api/daily-control/dashboard?unitId=${org.units.otherDepartment}`), 404);
    const all = await dashboard(director, 'period=week');
    expect(all.rows.map((r) => r.userId)).toContain(ids.oleg);
    expect(all.total.unitId).toBe(org.units.directorate);
  });

  it('refuses the dashboard to a rep and gives them their own row with their goals', async () => {
    expectError(await anna.request('GET', '/api/daily-control/dashboard'), 403);
    expectError(await anna.request('GET', '/api/daily-control/departments'), 403);
    expectError(await anna.request('GET', '/api/daily-control/digest'), 403);
    const me = MyDashboard.parse(await get(anna, '/api/daily-control/me?period=week'));
    expect(me.row.userId).toBe(ids.anna);
    expect(me.row.kpis.revenue).toMatchObject({ value: 300_000, target: 300_000, light: 'green' });
    expect(me.goals).toMatchObject({ month: '2026-03', asOf: '2026-03-04', items: [] });
  });

  it('refuses a bad period or day', async () => {
    expectInvalid(await head.request('GET', '/api/daily-control/dashboard?period=year'), 'query.period');
    expectInvalid(await head.request('GET', '/api/daily-control/dashboard?date=2026-02-30'), 'query.date');
    expectInvalid(await anna.request('GET', '/api/daily-control/me?date=2026-03-01'), 'query.date');
  });

  it('puts the departments side by side for the director', async () => {
    const d = DepartmentsDashboard.parse(await get(director, '/api/daily-control/departments?period=week'));
    expect(d.departments.map((x) => [x.name, x.memberCount])).toEqual([
      ['Sales Moscow', 4],
      ['Sales Regions', 2],
    ]);
    const [moscow, regions] = d.departments as [
      DepartmentsDashboard['departments'][number],
      DepartmentsDashboard['departments'][number],
    ];
    expect(moscow.kpis['win-rate'].value).toBe(50);
    expect(moscow.kpis.revenue.value).toBe(700_000);
    expect(regions.kpis['calls-outbound'].value).toBe(1);
    expect(regions.kpis['win-rate'].value).toBeNull();
    expectError(await head.request('GET', '/api/daily-control/departments'), 403);
  });

  it('writes the morning digest in Russian with only the amber and red figures of yesterday', async () => {
    const d = Digest.parse(await get(head, '/api/daily-control/digest?date=2026-03-05'));
    expect(d).toMatchObject({ date: '2026-03-05', yesterday: '2026-03-04', locale: 'ru', plan: [] });
    expect(d.reps).toEqual([
      {
        userId: ids.anna,
        fullName: 'Anna Manager',
        unitId: org.units.teamA,
        cells: [
          {
            kpiId: 'calls-outbound',
            value: 3,
            target: 4,
            light: 'amber',
            drillDown: `/activities?userId=${ids.anna}&kind=call&direction=outbound&status=done&from=2026-03-04&to=2026-03-04`,
          },
        ],
      },
      {
        userId: ids.boris,
        fullName: 'Boris Manager',
        unitId: org.units.teamB,
        cells: [
          {
            kpiId: 'win-rate',
            value: 0,
            target: 30,
            light: 'red',
            drillDown: `/deals?ownerId=${ids.boris}&closedFrom=2026-03-04&closedTo=2026-03-04`,
          },
        ],
      },
    ]);
    expect(d.subject).toBe('Утренняя сводка на 05.03.2026');
    expect(d.text).toContain('Вчера, 04.03.2026: показатели ниже цели');
    expect(d.text).toContain('Исходящие звонки: 3 (цель 4) — жёлтый');
    expect(d.text).toContain('Доля выигранных сделок: 0 % (цель 30 %) — красный');
    expect(d.text).not.toContain('Выручка');
    expect(d.text).toContain('Vera Manager: нет звонков к 12:00');
    expect(d.text).toContain('Нет утверждённого плана.');
    expect(d.html).toContain('<h3>Anna Manager</h3>');
    expect(d.html).toContain('lang="ru"');
  });
});
