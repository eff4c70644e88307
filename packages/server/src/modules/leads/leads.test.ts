import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import {
  addLeadGenerator,
  addPerson,
  auditOf,
  BAD_CHECKSUM_INN,
  handedOffLead,
  newLead,
  paths,
  VALID_INN,
} from './leads.factories.ts';

const LEAD_FIELDS = [
  'arrivedAt',
  'assignee',
  'companyId',
  'companyName',
  'contactId',
  'contactName',
  'convertedAt',
  'createdAt',
  'createdBy',
  'dealId',
  'email',
  'firstTouchAt',
  'handedOffAt',
  'id',
  'inn',
  'notes',
  'overdueResponse',
  'phone',
  'qualification',
  'qualifier',
  'responseMinutes',
  'responseMs',
  'responseTargetMinutes',
  'source',
  'status',
  'title',
  'unitId',
  'unqualifiedReason',
  'updatedAt',
  'version',
  'waitingMs',
];

describeEachDatabase('leads: create, read, edit', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let admin: Session;
  let director: Session;
  let head: Session;
  let otherHead: Session;
  let managerA: Session;
  let managerB: Session;
  let analyst: Session;
  let leadGen: Session;
  let leadGenId: string;
  let rivalAdmin: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Leads org');
    rival = await createTestOrg(t, 'Leads rival');
    const lg = await addLeadGenerator(t, org);
    leadGen = lg.session;
    leadGenId = lg.id;
    [admin, director, head, otherHead, managerA, managerB, analyst, rivalAdmin] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.director.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.otherHead.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.managerB.email),
      loginAs(t, org.users.analyst.email),
      loginAs(t, rival.users.admin.email),
    ]);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  describe('POST /api/leads', () => {
    it('answers 401 without a session', async () => {
      const res = await call(ctx(), 'POST', '/api/leads', { title: 'X', source: 'api' });
      expect(res.status).toBe(401);
    });
    it('rejects missing and malformed fields and unknown ones with 400 naming each', async () => {
      const res = await leadGen.request('POST', '/api/leads', {
        source: 'fax',
        email: 'not-an-email',
        unitId: 'team-a',
        arrivedAt: '2026-03-02 09:00',
        status: 'qualified',
      });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(
        expect.arrayContaining([
          'body.title',
          'body.source',
          'body.email',
          'body.unitId',
          'body.arrivedAt',
          'body.status',
        ]),
      );
    });
    it('rejects an INN with a wrong checksum or length and an invalid phone with 400 naming both', async () => {
      const res = await leadGen.request('POST', '/api/leads', {
        title: 'Bad data',
        source: 'web_form',
        inn: BAD_CHECKSUM_INN,
        phone: '+7 300 123 45 67',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(paths(res.body).sort()).toEqual(['body.inn', 'body.phone']);
      const short = await leadGen.request('POST', '/api/leads', { title: 'x', source: 'api', inn: '12345' });
      expect(paths(short.body)).toEqual(['body.inn']);
      const letters = await leadGen.request('POST', '/api/leads', { title: 'x', source: 'api', phone: 'call me' });
      expect(paths(letters.body)).toEqual(['body.phone']);
      const list = await admin.request('GET', '/api/leads?q=Bad%20data');
      expect(list.body.items).toEqual([]);
    });
    it("refuses an unknown or another organisation's unit, and a future arrival, with 422", async () => {
      for (const unitId of [randomUUID(), rival.units.teamA]) {
        const res = await leadGen.request('POST', '/api/leads', { title: 'x', source: 'api', unitId });
        expect(res.status).toBe(422);
        expect(paths(res.body)).toEqual(['body.unitId']);
      }
      const future = await leadGen.request('POST', '/api/leads', {
        title: 'x',
        source: 'api',
        arrivedAt: '2026-03-02T09:00:01Z',
      });
      expect(future.status).toBe(422);
      expect(paths(future.body)).toEqual(['body.arrivedAt']);
    });
    it('refuses a qualifier the creator may not assign work to with 422', async () => {
      const leaver = await addPerson(ctx(), org, { role: 'lead_generation', unitId: org.units.teamA, active: false });
      const cases: [Session, string][] = [
        [managerA, org.users.managerB.id],
        [head, org.users.otherManager.id],
        [admin, leaver.id],
        [admin, rival.users.managerA.id],
      ];
      for (const [session, qualifierId] of cases) {
        const res = await session.request('POST', '/api/leads', { title: 'x', source: 'api', qualifierId });
        expect(res.status, qualifierId).toBe(422);
        expect(paths(res.body)).toEqual(['body.qualifierId']);
      }
    });
    it('records the lead: phone in E.164, INN kept, arrival now, the specialist as creator and qualifier', async () => {
      const res = await leadGen.request('POST', '/api/leads', {
        title: '  Equipment for a warehouse ',
        source: 'inbound_call',
        companyName: 'ООО «Ромашка»',
        inn: VALID_INN,
        contactName: 'Иван Петров',
        phone: '8 (916) 123-45-67',
        email: 'Ivan.Petrov@Romashka.RU',
        notes: 'Wants a quote',
        unitId: org.units.teamA,
      });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(LEAD_FIELDS);
      expect(res.body).toMatchObject({
        title: 'Equipment for a warehouse',
        source: 'inbound_call',
        status: 'new',
        inn: VALID_INN,
        phone: '+79161234567',
        email: 'ivan.petrov@romashka.ru',
        unitId: org.units.teamA,
        createdBy: { id: leadGenId, fullName: 'Lena Leadgen' },
        qualifier: { id: leadGenId, fullName: 'Lena Leadgen' },
        assignee: null,
        arrivedAt: PINNED_NOW.toISOString(),
        firstTouchAt: null,
        responseMs: null,
        waitingMs: 0,
        overdueResponse: false,
        version: 1,
      });
      expect(res.body.qualification.map((q: { code: string }) => q.code)).toEqual([
        'budget',
        'authority',
        'need',
        'timing',
      ]);
      expect(res.body.qualification.every((q: { answer: null }) => q.answer === null)).toBe(true);
      const entries = await auditOf(admin, 'lead', res.body.id);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'create', actor: { id: leadGenId } });
    });
    it("accepts a lead posted by another system with source 'api' and an earlier arrival", async () => {
      const lead = await newLead(admin, {
        source: 'api',
        arrivedAt: '2026-03-02T08:15:00+03:00',
        phone: '+44 20 7946 0958',
      });
      expect(lead).toMatchObject({
        source: 'api',
        arrivedAt: '2026-03-02T05:15:00.000Z',
        phone: '+442079460958',
        qualifier: null,
        createdBy: { id: org.users.admin.id },
      });
    });
  });

  describe('GET /api/leads/:id', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'GET', `/api/leads/${randomUUID()}`)).status).toBe(401);
    });
    it('rejects a non-UUID id with 400 on params.id', async () => {
      const res = await admin.request('GET', '/api/leads/first');
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(['params.id']);
    });
    it("answers 404 for an unknown id and for another organisation's lead, leaking nothing", async () => {
      expect((await admin.request('GET', `/api/leads/${randomUUID()}`)).status).toBe(404);
      const theirs = await newLead(rivalAdmin, { title: 'Rival secret lead' });
      const res = await admin.request('GET', `/api/leads/${theirs.id}`);
      expect(res.status).toBe(404);
      expect(Object.keys(res.body)).toEqual(['error']);
      expect(JSON.stringify(res.body)).not.toContain('Rival secret lead');
    });
    it('shows a lead to its creator, the heads over it and organisation-wide roles, and to no one else', async () => {
      const lead = await newLead(leadGen, { unitId: org.units.teamA });
      for (const session of [leadGen, head, director, admin, analyst]) {
        expect((await session.request('GET', `/api/leads/${lead.id}`)).status).toBe(200);
      }
      for (const session of [managerA, managerB, otherHead, rivalAdmin]) {
        expect((await session.request('GET', `/api/leads/${lead.id}`)).status).toBe(404);
      }
    });
    it('shows a sales manager the leads handed to them', async () => {
      const lead = await handedOffLead(head, org.users.managerA.id);
      const res = await managerA.request('GET', `/api/leads/${lead.id}`);
      expect(res.status).toBe(200);
      expect(res.body.assignee).toEqual({ id: org.users.managerA.id, fullName: 'Anna Manager' });
      expect((await managerB.request('GET', `/api/leads/${lead.id}`)).status).toBe(404);
    });
    it("shows a head a lead of another unit when its creator works in the head's subtree", async () => {
      const lead = await newLead(leadGen, { unitId: org.units.otherDepartment });
      expect((await head.request('GET', `/api/leads/${lead.id}`)).status).toBe(200);
      expect((await otherHead.request('GET', `/api/leads/${lead.id}`)).status).toBe(200);
    });
  });

  describe('PATCH /api/leads/:id', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'PATCH', `/api/leads/${randomUUID()}`, { version: 1 })).status).toBe(401);
    });
    it('requires the version read and rejects unknown or malformed fields with 400', async () => {
      const lead = await newLead(leadGen);
      const res = await leadGen.request('PATCH', `/api/leads/${lead.id}`, {
        title: '',
        status: 'converted',
        email: 'x',
      });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(
        expect.arrayContaining(['body.version', 'body.title', 'body.status', 'body.email']),
      );
      const inn = await leadGen.request('PATCH', `/api/leads/${lead.id}`, { inn: '7707083890', version: 1 });
      expect(paths(inn.body)).toEqual(['body.inn']);
    });
    it("answers 404 for an unknown lead, another organisation's lead and one outside the scope", async () => {
      const lead = await newLead(leadGen, { unitId: org.units.teamA });
      const theirs = await newLead(rivalAdmin);
      expect((await admin.request('PATCH', `/api/leads/${randomUUID()}`, { version: 1 })).status).toBe(404);
      expect((await admin.request('PATCH', `/api/leads/${theirs.id}`, { title: 'Mine', version: 1 })).status).toBe(404);
      expect((await managerA.request('PATCH', `/api/leads/${lead.id}`, { title: 'x', version: 1 })).status).toBe(404);
      expect((await rivalAdmin.request('GET', `/api/leads/${theirs.id}`)).body.title).toBe(theirs.title);
    });
    it('lets people who only read a lead (analyst, quality, operations) change nothing: 403', async () => {
      const t = ctx();
      const quality = await addPerson(t, org, { role: 'quality_manager', unitId: org.units.directorate });
      const operations = await addPerson(t, org, { role: 'operations', unitId: org.units.department });
      const lead = await newLead(leadGen, { unitId: org.units.teamA });
      for (const session of [analyst, await loginAs(t, quality.email), await loginAs(t, operations.email)]) {
        const res = await session.request('PATCH', `/api/leads/${lead.id}`, { title: 'Mine', version: 1 });
        expect(res.status).toBe(403);
      }
    });
    it('answers 409 for a stale version and keeps the newer edit', async () => {
      const lead = await newLead(leadGen);
      const first = await head.request('PATCH', `/api/leads/${lead.id}`, { notes: 'Head was here', version: 1 });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(2);
      const stale = await leadGen.request('PATCH', `/api/leads/${lead.id}`, { notes: 'Overwrite', version: 1 });
      expect(stale.status).toBe(409);
      expect(paths(stale.body)).toEqual(['body.version']);
      expect((await leadGen.request('GET', `/api/leads/${lead.id}`)).body.notes).toBe('Head was here');
    });
    it('edits the given fields only, normalises the phone, audits the change', async () => {
      const lead = await newLead(leadGen, { companyName: 'Old name', notes: 'keep me' });
      ctx().clock.now = new Date(PINNED_NOW.getTime() + 60_000);
      const res = await leadGen.request('PATCH', `/api/leads/${lead.id}`, {
        companyName: 'New name',
        phone: '8-495-123-45-67',
        inn: null,
        version: 1,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ companyName: 'New name', phone: '+74951234567', notes: 'keep me', version: 2 });
      const [entry] = await auditOf(admin, 'lead', lead.id);
      expect(entry?.action).toBe('update');
      expect(entry?.changes.map((c: { field: string }) => c.field).sort()).toEqual(['companyName', 'phone']);
    });
    it('lets the assignee and the admin edit, and a head reassign the qualifier within their subtree', async () => {
      const lead = await handedOffLead(head, org.users.managerA.id);
      const byAssignee = await managerA.request('PATCH', `/api/leads/${lead.id}`, {
        notes: 'Called',
        version: lead.version,
      });
      expect(byAssignee.status).toBe(200);
      const byHead = await head.request('PATCH', `/api/leads/${lead.id}`, {
        qualifierId: leadGenId,
        version: byAssignee.body.version,
      });
      expect(byHead.status).toBe(200);
      expect(byHead.body.qualifier.id).toBe(leadGenId);
      const byAdmin = await admin.request('PATCH', `/api/leads/${lead.id}`, {
        title: 'Renamed',
        version: byHead.body.version,
      });
      expect(byAdmin.status).toBe(200);
    });
  });
});
