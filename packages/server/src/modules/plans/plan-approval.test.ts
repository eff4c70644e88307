import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { auditOf, expectError, expectInvalid } from '../deals/deals.factories.ts';
import { approve, createPlan, decompose, expectExactTree, expectRefusal } from './plans.factories.ts';

describeEachDatabase('plan approval and revisions', (ctx) => {
  let org: TestOrg;
  let admin: Session;
  let director: Session;
  let head: Session;
  let managerA: Session;
  let otherHead: Session;
  let analyst: Session;
  let year = 2060;
  /** A decomposed draft of a new year, so no two tests' plans overlap. */
  const readyPlan = async (planner: Session, scopeUnitId: string | null) => {
    year += 1;
    const plan = await createPlan(planner, { year, scopeUnitId });
    return (await decompose(planner, plan)).plan;
  };
  const approveAs = (session: Session, plan: { id: string; version: number }) =>
    session.request('POST', `/api/plans/${plan.id}/approve`, { version: plan.version });

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Approval org');
    [admin, director, head, managerA, otherHead, analyst] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.director.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.otherHead.email),
      loginAs(t, org.users.analyst.email),
    ]);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  describe('POST /api/plans/:id/approve', () => {
    it('answers 401 without a session, 400 without a version, 404 for a missing plan', async () => {
      const plan = await readyPlan(head, org.units.teamA);
      expect((await call(ctx(), 'POST', `/api/plans/${plan.id}/approve`, { version: plan.version })).status).toBe(401);
      expectInvalid(await head.request('POST', `/api/plans/${plan.id}/approve`, {}), 'body.version');
      expectError(await head.request('POST', `/api/plans/${randomUUID()}/approve`, { version: 1 }), 404);
    });

    it('lets the head approve a team plan of their subtree; a rep cannot (403), another head cannot see it (404)', async () => {
      const plan = await readyPlan(head, org.units.teamA);
      expectError(await approveAs(managerA, plan), 403);
      expectError(await approveAs(analyst, plan), 403);
      expectError(await approveAs(otherHead, plan), 404);
      const approved = await approve(head, plan);
      expect(approved).toMatchObject({
        status: 'approved',
        version: plan.version + 1,
        approvedBy: { id: org.users.head.id, fullName: 'Hector Head' },
        permissions: { edit: false, approve: false, revise: true, delete: false },
      });
    });

    it('keeps the department plan for the commercial director: the head cannot approve it (403)', async () => {
      const plan = await readyPlan(head, org.units.department);
      expect(plan.scope.level).toBe('department');
      expect(plan.permissions.approve).toBe(false);
      expectError(await approveAs(head, plan), 403);
      expectError(await approveAs(managerA, plan), 403);
      expect((await approve(director, plan)).status).toBe('approved');
    });

    it('keeps the organisation plan for the director or an administrator (403 for a head)', async () => {
      const plan = await readyPlan(director, null);
      expect(plan.scope.level).toBe('organisation');
      expectError(await approveAs(head, plan), 403);
      expect((await approve(admin, plan)).approvedBy?.id).toBe(org.users.admin.id);
    });

    it('refuses a plan not yet decomposed or with bottom-up differences (422), a stale or approved one (409)', async () => {
      year += 1;
      const bare = await createPlan(head, { year, scopeUnitId: org.units.teamB });
      expectRefusal(await approveAs(head, bare), 'not_decomposed');
      const tree = await decompose(head, bare);
      expectError(await approveAs(head, { id: bare.id, version: bare.version }), 409);
      const boris = tree.lines.find((l) => l.label === 'Boris Manager');
      const edited = await head.request('PATCH', `/api/plans/${bare.id}/lines/${boris?.id}`, {
        version: tree.plan.version,
        bottomUpMinor: 1,
      });
      expectRefusal(await approveAs(head, edited.body.plan), 'not_reconciled');
      const reconciled = await head.request('POST', `/api/plans/${bare.id}/reconcile`, {
        version: edited.body.plan.version,
        accept: 'top-down',
      });
      const approved = await approve(head, reconciled.body.plan);
      expectError(await approveAs(head, approved), 409);
    });
  });

  describe('an approved plan is locked until revised', () => {
    let plan: { id: string; version: number };
    let lineId: string;
    beforeAll(async () => {
      year += 1;
      const draft = await createPlan(head, { year, scopeUnitId: org.units.department });
      const tree = await decompose(head, draft);
      lineId = tree.lines.find((l) => l.label === 'Anna Manager')?.id as string;
      plan = await approve(director, tree.plan);
    });

    it('refuses every change with 409', async () => {
      const v = plan.version;
      const refused = [
        await head.request('PATCH', `/api/plans/${plan.id}`, { version: v, name: 'Changed' }),
        await head.request('DELETE', `/api/plans/${plan.id}`),
        await head.request('POST', `/api/plans/${plan.id}/decompose`, { version: v }),
        await head.request('PATCH', `/api/plans/${plan.id}/lines/${lineId}`, { version: v, bottomUpMinor: 5 }),
        await head.request('POST', `/api/plans/${plan.id}/reconcile`, { version: v, accept: 'top-down' }),
        await head.request('POST', `/api/plans/${plan.id}/seasonality/from-history`, { version: v }),
      ];
      for (const res of refused) expectError(res, 409);
    });

    it('is revised only with a reason (400), by whoever approves it (403), at its version (409)', async () => {
      const revise = (session: Session, body: Record<string, unknown>) =>
        session.request('POST', `/api/plans/${plan.id}/revise`, body);
      expect((await call(ctx(), 'POST', `/api/plans/${plan.id}/revise`, { version: 1, reason: 'x' })).status).toBe(401);
      expectInvalid(await revise(director, { version: plan.version }), 'body.reason');
      expectInvalid(await revise(director, { version: plan.version, reason: '   ' }), 'body.reason');
      expectError(await revise(head, { version: plan.version, reason: 'A big client left' }), 403);
      expectError(await revise(managerA, { version: plan.version, reason: 'A big client left' }), 403);
      expectError(await revise(director, { version: plan.version - 1, reason: 'A big client left' }), 409);
      expectError(
        await director.request('POST', `/api/plans/${randomUUID()}/revise`, { version: 1, reason: 'x' }),
        404,
      );
    });

    it('unlocks into the next revision, edits, and records who, why and what changed on re-approval', async () => {
      const revised = await director.request('POST', `/api/plans/${plan.id}/revise`, {
        version: plan.version,
        reason: 'A key client went bankrupt',
      });
      expect(revised.status, JSON.stringify(revised.body)).toBe(200);
      expect(revised.body).toMatchObject({ status: 'draft', revision: 2, approvedAt: null });
      expect(revised.body.revisions).toMatchObject([
        {
          revision: 2,
          reason: 'A key client went bankrupt',
          revisedBy: { id: org.users.director.id },
          reapprovedAt: null,
          changes: null,
        },
      ]);
      expectError(
        await director.request('POST', `/api/plans/${plan.id}/revise`, { version: revised.body.version, reason: 'x' }),
        409,
      );

      const edited = await head.request('PATCH', `/api/plans/${plan.id}`, {
        version: revised.body.version,
        realistic: { basis: 'manual', amountMinor: 1_000_000 },
      });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      await expectExactTree(ctx(), org, plan.id);
      // A plan that was approved once is kept for its history.
      expectError(await head.request('DELETE', `/api/plans/${plan.id}`), 409);

      const reapproved = await approve(director, edited.body);
      expect(reapproved).toMatchObject({ status: 'approved', revision: 2 });
      const [revision] = reapproved.revisions;
      expect(revision).toMatchObject({
        reason: 'A key client went bankrupt',
        reapprovedBy: { id: org.users.director.id },
      });
      expect(revision?.changes).toEqual(
        expect.arrayContaining([
          { field: 'realisticMinor', old: 1_200_000, new: 1_000_000 },
          { field: 'revision', old: 1, new: 2 },
          expect.objectContaining({ field: expect.stringMatching(/^line rep:/) }),
        ]),
      );
      const audit = await auditOf(admin, 'plan', plan.id);
      expect(audit.some((e) => e.changes.some((c) => c.field === 'revisionReason'))).toBe(true);
    });
  });

  describe('what a rep sees of a plan that includes them', () => {
    it('shows the rep their own line only, and the head of another department nothing', async () => {
      year += 1;
      const plan = await createPlan(director, { year });
      const tree = await decompose(director, plan);
      const res = await managerA.request('GET', `/api/plans/${plan.id}/lines`);
      expect(res.status).toBe(200);
      expect(res.body.plan.access).toBe('partial');
      expect(res.body.lines.map((l: any) => l.label)).toEqual(['Anna Manager']);
      const heads = await otherHead.request('GET', `/api/plans/${plan.id}/lines`);
      expect(heads.body.lines.map((l: any) => l.label)).toEqual(['Sales Regions', 'Oleg Othermanager']);
      expect(tree.lines.length).toBeGreaterThan(heads.body.lines.length);
      expectError(await managerA.request('GET', `/api/plans/${plan.id}/seasonality-history`), 403);
    });
  });
});
