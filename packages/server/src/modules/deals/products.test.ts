import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { auditOf, createProduct, expectError, expectInvalid } from './deals.factories.ts';

const ids = (res: { body: any }): string[] => res.body.items.map((p: { id: string }) => p.id);

describeEachDatabase('product catalog', (ctx) => {
  let org: TestOrg;
  let admin: Session;
  let head: Session;
  let managerA: Session;
  let director: Session;
  let rivalAdmin: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Catalog org');
    const rival = await createTestOrg(t, 'Rival org');
    [admin, head, managerA, director, rivalAdmin] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.director.email),
      loginAs(t, rival.users.admin.email),
    ]);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });
  const group = async (session: Session, body: Record<string, unknown>) => {
    const res = await session.request('POST', '/api/product-groups', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  describe('product groups', () => {
    it('answers 401 without a session on every group route', async () => {
      const id = randomUUID();
      for (const [method, url] of [
        ['GET', '/api/product-groups'],
        ['GET', `/api/product-groups/${id}`],
        ['POST', '/api/product-groups'],
        ['PATCH', `/api/product-groups/${id}`],
        ['DELETE', `/api/product-groups/${id}`],
      ] as const) {
        expect((await call(ctx(), method, url, method === 'GET' || method === 'DELETE' ? undefined : {})).status).toBe(
          401,
        );
      }
    });
    it('lets administrators and heads manage groups, and refuses sales managers and directors with 403', async () => {
      for (const session of [managerA, director]) {
        expectError(await session.request('POST', '/api/product-groups', { name: 'Nope' }), 403);
      }
      const made = await group(head, { name: 'Heating' });
      expectError(await managerA.request('PATCH', `/api/product-groups/${made.id}`, { name: 'X' }), 403);
      expectError(await managerA.request('DELETE', `/api/product-groups/${made.id}`), 403);
      expect((await managerA.request('GET', `/api/product-groups/${made.id}`)).body.name).toBe('Heating');
    });
    it('rejects bad fields with 400', async () => {
      const res = await admin.request('POST', '/api/product-groups', {
        name: ' ',
        parentId: 'root',
        isPriority: 'yes',
        x: 1,
      });
      for (const path of ['body.name', 'body.parentId', 'body.isPriority', 'body.x']) expectInvalid(res, path);
    });
    it('marks a priority direction that reaches every sub-group and product below it', async () => {
      const top = await group(admin, { name: 'Boilers', isPriority: true });
      const sub = await group(admin, { name: 'Gas boilers', parentId: top.id });
      expect(sub).toMatchObject({ parentId: top.id, isPriority: false, inPriorityDirection: true });
      const product = await createProduct(admin, { name: 'Gas boiler 24 kW', groupId: sub.id });
      expect(product).toMatchObject({ groupName: 'Gas boilers', isPriority: false, inPriorityDirection: true });
      await admin.request('PATCH', `/api/product-groups/${top.id}`, { isPriority: false });
      expect((await admin.request('GET', `/api/products/${product.id}`)).body.inPriorityDirection).toBe(false);
      const list = await managerA.request('GET', '/api/product-groups');
      expect(list.body.items.map((g: any) => g.id)).toEqual(expect.arrayContaining([top.id, sub.id]));
    });
    it('refuses an unknown or foreign parent and a cycle with 422', async () => {
      const rivalGroup = await group(rivalAdmin, { name: 'Rival group' });
      expectError(
        await admin.request('POST', '/api/product-groups', { name: 'X', parentId: rivalGroup.id }),
        422,
        'body.parentId',
      );
      const top = await group(admin, { name: 'Top' });
      const child = await group(admin, { name: 'Child', parentId: top.id });
      for (const parentId of [top.id, child.id]) {
        expectError(await admin.request('PATCH', `/api/product-groups/${top.id}`, { parentId }), 422, 'body.parentId');
      }
    });
    it("answers 404 for an unknown group and another organisation's", async () => {
      const rivalGroup = await group(rivalAdmin, { name: 'Rival secret group' });
      for (const id of [randomUUID(), rivalGroup.id]) {
        expectError(await admin.request('GET', `/api/product-groups/${id}`), 404);
        expectError(await admin.request('PATCH', `/api/product-groups/${id}`, { name: 'Stolen' }), 404);
        expectError(await admin.request('DELETE', `/api/product-groups/${id}`), 404);
      }
    });
    it('deletes an empty group only (409 with products or sub-groups), audited', async () => {
      const full = await group(admin, { name: 'Full' });
      await createProduct(admin, { groupId: full.id });
      expectError(await admin.request('DELETE', `/api/product-groups/${full.id}`), 409);
      const parent = await group(admin, { name: 'Parent' });
      await group(admin, { name: 'Kid', parentId: parent.id });
      expectError(await admin.request('DELETE', `/api/product-groups/${parent.id}`), 409);
      const empty = await group(admin, { name: 'Empty' });
      expect((await head.request('DELETE', `/api/product-groups/${empty.id}`)).status).toBe(200);
      expectError(await admin.request('GET', `/api/product-groups/${empty.id}`), 404);
      expect((await auditOf(admin, 'product_group', empty.id)).map((e) => e.action).sort()).toEqual([
        'create',
        'delete',
      ]);
    });
  });

  describe('products', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'GET', '/api/products')).status).toBe(401);
      expect((await call(ctx(), 'POST', '/api/products', { name: 'X' })).status).toBe(401);
      expect((await call(ctx(), 'PATCH', `/api/products/${randomUUID()}`, { name: 'X' })).status).toBe(401);
    });
    it('lets everyone read the catalog but only administrators and heads change it (403)', async () => {
      const product = await createProduct(head, { name: 'Radiator' });
      expectError(await managerA.request('POST', '/api/products', { name: 'Mine' }), 403);
      expectError(await managerA.request('PATCH', `/api/products/${product.id}`, { priceMinor: 1 }), 403);
      expect((await managerA.request('GET', `/api/products/${product.id}`)).body.name).toBe('Radiator');
    });
    it('rejects bad fields with 400', async () => {
      const res = await admin.request('POST', '/api/products', {
        name: '',
        priceMinor: 9.99,
        unit: 'u'.repeat(21),
        sku: 's'.repeat(101),
        currency: 'USD',
      });
      for (const path of ['body.name', 'body.priceMinor', 'body.unit', 'body.sku', 'body.currency'])
        expectInvalid(res, path);
      expectInvalid(await admin.request('GET', '/api/products?sort=popularity&priority=maybe'), 'query.sort');
    });
    it('creates a product with its price in minor units and the organisation’s currency, audited', async () => {
      const product = await createProduct(admin, {
        name: 'Boiler KV-100',
        sku: 'KV-100',
        unit: 'pcs',
        priceMinor: 1_250_000_50,
      });
      expect(product).toMatchObject({
        name: 'Boiler KV-100',
        sku: 'KV-100',
        unit: 'pcs',
        priceMinor: 1_250_000_50,
        currency: 'RUB',
        active: true,
        groupId: null,
        createdAt: PINNED_NOW.toISOString(),
      });
      const [entry] = await auditOf(admin, 'product', product.id);
      expect(entry?.changes).toEqual(expect.arrayContaining([{ field: 'priceMinor', old: null, new: 1_250_000_50 }]));
    });
    it('refuses a taken SKU with 409 and an unknown group with 422', async () => {
      await createProduct(admin, { sku: 'DUP-1' });
      expectError(await admin.request('POST', '/api/products', { name: 'Again', sku: 'DUP-1' }), 409, 'body.sku');
      expectError(
        await admin.request('POST', '/api/products', { name: 'X', groupId: randomUUID() }),
        422,
        'body.groupId',
      );
    });
    it('edits and deactivates a product; the list hides it unless asked', async () => {
      const product = await createProduct(admin, { name: 'Old model' });
      const res = await head.request('PATCH', `/api/products/${product.id}`, { active: false, priceMinor: 5_00 });
      expect(res.body).toMatchObject({ active: false, priceMinor: 5_00 });
      expect(ids(await managerA.request('GET', '/api/products?limit=200'))).not.toContain(product.id);
      expect(ids(await managerA.request('GET', '/api/products?active=false&limit=200'))).toContain(product.id);
      const update = (await auditOf(admin, 'product', product.id)).find((e) => e.action === 'update');
      expect(update?.changes).toEqual(expect.arrayContaining([{ field: 'active', old: true, new: false }]));
    });
    it("answers 404 for an unknown product and another organisation's", async () => {
      const rivalProduct = await createProduct(rivalAdmin, { name: 'Rival secret product' });
      for (const id of [randomUUID(), rivalProduct.id]) {
        expectError(await admin.request('GET', `/api/products/${id}`), 404);
        expectError(await admin.request('PATCH', `/api/products/${id}`, { name: 'Stolen' }), 404);
      }
      expect(JSON.stringify((await admin.request('GET', '/api/products?limit=200')).body)).not.toContain(
        'Rival secret',
      );
    });
    it('searches, filters by group (with sub-groups) and priority, sorts and pages', async () => {
      const t = ctx();
      const catalog = await createTestOrg(t, 'Paging catalog');
      const boss = await loginAs(t, catalog.users.admin.email);
      const heating = await group(boss, { name: 'Heating', isPriority: true });
      const gas = await group(boss, { name: 'Gas', parentId: heating.id });
      const p = {
        a: await createProduct(boss, { name: 'Alpha pump', sku: 'PX-1', priceMinor: 300 }),
        b: await createProduct(boss, { name: 'beta boiler', groupId: gas.id, priceMinor: 100 }),
        c: await createProduct(boss, { name: 'Gamma valve', groupId: heating.id, priceMinor: 200 }),
        d: await createProduct(boss, { name: 'Delta pipe', isPriority: true, priceMinor: 200 }),
      };
      const list = async (query: string) => ids(await boss.request('GET', `/api/products?${query}`));
      expect(await list('q=BOILER')).toEqual([p.b.id]);
      expect(await list('q=px-1')).toEqual([p.a.id]);
      expect(await list(`groupId=${heating.id}`)).toEqual([p.b.id, p.c.id]);
      expect(await list('priority=true')).toEqual([p.b.id, p.d.id, p.c.id]);
      expect(await list('priority=false')).toEqual([p.a.id]);
      expect(await list('sort=name')).toEqual([p.a.id, p.b.id, p.d.id, p.c.id]);
      const byPrice = await list('sort=price&order=desc');
      expect(byPrice[0]).toBe(p.a.id);
      expect(byPrice[3]).toBe(p.b.id);
      const first = await boss.request('GET', '/api/products?sort=price&limit=2');
      const second = await boss.request('GET', `/api/products?sort=price&limit=2&cursor=${first.body.nextCursor}`);
      expect([...ids(first), ...ids(second)]).toEqual(await list('sort=price'));
      expect(second.body.nextCursor).toBeNull();
    });
  });
});
