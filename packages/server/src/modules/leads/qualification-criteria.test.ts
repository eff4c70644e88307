import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { addLeadGenerator, auditOf, paths } from './leads.factories.ts';

const codes = (body: any): string[] => body.items.map((c: { code: string }) => c.code);
const freshCode = () => `c_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

describeEachDatabase('qualification criteria', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let admin: Session;
  let head: Session;
  let managerA: Session;
  let leadGen: Session;
  let rivalAdmin: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Criteria org');
    rival = await createTestOrg(t, 'Criteria rival');
    leadGen = (await addLeadGenerator(t, org)).session;
    [admin, head, managerA, rivalAdmin] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, rival.users.admin.email),
    ]);
  });

  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  async function newCriterion(body: Record<string, unknown> = {}): Promise<any> {
    const res = await admin.request('POST', '/api/qualification-criteria', {
      code: freshCode(),
      name: 'Criterion',
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  describe('GET /api/qualification-criteria', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'GET', '/api/qualification-criteria')).status).toBe(401);
    });
    it('gives everyone the BANT checklist every organisation starts with, in order', async () => {
      for (const session of [leadGen, managerA, head]) {
        const res = await session.request('GET', '/api/qualification-criteria');
        expect(res.status).toBe(200);
        expect(codes(res.body).slice(0, 4)).toEqual(['budget', 'authority', 'need', 'timing']);
        expect(res.body.items[0]).toMatchObject({ required: true, active: true, position: 0 });
        expect(Object.keys(res.body.items[0]).sort()).toEqual(['active', 'code', 'id', 'name', 'position', 'required']);
      }
    });
    it('rejects an unknown filter value or parameter with 400', async () => {
      const res = await admin.request('GET', '/api/qualification-criteria?active=maybe&foo=1');
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(expect.arrayContaining(['query.active', 'query.foo']));
    });
    it("never lists another organisation's criteria", async () => {
      const theirs = await rivalAdmin.request('POST', '/api/qualification-criteria', {
        code: freshCode(),
        name: 'Rival only',
      });
      const res = await admin.request('GET', '/api/qualification-criteria?active=all');
      expect(codes(res.body)).not.toContain(theirs.body.code);
    });
  });

  describe('POST /api/qualification-criteria', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'POST', '/api/qualification-criteria', { code: 'x', name: 'X' })).status).toBe(401);
    });
    it('refuses everyone but the administrator with 403 and adds nothing', async () => {
      const code = freshCode();
      for (const session of [head, managerA, leadGen]) {
        const res = await session.request('POST', '/api/qualification-criteria', { code, name: 'Nope' });
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
      const all = await admin.request('GET', '/api/qualification-criteria?active=all');
      expect(codes(all.body)).not.toContain(code);
    });
    it('rejects a malformed code, a blank name and unknown fields with 400 naming each', async () => {
      const res = await admin.request('POST', '/api/qualification-criteria', {
        code: 'Bad Code',
        name: '  ',
        required: 'yes',
        weight: 3,
      });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(
        expect.arrayContaining(['body.code', 'body.name', 'body.required', 'body.weight']),
      );
    });
    it('refuses a code already on the checklist with 409', async () => {
      const res = await admin.request('POST', '/api/qualification-criteria', { code: 'budget', name: 'Again' });
      expect(res.status).toBe(409);
      expect(paths(res.body)).toEqual(['body.code']);
    });
    it('adds the criterion at the end of the list, required by default, and audits it', async () => {
      const before = await admin.request('GET', '/api/qualification-criteria?active=all');
      const maxPosition = Math.max(...before.body.items.map((c: { position: number }) => c.position));
      const created = await newCriterion({ name: '  Competitor known  ' });
      expect(created).toMatchObject({ name: 'Competitor known', required: true, active: true });
      expect(created.position).toBe(maxPosition + 1);
      const entries = await auditOf(admin, 'qualification_criterion', created.id);
      expect(entries).toHaveLength(1);
      expect(entries[0]?.action).toBe('create');
    });
  });

  describe('PATCH /api/qualification-criteria/:id', () => {
    it('answers 401 without a session', async () => {
      const res = await call(ctx(), 'PATCH', `/api/qualification-criteria/${randomUUID()}`, { active: false });
      expect(res.status).toBe(401);
    });
    it('refuses everyone but the administrator with 403', async () => {
      const criterion = await newCriterion();
      for (const session of [head, managerA, leadGen]) {
        const res = await session.request('PATCH', `/api/qualification-criteria/${criterion.id}`, { active: false });
        expect(res.status).toBe(403);
      }
    });
    it('rejects a non-UUID id, a changed code and bad types with 400', async () => {
      expect(paths((await admin.request('PATCH', '/api/qualification-criteria/budget', {})).body)).toEqual([
        'params.id',
      ]);
      const criterion = await newCriterion();
      const res = await admin.request('PATCH', `/api/qualification-criteria/${criterion.id}`, {
        code: 'renamed',
        position: -1,
      });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(expect.arrayContaining(['body.code', 'body.position']));
    });
    it("answers 404 for an unknown id and for another organisation's criterion, changing nothing", async () => {
      expect((await admin.request('PATCH', `/api/qualification-criteria/${randomUUID()}`, {})).status).toBe(404);
      const theirs = await rivalAdmin.request('POST', '/api/qualification-criteria', {
        code: freshCode(),
        name: 'Theirs',
      });
      const res = await admin.request('PATCH', `/api/qualification-criteria/${theirs.body.id}`, { name: 'Mine' });
      expect(res.status).toBe(404);
      const still = await rivalAdmin.request('GET', '/api/qualification-criteria');
      expect(still.body.items.find((c: { id: string }) => c.id === theirs.body.id).name).toBe('Theirs');
    });
    it('deactivates a criterion: gone from the default list, kept with active=all, audited', async () => {
      const criterion = await newCriterion();
      ctx().clock.now = new Date(PINNED_NOW.getTime() + 60_000);
      const res = await admin.request('PATCH', `/api/qualification-criteria/${criterion.id}`, {
        active: false,
        required: false,
        name: 'Retired',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ code: criterion.code, name: 'Retired', active: false, required: false });
      expect(codes((await leadGen.request('GET', '/api/qualification-criteria')).body)).not.toContain(criterion.code);
      expect(codes((await admin.request('GET', '/api/qualification-criteria?active=false')).body)).toContain(
        criterion.code,
      );
      const entries = await auditOf(admin, 'qualification_criterion', criterion.id);
      expect(entries[0]?.action).toBe('update');
      expect(entries[0]?.changes.map((c: { field: string }) => c.field).sort()).toEqual(['active', 'name', 'required']);
    });
  });
});
