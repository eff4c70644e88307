import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { freshPhone, insertDeal, insertHistory, newCompany, newContact, validInn } from './companies.factories.ts';

type Issue = { path: string; message: string };
const paths = (body: any): string[] => body.error.details.map((d: Issue) => d.path);
const ids = (body: any): string[] => body.items.map((c: { id: string }) => c.id);
const LATER = new Date('2026-03-02T12:00:00.000Z');

describeEachDatabase('contacts', (ctx) => {
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
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });
  const auditOf = async (id: string): Promise<any[]> =>
    (await admin.request('GET', `/api/audit?entity=contact&entityId=${id}`)).body.items;

  describe('POST /api/contacts', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'POST', '/api/contacts', { fullName: 'Nobody' })).status).toBe(401);
    });
    it('creates a contact at a company, owned by its author, with phones and e-mails, and audits it', async () => {
      const company = await newCompany(managerA, { name: 'Contact host' });
      const mobile = freshPhone();
      const res = await managerA.request('POST', '/api/contacts', {
        fullName: '  Анна Смирнова ',
        position: 'Закупки',
        isDecisionMaker: true,
        companyId: company.id,
        phones: [{ number: mobile.typed, label: 'mobile' }],
        emails: [{ email: 'Anna@Host.test', label: 'personal' }, { email: 'anna@host.test' }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.contact).toMatchObject({
        fullName: 'Анна Смирнова',
        position: 'Закупки',
        isDecisionMaker: true,
        companyId: company.id,
        companyName: 'Contact host',
        ownerId: org.users.managerA.id,
        lifecycle: 'new',
        version: 1,
        openDealCount: 0,
        phone: mobile.e164,
        email: 'anna@host.test',
      });
      expect(res.body.contact.emails).toEqual([{ id: expect.any(String), email: 'anna@host.test', label: 'personal' }]);
      const [entry] = await auditOf(res.body.contact.id);
      expect(entry).toMatchObject({ action: 'create', actor: { id: org.users.managerA.id } });
      const host = await managerA.request('GET', `/api/companies/${company.id}`);
      expect(host.body.contacts).toEqual([
        {
          id: res.body.contact.id,
          fullName: 'Анна Смирнова',
          position: 'Закупки',
          isDecisionMaker: true,
          archived: false,
        },
      ]);
    });
    it('names bad phones, e-mails and fields in a 400', async () => {
      const res = await managerA.request('POST', '/api/contacts', {
        fullName: 'Bad',
        phones: [{ number: '+7 999' }, { number: freshPhone().typed }, { number: 'abc' }],
      });
      expect(paths(res.body)).toEqual(['body.phones.0.number', 'body.phones.2.number']);
      const shape = await managerA.request('POST', '/api/contacts', {
        fullName: '',
        emails: [{ email: 'x' }],
        companyId: 'nope',
        age: 3,
      });
      expect(paths(shape.body)).toEqual(
        expect.arrayContaining(['body.fullName', 'body.emails.0.email', 'body.companyId', 'body.age']),
      );
    });
    it("refuses an analyst (403), a company out of scope or another organisation's (422)", async () => {
      expect((await analyst.request('POST', '/api/contacts', { fullName: 'X' })).status).toBe(403);
      const colleagues = await newCompany(managerB);
      const theirs = await newCompany(rivalAdmin);
      for (const companyId of [colleagues.id, theirs.id, crypto.randomUUID()]) {
        const res = await managerA.request('POST', '/api/contacts', { fullName: 'X', companyId });
        expect(res.status).toBe(422);
        expect(paths(res.body)).toEqual(['body.companyId']);
      }
    });
    it('lets only heads assign a contact to someone else (403), and only within reach (422)', async () => {
      expect(
        (await managerA.request('POST', '/api/contacts', { fullName: 'X', ownerId: org.users.managerB.id })).status,
      ).toBe(403);
      const outside = await head.request('POST', '/api/contacts', {
        fullName: 'X',
        ownerId: org.users.otherManager.id,
      });
      expect(outside.status).toBe(422);
      const given = await newContact(head, { ownerId: org.users.managerB.id });
      expect(given.ownerId).toBe(org.users.managerB.id);
    });
  });

  describe('GET /api/contacts/:id and GET /api/contacts', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'GET', '/api/contacts')).status).toBe(401);
      expect((await call(ctx(), 'GET', `/api/contacts/${crypto.randomUUID()}`)).status).toBe(401);
    });
    it("shows the owner, their head and the director; hides it from a colleague and the other department's head", async () => {
      const contact = await newContact(managerA, { fullName: 'Scoped person' });
      for (const as of [managerA, head, director, admin, analyst]) {
        expect((await as.request('GET', `/api/contacts/${contact.id}`)).status).toBe(200);
      }
      for (const as of [managerB, otherHead, rivalAdmin]) {
        expect((await as.request('GET', `/api/contacts/${contact.id}`)).status).toBe(404);
      }
      expect((await admin.request('GET', `/api/contacts/${crypto.randomUUID()}`)).status).toBe(404);
      expect(paths((await admin.request('GET', '/api/contacts/1')).body)).toEqual(['params.id']);
    });
    it('shows a colleague the contact when they own a deal with it or its company, or own its company', async () => {
      const t = ctx();
      const viaDeal = await newContact(managerA);
      await insertDeal(t, org.orgId, { ownerId: org.users.managerB.id, contactId: viaDeal.id });
      const hostOfB = await newCompany(managerB);
      const viaCompany = await newContact(head, { companyId: hostOfB.id, ownerId: org.users.managerA.id });
      const dealCompany = await newCompany(managerA);
      const viaCompanyDeal = await newContact(managerA, { companyId: dealCompany.id });
      await insertDeal(t, org.orgId, { ownerId: org.users.managerB.id, companyId: dealCompany.id });
      for (const contact of [viaDeal, viaCompany, viaCompanyDeal]) {
        expect((await managerB.request('GET', `/api/contacts/${contact.id}`)).status).toBe(200);
      }
      expect((await managerB.request('GET', `/api/contacts/${viaDeal.id}`)).body.openDealCount).toBe(1);
      const listed = ids((await managerB.request('GET', '/api/contacts?limit=200')).body);
      expect(listed).toEqual(expect.arrayContaining([viaDeal.id, viaCompany.id, viaCompanyDeal.id]));
      // Seeing is not editing.
      const edit = await managerB.request('PATCH', `/api/contacts/${viaDeal.id}`, { version: 1, position: 'x' });
      expect(edit.status).toBe(403);
    });
    it('searches name, company name and INN, phone and e-mail; filters by company and its attributes', async () => {
      const tag = crypto.randomUUID().slice(0, 8);
      const inn = validInn();
      const phone = freshPhone();
      const dealer = await newCompany(managerA, { name: `Dealer ${tag}`, inn, channel: 'dealer', isKeyAccount: true });
      const direct = await newCompany(managerA, { name: `Direct ${tag}`, channel: 'direct', region: 'Казань' });
      const a = await newContact(managerA, {
        fullName: `Ольга ${tag}`,
        companyId: dealer.id,
        phones: [{ number: phone.typed }],
        emails: [{ email: `olga-${tag}@c.test` }],
      });
      const b = await newContact(managerA, { fullName: `Пётр ${tag}`, companyId: direct.id });
      const c = await newContact(managerA, { fullName: `Loner ${tag}` });
      const list = async (query: string) =>
        ids((await managerA.request('GET', `/api/contacts?${query}&limit=200`)).body);
      expect(await list(`q=${encodeURIComponent(`ольга ${tag}`)}`)).toEqual([a.id]);
      expect(await list(`q=${encodeURIComponent(`Dealer ${tag}`)}`)).toEqual([a.id]);
      expect(await list(`q=${inn}`)).toEqual([a.id]);
      expect(await list(`q=${encodeURIComponent(phone.e164)}`)).toEqual([a.id]);
      expect(await list(`q=olga-${tag}`)).toEqual([a.id]);
      expect(await list(`companyId=${direct.id}`)).toEqual([b.id]);
      expect(await list(`q=${tag}&channel=dealer`)).toEqual([a.id]);
      expect(await list(`q=${tag}&keyAccount=true`)).toEqual([a.id]);
      expect(await list(`q=${tag}&region=${encodeURIComponent('казань')}`)).toEqual([b.id]);
      expect((await list(`q=${tag}&sort=name`)).sort()).toEqual([a.id, b.id, c.id].sort());
      const bad = await managerA.request('GET', '/api/contacts?companyId=1&sort=age&archived=maybe');
      expect(paths(bad.body)).toEqual(expect.arrayContaining(['query.companyId', 'query.sort', 'query.archived']));
    });
  });

  describe('PATCH, archive, unarchive and DELETE /api/contacts/:id', () => {
    it('answers 401 without a session', async () => {
      const contact = await newContact(managerA);
      expect((await call(ctx(), 'PATCH', `/api/contacts/${contact.id}`, { version: 1 })).status).toBe(401);
      expect((await call(ctx(), 'DELETE', `/api/contacts/${contact.id}`)).status).toBe(401);
      expect((await call(ctx(), 'POST', `/api/contacts/${contact.id}/archive`, { version: 1 })).status).toBe(401);
    });
    it('edits the fields sent with the version read, audits, and refuses a stale version (409)', async () => {
      const company = await newCompany(managerA);
      const contact = await newContact(managerA, { fullName: 'Before', position: 'Buyer' });
      ctx().clock.now = LATER;
      const res = await managerA.request('PATCH', `/api/contacts/${contact.id}`, {
        version: 1,
        fullName: 'After',
        companyId: company.id,
        phones: [{ number: freshPhone().typed }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ fullName: 'After', position: 'Buyer', companyId: company.id, version: 2 });
      const [entry] = await auditOf(contact.id);
      expect(entry.changes).toEqual(expect.arrayContaining([{ field: 'fullName', old: 'Before', new: 'After' }]));
      const stale = await managerA.request('PATCH', `/api/contacts/${contact.id}`, { version: 1, fullName: 'Lost' });
      expect(stale.status).toBe(409);
      const phones = await managerA.request('PATCH', `/api/contacts/${contact.id}`, {
        version: 2,
        phones: [{ number: '1' }],
      });
      expect(paths(phones.body)).toEqual(['body.phones.0.number']);
      const link = await managerA.request('PATCH', `/api/contacts/${contact.id}`, {
        version: 2,
        companyId: crypto.randomUUID(),
      });
      expect(link.status).toBe(422);
      expect(
        (await rivalAdmin.request('PATCH', `/api/contacts/${contact.id}`, { version: 2, fullName: 'x' })).status,
      ).toBe(404);
      expect(
        (await analyst.request('PATCH', `/api/contacts/${contact.id}`, { version: 2, fullName: 'x' })).status,
      ).toBe(403);
      expect(
        (await head.request('PATCH', `/api/contacts/${contact.id}`, { version: 2, position: 'Head set' })).status,
      ).toBe(200);
    });
    it('archives and restores with the version read', async () => {
      const contact = await newContact(managerA);
      const archived = await managerA.request('POST', `/api/contacts/${contact.id}/archive`, { version: 1 });
      expect(archived.body).toMatchObject({ archivedAt: PINNED_NOW.toISOString(), version: 2 });
      expect(ids((await managerA.request('GET', '/api/contacts?limit=200')).body)).not.toContain(contact.id);
      expect(ids((await managerA.request('GET', '/api/contacts?archived=true&limit=200')).body)).toContain(contact.id);
      expect((await managerA.request('POST', `/api/contacts/${contact.id}/unarchive`, { version: 1 })).status).toBe(
        409,
      );
      expect((await analyst.request('POST', `/api/contacts/${contact.id}/unarchive`, { version: 2 })).status).toBe(403);
      expect((await rivalAdmin.request('POST', `/api/contacts/${contact.id}/unarchive`, { version: 2 })).status).toBe(
        404,
      );
      const restored = await managerA.request('POST', `/api/contacts/${contact.id}/unarchive`, { version: 2 });
      expect(restored.body).toMatchObject({ archivedAt: null, version: 3 });
    });
    it('deletes a contact with nothing linked; one with deals or history is refused with 409', async () => {
      const t = ctx();
      const free = await newContact(managerA, { phones: [{ number: freshPhone().typed }] });
      expect((await analyst.request('DELETE', `/api/contacts/${free.id}`)).status).toBe(403);
      expect((await rivalAdmin.request('DELETE', `/api/contacts/${free.id}`)).status).toBe(404);
      ctx().clock.now = LATER;
      expect((await managerA.request('DELETE', `/api/contacts/${free.id}`)).body).toEqual({ ok: true });
      expect((await managerA.request('GET', `/api/contacts/${free.id}`)).status).toBe(404);
      expect((await auditOf(free.id))[0]).toMatchObject({ action: 'delete' });
      const withDeal = await newContact(managerA);
      await insertDeal(t, org.orgId, { ownerId: org.users.managerA.id, contactId: withDeal.id });
      const res = await managerA.request('DELETE', `/api/contacts/${withDeal.id}`);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/deals.*archive/);
      const withHistory = await newContact(managerA);
      await insertHistory(t, org.orgId, { contactId: withHistory.id, userId: org.users.managerA.id });
      expect((await managerA.request('DELETE', `/api/contacts/${withHistory.id}`)).status).toBe(409);
    });
  });
});
