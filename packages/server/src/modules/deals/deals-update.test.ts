import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { auditOf, createDeal, createProduct, defaultPipeline, expectError, expectInvalid } from './deals.factories.ts';

describeEachDatabase('deals: edit', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let admin: Session;
  let _director: Session;
  let head: Session;
  let managerA: Session;
  let managerB: Session;
  let _otherHead: Session;
  let analyst: Session;
  let rivalAdmin: Session;
  let pipeline: Awaited<ReturnType<typeof defaultPipeline>>;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t);
    rival = await createTestOrg(t, 'Rival org');
    [admin, _director, head, managerA, managerB, _otherHead, analyst, rivalAdmin] = await Promise.all([
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

  describe('PATCH /api/deals/:id', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'PATCH', `/api/deals/${randomUUID()}`, { version: 1 })).status).toBe(401);
    });
    it('requires the version read, and pipelineId and stageId together (400)', async () => {
      const deal = await createDeal(managerA);
      expectInvalid(await managerA.request('PATCH', `/api/deals/${deal.id}`, { title: 'No version' }), 'body.version');
      expectInvalid(
        await managerA.request('PATCH', `/api/deals/${deal.id}`, { version: 1, pipelineId: pipeline.id }),
        'body.stageId',
      );
      expectInvalid(
        await managerA.request('PATCH', `/api/deals/${deal.id}`, { version: 1, stageId: pipeline.open[1] }),
        'body.pipelineId',
      );
    });
    it("answers 404 for an unknown deal, another organisation's and a colleague's", async () => {
      const rivalDeal = await createDeal(rivalAdmin);
      const colleagues = await createDeal(managerB);
      expectError(await admin.request('PATCH', `/api/deals/${randomUUID()}`, { version: 1, title: 'X' }), 404);
      expectError(await admin.request('PATCH', `/api/deals/${rivalDeal.id}`, { version: 1, title: 'X' }), 404);
      expectError(await managerA.request('PATCH', `/api/deals/${colleagues.id}`, { version: 1, title: 'X' }), 404);
    });
    it('lets the owner, their head and the administrator edit; an analyst who reads it gets 403', async () => {
      const deal = await createDeal(managerA);
      let version = deal.version;
      for (const [session, nextStep] of [
        [managerA, 'Send the proposal'],
        [head, 'Call the CFO'],
        [admin, 'Sign'],
      ] as const) {
        const res = await session.request('PATCH', `/api/deals/${deal.id}`, { version, nextStep });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({ nextStep, version: version + 1 });
        version = res.body.version;
      }
      expectError(await analyst.request('PATCH', `/api/deals/${deal.id}`, { version, nextStep: 'No' }), 403);
    });
    it('refuses a stale version with 409 and keeps the newer edit', async () => {
      const deal = await createDeal(managerA, { title: 'Original' });
      const first = await managerA.request('PATCH', `/api/deals/${deal.id}`, { version: 1, title: 'First edit' });
      expect(first.status).toBe(200);
      expectError(
        await head.request('PATCH', `/api/deals/${deal.id}`, { version: 1, title: 'Late edit' }),
        409,
        'body.version',
      );
      expect((await managerA.request('GET', `/api/deals/${deal.id}`)).body).toMatchObject({
        title: 'First edit',
        version: 2,
      });
    });
    it('edits fields, audits the change and moves updatedAt', async () => {
      const deal = await createDeal(managerA, { territory: 'Moscow' });
      ctx().clock.now = new Date(PINNED_NOW.getTime() + 60_000);
      const res = await managerA.request('PATCH', `/api/deals/${deal.id}`, {
        version: 1,
        title: 'Renamed',
        amountMinor: 5_00,
        expectedCloseDate: '2026-04-30',
        channel: 'dealer',
        territory: '',
        source: 'exhibition',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        title: 'Renamed',
        amountMinor: 5_00,
        expectedCloseDate: '2026-04-30',
        channel: 'dealer',
        territory: null,
        source: 'exhibition',
        updatedAt: ctx().clock.now.toISOString(),
      });
      const update = (await auditOf(admin, 'deal', deal.id)).find((e) => e.action === 'update');
      expect(update?.changes).toEqual(
        expect.arrayContaining([
          { field: 'title', old: 'Deal', new: 'Renamed' },
          { field: 'territory', old: 'Moscow', new: null },
        ]),
      );
    });
    it('replaces lines, recomputes the amount, and refuses a hand-set amount on a deal with lines (422)', async () => {
      const product = await createProduct(admin, { priceMinor: 10_00 });
      const deal = await createDeal(managerA, {
        amountMinor: undefined,
        lines: [{ productId: product.id, quantity: 1 }],
      });
      expect(deal.amountMinor).toBe(10_00);
      expectError(
        await managerA.request('PATCH', `/api/deals/${deal.id}`, { version: 1, amountMinor: 1 }),
        422,
        'body.amountMinor',
      );
      const res = await managerA.request('PATCH', `/api/deals/${deal.id}`, {
        version: 1,
        lines: [{ productId: product.id, quantity: 3, discountPercent: 10 }],
      });
      expect(res.body).toMatchObject({ amountMinor: 27_00, version: 2 });
      expect(res.body.lines).toHaveLength(1);
      const cleared = await managerA.request('PATCH', `/api/deals/${deal.id}`, {
        version: 2,
        lines: [],
        amountMinor: 50_00,
      });
      expect(cleared.body).toMatchObject({ amountMinor: 50_00, lines: [] });
    });
    it('keeps a product deactivated after it was added, but refuses adding it anew (422)', async () => {
      const product = await createProduct(admin);
      const deal = await createDeal(managerA, {
        amountMinor: undefined,
        lines: [{ productId: product.id, quantity: 1 }],
      });
      await admin.request('PATCH', `/api/products/${product.id}`, { active: false });
      const kept = await managerA.request('PATCH', `/api/deals/${deal.id}`, {
        version: 1,
        lines: [{ productId: product.id, quantity: 2 }],
      });
      expect(kept.status).toBe(200);
      const other = await createDeal(managerA);
      expectError(
        await managerA.request('PATCH', `/api/deals/${other.id}`, {
          version: 1,
          lines: [{ productId: product.id, quantity: 1 }],
        }),
        422,
        'body.lines.0.productId',
      );
    });
    it('reassigns only by a head, director or administrator, and only to someone in reach', async () => {
      const deal = await createDeal(managerA);
      expectError(
        await managerA.request('PATCH', `/api/deals/${deal.id}`, { version: 1, ownerId: org.users.managerB.id }),
        403,
      );
      expectError(
        await head.request('PATCH', `/api/deals/${deal.id}`, { version: 1, ownerId: org.users.otherManager.id }),
        422,
        'body.ownerId',
      );
      const res = await head.request('PATCH', `/api/deals/${deal.id}`, { version: 1, ownerId: org.users.managerB.id });
      expect(res.body).toMatchObject({ ownerId: org.users.managerB.id, ownerName: 'Boris Manager' });
      expectError(await managerA.request('GET', `/api/deals/${deal.id}`), 404);
      expect((await managerB.request('GET', `/api/deals/${deal.id}`)).status).toBe(200);
    });
    it('moves a deal to another pipeline with pipelineId + stageId, recording the change', async () => {
      const second = await admin.request('POST', '/api/pipelines', {
        name: `Projects ${randomUUID()}`,
        stages: [
          { name: 'Survey', probability: 20 },
          { name: 'Won', kind: 'won', probability: 100 },
          { name: 'Lost', kind: 'lost', probability: 0 },
        ],
      });
      const target = second.body.stages[0];
      const deal = await createDeal(managerA);
      expectError(
        await managerA.request('PATCH', `/api/deals/${deal.id}`, {
          version: 1,
          pipelineId: pipeline.id,
          stageId: target.id,
        }),
        422,
        'body.stageId',
      );
      ctx().clock.now = new Date(PINNED_NOW.getTime() + 3_600_000);
      const res = await managerA.request('PATCH', `/api/deals/${deal.id}`, {
        version: 1,
        pipelineId: second.body.id,
        stageId: target.id,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({
        pipelineId: second.body.id,
        stageId: target.id,
        stageName: 'Survey',
        version: 2,
      });
      expect(res.body.stageEnteredAt).toBe(ctx().clock.now.toISOString());
      expect(res.body.stageHistory.map((c: any) => [c.fromStageId, c.toStageId])).toEqual([
        [null, pipeline.open[0]],
        [pipeline.open[0], target.id],
      ]);
    });
    it('leaves the deal untouched when any part of an edit is refused', async () => {
      const deal = await createDeal(managerA, { title: 'Stays' });
      const res = await managerA.request('PATCH', `/api/deals/${deal.id}`, {
        version: 1,
        title: 'Half written',
        companyId: randomUUID(),
      });
      expectError(res, 422, 'body.companyId');
      expect((await managerA.request('GET', `/api/deals/${deal.id}`)).body).toMatchObject({
        title: 'Stays',
        version: 1,
      });
    });
  });
});
