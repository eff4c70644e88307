import { randomUUID } from 'node:crypto';
import { dealTotal, lineAmount } from '@pulse/domain';
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
  insertCompany,
  insertContact,
} from './deals.factories.ts';

describeEachDatabase('deals: create and read', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let admin: Session;
  let director: Session;
  let head: Session;
  let managerA: Session;
  let managerB: Session;
  let otherHead: Session;
  let analyst: Session;
  let rivalAdmin: Session;
  let pipeline: Awaited<ReturnType<typeof defaultPipeline>>;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t);
    rival = await createTestOrg(t, 'Rival org');
    [admin, director, head, managerA, managerB, otherHead, analyst, rivalAdmin] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.director.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.managerB.email),
      loginAs(t, org.users.otherHead.email),
      loginAs(t, org.users.analyst.email),
      loginAs(t, rival.users.admin.email),
    ]);
    pipeline = await defaultPipeline(admin);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  describe('POST /api/deals', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'POST', '/api/deals', { title: 'X' })).status).toBe(401);
    });
    it('refuses roles that only read deals with 403', async () => {
      expectError(await analyst.request('POST', '/api/deals', { title: 'Analyst deal' }), 403);
    });
    it('rejects bad fields with 400 naming each', async () => {
      const res = await managerA.request('POST', '/api/deals', {
        title: '',
        amountMinor: -1,
        channel: 'telepathy',
        expectedCloseDate: '31.12.2026',
        lines: [{ productId: randomUUID(), quantity: 1.0005, discountPercent: 101 }],
        stray: true,
      });
      for (const path of [
        'body.title',
        'body.amountMinor',
        'body.channel',
        'body.expectedCloseDate',
        'body.lines.0.quantity',
        'body.lines.0.discountPercent',
        'body.stray',
      ]) {
        expectInvalid(res, path);
      }
      expectInvalid(
        await managerA.request('POST', '/api/deals', { title: 'Fraction', amountMinor: 10.5 }),
        'body.amountMinor',
      );
    });
    it('starts a deal in the default pipeline’s first open stage, owned by its author, with its history', async () => {
      const deal = await createDeal(managerA, { title: '  Boilers for Stroymash ', amountMinor: 250_000_00 });
      expect(deal).toMatchObject({
        title: 'Boilers for Stroymash',
        pipelineId: pipeline.id,
        stageId: pipeline.open[0],
        status: 'open',
        ownerId: org.users.managerA.id,
        ownerName: 'Anna Manager',
        amountMinor: 250_000_00,
        currency: 'RUB',
        version: 1,
        closedAt: null,
        stageEnteredAt: PINNED_NOW.toISOString(),
        lines: [],
      });
      expect(deal.stageHistory).toEqual([
        expect.objectContaining({
          fromStageId: null,
          toStageId: pipeline.open[0],
          changedAt: PINNED_NOW.toISOString(),
          changedBy: { id: org.users.managerA.id, fullName: 'Anna Manager' },
        }),
      ]);
      const [entry] = await auditOf(admin, 'deal', deal.id);
      expect(entry).toMatchObject({ action: 'create', actor: { id: org.users.managerA.id } });
      expect(entry?.changes).toEqual(expect.arrayContaining([{ field: 'amountMinor', old: null, new: 250_000_00 }]));
    });
    it('prices lines from the catalog and makes the amount their exact total', async () => {
      const boiler = await createProduct(admin, { name: 'Boiler', priceMinor: 333_33 });
      const pump = await createProduct(admin, { name: 'Pump', priceMinor: 1_005 });
      const deal = await createDeal(managerA, {
        title: 'Lines',
        amountMinor: undefined,
        lines: [
          { productId: boiler.id, quantity: 1.5, discountPercent: 12.5 },
          { productId: pump.id, quantity: 0.001, unitPriceMinor: 99_999 },
        ],
      });
      const expected = [
        { quantity: 1.5, unitPriceMinor: 333_33, discountPercent: 12.5 },
        { quantity: 0.001, unitPriceMinor: 99_999, discountPercent: 0 },
      ];
      expect(deal.lines.map((l: any) => l.amountMinor)).toEqual(expected.map(lineAmount));
      expect(deal.lines[0]).toMatchObject({ productName: 'Boiler', quantity: 1.5, unitPriceMinor: 333_33 });
      expect(deal.lines[0]?.amountMinor).toBe(43_750); // 1.5 × 333.33 × 0.875 = 437.498… → 437.50
      expect(deal.amountMinor).toBe(dealTotal(expected));
    });
    it('refuses an amount that differs from the lines’ total with 422 and writes nothing', async () => {
      const product = await createProduct(admin, { priceMinor: 100 });
      const title = `Mismatch ${randomUUID()}`;
      const res = await managerA.request('POST', '/api/deals', {
        title,
        amountMinor: 999,
        lines: [{ productId: product.id, quantity: 2 }],
      });
      expectError(res, 422, 'body.amountMinor');
      const found = await admin.request('GET', `/api/deals?q=${encodeURIComponent(title)}`);
      expect(found.body.items).toEqual([]);
    });
    it('refuses unknown, foreign and deactivated products with 422 on the line', async () => {
      const rivalProduct = await createProduct(rivalAdmin);
      const retired = await createProduct(admin);
      await admin.request('PATCH', `/api/products/${retired.id}`, { active: false });
      for (const productId of [randomUUID(), rivalProduct.id, retired.id]) {
        const res = await managerA.request('POST', '/api/deals', { title: 'X', lines: [{ productId, quantity: 1 }] });
        expectError(res, 422, 'body.lines.0.productId');
      }
    });
    it('refuses a pipeline or stage that is unknown, foreign or of another pipeline with 422', async () => {
      const rivalPipeline = await defaultPipeline(rivalAdmin);
      expectError(
        await managerA.request('POST', '/api/deals', { title: 'X', pipelineId: rivalPipeline.id }),
        422,
        'body.pipelineId',
      );
      expectError(
        await managerA.request('POST', '/api/deals', { title: 'X', stageId: rivalPipeline.open[0] }),
        422,
        'body.stageId',
      );
      const second = await admin.request('POST', '/api/pipelines', {
        name: `Second ${randomUUID()}`,
        stages: [
          { name: 'Open', probability: 10 },
          { name: 'Won', kind: 'won', probability: 100 },
          { name: 'Lost', kind: 'lost', probability: 0 },
        ],
      });
      const res = await managerA.request('POST', '/api/deals', {
        title: 'X',
        pipelineId: pipeline.id,
        stageId: second.body.stages[0].id,
      });
      expectError(res, 422, 'body.stageId');
      const inSecond = await createDeal(managerA, { stageId: second.body.stages[0].id });
      expect(inSecond.pipelineId).toBe(second.body.id);
    });
    it('refuses a company or contact of another organisation, and a contact of another company, with 422', async () => {
      const t = ctx();
      const rivalCompany = await insertCompany(t, rival, 'Rival client');
      const mine = await insertCompany(t, org, 'Stroymash');
      const other = await insertCompany(t, org, 'Other client');
      const contactElsewhere = await insertContact(t, org, 'Ivan Petrov', other);
      expectError(
        await managerA.request('POST', '/api/deals', { title: 'X', companyId: rivalCompany }),
        422,
        'body.companyId',
      );
      expectError(
        await managerA.request('POST', '/api/deals', { title: 'X', companyId: mine, contactId: contactElsewhere }),
        422,
        'body.contactId',
      );
      const contact = await insertContact(t, org, 'Olga Ivanova', mine);
      const deal = await createDeal(managerA, { companyId: mine, contactId: contact });
      expect(deal).toMatchObject({ companyName: 'Stroymash', contactName: 'Olga Ivanova' });
    });
    it('lets a head give a new deal to their manager, but not to another department (422)', async () => {
      const deal = await createDeal(head, { ownerId: org.users.managerB.id });
      expect(deal.ownerId).toBe(org.users.managerB.id);
      expectError(
        await head.request('POST', '/api/deals', { title: 'X', ownerId: org.users.otherManager.id }),
        422,
        'body.ownerId',
      );
      expectError(
        await head.request('POST', '/api/deals', { title: 'X', ownerId: rival.users.managerA.id }),
        422,
        'body.ownerId',
      );
    });
    it('refuses a sales manager creating a deal for a colleague with 403', async () => {
      expectError(await managerA.request('POST', '/api/deals', { title: 'X', ownerId: org.users.managerB.id }), 403);
    });
  });

  describe('GET /api/deals/:id', () => {
    let deal: any;
    beforeAll(async () => {
      deal = await createDeal(managerA, { title: 'Scoped deal' });
    });
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'GET', `/api/deals/${deal.id}`)).status).toBe(401);
    });
    it('rejects a non-UUID id with 400 on params.id', async () => {
      expectInvalid(await managerA.request('GET', '/api/deals/first'), 'params.id');
    });
    it("answers 404 for an unknown id and another organisation's deal", async () => {
      const rivalDeal = await createDeal(rivalAdmin, { title: 'Rival secret' });
      expectError(await admin.request('GET', `/api/deals/${randomUUID()}`), 404);
      const res = await admin.request('GET', `/api/deals/${rivalDeal.id}`);
      expectError(res, 404);
      expect(JSON.stringify(res.body)).not.toContain('Rival secret');
    });
    it('shows a deal to its owner, their head, the director and the analyst', async () => {
      for (const session of [managerA, head, director, analyst, admin]) {
        const res = await session.request('GET', `/api/deals/${deal.id}`);
        expect(res.status).toBe(200);
        expect(res.body.title).toBe('Scoped deal');
      }
    });
    it('hides a deal from a colleague and from the other department’s head (404)', async () => {
      for (const session of [managerB, otherHead])
        expectError(await session.request('GET', `/api/deals/${deal.id}`), 404);
    });
  });
});
