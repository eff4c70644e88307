import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { auditOf, createDeal, defaultPipeline, expectError, expectInvalid, moveDeal } from './deals.factories.ts';

const THREE_STAGES = [
  { name: 'Talk', probability: 30, rottingDays: 5 },
  { name: 'Won', kind: 'won', probability: 100 },
  { name: 'Lost', kind: 'lost', probability: 0 },
];

describeEachDatabase('pipelines and stages', (ctx) => {
  let org: TestOrg;
  let admin: Session;
  let head: Session;
  let managerA: Session;
  let rivalAdmin: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Pipelines org');
    const rival = await createTestOrg(t, 'Rival org');
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
  const newPipeline = async (body: Record<string, unknown> = {}, session = admin) => {
    const res = await session.request('POST', '/api/pipelines', {
      name: `P ${randomUUID()}`,
      stages: THREE_STAGES,
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  describe('pipelines', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'GET', '/api/pipelines')).status).toBe(401);
      expect((await call(ctx(), 'POST', '/api/pipelines', {})).status).toBe(401);
    });
    it('gives every organisation the default B2B pipeline: 5 open stages, won and lost', async () => {
      const res = await managerA.request('GET', '/api/pipelines');
      expect(res.status).toBe(200);
      const [pipeline] = res.body.items;
      expect(pipeline).toMatchObject({ isDefault: true, archived: false, name: 'Продажи B2B' });
      expect(pipeline.stages.map((s: any) => [s.kind, s.probability, s.position])).toEqual([
        ['open', 10, 0],
        ['open', 25, 1],
        ['open', 50, 2],
        ['open', 70, 3],
        ['open', 90, 4],
        ['won', 100, 5],
        ['lost', 0, 6],
      ]);
    });
    it('lets only the administrator manage pipelines (403)', async () => {
      const pipeline = await newPipeline();
      expectError(await head.request('POST', '/api/pipelines', { name: 'X', stages: THREE_STAGES }), 403);
      expectError(await head.request('PATCH', `/api/pipelines/${pipeline.id}`, { name: 'X' }), 403);
      expectError(await head.request('DELETE', `/api/pipelines/${pipeline.id}`), 403);
      expect((await managerA.request('GET', `/api/pipelines/${pipeline.id}`)).status).toBe(200);
    });
    it('rejects bad fields with 400', async () => {
      const res = await admin.request('POST', '/api/pipelines', {
        name: '',
        stages: [{ name: 'A', probability: 101, kind: 'maybe', rottingDays: 0 }],
      });
      for (const path of [
        'body.name',
        'body.stages.0.probability',
        'body.stages.0.kind',
        'body.stages.0.rottingDays',
      ]) {
        expectInvalid(res, path);
      }
      expectInvalid(
        await admin.request('PATCH', `/api/pipelines/${randomUUID()}`, { isDefault: false }),
        'body.isDefault',
      );
    });
    it('needs exactly one won stage, a lost one and an open one (422)', async () => {
      const bad = [
        [THREE_STAGES[0], THREE_STAGES[2], { name: 'Lost 2', kind: 'lost', probability: 0 }],
        [THREE_STAGES[0], THREE_STAGES[1], { name: 'Won 2', kind: 'won', probability: 100 }, THREE_STAGES[2]],
        [THREE_STAGES[0], THREE_STAGES[1], { name: 'Open 2', probability: 50 }],
        [THREE_STAGES[1], THREE_STAGES[2], { name: 'Lost 2', kind: 'lost', probability: 0 }],
      ];
      for (const stages of bad) {
        expectError(await admin.request('POST', '/api/pipelines', { name: 'Bad', stages }), 422, 'body.stages');
      }
    });
    it('creates a pipeline with its stages in order, audited', async () => {
      const pipeline = await newPipeline({ name: 'Projects' });
      expect(pipeline).toMatchObject({ name: 'Projects', isDefault: false, archived: false });
      expect(pipeline.stages.map((s: any) => [s.name, s.kind, s.position, s.rottingDays])).toEqual([
        ['Talk', 'open', 0, 5],
        ['Won', 'won', 1, null],
        ['Lost', 'lost', 2, null],
      ]);
      expect((await auditOf(admin, 'pipeline', pipeline.id))[0]?.action).toBe('create');
    });
    it('makes a pipeline the default (the old one stops being it) and refuses archiving the default (422)', async () => {
      const before = await defaultPipeline(admin);
      const pipeline = await newPipeline({ isDefault: true });
      expect(pipeline.isDefault).toBe(true);
      expect((await admin.request('GET', `/api/pipelines/${before.id}`)).body.isDefault).toBe(false);
      expectError(
        await admin.request('PATCH', `/api/pipelines/${pipeline.id}`, { archived: true }),
        422,
        'body.archived',
      );
      const back = await admin.request('PATCH', `/api/pipelines/${before.id}`, { isDefault: true });
      expect(back.body.isDefault).toBe(true);
      const archived = await admin.request('PATCH', `/api/pipelines/${pipeline.id}`, { archived: true, name: 'Old' });
      expect(archived.body).toMatchObject({ archived: true, name: 'Old' });
      const listed = await admin.request('GET', '/api/pipelines');
      expect(listed.body.items.map((p: any) => p.id)).not.toContain(pipeline.id);
      const all = await admin.request('GET', '/api/pipelines?archived=all');
      expect(all.body.items.map((p: any) => p.id)).toContain(pipeline.id);
      expectError(
        await managerA.request('POST', '/api/deals', { title: 'X', pipelineId: pipeline.id }),
        422,
        'body.pipelineId',
      );
    });
    it("answers 404 for an unknown pipeline and another organisation's", async () => {
      const rivalPipeline = await defaultPipeline(rivalAdmin);
      for (const id of [randomUUID(), rivalPipeline.id]) {
        expectError(await admin.request('GET', `/api/pipelines/${id}`), 404);
        expectError(await admin.request('PATCH', `/api/pipelines/${id}`, { name: 'Stolen' }), 404);
        expectError(await admin.request('DELETE', `/api/pipelines/${id}`), 404);
      }
    });
    it('deletes a pipeline no deal used; one with deals is 409 and the default is 422', async () => {
      const unused = await newPipeline();
      expect((await admin.request('DELETE', `/api/pipelines/${unused.id}`)).body).toEqual({ ok: true });
      expectError(await admin.request('GET', `/api/pipelines/${unused.id}`), 404);
      const used = await newPipeline();
      await createDeal(managerA, { pipelineId: used.id });
      expectError(await admin.request('DELETE', `/api/pipelines/${used.id}`), 409);
      const main = await defaultPipeline(admin);
      expectError(await admin.request('DELETE', `/api/pipelines/${main.id}`), 422);
    });
  });

  describe('stages', () => {
    it('answers 401 without a session', async () => {
      const id = randomUUID();
      expect((await call(ctx(), 'POST', `/api/pipelines/${id}/stages`, {})).status).toBe(401);
      expect((await call(ctx(), 'PUT', `/api/pipelines/${id}/stages/order`, {})).status).toBe(401);
      expect((await call(ctx(), 'PATCH', `/api/pipelines/${id}/stages/${id}`, {})).status).toBe(401);
      expect((await call(ctx(), 'DELETE', `/api/pipelines/${id}/stages/${id}`)).status).toBe(401);
    });
    it('lets only the administrator change stages (403)', async () => {
      const pipeline = await newPipeline();
      const stageId = pipeline.stages[0].id;
      expectError(
        await head.request('POST', `/api/pipelines/${pipeline.id}/stages`, { name: 'X', probability: 1 }),
        403,
      );
      expectError(await head.request('PATCH', `/api/pipelines/${pipeline.id}/stages/${stageId}`, { name: 'X' }), 403);
      expectError(await head.request('DELETE', `/api/pipelines/${pipeline.id}/stages/${stageId}`), 403);
      expectError(
        await head.request('PUT', `/api/pipelines/${pipeline.id}/stages/order`, { stageIds: [stageId] }),
        403,
      );
    });
    it('adds an open stage after the last open one unless a position is given', async () => {
      const pipeline = await newPipeline();
      const res = await admin.request('POST', `/api/pipelines/${pipeline.id}/stages`, {
        name: 'Proposal',
        probability: 60,
      });
      expect(res.status).toBe(201);
      expect(res.body.stages.map((s: any) => [s.name, s.position])).toEqual([
        ['Talk', 0],
        ['Proposal', 1],
        ['Won', 2],
        ['Lost', 3],
      ]);
      const first = await admin.request('POST', `/api/pipelines/${pipeline.id}/stages`, {
        name: 'Lead',
        probability: 5,
        position: 0,
      });
      expect(first.body.stages.map((s: any) => s.name)).toEqual(['Lead', 'Talk', 'Proposal', 'Won', 'Lost']);
      expectError(
        await admin.request('POST', `/api/pipelines/${pipeline.id}/stages`, {
          name: 'Won 2',
          kind: 'won',
          probability: 100,
        }),
        422,
        'body.kind',
      );
    });
    it('edits a stage; refuses changing the kind of a stage deals used (409) or breaking the rule (422)', async () => {
      const pipeline = await newPipeline();
      const [talk, won, lost] = pipeline.stages;
      const url = (id: string) => `/api/pipelines/${pipeline.id}/stages/${id}`;
      const res = await admin.request('PATCH', url(talk.id), {
        name: 'Discussion',
        probability: 40,
        rottingDays: null,
      });
      expect(res.body.stages[0]).toMatchObject({ name: 'Discussion', probability: 40, rottingDays: null });
      expectError(await admin.request('PATCH', url(won.id), { kind: 'open' }), 422, 'body.kind');
      expectError(await admin.request('PATCH', url(lost.id), { archived: true }), 422, 'body.archived');
      await createDeal(managerA, { pipelineId: pipeline.id });
      expectError(await admin.request('PATCH', url(talk.id), { kind: 'lost' }), 409, 'body.kind');
    });
    it('deletes a stage no deal entered; one with deals or history is 409 (archive instead)', async () => {
      const pipeline = await newPipeline();
      const url = (id: string) => `/api/pipelines/${pipeline.id}/stages/${id}`;
      const added = await admin.request('POST', `/api/pipelines/${pipeline.id}/stages`, {
        name: 'Extra',
        probability: 50,
      });
      const extra = added.body.stages.find((s: any) => s.name === 'Extra');
      const deleted = await admin.request('DELETE', url(extra.id));
      expect(deleted.body.stages.map((s: any) => [s.name, s.position])).toEqual([
        ['Talk', 0],
        ['Won', 1],
        ['Lost', 2],
      ]);
      expect((await auditOf(admin, 'stage', extra.id)).map((e) => e.action).sort()).toEqual(['create', 'delete']);
      const again = await admin.request('POST', `/api/pipelines/${pipeline.id}/stages`, {
        name: 'Passed',
        probability: 50,
      });
      const passed = again.body.stages.find((s: any) => s.name === 'Passed');
      const deal = await createDeal(managerA, { pipelineId: pipeline.id, stageId: passed.id });
      expectError(await admin.request('DELETE', url(passed.id)), 409);
      await moveDeal(managerA, deal, { stageId: pipeline.stages[0].id });
      expectError(await admin.request('DELETE', url(passed.id)), 409);
      const archived = await admin.request('PATCH', url(passed.id), { archived: true });
      expect(archived.body.stages.find((s: any) => s.id === passed.id).archived).toBe(true);
      expectError(await admin.request('DELETE', url(pipeline.stages[1].id)), 422);
    });
    it('reorders stages when sent every stage once (422 otherwise)', async () => {
      const pipeline = await newPipeline();
      const [talk, won, lost] = pipeline.stages.map((s: any) => s.id);
      const url = `/api/pipelines/${pipeline.id}/stages/order`;
      const res = await admin.request('PUT', url, { stageIds: [talk, lost, won] });
      expect(res.body.stages.map((s: any) => s.id)).toEqual([talk, lost, won]);
      const rivalStage = (await defaultPipeline(rivalAdmin)).open[0];
      for (const stageIds of [
        [talk, won],
        [talk, won, lost, lost],
        [talk, won, rivalStage],
      ]) {
        expectError(await admin.request('PUT', url, { stageIds }), 422, 'body.stageIds');
      }
      expectInvalid(await admin.request('PUT', url, { stageIds: ['a'] }), 'body.stageIds.0');
    });
    it("answers 404 for a stage of another pipeline or another organisation's pipeline", async () => {
      const pipeline = await newPipeline();
      const other = await newPipeline();
      const rivalPipeline = await defaultPipeline(rivalAdmin);
      expectError(
        await admin.request('PATCH', `/api/pipelines/${pipeline.id}/stages/${other.stages[0].id}`, { name: 'X' }),
        404,
      );
      expectError(await admin.request('DELETE', `/api/pipelines/${pipeline.id}/stages/${other.stages[0].id}`), 404);
      expectError(
        await admin.request('PATCH', `/api/pipelines/${rivalPipeline.id}/stages/${rivalPipeline.open[0]}`, {
          name: 'X',
        }),
        404,
      );
      expectError(
        await admin.request('POST', `/api/pipelines/${rivalPipeline.id}/stages`, { name: 'X', probability: 1 }),
        404,
      );
    });
  });
});
