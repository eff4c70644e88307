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
  insertCompany,
  moveDeal,
} from './deals.factories.ts';

const ids = (res: { body: any }): string[] => res.body.items.map((s: { id: string }) => s.id);

describeEachDatabase('sales lines', (ctx) => {
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
  let product: any;
  let company: string;
  const sale: Record<string, any> = {};

  const record = async (session: Session, body: Record<string, unknown>) => {
    const res = await session.request('POST', '/api/sales', { saleDate: '2026-02-10', amountMinor: 100_00, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Sales org');
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
    product = await createProduct(admin, { name: 'Cement M500' });
    company = await insertCompany(t, org, 'Retail chain');
    sale.jan = await record(managerA, {
      saleDate: '2026-01-31',
      productId: product.id,
      channel: 'retail',
      territory: 'Tver',
    });
    sale.feb = await record(managerA, { saleDate: '2026-02-01', companyId: company, quantity: 2.5 });
    sale.mar = await record(managerB, { saleDate: '2026-03-01', channel: 'distributor', territory: 'tver' });
    sale.other = await record(await loginAs(t, org.users.otherManager.email), { saleDate: '2026-02-15' });
    await record(rivalAdmin, { saleDate: '2026-02-15' });
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  describe('GET /api/sales', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'GET', '/api/sales')).status).toBe(401);
    });
    it('rejects malformed filters with 400 naming each', async () => {
      const res = await admin.request('GET', '/api/sales?from=yesterday&order=newest&limit=0&channel=tv&sort=date');
      for (const path of ['query.from', 'query.order', 'query.limit', 'query.channel', 'query.sort'])
        expectInvalid(res, path);
    });
    it('shows each person the lines of the owners in their scope, never another organisation’s', async () => {
      const all = [sale.jan.id, sale.feb.id, sale.mar.id];
      expect(new Set(ids(await managerA.request('GET', '/api/sales')))).toEqual(new Set([sale.jan.id, sale.feb.id]));
      expect(ids(await managerB.request('GET', '/api/sales'))).toEqual([sale.mar.id]);
      expect(new Set(ids(await head.request('GET', '/api/sales')))).toEqual(new Set(all));
      expect(ids(await otherHead.request('GET', '/api/sales'))).toEqual([sale.other.id]);
      expect(new Set(ids(await director.request('GET', '/api/sales')))).toEqual(new Set([...all, sale.other.id]));
    });
    it('lists newest day first by default, oldest first on request, page by page', async () => {
      expect(ids(await head.request('GET', '/api/sales'))).toEqual([sale.mar.id, sale.feb.id, sale.jan.id]);
      const first = await head.request('GET', '/api/sales?order=asc&limit=2');
      expect(ids(first)).toEqual([sale.jan.id, sale.feb.id]);
      const second = await head.request('GET', `/api/sales?order=asc&limit=2&cursor=${first.body.nextCursor}`);
      expect(ids(second)).toEqual([sale.mar.id]);
      expect(second.body.nextCursor).toBeNull();
    });
    it('filters by days (ends included), owner, company, product, channel and territory', async () => {
      const q = async (query: string) => new Set(ids(await director.request('GET', `/api/sales?${query}`)));
      expect(await q('from=2026-02-01&to=2026-02-15')).toEqual(new Set([sale.feb.id, sale.other.id]));
      expect(await q(`ownerId=${org.users.managerB.id}`)).toEqual(new Set([sale.mar.id]));
      expect(await q(`companyId=${company}`)).toEqual(new Set([sale.feb.id]));
      expect(await q(`productId=${product.id}`)).toEqual(new Set([sale.jan.id]));
      expect(await q('channel=distributor')).toEqual(new Set([sale.mar.id]));
      expect(await q('territory=TVER')).toEqual(new Set([sale.jan.id, sale.mar.id]));
    });
  });

  describe('POST /api/sales', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'POST', '/api/sales', { saleDate: '2026-01-01', amountMinor: 1 })).status).toBe(401);
    });
    it('refuses read-only roles with 403', async () => {
      expectError(await analyst.request('POST', '/api/sales', { saleDate: '2026-01-01', amountMinor: 1 }), 403);
    });
    it('rejects bad fields with 400 naming each', async () => {
      const res = await managerA.request('POST', '/api/sales', {
        saleDate: '2026-02-30',
        quantity: 0,
        amountMinor: 1.5,
        dealId: randomUUID(),
      });
      for (const path of ['body.saleDate', 'body.quantity', 'body.amountMinor', 'body.dealId'])
        expectInvalid(res, path);
      expectInvalid(await managerA.request('POST', '/api/sales', { saleDate: '2026-01-01' }), 'body.amountMinor');
    });
    it('refuses a company or product of another organisation with 422', async () => {
      const rivalCompany = await insertCompany(ctx(), rival, 'Rival client');
      const rivalProduct = await createProduct(rivalAdmin);
      const base = { saleDate: '2026-01-01', amountMinor: 1 };
      expectError(
        await managerA.request('POST', '/api/sales', { ...base, companyId: rivalCompany }),
        422,
        'body.companyId',
      );
      expectError(
        await managerA.request('POST', '/api/sales', { ...base, productId: rivalProduct.id }),
        422,
        'body.productId',
      );
    });
    it('records a line owned by its author, in the organisation’s currency, audited', async () => {
      const created = await record(managerA, {
        productId: product.id,
        quantity: 1.25,
        amountMinor: 12_345,
        externalRef: ' 1C-0001 ',
      });
      expect(created).toMatchObject({
        saleDate: '2026-02-10',
        productName: 'Cement M500',
        quantity: 1.25,
        amountMinor: 12_345,
        currency: 'RUB',
        ownerId: org.users.managerA.id,
        ownerName: 'Anna Manager',
        dealId: null,
        externalRef: '1C-0001',
        createdAt: PINNED_NOW.toISOString(),
      });
      const [entry] = await auditOf(admin, 'sale', created.id);
      expect(entry).toMatchObject({ action: 'create', actor: { id: org.users.managerA.id } });
    });
    it('refuses an external reference already used in the organisation with 409; another organisation may reuse it', async () => {
      await record(managerA, { externalRef: 'INV-77' });
      expectError(
        await head.request('POST', '/api/sales', { saleDate: '2026-01-01', amountMinor: 1, externalRef: 'INV-77' }),
        409,
        'body.externalRef',
      );
      await record(rivalAdmin, { externalRef: 'INV-77' });
    });
    it('lets a head record a line for their manager, not for another department (422) nor a manager for a colleague (403)', async () => {
      const forB = await record(head, { ownerId: org.users.managerB.id });
      expect(forB.ownerId).toBe(org.users.managerB.id);
      expectError(
        await head.request('POST', '/api/sales', {
          saleDate: '2026-01-01',
          amountMinor: 1,
          ownerId: org.users.otherManager.id,
        }),
        422,
        'body.ownerId',
      );
      expectError(
        await managerA.request('POST', '/api/sales', {
          saleDate: '2026-01-01',
          amountMinor: 1,
          ownerId: org.users.managerB.id,
        }),
        403,
      );
    });
  });

  describe('permissions on each line', () => {
    const lineOf = async (session: Session, id: string, query = '') => {
      const res = await session.request('GET', `/api/sales?limit=200${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.find((item: { id: string }) => item.id === id);
    };
    it('lets the owner, their head and the director delete a line entered directly, and no one outside', async () => {
      const line = await record(managerA, { saleDate: '2026-02-20' });
      expect(line.permissions).toEqual({ delete: true });
      for (const session of [managerA, head, director, admin]) {
        expect((await lineOf(session, line.id)).permissions).toEqual({ delete: true });
      }
      expect((await lineOf(analyst, line.id)).permissions).toEqual({ delete: false });
      // A colleague of another team, or a head of another department, does not see it at all.
      expect(await lineOf(managerB, line.id)).toBeUndefined();
      expect(await lineOf(otherHead, line.id)).toBeUndefined();
      expect((await lineOf(otherHead, sale.other.id)).permissions).toEqual({ delete: true });
      // The flags and the route agree.
      expectError(await analyst.request('DELETE', `/api/sales/${line.id}`), 403);
      expectError(await otherHead.request('DELETE', `/api/sales/${line.id}`), 404);
      expect((await head.request('DELETE', `/api/sales/${line.id}`)).status).toBe(200);
    });
    it("lets no one delete a won deal's line here", async () => {
      const pipeline = await defaultPipeline(admin);
      const deal = await createDeal(managerA, { amountMinor: 7_00 });
      await moveDeal(managerA, deal, { stageId: pipeline.won });
      const [id] = ids(await managerA.request('GET', `/api/sales?dealId=${deal.id}`)) as [string];
      for (const session of [managerA, head, director]) {
        expect((await lineOf(session, id, `&dealId=${deal.id}`)).permissions).toEqual({ delete: false });
      }
      expectError(await director.request('DELETE', `/api/sales/${id}`), 409);
    });
  });

  describe('DELETE /api/sales/:id', () => {
    it('answers 401 without a session and 400 for a bad id', async () => {
      expect((await call(ctx(), 'DELETE', `/api/sales/${sale.jan.id}`)).status).toBe(401);
      expectInvalid(await managerA.request('DELETE', '/api/sales/latest'), 'params.id');
    });
    it("answers 404 for an unknown line, another organisation's and a colleague's", async () => {
      const rivalSale = await record(rivalAdmin, {});
      expectError(await admin.request('DELETE', `/api/sales/${randomUUID()}`), 404);
      expectError(await admin.request('DELETE', `/api/sales/${rivalSale.id}`), 404);
      expectError(await managerB.request('DELETE', `/api/sales/${sale.jan.id}`), 404);
    });
    it('refuses an analyst, who reads every line, with 403', async () => {
      expectError(await analyst.request('DELETE', `/api/sales/${sale.jan.id}`), 403);
    });
    it("refuses a won deal's line with 409", async () => {
      const pipeline = await defaultPipeline(admin);
      const deal = await createDeal(managerA, { amountMinor: 5_00 });
      await moveDeal(managerA, deal, { stageId: pipeline.won });
      const [line] = ids(await managerA.request('GET', `/api/sales?dealId=${deal.id}`));
      expectError(await managerA.request('DELETE', `/api/sales/${line}`), 409);
      expect(ids(await managerA.request('GET', `/api/sales?dealId=${deal.id}`))).toEqual([line]);
    });
    it('lets the owner and their head delete a line entered directly, audited', async () => {
      const mine = await record(managerA, {});
      const theirs = await record(managerB, {});
      for (const [session, line] of [
        [managerA, mine],
        [head, theirs],
      ] as const) {
        const res = await session.request('DELETE', `/api/sales/${line.id}`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ ok: true });
        expectError(await director.request('DELETE', `/api/sales/${line.id}`), 404);
        expect((await auditOf(admin, 'sale', line.id)).map((e) => e.action).sort()).toEqual(['create', 'delete']);
      }
    });
  });
});
