import { RedFlags } from '@pulse/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Tx, withOrg } from '../../db/tenant.ts';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW, type TestApp } from '../../test/server.ts';
import { createDeal, defaultPipeline, expectError, expectInvalid } from '../deals/deals.factories.ts';
import { insertRep, insertSale } from '../plans/plans.factories.ts';
import { approvedTeamAMarchPlan } from './daily-control.factories.ts';

// Every instant below is written in UTC; the organisation's calendar is Moscow (UTC+3, business
// hours 09:00–18:00, the Russian production calendar), calls are expected by 12:00, at most 3
// overdue tasks are tolerated and the response target is 60 business minutes.
// Tuesday 10 March 2026 is a working day: 11:59 Moscow is 08:59Z, 12:01 is 09:01Z.

const MINUTE = 60_000;
const TUE_1159 = new Date('2026-03-10T08:59:00Z');
const TUE_1201 = new Date('2026-03-10T09:01:00Z');
const SAT_1201 = new Date('2026-03-14T09:01:00Z');

type Flags = RedFlags['flags'];

describeEachDatabase('daily control: red flags', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let head: Session;
  let director: Session;
  let managerA: Session;
  let otherHead: Session;
  let rivalDirector: Session;
  let anna: string;
  let boris: string;
  let oleg: string;

  const flagsOf = async (session: Session, query = ''): Promise<Flags> => {
    const res = await session.request('GET', `/api/daily-control/flags${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return RedFlags.parse(res.body).flags;
  };
  const of = (flags: Flags, kind: string) => flags.filter((f) => f.kind === kind);
  const usersOf = (flags: Flags, kind: string) => of(flags, kind).map((f) => f.user.id);
  const at = (now: Date) => {
    ctx().clock.now = now;
  };
  const tx = <T>(t: TestApp, work: (db: Tx) => Promise<T>) => withOrg(t.deps.db, org.orgId, work);

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Flags org');
    rival = await createTestOrg(t, 'Flags rival');
    [head, director, managerA, otherHead, rivalDirector] = await Promise.all([
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.director.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.otherHead.email),
      loginAs(t, rival.users.director.email),
    ]);
    anna = org.users.managerA.id;
    boris = org.users.managerB.id;
    oleg = org.users.otherManager.id;
    // A rep who has left: never flagged, whatever they left behind.
    await insertRep(t, org, {
      fullName: 'Gone Rep',
      unitId: org.units.teamB,
      hireDate: '2025-01-01',
      deactivatedAt: new Date('2026-02-01T00:00:00Z'),
    });
  });

  async function insertCall(userId: string, occurredAt: Date, status: 'done' | 'missed' = 'done') {
    await tx(ctx(), (db) =>
      db
        .insertInto('activities')
        .values({
          org_id: org.orgId,
          kind: 'call',
          direction: 'outbound',
          status,
          occurred_at: occurredAt,
          user_id: userId,
        })
        .execute(),
    );
  }
  async function insertTask(assigneeId: string, dueAt: Date, status: 'open' | 'done' = 'open') {
    return tx(ctx(), async (db) => {
      const row = await db
        .insertInto('tasks')
        .values({
          org_id: org.orgId,
          title: 'Call back',
          due_at: dueAt,
          status,
          assignee_id: assigneeId,
          completed_at: status === 'done' ? dueAt : null,
        })
        .returning('task_id')
        .executeTakeFirstOrThrow();
      return row.task_id;
    });
  }
  async function insertLead(lead: {
    arrivedAt: Date;
    assigneeId?: string | null;
    qualifierId?: string | null;
    firstTouchAt?: Date;
  }) {
    return tx(ctx(), async (db) => {
      const row = await db
        .insertInto('leads')
        .values({
          org_id: org.orgId,
          title: 'Inbound request',
          source: 'web_form',
          status: lead.assigneeId ? 'handed_off' : 'new',
          arrived_at: lead.arrivedAt,
          assignee_id: lead.assigneeId ?? null,
          qualifier_id: lead.qualifierId ?? null,
          first_touch_at: lead.firstTouchAt ?? null,
        })
        .returning('lead_id')
        .executeTakeFirstOrThrow();
      return row.lead_id;
    });
  }

  describe('GET /api/daily-control/flags: input and reach', () => {
    it('answers 401 without a session, 400 for a unitId that is not a uuid', async () => {
      expect((await call(ctx(), 'GET', '/api/daily-control/flags')).status).toBe(401);
      expectInvalid(await head.request('GET', '/api/daily-control/flags?unitId=team-a'), 'query.unitId');
      expect((await head.request('GET', '/api/daily-control/flags?other=1')).status).toBe(400);
    });
    it("answers 404 for another organisation's unit and for a unit outside the caller's reach", async () => {
      expectError(await rivalDirector.request('GET', `/api/daily-control/flags?unitId=${org.units.department}`), 404);
      expectError(await head.request('GET', `/api/daily-control/flags?unitId=${org.units.otherDepartment}`), 404);
      expectError(await managerA.request('GET', `/api/daily-control/flags?unitId=${org.units.teamB}`), 404);
    });
  });

  describe('no-calls', () => {
    it('fires from 12:00 local on a working day for a rep without a held call, not at 11:59', async () => {
      at(TUE_1159);
      expect(of(await flagsOf(director), 'no-calls')).toEqual([]);
      at(TUE_1201);
      const flags = await flagsOf(director);
      // Every active line salesperson of the organisation; never the head, the director or a leaver.
      expect(usersOf(flags, 'no-calls').sort()).toEqual([anna, boris, oleg].sort());
      expect(of(flags, 'no-calls')[0]).toMatchObject({ figure: 0, limit: 1, unit: 'calls', expectedBy: '12:00' });
    });
    it("counts only today's held calls: yesterday's call and a missed call today do not count", async () => {
      await insertCall(boris, new Date('2026-03-09T15:00:00Z'));
      await insertCall(boris, new Date('2026-03-10T07:00:00Z'), 'missed');
      // 00:30 Moscow on the 10th is 21:30Z on the 9th: already today.
      await insertCall(anna, new Date('2026-03-09T21:30:00Z'));
      at(TUE_1201);
      const flags = await flagsOf(head);
      expect(usersOf(flags, 'no-calls')).toEqual([boris]);
      const drill = of(flags, 'no-calls')[0]?.drillDown;
      // Today as a local day, the filter of the web activities list.
      expect(drill).toEqual({ list: 'activities', query: `userId=${boris}&kind=call&from=2026-03-10&to=2026-03-10` });
      // The list reads those days in Moscow time: today's missed call, not yesterday's held one.
      const listed = await head.request(
        'GET',
        `/api/activities?userId=${boris}&kind=call&from=2026-03-09T21:00:00Z&to=2026-03-10T21:00:00Z`,
      );
      expect(listed.body.items.map((a: { occurredAt: string }) => a.occurredAt)).toEqual(['2026-03-10T07:00:00.000Z']);
    });
    it('does not fire on a weekend', async () => {
      at(SAT_1201);
      expect(of(await flagsOf(director), 'no-calls')).toEqual([]);
    });
    it("follows the organisation's hour: expected by 11:00, 11:59 is already late", async () => {
      const expectBy = (hour: string) =>
        tx(ctx(), (db) =>
          db.updateTable('organizations').set({ calls_expected_by: hour }).where('org_id', '=', org.orgId).execute(),
        );
      await expectBy('11:00');
      at(TUE_1159);
      const [flag] = of(await flagsOf(head), 'no-calls');
      expect(flag).toMatchObject({ user: { id: boris }, expectedBy: '11:00' });
      await expectBy('12:00');
    });
  });

  describe('scope', () => {
    it('shows a head their subtree, another head theirs, a rep only themselves, a unit its subtree', async () => {
      at(TUE_1201);
      expect(usersOf(await flagsOf(head), 'no-calls')).toEqual([boris]);
      expect(usersOf(await flagsOf(otherHead), 'no-calls')).toEqual([oleg]);
      expect(usersOf(await flagsOf(director, `?unitId=${org.units.otherDepartment}`), 'no-calls')).toEqual([oleg]);
      expect(usersOf(await flagsOf(head, `?unitId=${org.units.teamA}`), 'no-calls')).toEqual([]);
      expect(usersOf(await flagsOf(head, `?unitId=${org.units.teamB}`), 'no-calls')).toEqual([boris]);
      await insertCall(anna, new Date('2026-03-10T09:30:00Z'));
      const own = await flagsOf(managerA);
      expect(own.every((f) => f.user.id === anna)).toBe(true);
      expect(usersOf(await flagsOf(managerA, `?unitId=${org.units.teamA}`), 'no-calls')).toEqual([]);
    });
  });

  describe('overdue-tasks', () => {
    it('tolerates the limit (3) and fires at 4, counting only open tasks already past due', async () => {
      at(TUE_1201);
      const due = (hoursAgo: number) => new Date(TUE_1201.getTime() - hoursAgo * 60 * MINUTE);
      const ids = [await insertTask(anna, due(50)), await insertTask(anna, due(5)), await insertTask(anna, due(1))];
      await insertTask(anna, due(30), 'done');
      await insertTask(anna, new Date(TUE_1201.getTime() + MINUTE));
      expect(of(await flagsOf(head), 'overdue-tasks')).toEqual([]);
      ids.push(await insertTask(anna, due(2)));
      const [flag, ...rest] = of(await flagsOf(head), 'overdue-tasks');
      expect(rest).toEqual([]);
      expect(flag).toMatchObject({ user: { id: anna }, figure: 4, limit: 3, unit: 'tasks', count: 4 });
      // Oldest first: 50, 5, 2 and 1 hours overdue.
      expect(flag?.recordIds).toEqual([ids[0], ids[1], ids[3], ids[2]]);
      expect(flag?.drillDown).toEqual({ list: 'tasks', query: `assigneeId=${anna}&overdue=true` });
      const listed = await head.request('GET', `/api/tasks?${flag?.drillDown?.query}`);
      expect(listed.body.items.map((task: { id: string }) => task.id).sort()).toEqual([...ids].sort());
      // Another head does not see Anna's tasks; Anna sees her own flag, Boris none of hers.
      expect(of(await flagsOf(otherHead), 'overdue-tasks')).toEqual([]);
      expect(usersOf(await flagsOf(managerA), 'overdue-tasks')).toEqual([anna]);
      const boris$ = await loginAs(ctx(), org.users.managerB.email);
      const borisFlags = await flagsOf(boris$);
      expect(borisFlags.length).toBeGreaterThan(0);
      expect(borisFlags.every((f) => f.user.id === boris)).toBe(true);
    });
  });

  describe('rotting-deals', () => {
    it("fires once a deal has been longer than its stage's rotting days (7 for Qualification), not at exactly 7", async () => {
      at(TUE_1201);
      const pipeline = await defaultPipeline(head);
      const boris$ = await loginAs(ctx(), org.users.managerB.email);
      const exactly = await createDeal(boris$, { pipelineId: pipeline.id, stageId: pipeline.open[0] });
      const older = await createDeal(boris$, { pipelineId: pipeline.id, stageId: pipeline.open[0] });
      const noLimit = await createDeal(boris$, { pipelineId: pipeline.id, stageId: pipeline.open[0] });
      const entered = async (dealId: string, when: Date) =>
        tx(ctx(), (db) =>
          db
            .updateTable('deals')
            .set({ stage_entered_at: when })
            .where('org_id', '=', org.orgId)
            .where('deal_id', '=', dealId)
            .execute(),
        );
      const sevenDays = 7 * 24 * 60 * MINUTE;
      await entered(exactly.id, new Date(TUE_1201.getTime() - sevenDays));
      expect(of(await flagsOf(head), 'rotting-deals')).toEqual([]);
      await entered(older.id, new Date(TUE_1201.getTime() - sevenDays - 10 * 24 * 60 * MINUTE));
      await entered(exactly.id, new Date(TUE_1201.getTime() - sevenDays - MINUTE));
      // A won deal long in its stage is not rotting.
      await tx(ctx(), (db) =>
        db
          .updateTable('deals')
          .set({ status: 'won', stage_entered_at: new Date('2025-01-01T00:00:00Z') })
          .where('org_id', '=', org.orgId)
          .where('deal_id', '=', noLimit.id)
          .execute(),
      );
      const [flag, ...rest] = of(await flagsOf(head), 'rotting-deals');
      expect(rest).toEqual([]);
      // The oldest has sat 17 days in a stage that rots after 7.
      expect(flag).toMatchObject({ user: { id: boris }, figure: 17, limit: 7, unit: 'days', count: 2 });
      expect(flag?.recordIds).toEqual([older.id, exactly.id]);
      const listed = await head.request('GET', `/api/deals?${flag?.drillDown?.query}`);
      expect(listed.body.items.map((deal: { id: string }) => deal.id).sort()).toEqual([older.id, exactly.id].sort());
      expect(of(await flagsOf(managerA), 'rotting-deals')).toEqual([]);
    });
  });

  describe('waiting-leads', () => {
    // Friday 13 March 17:30 Moscow (14:30Z): 30 business minutes on Friday, then nothing until
    // Monday 16 March 09:00. At 09:29 Monday the lead has waited 59 minutes, at 09:31 61.
    const FRI_1730 = new Date('2026-03-13T14:30:00Z');
    const MON_0929 = new Date('2026-03-16T06:29:00Z');
    const MON_0931 = new Date('2026-03-16T06:31:00Z');

    it('counts business time across a weekend: 59 minutes waits, 61 is flagged', async () => {
      const lead = await insertLead({ arrivedAt: FRI_1730, assigneeId: anna });
      // Arrived on Saturday, outside business hours: by 09:31 Monday it has waited 31 minutes.
      await insertLead({ arrivedAt: new Date('2026-03-14T07:00:00Z'), assigneeId: anna });
      // Touched already: never waiting.
      await insertLead({ arrivedAt: new Date('2026-03-12T07:00:00Z'), assigneeId: anna, firstTouchAt: FRI_1730 });
      at(MON_0929);
      expect(of(await flagsOf(head), 'waiting-leads')).toEqual([]);
      at(MON_0931);
      const [flag, ...rest] = of(await flagsOf(head), 'waiting-leads');
      expect(rest).toEqual([]);
      expect(flag).toMatchObject({ user: { id: anna }, figure: 61, limit: 60, unit: 'minutes', count: 1 });
      expect(flag?.recordIds).toEqual([lead]);
      expect(flag?.drillDown).toEqual({ list: 'leads', query: `takerId=${anna}&waiting=overdue` });
      const listed = await head.request('GET', `/api/leads?${flag?.drillDown?.query}`);
      expect(listed.body.items.map((l: { id: string }) => l.id)).toEqual([lead]);
    });
    it('holds an unassigned lead against its qualifier', async () => {
      // Friday 17:00 Moscow: 60 minutes on Friday + 31 on Monday = 91.
      const lead = await insertLead({ arrivedAt: new Date('2026-03-13T14:00:00Z'), qualifierId: boris });
      // Qualified by Boris but assigned to Anna: Anna's lead, not Boris's.
      const handed = await insertLead({ arrivedAt: FRI_1730, qualifierId: boris, assigneeId: anna });
      at(MON_0931);
      const flags = of(await flagsOf(head), 'waiting-leads');
      const flag = flags.find((f) => f.user.id === boris);
      expect(flag).toMatchObject({ figure: 91, limit: 60, count: 1, recordIds: [lead] });
      expect(flag?.drillDown?.query).toBe(`takerId=${boris}&waiting=overdue`);
      expect(flags.find((f) => f.user.id === anna)?.recordIds).toContain(handed);
      // The list behind the flag holds exactly its records.
      const listed = await head.request('GET', `/api/leads?${flag?.drillDown?.query}`);
      expect(listed.body.items.map((l: { id: string }) => l.id)).toEqual([lead]);
    });
    it('skips a public holiday: Friday 6 March 17:30 to Tuesday 10 March (9 March is a holiday)', async () => {
      const hector = org.users.head.id;
      const lead = await insertLead({ arrivedAt: new Date('2026-03-06T14:30:00Z'), assigneeId: hector });
      const headFlag = async () => of(await flagsOf(director), 'waiting-leads').find((f) => f.user.id === hector);
      // 30 minutes on Friday + 29 on Tuesday = 59.
      at(new Date('2026-03-10T06:29:00Z'));
      expect(await headFlag()).toBeUndefined();
      at(new Date('2026-03-10T06:31:00Z'));
      expect(await headFlag()).toMatchObject({ figure: 61, limit: 60, count: 1, recordIds: [lead] });
    });
  });

  describe('forecast-below-pessimistic', () => {
    // Team A plans March 2026 at 21 000.00 (pessimistic 90 % = 18 900.00); Anna is its only rep.
    // Her pipeline forecast = sales of March to date + Σ amount × probability of her open deals
    // expected to close in March.
    it('fires while the pipeline forecast is below the pessimistic plan, and stops when it reaches it', async () => {
      at(new Date('2026-03-02T09:00:00Z'));
      const approved = await approvedTeamAMarchPlan(head, org);
      at(TUE_1201);
      let [flag] = of(await flagsOf(head), 'forecast-below-pessimistic');
      expect(flag).toMatchObject({ user: { id: anna }, figure: 0, limit: 1_890_000, unit: 'minor', count: 0 });
      expect(flag?.plan?.planId).toBe(approved.id);
      // 20 000.00 at 90 %, closing 20 March: 18 000.00, still below.
      const pipeline = await defaultPipeline(head);
      const dealFields = { pipelineId: pipeline.id, stageId: pipeline.open[4], amountMinor: 2_000_000 };
      await createDeal(managerA, { ...dealFields, expectedCloseDate: '2026-03-20' });
      // Closing in April: not counted.
      await createDeal(managerA, { ...dealFields, expectedCloseDate: '2026-04-02' });
      [flag] = of(await flagsOf(head), 'forecast-below-pessimistic');
      expect(flag).toMatchObject({ figure: 1_800_000, limit: 1_890_000, count: 1 });
      expect(flag?.drillDown).toEqual({
        list: 'deals',
        query: `ownerId=${anna}&status=open&expectedCloseFrom=2026-03-01&expectedCloseTo=2026-03-31`,
      });
      // 900.00 sold on 5 March: 18 900.00, exactly the pessimistic plan, is not below it.
      await insertSale(ctx(), org, { day: '2026-03-05', amountMinor: 90_000, ownerId: anna, channel: 'direct' });
      expect(of(await flagsOf(head), 'forecast-below-pessimistic')).toEqual([]);
      // Boris is in no approved plan: never flagged for a forecast.
      expect(of(await flagsOf(director), 'forecast-below-pessimistic')).toEqual([]);
    });
  });
});
