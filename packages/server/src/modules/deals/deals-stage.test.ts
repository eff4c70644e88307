import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import {
  auditOf,
  createDeal,
  createProduct,
  defaultPipeline,
  expectError,
  expectInvalid,
  firstLostReason,
  insertCompany,
  moveDeal,
} from './deals.factories.ts';

const HOUR = 3_600_000;
/** 22:30 UTC on 2 March is already 3 March in Moscow (UTC+3): the sale is dated the local day. */
const LATE_EVENING = new Date('2026-03-02T22:30:00.000Z');

describeEachDatabase('deals: stage moves and the sales of won deals', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let admin: Session;
  let head: Session;
  let managerA: Session;
  let managerB: Session;
  let analyst: Session;
  let rivalAdmin: Session;
  let pipeline: Awaited<ReturnType<typeof defaultPipeline>>;
  let reasonId: string;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t);
    rival = await createTestOrg(t, 'Rival org');
    [admin, head, managerA, managerB, analyst, rivalAdmin] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.managerB.email),
      loginAs(t, org.users.analyst.email),
      loginAs(t, rival.users.admin.email),
    ]);
    pipeline = await defaultPipeline(admin);
    reasonId = await firstLostReason(admin);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });
  /** Moves the pinned clock forward, so each step of a deal's history has its own instant. */
  const later = (ms: number) => {
    ctx().clock.now = new Date(ctx().clock.now.getTime() + ms);
  };
  const salesOf = async (session: Session, dealId: string) =>
    (await session.request('GET', `/api/sales?dealId=${dealId}&order=asc`)).body.items;

  describe('POST /api/deals/:id/stage', () => {
    it('answers 401 without a session', async () => {
      expect(
        (await call(ctx(), 'POST', `/api/deals/${randomUUID()}/stage`, { stageId: randomUUID(), version: 1 })).status,
      ).toBe(401);
    });
    it('rejects a missing stage or version with 400', async () => {
      const deal = await createDeal(managerA);
      const res = await managerA.request('POST', `/api/deals/${deal.id}/stage`, { lostComment: 'x' });
      expectInvalid(res, 'body.stageId');
      expectInvalid(res, 'body.version');
    });
    it("answers 404 for an unknown deal, another organisation's and a colleague's", async () => {
      const rivalDeal = await createDeal(rivalAdmin);
      const colleagues = await createDeal(managerB);
      const body = { stageId: pipeline.open[1], version: 1 };
      expectError(await admin.request('POST', `/api/deals/${randomUUID()}/stage`, body), 404);
      expectError(await admin.request('POST', `/api/deals/${rivalDeal.id}/stage`, body), 404);
      expectError(await managerA.request('POST', `/api/deals/${colleagues.id}/stage`, body), 404);
    });
    it('refuses an analyst who may read the deal with 403', async () => {
      const deal = await createDeal(managerA);
      expectError(await moveDeal(analyst, deal, { stageId: pipeline.open[1] }), 403);
    });
    it('refuses a stale version with 409', async () => {
      const deal = await createDeal(managerA);
      expect((await moveDeal(managerA, deal, { stageId: pipeline.open[1] })).status).toBe(200);
      expectError(await moveDeal(head, deal, { stageId: pipeline.open[2] }), 409, 'body.version');
    });
    it('refuses the same stage, a stage of another pipeline or organisation, and an archived stage with 422', async () => {
      const deal = await createDeal(managerA);
      const rivalPipeline = await defaultPipeline(rivalAdmin);
      const second = await admin.request('POST', '/api/pipelines', {
        name: `Other ${randomUUID()}`,
        stages: [
          { name: 'A', probability: 10 },
          { name: 'Won', kind: 'won', probability: 100 },
          { name: 'Lost', kind: 'lost', probability: 0 },
        ],
      });
      for (const stageId of [pipeline.open[0], second.body.stages[0].id, rivalPipeline.open[1], randomUUID()]) {
        expectError(await moveDeal(managerA, deal, { stageId }), 422, 'body.stageId');
      }
      const extra = await admin.request('POST', `/api/pipelines/${pipeline.id}/stages`, {
        name: 'Extra',
        probability: 5,
      });
      const extraId = extra.body.stages.find((s: any) => s.name === 'Extra').id;
      await admin.request('PATCH', `/api/pipelines/${pipeline.id}/stages/${extraId}`, { archived: true });
      expectError(await moveDeal(managerA, deal, { stageId: extraId }), 422, 'body.stageId');
    });
    it('moves to the next stage, restarts the time in stage and stores who moved it when', async () => {
      const deal = await createDeal(managerA);
      later(2 * HOUR);
      const res = await moveDeal(head, deal, { stageId: pipeline.open[1] });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ stageId: pipeline.open[1], status: 'open', version: 2, probability: 25 });
      expect(res.body.stageEnteredAt).toBe(ctx().clock.now.toISOString());
      expect(res.body.stageHistory).toEqual([
        expect.objectContaining({ fromStageId: null, toStageId: pipeline.open[0] }),
        expect.objectContaining({
          fromStageId: pipeline.open[0],
          fromStageName: 'Квалификация',
          toStageId: pipeline.open[1],
          toStageName: 'Выявление потребностей',
          changedAt: ctx().clock.now.toISOString(),
          changedBy: { id: org.users.head.id, fullName: 'Hector Head' },
        }),
      ]);
      const entries = await auditOf(admin, 'deal', deal.id);
      expect(entries.find((e) => e.action === 'update')?.changes).toEqual(
        expect.arrayContaining([{ field: 'stageId', old: pipeline.open[0], new: pipeline.open[1] }]),
      );
    });
    it('needs a lost reason from the list to lose a deal (422), and leaves the deal as it was', async () => {
      const deal = await createDeal(managerA);
      const rivalReason = await firstLostReason(rivalAdmin);
      const retired = await admin.request('POST', '/api/lost-reasons', { name: `Retired ${randomUUID()}` });
      await admin.request('PATCH', `/api/lost-reasons/${retired.body.id}`, { active: false });
      expectError(await moveDeal(managerA, deal, { stageId: pipeline.lost }), 422, 'body.lostReasonId');
      for (const lostReasonId of [randomUUID(), rivalReason, retired.body.id]) {
        expectError(await moveDeal(managerA, deal, { stageId: pipeline.lost, lostReasonId }), 422, 'body.lostReasonId');
      }
      expectError(
        await moveDeal(managerA, deal, { stageId: pipeline.open[1], lostReasonId: reasonId }),
        422,
        'body.lostReasonId',
      );
      const unchanged = await managerA.request('GET', `/api/deals/${deal.id}`);
      expect(unchanged.body).toMatchObject({ stageId: pipeline.open[0], version: 1, status: 'open' });
      expect(unchanged.body.stageHistory).toHaveLength(1);
    });
    it('loses a deal with reason, competitor and comment; reopening clears them', async () => {
      const competitor = await admin.request('POST', '/api/competitors', { name: `Teplomash ${randomUUID()}` });
      const deal = await createDeal(managerA);
      later(HOUR);
      const lost = await moveDeal(managerA, deal, {
        stageId: pipeline.lost,
        lostReasonId: reasonId,
        competitorId: competitor.body.id,
        lostComment: 'Cheaper by 15 %',
      });
      expect(lost.status, JSON.stringify(lost.body)).toBe(200);
      expect(lost.body).toMatchObject({
        status: 'lost',
        closedAt: ctx().clock.now.toISOString(),
        lostReasonId: reasonId,
        competitorId: competitor.body.id,
        competitorName: competitor.body.name,
        lostComment: 'Cheaper by 15 %',
      });
      expect(lost.body.lostReasonName).toEqual(expect.any(String));
      expect(await salesOf(managerA, deal.id)).toEqual([]);
      later(HOUR);
      const reopened = await moveDeal(managerA, lost.body, { stageId: pipeline.open[2] });
      expect(reopened.body).toMatchObject({
        status: 'open',
        closedAt: null,
        lostReasonId: null,
        lostComment: null,
        competitorId: competitor.body.id,
      });
    });
    it('wins a deal: one sales line per deal line, dated the local day of the win in the organisation', async () => {
      const t = ctx();
      const company = await insertCompany(t, org, 'Stroymash');
      const boiler = await createProduct(admin, { name: 'Boiler', priceMinor: 120_000_00 });
      const valve = await createProduct(admin, { name: 'Valve', priceMinor: 1_500_00 });
      const deal = await createDeal(managerA, {
        companyId: company,
        amountMinor: undefined,
        channel: 'dealer',
        territory: 'Kazan',
        lines: [
          { productId: boiler.id, quantity: 2, discountPercent: 5 },
          { productId: valve.id, quantity: 10.5 },
        ],
      });
      t.clock.now = LATE_EVENING;
      const won = await moveDeal(managerA, deal, { stageId: pipeline.won });
      expect(won.status, JSON.stringify(won.body)).toBe(200);
      expect(won.body).toMatchObject({ status: 'won', closedAt: LATE_EVENING.toISOString() });
      const sales = await salesOf(managerA, deal.id);
      expect(sales).toHaveLength(2);
      const byProduct = Object.fromEntries(sales.map((s: any) => [s.productName, s]));
      const common = {
        saleDate: '2026-03-03',
        companyId: company,
        companyName: 'Stroymash',
        dealId: deal.id,
        ownerId: org.users.managerA.id,
        channel: 'dealer',
        territory: 'Kazan',
        currency: 'RUB',
        externalRef: null,
      };
      expect(byProduct.Boiler).toMatchObject({ ...common, productId: boiler.id, quantity: 2, amountMinor: 228_000_00 });
      expect(byProduct.Valve).toMatchObject({ ...common, productId: valve.id, quantity: 10.5, amountMinor: 15_750_00 });
      expect(sales.reduce((sum: number, s: any) => sum + s.amountMinor, 0)).toBe(won.body.amountMinor);
      const created = (await auditOf(admin, 'sale', sales[0].id)).find((e) => e.action === 'create');
      expect(created).toBeDefined();
    });
    it('wins a deal without lines as one sales line for the whole amount, no product', async () => {
      const deal = await createDeal(managerA, { amountMinor: 77_777_77 });
      const won = await moveDeal(managerA, deal, { stageId: pipeline.won });
      expect(won.status).toBe(200);
      const sales = await salesOf(managerA, deal.id);
      expect(sales).toEqual([
        expect.objectContaining({ productId: null, quantity: 1, amountMinor: 77_777_77, saleDate: '2026-03-02' }),
      ]);
    });
    it('moving out of won removes the sales lines it booked, audited; winning again books them anew', async () => {
      const deal = await createDeal(managerA, { amountMinor: 10_00 });
      const won = await moveDeal(managerA, deal, { stageId: pipeline.won });
      const [sale] = await salesOf(managerA, deal.id);
      later(24 * HOUR);
      const reopened = await moveDeal(managerA, won.body, { stageId: pipeline.open[4] });
      expect(reopened.body).toMatchObject({ status: 'open', closedAt: null });
      expect(await salesOf(managerA, deal.id)).toEqual([]);
      expect((await auditOf(admin, 'sale', sale.id)).map((e) => e.action).sort()).toEqual(['create', 'delete']);
      await moveDeal(managerA, reopened.body, { stageId: pipeline.won });
      expect((await salesOf(managerA, deal.id)).map((s: any) => s.saleDate)).toEqual(['2026-03-03']);
    });
    it('books the sales anew when a won deal’s lines or owner change', async () => {
      const product = await createProduct(admin, { priceMinor: 10_00 });
      const deal = await createDeal(head, { amountMinor: undefined, lines: [{ productId: product.id, quantity: 1 }] });
      const won = await moveDeal(head, deal, { stageId: pipeline.won });
      const edited = await head.request('PATCH', `/api/deals/${deal.id}`, {
        version: won.body.version,
        ownerId: org.users.managerB.id,
        lines: [{ productId: product.id, quantity: 4 }],
      });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      const sales = await salesOf(head, deal.id);
      expect(sales).toEqual([
        expect.objectContaining({ amountMinor: 40_00, quantity: 4, ownerId: org.users.managerB.id }),
      ]);
    });
    it('creates a deal straight into won (booking its sales) or lost (with a reason only)', async () => {
      expectError(
        await managerA.request('POST', '/api/deals', { title: 'Lost at once', stageId: pipeline.lost }),
        422,
        'body.lostReasonId',
      );
      const lost = await createDeal(managerA, { stageId: pipeline.lost, lostReasonId: reasonId });
      expect(lost).toMatchObject({ status: 'lost', closedAt: PINNED_NOW.toISOString(), lostReasonId: reasonId });
      const won = await createDeal(managerA, { stageId: pipeline.won, amountMinor: 42_00 });
      expect(won).toMatchObject({ status: 'won', closedAt: PINNED_NOW.toISOString() });
      expect(await salesOf(managerA, won.id)).toEqual([expect.objectContaining({ amountMinor: 42_00 })]);
    });
    it('needs a lost reason on a lost deal edit, takes none on an open one, and lets the comment change', async () => {
      const deal = await createDeal(managerA);
      const lost = await moveDeal(managerA, deal, { stageId: pipeline.lost, lostReasonId: reasonId });
      expectError(
        await managerA.request('PATCH', `/api/deals/${deal.id}`, { version: lost.body.version, lostReasonId: null }),
        422,
        'body.lostReasonId',
      );
      const res = await managerA.request('PATCH', `/api/deals/${deal.id}`, {
        version: lost.body.version,
        lostComment: 'Budget frozen until autumn',
      });
      expect(res.body).toMatchObject({ lostComment: 'Budget frozen until autumn', lostReasonId: reasonId });
      const open = await createDeal(managerA);
      expectError(
        await managerA.request('PATCH', `/api/deals/${open.id}`, { version: 1, lostReasonId: reasonId }),
        422,
        'body.lostReasonId',
      );
    });
  });
});
