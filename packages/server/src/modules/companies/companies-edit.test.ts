import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { brokenInn, freshPhone, insertDeal, insertHistory, newCompany, newContact } from './companies.factories.ts';

type Issue = { path: string; message: string };
const paths = (body: any): string[] => body.error.details.map((d: Issue) => d.path);
const LATER = new Date('2026-03-03T10:30:00.000Z');

describeEachDatabase('companies: edit, archive, delete', (ctx) => {
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
  async function auditOf(id: string): Promise<any[]> {
    return (await admin.request('GET', `/api/audit?entity=company&entityId=${id}`)).body.items;
  }

  describe('PATCH /api/companies/:id', () => {
    it('answers 401 without a session', async () => {
      const company = await newCompany(managerA);
      expect((await call(ctx(), 'PATCH', `/api/companies/${company.id}`, { name: 'x', version: 1 })).status).toBe(401);
    });
    it('changes the fields sent, replaces phones and e-mails, moves the version on and audits the change', async () => {
      const first = freshPhone();
      const second = freshPhone();
      const company = await newCompany(managerA, { name: 'Before', city: 'Тверь', phones: [{ number: first.typed }] });
      ctx().clock.now = LATER;
      const res = await managerA.request('PATCH', `/api/companies/${company.id}`, {
        version: 1,
        name: 'After',
        segment: 'VIP',
        phones: [{ number: second.typed, label: 'fax' }],
        emails: [{ email: 'Office@After.test' }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ name: 'After', city: 'Тверь', segment: 'VIP', version: 2 });
      expect(res.body.updatedAt).toBe(LATER.toISOString());
      expect(res.body.phones.map((p: any) => [p.e164, p.label])).toEqual([[second.e164, 'fax']]);
      expect(res.body.emails.map((e: any) => e.email)).toEqual(['office@after.test']);
      const [entry] = await auditOf(company.id);
      expect(entry.action).toBe('update');
      expect(entry.changes).toEqual(
        expect.arrayContaining([
          { field: 'name', old: 'Before', new: 'After' },
          { field: 'phones', old: [`${first.e164} (work)`], new: [`${second.e164} (fax)`] },
        ]),
      );
      expect(entry.changes.map((c: any) => c.field)).not.toContain('city');
    });
    it('leaves phones alone when they are not sent, and clears a field sent as null or blank', async () => {
      const phone = freshPhone();
      const company = await newCompany(managerA, {
        industry: 'Steel',
        region: 'Урал',
        phones: [{ number: phone.typed }],
      });
      const res = await managerA.request('PATCH', `/api/companies/${company.id}`, {
        version: 1,
        industry: null,
        region: ' ',
      });
      expect(res.body).toMatchObject({ industry: null, region: null });
      expect(res.body.phones.map((p: any) => p.e164)).toEqual([phone.e164]);
    });
    it('refuses a stale version with 409 and changes nothing', async () => {
      const company = await newCompany(managerA, { name: 'Versioned' });
      expect((await managerA.request('PATCH', `/api/companies/${company.id}`, { version: 1, name: 'V2' })).status).toBe(
        200,
      );
      const stale = await managerA.request('PATCH', `/api/companies/${company.id}`, {
        version: 1,
        name: 'Lost update',
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('conflict');
      expect((await managerA.request('GET', `/api/companies/${company.id}`)).body.name).toBe('V2');
    });
    it('names a bad INN, phone or missing version in a 400', async () => {
      const company = await newCompany(managerA);
      const inn = await managerA.request('PATCH', `/api/companies/${company.id}`, {
        version: 1,
        inn: brokenInn('7707083893'),
      });
      expect(paths(inn.body)).toEqual(['body.inn']);
      const phones = await managerA.request('PATCH', `/api/companies/${company.id}`, {
        version: 1,
        phones: [{ number: 'call me' }],
      });
      expect(paths(phones.body)).toEqual(['body.phones.0.number']);
      const version = await managerA.request('PATCH', `/api/companies/${company.id}`, { name: 'No version' });
      expect(paths(version.body)).toEqual(['body.version']);
    });
    it('lets the head of the owner, the director and the admin edit; not an analyst, a colleague or another head (403)', async () => {
      const t = ctx();
      const company = await newCompany(managerA);
      await insertDeal(t, org.orgId, { ownerId: org.users.managerB.id, companyId: company.id });
      let version = 1;
      for (const as of [head, director, admin]) {
        const res = await as.request('PATCH', `/api/companies/${company.id}`, { version, notes: `by ${version}` });
        expect(res.status).toBe(200);
        version = res.body.version;
      }
      for (const as of [analyst, managerB]) {
        const res = await as.request('PATCH', `/api/companies/${company.id}`, { version, notes: 'no' });
        expect(res.status).toBe(403);
      }
      expect((await otherHead.request('PATCH', `/api/companies/${company.id}`, { version, notes: 'no' })).status).toBe(
        404,
      );
    });
    it('reassigns the owner only by a head, director or admin (403), and only to an assignable person (422)', async () => {
      const company = await newCompany(managerA);
      const byManager = await managerA.request('PATCH', `/api/companies/${company.id}`, {
        version: 1,
        ownerId: org.users.managerB.id,
      });
      expect(byManager.status).toBe(403);
      // Sending the current owner back is not a reassignment.
      const same = await managerA.request('PATCH', `/api/companies/${company.id}`, {
        version: 1,
        ownerId: org.users.managerA.id,
      });
      expect(same.status).toBe(200);
      const outside = await head.request('PATCH', `/api/companies/${company.id}`, {
        version: same.body.version,
        ownerId: org.users.otherManager.id,
      });
      expect(outside.status).toBe(422);
      expect(paths(outside.body)).toEqual(['body.ownerId']);
      ctx().clock.now = LATER;
      const moved = await head.request('PATCH', `/api/companies/${company.id}`, {
        version: same.body.version,
        ownerId: org.users.managerB.id,
      });
      expect(moved.status).toBe(200);
      expect(moved.body.ownerId).toBe(org.users.managerB.id);
      expect((await managerA.request('GET', `/api/companies/${company.id}`)).status).toBe(404);
      expect((await managerB.request('GET', `/api/companies/${company.id}`)).status).toBe(200);
      const [entry] = await auditOf(company.id);
      expect(entry.changes).toEqual([{ field: 'ownerId', old: org.users.managerA.id, new: org.users.managerB.id }]);
    });
    it("answers 404 for an unknown id and another organisation's company", async () => {
      const company = await newCompany(managerA, { name: 'Not yours' });
      expect((await admin.request('PATCH', `/api/companies/${crypto.randomUUID()}`, { version: 1 })).status).toBe(404);
      const res = await rivalAdmin.request('PATCH', `/api/companies/${company.id}`, { version: 1, name: 'Stolen' });
      expect(res.status).toBe(404);
      expect((await managerA.request('GET', `/api/companies/${company.id}`)).body.name).toBe('Not yours');
    });
  });

  describe('POST /api/companies/:id/archive and /unarchive', () => {
    it('answers 401 without a session', async () => {
      const company = await newCompany(managerA);
      expect((await call(ctx(), 'POST', `/api/companies/${company.id}/archive`, { version: 1 })).status).toBe(401);
    });
    it('archives and restores, moving the version on and auditing each', async () => {
      const company = await newCompany(managerA);
      ctx().clock.now = LATER;
      const archived = await managerA.request('POST', `/api/companies/${company.id}/archive`, { version: 1 });
      expect(archived.status).toBe(200);
      expect(archived.body).toMatchObject({ archivedAt: LATER.toISOString(), version: 2 });
      // Archiving again is a no-op, not a new version.
      const again = await managerA.request('POST', `/api/companies/${company.id}/archive`, { version: 2 });
      expect(again.body.version).toBe(2);
      const restored = await managerA.request('POST', `/api/companies/${company.id}/unarchive`, { version: 2 });
      expect(restored.body).toMatchObject({ archivedAt: null, version: 3 });
      const entries = await auditOf(company.id);
      expect(entries.map((e) => e.changes.map((c: any) => c.field))).toEqual([
        ['archivedAt'],
        ['archivedAt'],
        expect.any(Array),
      ]);
    });
    it('refuses a stale version (409), a reader (403), a stranger (404) and a body without version (400)', async () => {
      const company = await newCompany(managerA);
      expect((await managerA.request('POST', `/api/companies/${company.id}/archive`, { version: 7 })).status).toBe(409);
      expect((await analyst.request('POST', `/api/companies/${company.id}/archive`, { version: 1 })).status).toBe(403);
      expect((await managerB.request('POST', `/api/companies/${company.id}/archive`, { version: 1 })).status).toBe(404);
      expect((await rivalAdmin.request('POST', `/api/companies/${company.id}/unarchive`, { version: 1 })).status).toBe(
        404,
      );
      const bad = await managerA.request('POST', `/api/companies/${company.id}/archive`, {});
      expect(paths(bad.body)).toEqual(['body.version']);
    });
  });

  describe('DELETE /api/companies/:id', () => {
    it('answers 401 without a session', async () => {
      const company = await newCompany(managerA);
      expect((await call(ctx(), 'DELETE', `/api/companies/${company.id}`)).status).toBe(401);
    });
    it('deletes a company with nothing linked, its phones and e-mails too, and audits it', async () => {
      const company = await newCompany(managerA, {
        phones: [{ number: freshPhone().typed }],
        emails: [{ email: 'x@del.test' }],
      });
      ctx().clock.now = LATER;
      const res = await managerA.request('DELETE', `/api/companies/${company.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
      expect((await managerA.request('GET', `/api/companies/${company.id}`)).status).toBe(404);
      const entries = await auditOf(company.id);
      expect(entries[0]).toMatchObject({ action: 'delete' });
    });
    it('refuses with 409 when the company has deals or contacts, telling to archive, and deletes nothing', async () => {
      const t = ctx();
      const withDeal = await newCompany(managerA);
      await insertDeal(t, org.orgId, { ownerId: org.users.managerA.id, companyId: withDeal.id, status: 'won' });
      const res = await managerA.request('DELETE', `/api/companies/${withDeal.id}`);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/deals.*archive/);
      const withContact = await newCompany(managerA, { phones: [{ number: freshPhone().typed }] });
      await newContact(managerA, { companyId: withContact.id });
      const second = await managerA.request('DELETE', `/api/companies/${withContact.id}`);
      expect(second.status).toBe(409);
      expect(second.body.error.message).toMatch(/contacts/);
      const still = await managerA.request('GET', `/api/companies/${withContact.id}`);
      expect(still.body.phones).toHaveLength(1);
      const withHistory = await newCompany(managerA);
      await insertHistory(t, org.orgId, { companyId: withHistory.id, userId: org.users.managerA.id });
      expect((await managerA.request('DELETE', `/api/companies/${withHistory.id}`)).body.error.message).toMatch(
        /leads, activities, tasks/,
      );
    });
    it('refuses a reader (403), a colleague (404), another organisation (404) and an unknown id (404)', async () => {
      const company = await newCompany(managerA);
      expect((await analyst.request('DELETE', `/api/companies/${company.id}`)).status).toBe(403);
      expect((await managerB.request('DELETE', `/api/companies/${company.id}`)).status).toBe(404);
      expect((await rivalAdmin.request('DELETE', `/api/companies/${company.id}`)).status).toBe(404);
      expect((await admin.request('DELETE', `/api/companies/${crypto.randomUUID()}`)).status).toBe(404);
      expect((await managerA.request('GET', `/api/companies/${company.id}`)).status).toBe(200);
    });
  });
});
