import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { brokenInn, freshPhone, insertDeal, newCompany, validInn } from './companies.factories.ts';

type Issue = { path: string; message: string };
const paths = (body: any): string[] => body.error.details.map((d: Issue) => d.path);
const ids = (body: any): string[] => body.items.map((c: { id: string }) => c.id);

describeEachDatabase('companies', (ctx) => {
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

  describe('POST /api/companies', () => {
    it('answers 401 without a session', async () => {
      const res = await call(ctx(), 'POST', '/api/companies', { name: 'Nobody' });
      expect(res.status).toBe(401);
    });
    it('creates a company owned by its author, with phones in E.164 and e-mails lower-cased, and audits it', async () => {
      const inn = validInn();
      const phone = freshPhone();
      const res = await managerA.request('POST', '/api/companies', {
        name: 'ООО «Ромашка-Север»',
        legalName: 'Общество с ограниченной ответственностью «Ромашка-Север»',
        inn,
        kpp: '7701o1001'.replace('o', '0'),
        industry: 'Retail',
        size: 'medium',
        region: 'Москва',
        city: 'Москва',
        channel: 'dealer',
        segment: 'B',
        source: 'exhibition',
        isKeyAccount: false,
        notes: '  ',
        phones: [{ number: phone.typed, label: 'mobile' }, { number: `+7 ${phone.e164.slice(2)}` }],
        emails: [{ email: 'Sales@Romashka.TEST' }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const company = res.body.company;
      expect(company).toMatchObject({
        name: 'ООО «Ромашка-Север»',
        inn,
        kpp: '770101001',
        channel: 'dealer',
        ownerId: org.users.managerA.id,
        notes: null,
        version: 1,
        lifecycle: 'new',
        lastPurchaseDay: null,
        openDealCount: 0,
        contacts: [],
        archivedAt: null,
        createdAt: PINNED_NOW.toISOString(),
      });
      // The same number typed twice is kept once.
      expect(company.phones).toEqual([{ id: expect.any(String), e164: phone.e164, raw: phone.typed, label: 'mobile' }]);
      expect(company.emails).toEqual([{ id: expect.any(String), email: 'sales@romashka.test', label: 'work' }]);
      expect(res.body.duplicates).toEqual([]);
      const audit = await admin.request('GET', `/api/audit?entity=company&entityId=${company.id}`);
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0]).toMatchObject({ action: 'create', actor: { id: org.users.managerA.id } });
      expect(audit.body.items[0].changes).toEqual(
        expect.arrayContaining([
          { field: 'inn', old: null, new: inn },
          { field: 'phones', old: null, new: [`${phone.e164} (mobile)`] },
        ]),
      );
    });
    it('accepts a 12-digit INN of an individual', async () => {
      const company = await newCompany(managerA, { inn: validInn('individual') });
      expect(company.inn).toHaveLength(12);
    });
    it('refuses a wrong INN with 400 on body.inn, both its shape and its check digit', async () => {
      for (const inn of [brokenInn(validInn()), brokenInn(validInn('individual')), '12345', '12345678901']) {
        const res = await managerA.request('POST', '/api/companies', { name: 'Bad INN', inn });
        expect(res.status, inn).toBe(400);
        expect(paths(res.body), inn).toEqual(['body.inn']);
      }
    });
    it('names each invalid phone, e-mail and KPP in a 400 and writes nothing', async () => {
      const before = await admin.request('GET', '/api/companies?q=Bad%20phones');
      const res = await managerA.request('POST', '/api/companies', {
        name: 'Bad phones',
        phones: [{ number: freshPhone().typed }, { number: '12' }, { number: '+7 300 123 45 67' }],
      });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(['body.phones.1.number', 'body.phones.2.number']);
      const email = await managerA.request('POST', '/api/companies', { name: 'Bad', emails: [{ email: 'not-mail' }] });
      expect(paths(email.body)).toEqual(['body.emails.0.email']);
      const kpp = await managerA.request('POST', '/api/companies', { name: 'Bad', kpp: '77-01' });
      expect(paths(kpp.body)).toEqual(['body.kpp']);
      const shape = await managerA.request('POST', '/api/companies', {
        name: '',
        channel: 'tv',
        size: 'huge',
        extra: 1,
      });
      expect(paths(shape.body)).toEqual(
        expect.arrayContaining(['body.name', 'body.channel', 'body.size', 'body.extra']),
      );
      expect((await admin.request('GET', '/api/companies?q=Bad%20phones')).body.items).toEqual(before.body.items);
    });
    it('refuses analysts with 403', async () => {
      const res = await analyst.request('POST', '/api/companies', { name: 'Analysed' });
      expect(res.status).toBe(403);
    });
    it('lets a head give the company to one of their people, or leave it unowned, but not to another department', async () => {
      const toManager = await newCompany(head, { ownerId: org.users.managerB.id });
      expect(toManager.ownerId).toBe(org.users.managerB.id);
      const unowned = await newCompany(head, { ownerId: null, isKeyAccount: true });
      expect(unowned.ownerId).toBeNull();
      const outside = await head.request('POST', '/api/companies', { name: 'X', ownerId: org.users.otherManager.id });
      expect(outside.status).toBe(422);
      expect(paths(outside.body)).toEqual(['body.ownerId']);
      const stranger = await head.request('POST', '/api/companies', { name: 'X', ownerId: rival.users.admin.id });
      expect(stranger.status).toBe(422);
    });
    it('lets a head own a key account personally', async () => {
      const key = await newCompany(head, { isKeyAccount: true });
      expect(key).toMatchObject({ ownerId: org.users.head.id, isKeyAccount: true });
    });
    it('refuses a sales manager giving a new company to someone else (403)', async () => {
      const res = await managerA.request('POST', '/api/companies', { name: 'X', ownerId: org.users.managerB.id });
      expect(res.status).toBe(403);
      const none = await managerA.request('POST', '/api/companies', { name: 'X', ownerId: null });
      expect(none.status).toBe(403);
    });
  });

  describe('GET /api/companies/:id', () => {
    let owned: any;
    beforeAll(async () => {
      owned = await newCompany(managerA, { name: 'Scoped Ltd' });
    });
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'GET', `/api/companies/${owned.id}`)).status).toBe(401);
    });
    it('shows the owner, their head, the director and the admin', async () => {
      for (const as of [managerA, head, director, admin, analyst]) {
        const res = await as.request('GET', `/api/companies/${owned.id}`);
        expect(res.status).toBe(200);
        expect(res.body.name).toBe('Scoped Ltd');
      }
    });
    it("hides it from a colleague and from the other department's head (404)", async () => {
      for (const as of [managerB, otherHead]) {
        const res = await as.request('GET', `/api/companies/${owned.id}`);
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('not_found');
      }
    });
    it('shows a colleague a company where they own a deal, with the count of open deals', async () => {
      const t = ctx();
      const shared = await newCompany(managerA, { name: 'Shared deal Ltd' });
      expect((await managerB.request('GET', `/api/companies/${shared.id}`)).status).toBe(404);
      await insertDeal(t, org.orgId, { ownerId: org.users.managerB.id, companyId: shared.id });
      await insertDeal(t, org.orgId, { ownerId: org.users.managerA.id, companyId: shared.id });
      await insertDeal(t, org.orgId, { ownerId: org.users.managerA.id, companyId: shared.id, status: 'lost' });
      const res = await managerB.request('GET', `/api/companies/${shared.id}`);
      expect(res.status).toBe(200);
      expect(res.body.openDealCount).toBe(2);
    });
    it('shows heads unowned companies, and hides them from line staff', async () => {
      const unowned = await newCompany(admin, { ownerId: null });
      expect((await head.request('GET', `/api/companies/${unowned.id}`)).status).toBe(200);
      expect((await otherHead.request('GET', `/api/companies/${unowned.id}`)).status).toBe(200);
      expect((await managerA.request('GET', `/api/companies/${unowned.id}`)).status).toBe(404);
    });
    it("answers 404 for an unknown id and for another organisation's company, 400 for a malformed id", async () => {
      expect((await admin.request('GET', `/api/companies/${crypto.randomUUID()}`)).status).toBe(404);
      const res = await rivalAdmin.request('GET', `/api/companies/${owned.id}`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Scoped Ltd');
      const bad = await admin.request('GET', '/api/companies/42');
      expect(bad.status).toBe(400);
      expect(paths(bad.body)).toEqual(['params.id']);
    });
  });

  describe('GET /api/companies', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'GET', '/api/companies')).status).toBe(401);
    });
    it('lists by scope: own for a manager, the department for its head, all for the director', async () => {
      const mine = await newCompany(managerA, { name: 'List scope A' });
      const theirs = await newCompany(managerB, { name: 'List scope B' });
      const far = await newCompany(otherHead, { name: 'List scope far' });
      const seen = async (as: Session) =>
        ids((await as.request('GET', '/api/companies?q=List%20scope&limit=200')).body);
      expect(await seen(managerA)).toEqual([mine.id]);
      expect((await seen(head)).sort()).toEqual([mine.id, theirs.id].sort());
      expect((await seen(director)).sort()).toEqual([mine.id, theirs.id, far.id].sort());
      expect(await seen(otherHead)).toEqual([far.id]);
      expect(await seen(rivalAdmin)).toEqual([]);
    });
    it('searches name, INN, any spelling of a phone and e-mail, with % and _ taken literally', async () => {
      const inn = validInn();
      const phone = freshPhone();
      const found = await newCompany(managerA, {
        name: 'Searchable Горизонт',
        inn,
        phones: [{ number: phone.typed }],
        emails: [{ email: 'hello@gorizont.test' }],
      });
      const search = async (q: string) =>
        ids((await managerA.request('GET', `/api/companies?q=${encodeURIComponent(q)}&limit=200`)).body);
      for (const q of [
        'горизонт',
        'ГОРИЗОНТ',
        inn,
        inn.slice(0, 6),
        phone.typed,
        phone.e164,
        `8${phone.e164.slice(2)}`,
        'HELLO@gorizont',
      ]) {
        expect(await search(q), q).toEqual([found.id]);
      }
      expect(await search('%')).toEqual([]);
      expect(await search('Searchable_')).toEqual([]);
    });
    it('filters by owner, channel, region, segment, key account and archived', async () => {
      const tag = crypto.randomUUID().slice(0, 8);
      const a = await newCompany(head, {
        name: `F ${tag} a`,
        channel: 'retail',
        region: 'Урал',
        segment: 'A',
        isKeyAccount: true,
      });
      const b = await newCompany(head, { name: `F ${tag} b`, ownerId: org.users.managerA.id, channel: 'direct' });
      const c = await newCompany(head, { name: `F ${tag} c`, ownerId: null });
      const list = async (filter: string) =>
        ids((await head.request('GET', `/api/companies?q=F%20${tag}&limit=200&${filter}`)).body);
      expect(await list(`ownerId=${org.users.managerA.id}`)).toEqual([b.id]);
      expect(await list('ownerId=none')).toEqual([c.id]);
      expect(await list('channel=retail')).toEqual([a.id]);
      expect(await list('region=%D1%83%D1%80%D0%B0%D0%BB')).toEqual([a.id]);
      expect(await list('segment=a')).toEqual([a.id]);
      expect(await list('keyAccount=true')).toEqual([a.id]);
      expect(await list('keyAccount=false')).toEqual([b.id, c.id]);
      await head.request('POST', `/api/companies/${c.id}/archive`, { version: 1 });
      expect(await list('')).toEqual([a.id, b.id]);
      expect(await list('archived=true')).toEqual([c.id]);
      expect(await list('archived=all')).toEqual([a.id, b.id, c.id]);
    });
    it('rejects malformed filters with 400 naming each, and a cursor it did not issue', async () => {
      const res = await admin.request(
        'GET',
        '/api/companies?sort=size&order=up&lifecycle=zombie&channel=tv&limit=0&x=1',
      );
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(
        expect.arrayContaining([
          'query.sort',
          'query.order',
          'query.lifecycle',
          'query.channel',
          'query.limit',
          'query.x',
        ]),
      );
      const cursor = await admin.request('GET', '/api/companies?cursor=nonsense');
      expect(paths(cursor.body)).toEqual(['query.cursor']);
    });
  });
});
