import { withOrg } from '../../db/tenant.ts';
import type { TestOrg } from '../../test/factories.ts';
import type { Probes } from '../../test/probes.ts';
import type { TestApp } from '../../test/server.ts';
import { planProbes } from './plans.probes.ts';

// Aims at the plans probes' plan of organisation A; a goal of A is written straight into the
// database (issuing goals needs an approved plan and funnel history the probe org lacks).
const seedProbe = planProbes['GET /api/plans/:id/lines'];

async function seedOf(a: TestOrg, t: TestApp) {
  const probe = await seedProbe?.(a, t);
  const planId = probe?.secrets?.[1];
  if (!probe || !planId) throw new Error('plans probe seed missing');
  return { probe, planId };
}

const goals = new Map<string, Promise<string>>();
function goalOf(a: TestOrg, t: TestApp, planId: string): Promise<string> {
  let goal = goals.get(a.orgId);
  if (!goal) {
    goal = withOrg(t.deps.db, a.orgId, async (tx) => {
      const row = await tx
        .insertInto('plan_goals')
        .values({
          org_id: a.orgId,
          plan_id: planId,
          plan_line_id: planId,
          user_id: a.users.managerA.id,
          month_start: '2026-03-01',
          metric: 'revenue',
          target: 1,
          generated_target: 1,
          reason: null,
          achievable: true,
          achievability_limit_minor: null,
          funnel: '{}',
          generated_by: a.users.director.id,
          generated_at: new Date('2026-03-02T09:00:00Z'),
        })
        .returning('goal_id')
        .executeTakeFirstOrThrow();
      return row.goal_id;
    });
    goals.set(a.orgId, goal);
  }
  return goal;
}

/** Tenant-isolation probes for SMART goals. */
export const planGoalProbes: Probes = {
  'POST /api/plans/:id/goals': async (a, t) => {
    const { probe, planId } = await seedOf(a, t);
    return { ...probe, url: `/api/plans/${planId}/goals`, body: { month: '2026-03' } };
  },
  'GET /api/plan-goals': async (a, t) => {
    const { probe, planId } = await seedOf(a, t);
    const goalId = await goalOf(a, t, planId);
    return { url: `/api/plan-goals?planId=${planId}`, expect: 'no_leak', secrets: [...(probe.secrets ?? []), goalId] };
  },
  'PATCH /api/plan-goals/:id': async (a, t) => {
    const { probe, planId } = await seedOf(a, t);
    const goalId = await goalOf(a, t, planId);
    return {
      url: `/api/plan-goals/${goalId}`,
      body: { target: 2, reason: 'Stolen' },
      expect: 'not_found',
      secrets: [...(probe.secrets ?? []), goalId],
    };
  },
  'GET /api/my-goals': async (a, t) => {
    const { probe, planId } = await seedOf(a, t);
    const goalId = await goalOf(a, t, planId);
    return { url: '/api/my-goals', expect: 'no_leak', secrets: [...(probe.secrets ?? []), goalId] };
  },
};
