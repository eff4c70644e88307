import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import {
  addLeadGenerator,
  addPerson,
  addTeam,
  auditOf,
  inOrg,
  newLead,
  paths,
  qualifiedLead,
} from './leads.factories.ts';

describeEachDatabase('leads: hand-off', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let admin: Session;
  let head: Session;
  let otherHead: Session;
  let managerA: Session;
  let managerB: Session;
  let analyst: Session;
  let leadGen: Session;
  let rivalAdmin: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Hand-off org');
    rival = await createTestOrg(t, 'Hand-off rival');
    leadGen = (await addLeadGenerator(t, org)).session;
    [admin, head, otherHead, managerA, managerB, analyst, rivalAdmin] = await Promise.all([
      loginAs(t, org.users.admin.email),
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

  const handOff = (session: Session, lead: { id: string; version: number }, body: Record<string, unknown>) =>
    session.request('POST', `/api/leads/${lead.id}/hand-off`, { version: lead.version, ...body });

  it('answers 401 without a session', async () => {
    const res = await call(ctx(), 'POST', `/api/leads/${randomUUID()}/hand-off`, { version: 1 });
    expect(res.status).toBe(401);
  });
  it('rejects malformed ids, a missing version and unknown fields with 400', async () => {
    const lead = await qualifiedLead(leadGen);
    const res = await leadGen.request('POST', `/api/leads/${lead.id}/hand-off`, {
      assigneeId: 'anna',
      unitId: 42,
      priority: 'high',
    });
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(
      expect.arrayContaining(['body.assigneeId', 'body.unitId', 'body.version', 'body.priority']),
    );
  });
  it("answers 404 for an unknown or another organisation's lead and 403 to a reader", async () => {
    expect((await handOff(admin, { id: randomUUID(), version: 1 }, { assigneeId: org.users.managerA.id })).status).toBe(
      404,
    );
    const theirs = await qualifiedLead(rivalAdmin);
    expect((await handOff(admin, theirs, { assigneeId: org.users.managerA.id })).status).toBe(404);
    const lead = await qualifiedLead(leadGen, { unitId: org.units.teamA });
    expect((await handOff(analyst, lead, { assigneeId: org.users.managerA.id })).status).toBe(403);
    expect((await handOff(otherHead, lead, { assigneeId: org.users.otherManager.id })).status).toBe(404);
  });
  it('answers 409 for a stale version', async () => {
    const lead = await qualifiedLead(leadGen);
    const res = await handOff(head, { ...lead, version: lead.version - 1 }, { assigneeId: org.users.managerA.id });
    expect(res.status).toBe(409);
  });
  it('refuses a lead that is not qualified with 422, and leaves it unassigned', async () => {
    const fresh = await newLead(leadGen);
    const working = await leadGen.request('PUT', `/api/leads/${fresh.id}/qualification`, {
      answers: { budget: true },
      version: 1,
    });
    for (const lead of [fresh, working.body]) {
      const current = (await head.request('GET', `/api/leads/${lead.id}`)).body;
      const res = await handOff(head, current, { assigneeId: org.users.managerA.id });
      expect(res.status).toBe(422);
      expect((await head.request('GET', `/api/leads/${lead.id}`)).body.assignee).toBeNull();
    }
  });
  it('refuses an assignee who is not an active sales manager the actor may assign, with 422', async () => {
    const leaver = await addPerson(ctx(), org, { role: 'sales_manager', unitId: org.units.teamA, active: false });
    const cases: [Session, string][] = [
      [head, org.users.head.id],
      [head, leaver.id],
      [head, org.users.otherManager.id],
      [head, rival.users.managerA.id],
      [head, randomUUID()],
      [leadGen, org.users.managerA.id],
    ];
    for (const [session, assigneeId] of cases) {
      const lead = await qualifiedLead(leadGen);
      const res = await handOff(session, lead, { assigneeId });
      expect(res.status, assigneeId).toBe(422);
      expect(paths(res.body)).toEqual(['body.assigneeId']);
    }
  });
  it('hands a lead to the named manager: status, time, audit, and the manager now sees it', async () => {
    const lead = await qualifiedLead(leadGen, { unitId: org.units.teamA });
    expect((await managerA.request('GET', `/api/leads/${lead.id}`)).status).toBe(404);
    ctx().clock.now = new Date('2026-03-02T10:30:00Z');
    const res = await handOff(head, lead, { assigneeId: org.users.managerA.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'handed_off',
      handedOffAt: '2026-03-02T10:30:00.000Z',
      assignee: { id: org.users.managerA.id, fullName: 'Anna Manager' },
      version: lead.version + 1,
    });
    expect((await managerA.request('GET', `/api/leads/${lead.id}`)).status).toBe(200);
    const listed = await managerA.request('GET', `/api/leads?status=handed_off&limit=200`);
    expect(listed.body.items.map((l: { id: string }) => l.id)).toContain(lead.id);
    expect((await managerB.request('GET', `/api/leads/${lead.id}`)).status).toBe(404);
    const [entry] = await auditOf(admin, 'lead', lead.id);
    expect(entry?.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', old: 'qualified', new: 'handed_off' },
        { field: 'assigneeId', old: null, new: org.users.managerA.id },
      ]),
    );
  });
  it('lets a handed-off lead be passed to another manager', async () => {
    const lead = await qualifiedLead(leadGen);
    const first = await handOff(head, lead, { assigneeId: org.users.managerA.id });
    const second = await handOff(head, first.body, { assigneeId: org.users.managerB.id });
    expect(second.status).toBe(200);
    expect(second.body.assignee.id).toBe(org.users.managerB.id);
    expect((await managerA.request('GET', `/api/leads/${lead.id}`)).status).toBe(404);
  });

  describe('round-robin within a team', () => {
    async function teamOf(size: number) {
      const t = ctx();
      const unitId = await addTeam(t, org, `Rotation ${randomUUID().slice(0, 6)}`);
      const members = [];
      for (let i = 0; i < size; i++) {
        members.push(await addPerson(t, org, { role: 'sales_manager', unitId, managerId: org.users.head.id }));
      }
      // Not candidates: a deactivated manager and a lead-generation specialist of the same team.
      await addPerson(t, org, { role: 'sales_manager', unitId, active: false });
      await addPerson(t, org, { role: 'lead_generation', unitId });
      return { unitId, ids: members.map((m) => m.id).sort() };
    }
    async function openDealFor(ownerId: string) {
      await inOrg(ctx(), org, async (tx) => {
        const stage = await tx
          .selectFrom('stages as s')
          .innerJoin('pipelines as p', (j) =>
            j.onRef('p.org_id', '=', 's.org_id').onRef('p.pipeline_id', '=', 's.pipeline_id'),
          )
          .select(['s.stage_id', 's.pipeline_id'])
          .where('s.org_id', '=', org.orgId)
          .where('p.is_default', '=', true)
          .where('s.kind', '=', 'open')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('deals')
          .values({ org_id: org.orgId, title: 'Open deal', owner_id: ownerId, ...stage })
          .execute();
      });
    }
    const tick = (minutes: number) => {
      ctx().clock.now = new Date(PINNED_NOW.getTime() + minutes * 60_000);
    };

    it('picks the manager with the least open work, then the one waiting longest', async () => {
      const team = await teamOf(3);
      const [first, second, third] = team.ids as [string, string, string];
      await openDealFor(first);
      const assigned: string[] = [];
      for (let i = 0; i < 4; i++) {
        tick(i + 1);
        const lead = await qualifiedLead(leadGen);
        const res = await handOff(leadGen, lead, { unitId: team.unitId });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        assigned.push(res.body.assignee.id);
        expect(res.body.unitId).toBe(team.unitId);
      }
      // Workloads 1/0/0 → second; 1/1/0 → third; 1/1/1 → first (never handed a lead);
      // then 2/1/1 with second waiting longer than third → second.
      expect(assigned).toEqual([second, third, first, second]);
    });
    it("counts only open leads: a converted or disqualified lead frees the manager's turn", async () => {
      const team = await teamOf(2);
      const [first, second] = team.ids as [string, string];
      tick(1);
      const lead = await qualifiedLead(leadGen);
      const handed = await handOff(head, lead, { assigneeId: first });
      tick(2);
      await head.request('POST', `/api/leads/${lead.id}/disqualify`, { reason: 'Gone', version: handed.body.version });
      tick(3);
      const next = await handOff(leadGen, await qualifiedLead(leadGen), { unitId: team.unitId });
      // Both carry nothing open; second was never handed a lead, so it is their turn.
      expect(next.body.assignee.id).toBe(second);
      tick(4);
      const after = await handOff(leadGen, await qualifiedLead(leadGen), { unitId: team.unitId });
      expect(after.body.assignee.id).toBe(first);
    });
    it("uses the lead's own unit when no team is named", async () => {
      const team = await teamOf(1);
      const lead = await qualifiedLead(leadGen, { unitId: team.unitId });
      const res = await handOff(leadGen, lead, {});
      expect(res.status).toBe(200);
      expect(res.body.assignee.id).toBe(team.ids[0]);
    });
    it('refuses with 422 a team without active sales managers, an unknown team, or no team at all', async () => {
      const empty = await addTeam(ctx(), org, `Empty ${randomUUID().slice(0, 6)}`);
      const cases: [Record<string, unknown>, string][] = [
        [{ unitId: empty }, 'body.unitId'],
        [{ unitId: randomUUID() }, 'body.unitId'],
        [{ unitId: rival.units.teamA }, 'body.unitId'],
        [{}, 'body.assigneeId'],
      ];
      for (const [body, path] of cases) {
        const lead = await qualifiedLead(leadGen);
        const res = await handOff(leadGen, lead, body);
        expect(res.status, JSON.stringify(body)).toBe(422);
        expect(paths(res.body)).toEqual([path]);
        expect((await leadGen.request('GET', `/api/leads/${lead.id}`)).body.status).toBe('qualified');
      }
    });
  });
});
