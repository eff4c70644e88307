import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { ALL_YES, addLeadGenerator, auditOf, handedOffLead, newLead, paths } from './leads.factories.ts';

const answersOf = (lead: any) =>
  Object.fromEntries(lead.qualification.map((q: { code: string; answer: boolean | null }) => [q.code, q.answer]));

describeEachDatabase('leads: qualification', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let admin: Session;
  let head: Session;
  let managerA: Session;
  let analyst: Session;
  let leadGen: Session;
  let leadGenId: string;
  let rivalAdmin: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Qualification org');
    rival = await createTestOrg(t, 'Qualification rival');
    const lg = await addLeadGenerator(t, org);
    leadGen = lg.session;
    leadGenId = lg.id;
    [admin, head, managerA, analyst, rivalAdmin] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.analyst.email),
      loginAs(t, rival.users.admin.email),
    ]);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  const qualify = (session: Session, lead: { id: string; version: number }, answers: Record<string, unknown>) =>
    session.request('PUT', `/api/leads/${lead.id}/qualification`, { answers, version: lead.version });

  describe('PUT /api/leads/:id/qualification', () => {
    it('answers 401 without a session', async () => {
      const res = await call(ctx(), 'PUT', `/api/leads/${randomUUID()}/qualification`, { answers: {}, version: 1 });
      expect(res.status).toBe(401);
    });
    it('rejects answers that are not yes/no, malformed codes and a missing version with 400', async () => {
      const lead = await newLead(leadGen);
      const res = await leadGen.request('PUT', `/api/leads/${lead.id}/qualification`, {
        answers: { budget: 'yes', 'Need!': true },
      });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(expect.arrayContaining(['body.answers.budget', 'body.version']));
      expect(paths(res.body).some((p) => p.startsWith('body.answers'))).toBe(true);
    });
    it("answers 404 for an unknown lead and another organisation's lead", async () => {
      expect((await qualify(admin, { id: randomUUID(), version: 1 }, ALL_YES)).status).toBe(404);
      const theirs = await newLead(rivalAdmin);
      expect((await qualify(admin, theirs, ALL_YES)).status).toBe(404);
      expect((await rivalAdmin.request('GET', `/api/leads/${theirs.id}`)).body.status).toBe('new');
    });
    it('answers 403 to a reader and 404 to a sales manager the lead is not handed to', async () => {
      const lead = await newLead(leadGen, { unitId: org.units.teamA });
      expect((await qualify(analyst, lead, ALL_YES)).status).toBe(403);
      expect((await qualify(managerA, lead, ALL_YES)).status).toBe(404);
    });
    it('refuses a code not on the checklist with 422 naming it, storing nothing', async () => {
      const lead = await newLead(leadGen);
      const res = await qualify(leadGen, lead, { ...ALL_YES, price_ok: true });
      expect(res.status).toBe(422);
      expect(paths(res.body)).toEqual(['body.answers.price_ok']);
      const after = await leadGen.request('GET', `/api/leads/${lead.id}`);
      expect(after.body).toMatchObject({ status: 'new', version: 1 });
    });
    it('answers 409 for a stale version', async () => {
      const lead = await newLead(leadGen);
      expect((await qualify(leadGen, lead, { budget: true })).status).toBe(200);
      const stale = await qualify(head, lead, ALL_YES);
      expect(stale.status).toBe(409);
      expect(answersOf((await head.request('GET', `/api/leads/${lead.id}`)).body)).toMatchObject({
        budget: true,
        need: null,
      });
    });
    it('keeps a partly answered lead in work and qualifies it once every required answer is yes', async () => {
      const lead = await newLead(leadGen);
      const partly = await qualify(leadGen, lead, { budget: true, authority: true, need: false });
      expect(partly.status).toBe(200);
      expect(partly.body).toMatchObject({ status: 'working', version: 2 });
      expect(answersOf(partly.body)).toEqual({ budget: true, authority: true, need: false, timing: null });
      ctx().clock.now = new Date(PINNED_NOW.getTime() + 60_000);
      const full = await qualify(leadGen, partly.body, ALL_YES);
      expect(full.body).toMatchObject({ status: 'qualified', version: 3, qualifier: { id: leadGenId } });
      const [entry] = await auditOf(admin, 'lead', lead.id);
      expect(entry?.changes.map((c: { field: string }) => c.field).sort()).toEqual(['qualification', 'status']);
    });
    it('makes the person who answers the qualifier of a lead that had none', async () => {
      const lead = await newLead(admin, { unitId: org.units.teamA });
      expect(lead.qualifier).toBeNull();
      const res = await qualify(head, lead, { budget: true });
      expect(res.body.qualifier).toEqual({ id: org.users.head.id, fullName: 'Hector Head' });
    });
    it('asks only for active required criteria; optional ones may be no', async () => {
      const t = ctx();
      const local = await createTestOrg(t, 'Checklist org');
      const localAdmin = await loginAs(t, local.users.admin.email);
      const criteria = (await localAdmin.request('GET', '/api/qualification-criteria')).body.items;
      const timing = criteria.find((c: { code: string }) => c.code === 'timing');
      await localAdmin.request('PATCH', `/api/qualification-criteria/${timing.id}`, { active: false });
      const optional = await localAdmin.request('POST', '/api/qualification-criteria', {
        code: 'competitor_known',
        name: 'Competitor known',
        required: false,
      });
      expect(optional.status).toBe(201);
      const lead = await newLead(localAdmin);
      const res = await qualify(localAdmin, lead, {
        budget: true,
        authority: true,
        need: true,
        competitor_known: false,
      });
      expect(res.body.status).toBe('qualified');
      expect(res.body.qualification.map((q: { code: string }) => q.code)).toEqual([
        'budget',
        'authority',
        'need',
        'competitor_known',
      ]);
      const withRetired = await qualify(localAdmin, res.body, { budget: true, timing: false });
      expect(withRetired.body.status).toBe('working');
      expect(withRetired.body.qualification.find((q: { code: string }) => q.code === 'timing')).toEqual({
        code: 'timing',
        name: expect.any(String),
        required: true,
        active: false,
        answer: false,
      });
    });
    it('refuses to change the qualification of a handed-off lead with 422', async () => {
      const lead = await handedOffLead(head, org.users.managerA.id);
      const res = await qualify(head, lead, { budget: false });
      expect(res.status).toBe(422);
      expect((await head.request('GET', `/api/leads/${lead.id}`)).body.status).toBe('handed_off');
    });
  });

  describe('POST /api/leads/:id/disqualify', () => {
    const disqualify = (session: Session, lead: { id: string; version: number }, reason?: unknown) =>
      session.request('POST', `/api/leads/${lead.id}/disqualify`, { reason, version: lead.version });

    it('answers 401 without a session', async () => {
      const res = await call(ctx(), 'POST', `/api/leads/${randomUUID()}/disqualify`, { reason: 'x', version: 1 });
      expect(res.status).toBe(401);
    });
    it('requires a reason: absent, blank or too long is 400 on body.reason', async () => {
      const lead = await newLead(leadGen);
      for (const reason of [undefined, '   ', 'r'.repeat(501)]) {
        const res = await disqualify(leadGen, lead, reason);
        expect(res.status).toBe(400);
        expect(paths(res.body)).toEqual(['body.reason']);
      }
    });
    it("answers 404 for an unknown or another organisation's lead and 403 to a reader", async () => {
      expect((await disqualify(admin, { id: randomUUID(), version: 1 }, 'x')).status).toBe(404);
      expect((await disqualify(admin, await newLead(rivalAdmin), 'x')).status).toBe(404);
      expect((await disqualify(analyst, await newLead(leadGen), 'x')).status).toBe(403);
    });
    it('answers 409 for a stale version', async () => {
      const lead = await newLead(leadGen);
      await qualify(leadGen, lead, { budget: true });
      expect((await disqualify(leadGen, lead, 'No budget')).status).toBe(409);
    });
    it('marks the lead unqualified with the reason, audited; new answers take it back into work', async () => {
      const lead = await newLead(leadGen);
      ctx().clock.now = new Date(PINNED_NOW.getTime() + 60_000);
      const res = await disqualify(leadGen, lead, '  No budget this year ');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'unqualified', unqualifiedReason: 'No budget this year', version: 2 });
      const [entry] = await auditOf(admin, 'lead', lead.id);
      expect(entry?.changes).toEqual(
        expect.arrayContaining([
          { field: 'status', old: 'new', new: 'unqualified' },
          { field: 'unqualifiedReason', old: null, new: 'No budget this year' },
        ]),
      );
      const back = await qualify(leadGen, res.body, { budget: true });
      expect(back.body).toMatchObject({ status: 'working', unqualifiedReason: null });
    });
    it('lets the sales manager who was handed a lead disqualify it', async () => {
      const lead = await handedOffLead(head, org.users.managerA.id);
      const res = await disqualify(managerA, lead, 'Not our client');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'unqualified', assignee: { id: org.users.managerA.id } });
    });
  });
});
