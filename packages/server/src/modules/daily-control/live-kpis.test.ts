import { LiveKpis } from '@pulse/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Tx, withOrg } from '../../db/tenant.ts';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { createDeal, defaultPipeline, expectError, expectInvalid } from '../deals/deals.factories.ts';
import { insertSale } from '../plans/plans.factories.ts';
import { approvedTeamAMarchPlan } from './daily-control.factories.ts';

// March 2026 in Moscow (UTC+3): the period [1 March 00:00, 1 April 00:00) local is
// [28 Feb 21:00Z, 31 Mar 21:00Z). The default pipeline: open stages s0–s4 (positions 0–4), won, lost.
//
// Anna's hand-built stage history (UTC instants):
//   D1  s0 02 Mar, s1 05 Mar, s2 02 Apr (after the period: still counts as advancing)
//   D2  s0 03 Mar, lost 10 Mar (losing is not advancing)
//   D3  s0 20 Feb (before the period), s1 04 Mar, won 20 Mar
//   D4  s0 31 Mar 20:30Z (23:30 local, in the period), s2 01 Apr (skipped s1: advanced)
//   D5  s1 31 Mar 21:10Z (00:10 on 1 April local: outside the period)
//   D6  s1 06 Mar, back to s0 07 Mar and no further
// s0: entered by D1, D2, D4, D6 = 4; advanced D1, D4 = 2 → 50 %
// s1: entered by D1, D3, D6 = 3; advanced D1 (s2), D3 (won) = 2 → 66.67 %; D6 moved back
// s2–s4: nothing entered in March → null, not 0.
// Boris's deal D7 (s0 → s1 in March) is his, not Anna's.

const MARCH_FROM = '2026-03-01';
const MARCH_TO = '2026-03-31';

describeEachDatabase('daily control: live KPIs', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let head: Session;
  let managerA: Session;
  let otherHead: Session;
  let rivalDirector: Session;
  let anna: string;
  let boris: string;
  let pipeline: Awaited<ReturnType<typeof defaultPipeline>>;
  const deals: Record<string, string> = {};

  const tx = <T>(work: (db: Tx) => Promise<T>) => withOrg(ctx().deps.db, org.orgId, work);
  const kpisOf = async (session: Session, query = `from=${MARCH_FROM}&to=${MARCH_TO}`) => {
    const res = await session.request('GET', `/api/daily-control/live-kpis?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return LiveKpis.parse(res.body);
  };

  async function history(name: string, ownerId: string, moves: [string, string][], status = 'open') {
    const stageOf = (key: string) =>
      key === 'won' ? pipeline.won : key === 'lost' ? pipeline.lost : (pipeline.open[Number(key.slice(1))] as string);
    const last = moves[moves.length - 1] as [string, string];
    deals[name] = await tx(async (db) => {
      const { deal_id } = await db
        .insertInto('deals')
        .values({
          org_id: org.orgId,
          title: name,
          pipeline_id: pipeline.id,
          stage_id: stageOf(last[0]),
          status,
          owner_id: ownerId,
          amount_minor: 100_000,
          stage_entered_at: new Date(last[1]),
        })
        .returning('deal_id')
        .executeTakeFirstOrThrow();
      let from: string | null = null;
      for (const [key, at] of moves) {
        await db
          .insertInto('deal_stage_changes')
          .values({
            org_id: org.orgId,
            deal_id,
            from_stage_id: from,
            to_stage_id: stageOf(key),
            changed_at: new Date(at),
          })
          .execute();
        from = stageOf(key);
      }
      return deal_id;
    });
  }

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Live KPIs org');
    rival = await createTestOrg(t, 'Live KPIs rival');
    [head, managerA, otherHead, rivalDirector] = await Promise.all([
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.otherHead.email),
      loginAs(t, rival.users.director.email),
    ]);
    anna = org.users.managerA.id;
    boris = org.users.managerB.id;
    pipeline = await defaultPipeline(head);
    await history('D1', anna, [
      ['s0', '2026-03-02T08:00:00Z'],
      ['s1', '2026-03-05T08:00:00Z'],
      ['s2', '2026-04-02T08:00:00Z'],
    ]);
    await history(
      'D2',
      anna,
      [
        ['s0', '2026-03-03T08:00:00Z'],
        ['lost', '2026-03-10T08:00:00Z'],
      ],
      'lost',
    );
    await history(
      'D3',
      anna,
      [
        ['s0', '2026-02-20T08:00:00Z'],
        ['s1', '2026-03-04T08:00:00Z'],
        ['won', '2026-03-20T08:00:00Z'],
      ],
      'won',
    );
    await history('D4', anna, [
      ['s0', '2026-03-31T20:30:00Z'],
      ['s2', '2026-04-01T08:00:00Z'],
    ]);
    await history('D5', anna, [['s1', '2026-03-31T21:10:00Z']]);
    await history('D6', anna, [
      ['s1', '2026-03-06T08:00:00Z'],
      ['s0', '2026-03-07T08:00:00Z'],
    ]);
    await history('D7', boris, [
      ['s0', '2026-03-02T08:00:00Z'],
      ['s1', '2026-03-03T08:00:00Z'],
    ]);
  });

  describe('input and reach', () => {
    it('answers 401 without a session; 400 for a bad unitId or day; 422 for a period in the wrong order', async () => {
      expect((await call(ctx(), 'GET', `/api/daily-control/live-kpis?from=${MARCH_FROM}&to=${MARCH_TO}`)).status).toBe(
        401,
      );
      expectInvalid(
        await head.request('GET', `/api/daily-control/live-kpis?from=${MARCH_FROM}&to=${MARCH_TO}&unitId=x`),
        'query.unitId',
      );
      expectInvalid(await head.request('GET', '/api/daily-control/live-kpis?from=2026-03-01'), 'query.to');
      expectError(
        await head.request('GET', '/api/daily-control/live-kpis?from=2026-03-31&to=2026-03-01'),
        422,
        'query.to',
      );
      expectError(
        await head.request('GET', '/api/daily-control/live-kpis?from=2025-01-01&to=2026-03-01'),
        422,
        'query.to',
      );
    });
    it("answers 404 for another organisation's unit and for a unit outside the caller's reach", async () => {
      const q = `from=${MARCH_FROM}&to=${MARCH_TO}`;
      expectError(
        await rivalDirector.request('GET', `/api/daily-control/live-kpis?${q}&unitId=${org.units.teamA}`),
        404,
      );
      expectError(await otherHead.request('GET', `/api/daily-control/live-kpis?${q}&unitId=${org.units.teamA}`), 404);
      expectError(await managerA.request('GET', `/api/daily-control/live-kpis?${q}&unitId=${org.units.teamB}`), 404);
    });
    it('lists the head their reps, a rep only themselves', async () => {
      const ids = (await kpisOf(head)).reps.map((r) => r.user.id);
      expect(ids).toContain(anna);
      expect(ids).toContain(boris);
      expect(ids).not.toContain(org.users.otherManager.id);
      expect((await kpisOf(managerA)).reps.map((r) => r.user.id)).toEqual([anna]);
      expect(
        (await kpisOf(head, `from=${MARCH_FROM}&to=${MARCH_TO}&unitId=${org.units.teamB}`)).reps.map((r) => r.user.id),
      ).toEqual([boris]);
    });
  });

  describe('stage conversion', () => {
    it("gives Anna's hand-worked conversion out of each open stage for March", async () => {
      const rep = (await kpisOf(head)).reps.find((r) => r.user.id === anna);
      const steps = rep?.stageConversion ?? [];
      expect(steps.map((s) => s.position)).toEqual([0, 1, 2, 3, 4]);
      expect(steps[0]).toMatchObject({ stageId: pipeline.open[0], entered: 4, advanced: 2, conversionPercent: 50 });
      expect(steps[0]?.dealIds.sort()).toEqual([deals.D1, deals.D2, deals.D4, deals.D6].sort());
      expect(steps[1]).toMatchObject({ stageId: pipeline.open[1], entered: 3, advanced: 2 });
      expect(steps[1]?.conversionPercent).toBeCloseTo(66.6667, 3);
      expect(steps[1]?.dealIds.sort()).toEqual([deals.D1, deals.D3, deals.D6].sort());
      for (const step of steps.slice(2))
        expect(step).toMatchObject({ entered: 0, advanced: 0, conversionPercent: null });
      const borisSteps = (await kpisOf(head)).reps.find((r) => r.user.id === boris)?.stageConversion ?? [];
      expect(borisSteps[0]).toMatchObject({ entered: 1, advanced: 1, conversionPercent: 100, dealIds: [deals.D7] });
    });
    it('moves with the period: April sees D5 enter s1 and D4 enter s2', async () => {
      const rep = (await kpisOf(head, 'from=2026-04-01&to=2026-04-30')).reps.find((r) => r.user.id === anna);
      const steps = rep?.stageConversion ?? [];
      expect(steps[0]).toMatchObject({ entered: 0, conversionPercent: null });
      expect(steps[1]).toMatchObject({ entered: 1, advanced: 0, conversionPercent: 0, dealIds: [deals.D5] });
      expect(steps[2]).toMatchObject({ entered: 2, advanced: 0, conversionPercent: 0 });
    });
  });

  describe('pipeline coverage', () => {
    // Team A plans March 2026 at 21 000.00; Anna is its only rep, so her March plan is 21 000.00.
    // Sold in March to 10 March: 3 000.00 (a sale on 1 April is outside) → remaining 18 000.00.
    // Open deals closing in March: 10 000.00 at 50 % and 3 333.33 at 25 %:
    //   weighted = ⌊(1 000 000 × 50 + 333 333 × 25) / 100⌋ = ⌊583 333.25⌋ = 583 333
    //   coverage = 583 333 / 1 800 000 ≈ 0.324074
    // Not counted: a deal closing in April, a deal with no expected close day.
    it("divides Anna's weighted March pipeline by the rest of her plan", async () => {
      ctx().clock.now = new Date('2026-03-02T09:00:00Z');
      const approved = await approvedTeamAMarchPlan(head, org);
      ctx().clock.now = new Date('2026-03-10T09:00:00Z');
      await insertSale(ctx(), org, { day: '2026-03-02', amountMinor: 300_000, ownerId: anna });
      await insertSale(ctx(), org, { day: '2026-04-01', amountMinor: 500_000, ownerId: anna });
      const at = (i: number) => ({ pipelineId: pipeline.id, stageId: pipeline.open[i] });
      const x = await createDeal(managerA, { ...at(2), amountMinor: 1_000_000, expectedCloseDate: '2026-03-20' });
      const y = await createDeal(managerA, { ...at(1), amountMinor: 333_333, expectedCloseDate: '2026-03-31' });
      await createDeal(managerA, { ...at(4), amountMinor: 999_999, expectedCloseDate: '2026-04-10' });
      await createDeal(managerA, { ...at(4), amountMinor: 777_777 });
      const kpis = await kpisOf(head);
      const coverage = kpis.reps.find((r) => r.user.id === anna)?.pipelineCoverage;
      expect(coverage).toMatchObject({
        weightedMinor: 583_333,
        planMinor: 2_100_000,
        factMinor: 300_000,
        remainingMinor: 1_800_000,
        planId: approved.id,
        currency: 'RUB',
      });
      expect(coverage?.coverage).toBeCloseTo(583_333 / 1_800_000, 10);
      expect(coverage?.dealIds.sort()).toEqual([x.id, y.id].sort());
      expect(coverage?.drillDown).toEqual({
        list: 'deals',
        query: `ownerId=${anna}&status=open&expectedCloseFrom=2026-03-01&expectedCloseTo=2026-03-31`,
      });
      const listed = await head.request('GET', `/api/deals?${coverage?.drillDown.query}`);
      expect(listed.body.items.map((d: { id: string }) => d.id).sort()).toEqual([x.id, y.id].sort());
      // Boris is in no approved plan: his pipeline is given, the coverage is absent.
      expect(kpis.reps.find((r) => r.user.id === boris)?.pipelineCoverage).toMatchObject({
        planMinor: null,
        remainingMinor: null,
        coverage: null,
        planId: null,
      });
    });
  });
});
