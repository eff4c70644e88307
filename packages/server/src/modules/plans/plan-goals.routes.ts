import {
  AdjustPlanGoalRequest,
  GeneratePlanGoalsRequest,
  IdParams,
  MyGoals,
  PlanGoal,
  PlanGoalList,
  PlanGoalsQuery,
} from '@pulse/contracts';
import { sessionRoute } from '../../http/route.ts';
import { underPlanRules } from './plan-context.ts';
import { adjustPlanGoal, generatePlanGoals, getMyGoals, listPlanGoals } from './plan-goals.service.ts';

export const planGoalRoutes = [
  sessionRoute({
    method: 'POST',
    url: '/api/plans/:id/goals',
    tag: 'plans',
    summary:
      "Issue SMART goals for a month of an approved plan to every rep: revenue, deals, opportunities, meetings and calls per working day (a head's adjusted target is kept)",
    params: IdParams,
    body: GeneratePlanGoalsRequest,
    response: PlanGoalList,
    errors: [403, 404, 422],
    handler: ({ params, body }, ctx) => underPlanRules(() => generatePlanGoals(ctx, params.id, body.month)),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/plan-goals',
    tag: 'plans',
    summary: 'Goals you see (yours; a head, those of their subtree), by plan, month and person',
    query: PlanGoalsQuery,
    response: PlanGoalList,
    handler: ({ query }, ctx) => listPlanGoals(ctx, query),
  }),
  sessionRoute({
    method: 'PATCH',
    url: '/api/plan-goals/:id',
    tag: 'plans',
    summary: "Adjust a goal's target with the reason (head of sales, commercial director, administrator; audited)",
    params: IdParams,
    body: AdjustPlanGoalRequest,
    response: PlanGoal,
    errors: [403, 404],
    handler: ({ params, body }, ctx) => adjustPlanGoal(ctx, params.id, body),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/my-goals',
    tag: 'plans',
    summary: 'Your goals for the current month with the fact so far',
    response: MyGoals,
    handler: (_input, ctx) => getMyGoals(ctx),
  }),
];
