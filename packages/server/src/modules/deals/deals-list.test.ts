import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import {
  createDeal,
  defaultPipeline,
  expectInvalid,
  firstLostReason,
  insertActivity,
  insertCompany,
  insertTask,
  moveDeal,
} from './deals.factories.ts';

const DAY = 86_400_000;
const ids = (res: { body: any }): string[] => res.body.items.map((d: { id: string }) => d.id);

/** Walks every page of a deals query with a small limit, failing on anything but 200. */
async function walk(session: Session, query: string, limit = 2): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page += 1) {
    const url: string = `/api/deals?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await session.request('GET', url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    seen.push(...ids(res));
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  return seen;
}

describeEachDatabase('deals: the list', (ctx) => {
  let org: TestOrg;
  let admin: Session;
  let director: Session;
  let head: Session;
  let managerA: Session;
  let otherHead: Session;
  let pipeline: Awaited<ReturnType<typeof defaultPipeline>>;
  const deal: Record<string, any> = {};

  // Seven deals across three owners; the clock moves a minute between them.
  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'List org');
    const rival = await createTestOrg(t, 'Rival org');
    let managerB: Session;
    let otherManager: Session;
    [admin, director, head, managerA, managerB, otherHead, otherManager] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.director.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.managerB.email),
      loginAs(t, org.users.otherHead.email),
      loginAs(t, org.users.otherManager.email),
    ]);
    pipeline = await defaultPipeline(admin);
    const stroymash = await insertCompany(t, org, 'ООО «Строймаш»');
    const tick = () => {
      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    };
    const make = async (key: string, session: Session, body: Record<string, unknown>) => {
      tick();
      deal[key] = await createDeal(session, body);
    };
    await make('boilers', managerA, {
      title: 'Boilers 100%_off',
      amountMinor: 500_00,
      companyId: stroymash,
      channel: 'dealer',
      territory: 'Kazan',
      expectedCloseDate: '2026-04-10',
    });
    await make('pumps', managerA, { title: 'Pumps', amountMinor: 300_00, expectedCloseDate: '2026-03-20' });
    await make('valves', managerA, { title: 'valves', amountMinor: 300_00 });
    await make('pipes', managerB, {
      title: 'Pipes',
      amountMinor: 100_00,
      channel: 'retail',
      expectedCloseDate: '2026-05-01',
    });
    await make('heaters', managerB, { title: 'Heaters', amountMinor: 900_00, territory: 'kazan' });
    await make('remote', otherManager, { title: 'Remote region', amountMinor: 700_00 });
    await make('won', managerA, { title: 'Already won', amountMinor: 50_00 });
    tick();
    deal.won = (await moveDeal(managerA, deal.won, { stageId: pipeline.won })).body;
    deal.lost = await createDeal(managerB, { title: 'Lost one', amountMinor: 10_00 });
    deal.lost = (
      await moveDeal(managerB, deal.lost, { stageId: pipeline.lost, lostReasonId: await firstLostReason(admin) })
    ).body;
    tick();
    deal.pumps = (await moveDeal(managerA, deal.pumps, { stageId: pipeline.open[1] })).body;
    await createDeal(await loginAs(t, rival.users.admin.email), { title: 'Boilers of a rival' });
  });
  beforeEach(() => {
    ctx().clock.now = new Date(PINNED_NOW.getTime() + DAY);
  });

  it('answers 401 without a session', async () => {
    expect((await call(ctx(), 'GET', '/api/deals')).status).toBe(401);
  });
  it('rejects malformed parameters with 400 naming each', async () => {
    const res = await admin.request(
      'GET',
      '/api/deals?limit=0&status=pending&sort=price&order=up&amountMin=-1&expectedCloseFrom=2026-13-01&rotting=yes&ownerId=7&extra=1',
    );
    for (const path of [
      'query.limit',
      'query.status',
      'query.sort',
      'query.order',
      'query.amountMin',
      'query.expectedCloseFrom',
      'query.rotting',
      'query.ownerId',
      'query.extra',
    ]) {
      expectInvalid(res, path);
    }
    expectInvalid(await admin.request('GET', '/api/deals?cursor=not-ours'), 'query.cursor');
  });

  describe('scope', () => {
    it('shows a sales manager only their own deals', async () => {
      expect(new Set(await walk(managerA, 'sort=title'))).toEqual(
        new Set([deal.boilers.id, deal.pumps.id, deal.valves.id, deal.won.id]),
      );
    });
    it('shows a head their department, the other head theirs, the director everything — never another organisation', async () => {
      const mine = [deal.boilers, deal.pumps, deal.valves, deal.won, deal.pipes, deal.heaters, deal.lost].map(
        (d) => d.id,
      );
      expect(new Set(await walk(head, 'sort=title', 50))).toEqual(new Set(mine));
      expect(await walk(otherHead, 'sort=title', 50)).toEqual([deal.remote.id]);
      expect(new Set(await walk(director, 'sort=title', 50))).toEqual(new Set([...mine, deal.remote.id]));
    });
  });

  describe('search and filters', () => {
    it('searches title and company name in any case, with % and _ taken literally', async () => {
      expect(ids(await director.request('GET', '/api/deals?q=BOILERS'))).toEqual([deal.boilers.id]);
      expect(ids(await director.request('GET', `/api/deals?q=${encodeURIComponent('Строймаш')}`))).toEqual([
        deal.boilers.id,
      ]);
      expect(ids(await director.request('GET', `/api/deals?q=${encodeURIComponent('100%_')}`))).toEqual([
        deal.boilers.id,
      ]);
      expect(ids(await director.request('GET', `/api/deals?q=${encodeURIComponent('s%p')}`))).toEqual([]);
    });
    it('filters by owner, pipeline, stage, status, company, channel and territory', async () => {
      const q = async (query: string) => new Set(ids(await director.request('GET', `/api/deals?limit=200&${query}`)));
      expect(await q(`ownerId=${org.users.managerB.id}`)).toEqual(
        new Set([deal.pipes.id, deal.heaters.id, deal.lost.id]),
      );
      expect((await q(`pipelineId=${pipeline.id}`)).size).toBe(8);
      expect(await q(`stageId=${pipeline.open[1]}`)).toEqual(new Set([deal.pumps.id]));
      expect(await q('status=won')).toEqual(new Set([deal.won.id]));
      expect(await q('status=lost')).toEqual(new Set([deal.lost.id]));
      expect(await q(`companyId=${deal.boilers.companyId}`)).toEqual(new Set([deal.boilers.id]));
      expect(await q('channel=retail')).toEqual(new Set([deal.pipes.id]));
      expect(await q('territory=KAZAN')).toEqual(new Set([deal.boilers.id, deal.heaters.id]));
    });
    it('filters by the instant a deal was closed, from included and to excluded', async () => {
      const q = async (query: string) => new Set(ids(await director.request('GET', `/api/deals?limit=200&${query}`)));
      // Won and lost were both closed eight ticks (minutes) after PINNED_NOW.
      const closed = new Date(PINNED_NOW.getTime() + 8 * 60_000);
      const at = (ms: number) => encodeURIComponent(new Date(closed.getTime() + ms).toISOString());
      expect(await q(`closedFrom=${at(0)}&closedTo=${at(1)}`)).toEqual(new Set([deal.won.id, deal.lost.id]));
      expect(await q(`closedFrom=${at(1)}`)).toEqual(new Set());
      expect(await q(`closedTo=${at(0)}`)).toEqual(new Set());
      expect((await director.request('GET', '/api/deals?closedFrom=yesterday')).status).toBe(400);
    });
    it('filters by expected close and amount ranges, ends included', async () => {
      const q = async (query: string) => new Set(ids(await director.request('GET', `/api/deals?limit=200&${query}`)));
      expect(await q('expectedCloseFrom=2026-03-20&expectedCloseTo=2026-04-10')).toEqual(
        new Set([deal.pumps.id, deal.boilers.id]),
      );
      expect(await q('amountMin=30000&amountMax=50000')).toEqual(
        new Set([deal.boilers.id, deal.pumps.id, deal.valves.id]),
      );
    });
    it('finds rotting deals: open and longer in the stage than its limit', async () => {
      // Qualification rots after 7 days, needs analysis after 14.
      ctx().clock.now = new Date(PINNED_NOW.getTime() + 8 * DAY);
      const rotting = await director.request('GET', '/api/deals?rotting=true&limit=200');
      expect(new Set(ids(rotting))).toEqual(
        new Set([deal.boilers.id, deal.valves.id, deal.pipes.id, deal.heaters.id, deal.remote.id]),
      );
      expect(rotting.body.items.every((d: any) => d.isRotting)).toBe(true);
      const fresh = await director.request('GET', '/api/deals?rotting=false&limit=200');
      expect(new Set(ids(fresh))).toEqual(new Set([deal.pumps.id, deal.won.id, deal.lost.id]));
      ctx().clock.now = new Date(PINNED_NOW.getTime() + 6 * DAY);
      expect(ids(await director.request('GET', '/api/deals?rotting=true'))).toEqual([]);
    });
    it('finds open deals without a next step: no open task and no planned activity ahead', async () => {
      const t = ctx();
      const now = t.clock.now;
      await insertTask(t, org, { dealId: deal.boilers.id, assigneeId: org.users.managerA.id });
      await insertTask(t, org, { dealId: deal.pumps.id, assigneeId: org.users.managerA.id, status: 'done' });
      await insertActivity(t, org, {
        dealId: deal.valves.id,
        userId: org.users.managerA.id,
        status: 'planned',
        occurredAt: new Date(now.getTime() + DAY),
      });
      await insertActivity(t, org, {
        dealId: deal.pipes.id,
        userId: org.users.managerB.id,
        status: 'planned',
        occurredAt: new Date(now.getTime() - DAY),
      });
      const none = await director.request('GET', '/api/deals?noNextStep=true&limit=200');
      expect(new Set(ids(none))).toEqual(new Set([deal.pumps.id, deal.pipes.id, deal.heaters.id, deal.remote.id]));
      expect(none.body.items.every((d: any) => d.noNextStep)).toBe(true);
      const planned = await director.request('GET', '/api/deals?noNextStep=false&limit=200');
      expect(new Set(ids(planned))).toEqual(new Set([deal.boilers.id, deal.valves.id, deal.won.id, deal.lost.id]));
    });
  });

  describe('sorting and pages', () => {
    const all = () => [deal.boilers, deal.pumps, deal.valves, deal.pipes, deal.heaters, deal.won, deal.lost];
    it('sorts by amount (largest first by default), ties by id, and walks pages without gaps', async () => {
      const walked = await walk(head, 'sort=amount');
      const amounts = walked.map((id) => all().find((d) => d.id === id).amountMinor);
      expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
      expect(walked).toHaveLength(7);
      expect(await walk(head, 'sort=amount', 200)).toEqual(walked);
      expect(await walk(head, 'sort=amount&order=asc', 3)).toEqual([...walked].reverse());
    });
    it('sorts by expected close, soonest first and undated last', async () => {
      const walked = await walk(head, 'sort=expectedClose');
      expect(walked.slice(0, 3)).toEqual([deal.pumps.id, deal.boilers.id, deal.pipes.id]);
      expect(walked).toHaveLength(7);
      expect(await walk(head, 'sort=expectedClose&order=desc', 3)).toEqual([...walked].reverse());
    });
    it('sorts by title ignoring case, by creation and by last update', async () => {
      const titles = (await walk(head, 'sort=title')).map((id) => all().find((d) => d.id === id).title);
      expect(titles).toEqual(['Already won', 'Boilers 100%_off', 'Heaters', 'Lost one', 'Pipes', 'Pumps', 'valves']);
      const created = await walk(head, 'sort=created&order=asc');
      expect(created.slice(0, 3)).toEqual([deal.boilers.id, deal.pumps.id, deal.valves.id]);
      const updated = await walk(head, 'sort=updated');
      expect(updated[0]).toBe(deal.pumps.id);
      expect(updated).toHaveLength(7);
    });
  });
});
