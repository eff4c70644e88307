import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { createDeal, defaultPipeline, expectError, expectInvalid, insertTask, moveDeal } from './deals.factories.ts';

const DAY = 86_400_000;

describeEachDatabase('deals: the pipeline board', (ctx) => {
  let org: TestOrg;
  let admin: Session;
  let head: Session;
  let managerA: Session;
  let managerB: Session;
  let otherHead: Session;
  let rivalAdmin: Session;
  let pipeline: Awaited<ReturnType<typeof defaultPipeline>>;
  const deal: Record<string, any> = {};

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Board org');
    const rival = await createTestOrg(t, 'Rival org');
    [admin, head, managerA, managerB, otherHead, rivalAdmin] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.managerB.email),
      loginAs(t, org.users.otherHead.email),
      loginAs(t, rival.users.admin.email),
    ]);
    pipeline = await defaultPipeline(admin);
    const at = (days: number) => {
      t.clock.now = new Date(PINNED_NOW.getTime() + days * DAY);
    };
    // Needs analysis (25 %): three deals of 2 kopecks, each weighted 0.5 → rounded to 1, so 3 in
    // all (rounding the sum instead would give 2). Qualification (10 %): 5 → 0.5 → 1, and 995 → 99.5 → 100.
    at(0);
    deal.a1 = await createDeal(managerA, { title: 'A1', amountMinor: 5 });
    at(1);
    deal.a2 = await createDeal(managerA, { title: 'A2', amountMinor: 995 });
    at(2);
    deal.b1 = await createDeal(managerB, { title: 'B1', amountMinor: 2 });
    deal.b1 = (await moveDeal(managerB, deal.b1, { stageId: pipeline.open[1] })).body;
    at(3);
    deal.a3 = await createDeal(managerA, { title: 'A3', amountMinor: 2 });
    deal.a3 = (await moveDeal(managerA, deal.a3, { stageId: pipeline.open[1] })).body;
    at(3.1);
    deal.a4 = await createDeal(managerA, { title: 'A4', amountMinor: 2 });
    deal.a4 = (await moveDeal(managerA, deal.a4, { stageId: pipeline.open[1] })).body;
    deal.won = await createDeal(managerA, { title: 'Won', amountMinor: 1_000 });
    await moveDeal(managerA, deal.won, { stageId: pipeline.won });
    deal.remote = await createDeal(await loginAs(t, org.users.otherManager.email), { title: 'Remote', amountMinor: 7 });
    await insertTask(t, org, { dealId: deal.a2.id, assigneeId: org.users.managerA.id });
  });
  beforeEach(() => {
    ctx().clock.now = new Date(PINNED_NOW.getTime() + 7.5 * DAY);
  });
  const board = (session: Session, query = '') => session.request('GET', `/api/pipelines/${pipeline.id}/board${query}`);
  const column = (res: { body: any }, stageId: string) => res.body.columns.find((c: any) => c.stage.id === stageId);

  it('answers 401 without a session', async () => {
    expect((await call(ctx(), 'GET', `/api/pipelines/${pipeline.id}/board`)).status).toBe(401);
  });
  it('rejects a bad perStage and unknown parameters with 400', async () => {
    expectInvalid(await board(head, '?perStage=0'), 'query.perStage');
    expectInvalid(await board(head, '?perStage=201'), 'query.perStage');
    expectInvalid(await board(head, '?status=open'), 'query.status');
    expectInvalid(await head.request('GET', '/api/pipelines/main/board'), 'params.id');
  });
  it("answers 404 for an unknown pipeline and another organisation's", async () => {
    const rivalPipeline = await defaultPipeline(rivalAdmin);
    expectError(await head.request('GET', `/api/pipelines/${randomUUID()}/board`), 404);
    expectError(await admin.request('GET', `/api/pipelines/${rivalPipeline.id}/board`), 404);
  });
  it('shows every stage in order with the open deals, counts, totals and weighted totals rounded per deal', async () => {
    const res = await board(head);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ pipelineId: pipeline.id, currency: 'RUB' });
    expect(res.body.columns.map((c: any) => c.stage.id)).toEqual(pipeline.stages.map((s) => s.id));
    expect(column(res, pipeline.open[0])).toMatchObject({ count: 2, amountMinor: 1_000, weightedAmountMinor: 101 });
    expect(column(res, pipeline.open[1])).toMatchObject({ count: 3, amountMinor: 6, weightedAmountMinor: 3 });
    expect(column(res, pipeline.won)).toMatchObject({ count: 0, amountMinor: 0, weightedAmountMinor: 0, deals: [] });
    expect(column(res, pipeline.open[1]).deals.map((d: any) => d.title)).toEqual(['B1', 'A3', 'A4']);
  });
  it('flags rotting deals and deals without a next step on the cards', async () => {
    const cards = column(await board(head), pipeline.open[0]).deals;
    // Qualification rots after 7 days: A1 entered 7.5 days ago, A2 6.5 days ago.
    expect(cards.map((d: any) => [d.title, d.isRotting, d.noNextStep])).toEqual([
      ['A1', true, true],
      ['A2', false, false],
    ]);
    expect(cards[0]).toMatchObject({ id: deal.a1.id, ownerName: 'Anna Manager', version: 1, amountMinor: 5 });
  });
  it('limits the cards per stage to perStage, keeping the counts whole', async () => {
    const res = await board(head, '?perStage=1');
    expect(column(res, pipeline.open[1])).toMatchObject({ count: 3, weightedAmountMinor: 3 });
    expect(column(res, pipeline.open[1]).deals.map((d: any) => d.title)).toEqual(['B1']);
  });
  it('shows each person only the deals in their scope', async () => {
    const own = await board(managerA);
    expect(column(own, pipeline.open[1])).toMatchObject({ count: 2, amountMinor: 4, weightedAmountMinor: 2 });
    const colleague = await board(managerB);
    expect(column(colleague, pipeline.open[0])).toMatchObject({ count: 0, deals: [] });
    const other = await board(otherHead);
    expect(column(other, pipeline.open[0]).deals.map((d: any) => d.title)).toEqual(['Remote']);
    const byOwner = await board(head, `?ownerId=${org.users.managerB.id}`);
    expect(byOwner.body.columns.flatMap((c: any) => c.deals.map((d: any) => d.title))).toEqual(['B1']);
  });
  it('keeps an archived stage on the board only while open deals sit in it', async () => {
    const added = await admin.request('POST', `/api/pipelines/${pipeline.id}/stages`, {
      name: 'Pilot',
      probability: 60,
    });
    const pilot = added.body.stages.find((s: any) => s.name === 'Pilot');
    const empty = await admin.request('POST', `/api/pipelines/${pipeline.id}/stages`, {
      name: 'Unused',
      probability: 60,
    });
    const unused = empty.body.stages.find((s: any) => s.name === 'Unused');
    const parked = await createDeal(managerA, { title: 'Parked', amountMinor: 10, stageId: pilot.id });
    for (const stage of [pilot, unused]) {
      await admin.request('PATCH', `/api/pipelines/${pipeline.id}/stages/${stage.id}`, { archived: true });
    }
    const res = await board(head);
    expect(column(res, pilot.id)).toMatchObject({ stage: { archived: true }, count: 1, weightedAmountMinor: 6 });
    expect(column(res, unused.id)).toBeUndefined();
    await moveDeal(managerA, parked, { stageId: pipeline.open[0] });
    expect(column(await board(head), pilot.id)).toBeUndefined();
  });
});
