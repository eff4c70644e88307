import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { freshPhone, newCompany, newContact, validInn } from './companies.factories.ts';

const DUPLICATE_FIELDS = ['archived', 'id', 'name', 'ownerId', 'reason', 'reasons', 'similarity'];

describeEachDatabase('companies and contacts: duplicates', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let admin: Session;
  let head: Session;
  let managerA: Session;
  let managerB: Session;
  let rivalAdmin: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t);
    rival = await createTestOrg(t, 'Rival org');
    [admin, head, managerA, managerB, rivalAdmin] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.managerB.email),
      loginAs(t, rival.users.admin.email),
    ]);
  });

  describe('on POST /api/companies', () => {
    it("refuses an exact INN duplicate with 409 naming the existing company, even a colleague's, and creates nothing", async () => {
      const inn = validInn();
      const existing = await newCompany(managerA, { name: 'Original INN', inn });
      const res = await managerB.request('POST', '/api/companies', { name: 'Copy INN', inn });
      expect(res.status).toBe(409);
      expect(res.body.error.details).toEqual([
        {
          path: 'body.inn',
          message: expect.stringContaining(existing.id),
          duplicates: [expect.objectContaining({ id: existing.id, name: 'Original INN', reasons: ['inn'] })],
        },
      ]);
      const list = await head.request('GET', `/api/companies?q=${inn}`);
      expect(list.body.items.map((c: any) => c.id)).toEqual([existing.id]);
    });
    it('creates it anyway with allowDuplicate, listing the duplicate', async () => {
      const inn = validInn();
      const existing = await newCompany(managerA, { name: 'Twin one', inn });
      const res = await managerA.request('POST', '/api/companies', { name: 'Twin two', inn, allowDuplicate: true });
      expect(res.status).toBe(201);
      expect(res.body.duplicates).toEqual([
        {
          id: existing.id,
          name: 'Twin one',
          reason: 'inn',
          reasons: ['inn'],
          similarity: null,
          ownerId: org.users.managerA.id,
          archived: false,
        },
      ]);
    });
    it('does not see companies of another organisation', async () => {
      const inn = validInn();
      await newCompany(managerA, { name: 'Cross-tenant twin', inn });
      const res = await rivalAdmin.request('POST', '/api/companies', { name: 'Cross-tenant twin', inn });
      expect(res.status).toBe(201);
      expect(res.body.duplicates).toEqual([]);
    });
    it('reports the same e-mail, the same phone typed differently, and a similar name, strongest reason first', async () => {
      const phone = freshPhone();
      const tag = crypto.randomUUID().slice(0, 6);
      const byEmail = await newCompany(managerA, { name: `Mail ${tag}`, emails: [{ email: `info-${tag}@dup.test` }] });
      const byPhone = await newCompany(managerA, { name: `Phone ${tag}`, phones: [{ number: phone.typed }] });
      const byName = await newCompany(managerA, { name: 'ООО «Техностройкомплект»' });
      const res = await managerB.request('POST', '/api/companies', {
        name: 'Техностройкомплекс, АО',
        phones: [{ number: phone.e164 }],
        emails: [{ email: `INFO-${tag}@dup.test` }],
      });
      expect(res.status).toBe(201);
      const dupes = res.body.duplicates;
      expect(dupes.map((d: any) => [d.id, d.reason])).toEqual([
        [byEmail.id, 'email'],
        [byPhone.id, 'phone'],
        [byName.id, 'name'],
      ]);
      expect(dupes[2].similarity).toBeGreaterThanOrEqual(0.8);
      for (const d of dupes) expect(Object.keys(d).sort()).toEqual(DUPLICATE_FIELDS);
    });
    it('ignores names that are merely alike and companies merged away', async () => {
      const kept = await newCompany(admin, { name: 'Merged survivor Ltd' });
      const gone = await newCompany(admin, { name: 'Звёздочка Север' });
      await admin.request('POST', `/api/companies/${kept.id}/merge`, { otherId: gone.id, version: 1 });
      const res = await admin.request('POST', '/api/companies', { name: 'Звездочка Север' });
      expect(res.body.duplicates.map((d: any) => d.id)).not.toContain(gone.id);
      const alike = await admin.request('POST', '/api/companies', { name: 'Звездочка Юг Восток' });
      expect(alike.body.duplicates.map((d: any) => d.id)).not.toContain(res.body.company.id);
    });
  });

  describe('GET /api/companies/:id/duplicates', () => {
    it('answers 401 without a session', async () => {
      const company = await newCompany(managerA);
      expect((await call(ctx(), 'GET', `/api/companies/${company.id}/duplicates`)).status).toBe(401);
    });
    it('lists every look-alike with all its reasons, never the company itself', async () => {
      const inn = validInn();
      const phone = freshPhone();
      const first = await newCompany(managerA, { name: 'Ёлка Трейд', inn, phones: [{ number: phone.typed }] });
      const second = await newCompany(managerA, {
        name: 'Елка Трейд',
        inn,
        phones: [{ number: phone.e164 }],
        allowDuplicate: true,
      });
      const res = await managerA.request('GET', `/api/companies/${first.id}/duplicates`);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({ id: second.id, reason: 'inn', reasons: ['inn', 'phone', 'name'], similarity: 1 }),
      ]);
    });
    it("answers 404 for an unknown id, a colleague's company and another organisation's", async () => {
      const company = await newCompany(managerA);
      expect((await admin.request('GET', `/api/companies/${crypto.randomUUID()}/duplicates`)).status).toBe(404);
      expect((await managerB.request('GET', `/api/companies/${company.id}/duplicates`)).status).toBe(404);
      expect((await rivalAdmin.request('GET', `/api/companies/${company.id}/duplicates`)).status).toBe(404);
    });
  });

  describe('contacts', () => {
    it('reports the same e-mail or phone anywhere, and a similar name only at the same company', async () => {
      const company = await newCompany(managerA);
      const elsewhere = await newCompany(managerA);
      const phone = freshPhone();
      const tag = crypto.randomUUID().slice(0, 6);
      const ivan = await newContact(managerA, { fullName: 'Иван Петров', companyId: company.id });
      await newContact(managerA, { fullName: 'Иван Петров', companyId: elsewhere.id });
      const mail = await newContact(managerA, { fullName: 'Mail person', emails: [{ email: `p-${tag}@dup.test` }] });
      const byPhone = await newContact(managerA, { fullName: 'Phone person', phones: [{ number: phone.typed }] });
      const res = await managerA.request('POST', '/api/contacts', {
        fullName: 'Петров Иван',
        companyId: company.id,
        emails: [{ email: `p-${tag}@dup.test` }],
        phones: [{ number: phone.e164 }],
      });
      expect(res.status).toBe(201);
      expect(res.body.duplicates.map((d: any) => [d.id, d.reason])).toEqual([
        [mail.id, 'email'],
        [byPhone.id, 'phone'],
        [ivan.id, 'name'],
      ]);
      const onDemand = await managerA.request('GET', `/api/contacts/${ivan.id}/duplicates`);
      expect(onDemand.status).toBe(200);
      expect(onDemand.body.items.map((d: any) => d.id)).toEqual([res.body.contact.id]);
    });
    it('answers 401, and 404 for unknown, out-of-scope and foreign contacts', async () => {
      const contact = await newContact(managerA);
      expect((await call(ctx(), 'GET', `/api/contacts/${contact.id}/duplicates`)).status).toBe(401);
      expect((await admin.request('GET', `/api/contacts/${crypto.randomUUID()}/duplicates`)).status).toBe(404);
      expect((await managerB.request('GET', `/api/contacts/${contact.id}/duplicates`)).status).toBe(404);
      expect((await rivalAdmin.request('GET', `/api/contacts/${contact.id}/duplicates`)).status).toBe(404);
    });
  });
});
