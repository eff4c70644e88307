import { clientLifecycle } from '@pulse/domain';
import { sql } from 'kysely';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { withOrg } from '../../db/tenant.ts';
import { createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW, type TestApp } from '../../test/server.ts';
import { insertSale, newCompany, newContact } from './companies.factories.ts';

/** Purchase histories around PINNED_NOW (2026-03-02 in Moscow), boundaries of both thresholds included. */
const HISTORIES: Record<string, string[]> = {
  none: [],
  'only in the future': ['2026-03-05'],
  today: ['2026-03-02'],
  'twice on one day': ['2026-02-01', '2026-02-01'],
  'two days': ['2025-12-01', '2026-02-01'],
  'exactly 90 days ago': ['2025-12-02'],
  '91 days ago': ['2025-12-01'],
  'two days, long ago': ['2025-10-01', '2025-11-01'],
  'exactly 365 days ago': ['2025-03-02'],
  '366 days ago': ['2025-03-01'],
  'a future sale beside an old one': ['2024-01-10', '2026-04-01'],
};

async function setThresholds(t: TestApp, orgId: string, dormant: number, lost: number): Promise<void> {
  await withOrg(t.deps.db, orgId, (tx) =>
    tx
      .updateTable('organizations')
      .set({ dormant_after_days: dormant, lost_after_days: lost })
      .where('org_id', '=', orgId)
      .execute(),
  );
}

describeEachDatabase('client lifecycle', (ctx) => {
  let org: TestOrg;
  let admin: Session;
  const companyOf: Record<string, string> = {};

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Lifecycle org');
    admin = await loginAs(t, org.users.admin.email);
    for (const [name, days] of Object.entries(HISTORIES)) {
      const company = await newCompany(admin, { name: `LC ${name}` });
      companyOf[name] = company.id;
      for (const day of days) await insertSale(t, org.orgId, company.id, day);
    }
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  /** The domain's verdict on every fixture with the given thresholds. */
  const expected = (dormantAfterDays: number, lostAfterDays: number, today = '2026-03-02') =>
    Object.fromEntries(
      Object.entries(HISTORIES).map(([name, purchaseDays]) => [
        name,
        clientLifecycle({ purchaseDays, today, dormantAfterDays, lostAfterDays }),
      ]),
    );
  async function fromApi(): Promise<{ byGet: Record<string, string>; byFilter: Record<string, string> }> {
    const byGet: Record<string, string> = {};
    const byFilter: Record<string, string> = {};
    for (const [name, id] of Object.entries(companyOf)) {
      byGet[name] = (await admin.request('GET', `/api/companies/${id}`)).body.lifecycle;
    }
    for (const stage of ['new', 'active', 'repeat', 'dormant', 'lost']) {
      const res = await admin.request('GET', `/api/companies?q=LC%20&lifecycle=${stage}&limit=200`);
      expect(res.status).toBe(200);
      for (const item of res.body.items) {
        expect(item.lifecycle).toBe(stage);
        const name = Object.keys(companyOf).find((key) => companyOf[key] === item.id) as string;
        byFilter[name] = stage;
      }
    }
    return { byGet, byFilter };
  }

  it('agrees with the domain rule on every fixture, on the record and in the list filter (default thresholds)', async () => {
    const want = expected(90, 365);
    // The fixtures must reach every stage, or the comparison proves little.
    expect(new Set(Object.values(want))).toEqual(new Set(['new', 'active', 'repeat', 'dormant', 'lost']));
    const { byGet, byFilter } = await fromApi();
    expect(byGet).toEqual(want);
    expect(byFilter).toEqual(want);
  });
  it("follows the organisation's own thresholds", async () => {
    const t = ctx();
    await setThresholds(t, org.orgId, 30, 100);
    try {
      const want = expected(30, 100);
      expect(want).not.toEqual(expected(90, 365));
      const { byGet, byFilter } = await fromApi();
      expect(byGet).toEqual(want);
      expect(byFilter).toEqual(want);
    } finally {
      await setThresholds(t, org.orgId, 90, 365);
    }
  });
  it("counts days in the organisation's time zone: just after midnight in Moscow it is already the next day", async () => {
    const t = ctx();
    t.clock.now = new Date('2026-03-01T22:30:00.000Z');
    const res = await admin.request('GET', `/api/companies/${companyOf.today}`);
    expect(res.body).toMatchObject({ lifecycle: 'active', lastPurchaseDay: '2026-03-02' });
    t.clock.now = new Date('2026-03-01T20:30:00.000Z');
    expect((await admin.request('GET', `/api/companies/${companyOf.today}`)).body.lifecycle).toBe('new');
  });
  it("gives a contact its company's lifecycle, none without a company, and filters contacts by it", async () => {
    const withCompany = await newContact(admin, { fullName: 'LC buyer', companyId: companyOf['two days'] });
    const alone = await newContact(admin, { fullName: 'LC loner' });
    expect((await admin.request('GET', `/api/contacts/${withCompany.id}`)).body.lifecycle).toBe('repeat');
    expect((await admin.request('GET', `/api/contacts/${alone.id}`)).body.lifecycle).toBeNull();
    const repeat = await admin.request('GET', '/api/contacts?q=LC&lifecycle=repeat');
    expect(repeat.body.items.map((c: any) => c.id)).toEqual([withCompany.id]);
    const fresh = await admin.request('GET', '/api/contacts?q=LC&lifecycle=new');
    expect(fresh.body.items).toEqual([]);
  });
});

describeEachDatabase('client lists: sorting and keyset pages', (ctx) => {
  let org: TestOrg;
  let admin: Session;

  beforeAll(async () => {
    const t = ctx();
    org = await createTestOrg(t, 'Paging org');
    admin = await loginAs(t, org.users.admin.email);
    const names = ['beta', 'Alpha', 'alpha', 'Gamma', 'delta', 'Beta'];
    for (const [i, name] of names.entries()) {
      // Two companies per millisecond, so ties on the date are broken by id.
      t.clock.now = new Date(PINNED_NOW.getTime() + Math.floor(i / 2));
      await newCompany(admin, { name });
    }
    // Rows written by other code (now()) carry microseconds a cursor cannot; pages must still step past them.
    await withOrg(t.deps.db, org.orgId, (tx) =>
      tx
        .insertInto('companies')
        .values(
          [123, 456, 789].map((micros) => {
            const at = sql<Date>`${`2026-03-02T09:00:00.010${micros}Z`}::timestamptz`;
            return { org_id: org.orgId, name: `raw ${micros}`, owner_id: null, created_at: at, updated_at: at };
          }),
        )
        .execute(),
    );
    t.clock.now = PINNED_NOW;
  });

  async function walk(query: string): Promise<any[]> {
    const items: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/companies?${query}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await admin.request('GET', url);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    return items;
  }

  it('walks every sort and order page by page: each company once, in order', async () => {
    for (const sort of ['name', 'created', 'updated']) {
      for (const order of ['asc', 'desc', '']) {
        const query = `sort=${sort}${order ? `&order=${order}` : ''}`;
        const walked = await walk(query);
        const all = (await admin.request('GET', `/api/companies?${query}&limit=200`)).body.items;
        expect(all).toHaveLength(9);
        expect(
          walked.map((c) => c.id),
          query,
        ).toEqual(all.map((c: any) => c.id));
        const keys = all.map((c: any) => (sort === 'name' ? c.name.toLowerCase() : c[`${sort}At`]));
        const sorted = [...keys].sort();
        expect(keys, query).toEqual(order === 'asc' || (order === '' && sort === 'name') ? sorted : sorted.reverse());
      }
    }
  });
});
