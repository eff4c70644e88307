import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withOrg } from '../../db/tenant.ts';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import {
  freshPhone,
  insertDeal,
  insertHistory,
  insertSale,
  linkOf,
  newCompany,
  newContact,
  validInn,
} from './companies.factories.ts';

type Issue = { path: string; message: string };
const paths = (body: any): string[] => body.error.details.map((d: Issue) => d.path);
const LATER = new Date('2026-03-04T08:00:00.000Z');

describeEachDatabase('merging companies and contacts', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let admin: Session;
  let head: Session;
  let managerA: Session;
  let managerB: Session;
  let analyst: Session;
  let rivalAdmin: Session;

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
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });
  const auditOf = async (entity: string, id: string): Promise<any[]> =>
    (await admin.request('GET', `/api/audit?entity=${entity}&entityId=${id}`)).body.items;

  describe('POST /api/companies/:id/merge', () => {
    it('answers 401 without a session', async () => {
      const [a, b] = [await newCompany(managerA), await newCompany(managerA)];
      expect((await call(ctx(), 'POST', `/api/companies/${a.id}/merge`, { otherId: b.id, version: 1 })).status).toBe(
        401,
      );
    });
    it('moves every linked record to the survivor, fills its empty fields, archives the other and audits both', async () => {
      const t = ctx();
      const shared = freshPhone();
      const own = freshPhone();
      const inn = validInn();
      const survivor = await newCompany(managerA, {
        name: 'Survivor',
        region: 'Москва',
        phones: [{ number: shared.typed }],
        emails: [{ email: 'one@merge.test' }],
      });
      const other = await newCompany(managerA, {
        name: 'Other',
        inn,
        region: 'Тверь',
        city: 'Тверь',
        isKeyAccount: true,
        phones: [{ number: shared.e164 }, { number: own.typed }],
        emails: [{ email: 'two@merge.test' }],
      });
      const earlier = await newCompany(managerA, { name: 'Merged earlier' });
      await managerA.request('POST', `/api/companies/${other.id}/merge`, { otherId: earlier.id, version: 1 });
      const contact = await newContact(managerA, { companyId: other.id });
      const dealId = await insertDeal(t, org.orgId, { ownerId: org.users.managerA.id, companyId: other.id });
      const saleId = await insertSale(t, org.orgId, other.id, '2026-02-20');
      const history = await insertHistory(t, org.orgId, { companyId: other.id, userId: org.users.managerA.id });
      t.clock.now = LATER;

      const res = await managerA.request('POST', `/api/companies/${survivor.id}/merge`, {
        otherId: other.id,
        version: 1,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({
        id: survivor.id,
        name: 'Survivor',
        region: 'Москва',
        inn,
        city: 'Тверь',
        isKeyAccount: true,
        version: 2,
        openDealCount: 1,
        lifecycle: 'active',
        lastPurchaseDay: '2026-02-20',
      });
      expect(res.body.phones.map((p: any) => p.e164)).toEqual([shared.e164, own.e164]);
      expect(res.body.emails.map((e: any) => e.email)).toEqual(['one@merge.test', 'two@merge.test']);
      expect(res.body.contacts.map((c: any) => c.id)).toEqual([contact.id]);
      for (const [table, column, id] of [
        ['deals', 'deal_id', dealId],
        ['sales', 'sale_id', saleId],
        ['leads', 'lead_id', history.leadId],
        ['activities', 'activity_id', history.activityId],
        ['tasks', 'task_id', history.taskId],
        ['contacts', 'contact_id', contact.id],
      ] as const) {
        expect((await linkOf(t, org.orgId, table, column, id)).company_id, table).toBe(survivor.id);
      }
      const gone = await managerA.request('GET', `/api/companies/${other.id}`);
      expect(gone.body).toMatchObject({
        archivedAt: LATER.toISOString(),
        mergedIntoId: survivor.id,
        phones: [],
        contacts: [],
      });
      const chained = await managerA.request('GET', `/api/companies/${earlier.id}`);
      expect(chained.body.mergedIntoId).toBe(survivor.id);

      const [survivorEntry] = await auditOf('company', survivor.id);
      expect(survivorEntry.changes).toEqual(
        expect.arrayContaining([
          { field: 'mergedFrom', old: null, new: other.id },
          { field: 'inn', old: null, new: inn },
        ]),
      );
      const [otherEntry] = await auditOf('company', other.id);
      expect(otherEntry.changes).toEqual(
        expect.arrayContaining([{ field: 'mergedIntoId', old: null, new: survivor.id }]),
      );
      const [dealEntry] = await auditOf('deal', dealId);
      expect(dealEntry.changes).toEqual([{ field: 'companyId', old: other.id, new: survivor.id }]);
      expect((await auditOf('company', other.id)).length).toBeGreaterThan(1);
    });
    it('refuses merging a company with itself (422) and one already merged (422)', async () => {
      const [a, b, c] = [await newCompany(managerA), await newCompany(managerA), await newCompany(managerA)];
      const self = await managerA.request('POST', `/api/companies/${a.id}/merge`, { otherId: a.id, version: 1 });
      expect(self.status).toBe(422);
      expect(paths(self.body)).toEqual(['body.otherId']);
      expect(
        (await managerA.request('POST', `/api/companies/${a.id}/merge`, { otherId: b.id, version: 1 })).status,
      ).toBe(200);
      const again = await managerA.request('POST', `/api/companies/${c.id}/merge`, { otherId: b.id, version: 1 });
      expect(again.status).toBe(422);
      const back = await managerA.request('POST', `/api/companies/${b.id}/unarchive`, { version: 2 });
      expect(back.status).toBe(422);
      expect((await managerA.request('PATCH', `/api/companies/${b.id}`, { version: 2, name: 'Zombie' })).status).toBe(
        422,
      );
    });
    it('refuses a stale version with 409 and moves nothing', async () => {
      const t = ctx();
      const [a, b] = [await newCompany(managerA), await newCompany(managerA)];
      const dealId = await insertDeal(t, org.orgId, { ownerId: org.users.managerA.id, companyId: b.id });
      const res = await managerA.request('POST', `/api/companies/${a.id}/merge`, { otherId: b.id, version: 5 });
      expect(res.status).toBe(409);
      expect((await linkOf(t, org.orgId, 'deals', 'deal_id', dealId)).company_id).toBe(b.id);
    });
    it("answers 404 when either company is another organisation's, and leaves both untouched", async () => {
      const ours = await newCompany(managerA, { name: 'Ours to keep' });
      const theirs = await newCompany(rivalAdmin, { name: 'Theirs' });
      const pull = await rivalAdmin.request('POST', `/api/companies/${theirs.id}/merge`, {
        otherId: ours.id,
        version: 1,
      });
      expect(pull.status).toBe(404);
      expect(JSON.stringify(pull.body)).not.toContain('Ours to keep');
      const push = await admin.request('POST', `/api/companies/${ours.id}/merge`, { otherId: theirs.id, version: 1 });
      expect(push.status).toBe(404);
      expect((await managerA.request('GET', `/api/companies/${ours.id}`)).body).toMatchObject({
        version: 1,
        archivedAt: null,
      });
      expect((await rivalAdmin.request('GET', `/api/companies/${theirs.id}`)).body).toMatchObject({
        version: 1,
        archivedAt: null,
      });
    });
    it('needs edit rights on both (403), and answers 404 for a company out of scope', async () => {
      const t = ctx();
      const [mine, colleagues] = [await newCompany(managerA), await newCompany(managerB)];
      expect(
        (await managerA.request('POST', `/api/companies/${mine.id}/merge`, { otherId: colleagues.id, version: 1 }))
          .status,
      ).toBe(404);
      await insertDeal(t, org.orgId, { ownerId: org.users.managerA.id, companyId: colleagues.id });
      expect(
        (await managerA.request('POST', `/api/companies/${mine.id}/merge`, { otherId: colleagues.id, version: 1 }))
          .status,
      ).toBe(403);
      expect(
        (await analyst.request('POST', `/api/companies/${mine.id}/merge`, { otherId: colleagues.id, version: 1 }))
          .status,
      ).toBe(403);
      expect(
        (await head.request('POST', `/api/companies/${mine.id}/merge`, { otherId: colleagues.id, version: 1 })).status,
      ).toBe(200);
    });
    it('names a missing otherId or version in a 400', async () => {
      const a = await newCompany(managerA);
      const res = await managerA.request('POST', `/api/companies/${a.id}/merge`, { otherId: 'x' });
      expect(res.status).toBe(400);
      expect(paths(res.body).sort()).toEqual(['body.otherId', 'body.version']);
    });
  });

  describe('POST /api/contacts/:id/merge', () => {
    it('answers 401 without a session', async () => {
      const [a, b] = [await newContact(managerA), await newContact(managerA)];
      expect((await call(ctx(), 'POST', `/api/contacts/${a.id}/merge`, { otherId: b.id, version: 1 })).status).toBe(
        401,
      );
    });
    it('moves deals, history, phones and e-mails, fills empty fields and archives the other', async () => {
      const t = ctx();
      const company = await newCompany(managerA);
      const phone = freshPhone();
      const survivor = await newContact(managerA, {
        fullName: 'Мария Иванова',
        emails: [{ email: 'maria@merge.test' }],
      });
      const other = await newContact(managerA, {
        fullName: 'Иванова Мария',
        position: 'CFO',
        isDecisionMaker: true,
        companyId: company.id,
        phones: [{ number: phone.typed }],
        emails: [{ email: 'maria@merge.test' }],
      });
      const dealId = await insertDeal(t, org.orgId, { ownerId: org.users.managerA.id, contactId: other.id });
      const history = await insertHistory(t, org.orgId, { contactId: other.id, userId: org.users.managerA.id });
      t.clock.now = LATER;
      const res = await managerA.request('POST', `/api/contacts/${survivor.id}/merge`, {
        otherId: other.id,
        version: 1,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({
        fullName: 'Мария Иванова',
        position: 'CFO',
        isDecisionMaker: true,
        companyId: company.id,
        version: 2,
        openDealCount: 1,
      });
      expect(res.body.phones.map((p: any) => p.e164)).toEqual([phone.e164]);
      expect(res.body.emails.map((e: any) => e.email)).toEqual(['maria@merge.test']);
      for (const [table, column, id] of [
        ['deals', 'deal_id', dealId],
        ['leads', 'lead_id', history.leadId],
        ['activities', 'activity_id', history.activityId],
        ['tasks', 'task_id', history.taskId],
      ] as const) {
        expect((await linkOf(t, org.orgId, table, column, id)).contact_id, table).toBe(survivor.id);
      }
      const gone = await managerA.request('GET', `/api/contacts/${other.id}`);
      expect(gone.body).toMatchObject({
        mergedIntoId: survivor.id,
        archivedAt: LATER.toISOString(),
        phones: [],
        emails: [],
      });
      const [entry] = await auditOf('contact', survivor.id);
      expect(entry.changes).toEqual(expect.arrayContaining([{ field: 'mergedFrom', old: null, new: other.id }]));
      const [taskEntry] = await auditOf('task', history.taskId);
      expect(taskEntry.changes).toEqual([{ field: 'contactId', old: other.id, new: survivor.id }]);
      // The merged-away row keeps its id: phones moved, not copied.
      const stored = await withOrg(t.deps.db, org.orgId, (tx) =>
        tx
          .selectFrom('phones')
          .select('contact_id')
          .where('org_id', '=', org.orgId)
          .where('e164', '=', phone.e164)
          .execute(),
      );
      expect(stored).toEqual([{ contact_id: survivor.id }]);
    });
    it('refuses itself (422), a stale version (409), a reader (403), foreign and unknown ids (404)', async () => {
      const [a, b] = [await newContact(managerA), await newContact(managerA)];
      expect(
        (await managerA.request('POST', `/api/contacts/${a.id}/merge`, { otherId: a.id, version: 1 })).status,
      ).toBe(422);
      expect(
        (await managerA.request('POST', `/api/contacts/${a.id}/merge`, { otherId: b.id, version: 3 })).status,
      ).toBe(409);
      expect((await analyst.request('POST', `/api/contacts/${a.id}/merge`, { otherId: b.id, version: 1 })).status).toBe(
        403,
      );
      const theirs = await newContact(rivalAdmin);
      expect(
        (await admin.request('POST', `/api/contacts/${a.id}/merge`, { otherId: theirs.id, version: 1 })).status,
      ).toBe(404);
      expect(
        (await rivalAdmin.request('POST', `/api/contacts/${theirs.id}/merge`, { otherId: a.id, version: 1 })).status,
      ).toBe(404);
      expect(
        (await managerB.request('POST', `/api/contacts/${a.id}/merge`, { otherId: b.id, version: 1 })).status,
      ).toBe(404);
      const unknown = await managerA.request('POST', `/api/contacts/${a.id}/merge`, {
        otherId: crypto.randomUUID(),
        version: 1,
      });
      expect(unknown.status).toBe(404);
    });
  });
});
