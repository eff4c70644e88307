import { IdParams, PlanProgress, PlanProgressDaily, PlanProgressDailyQuery, PlanProgressQuery } from '@pulse/contracts';
import { sessionRoute } from '../../http/route.ts';
import { underPlanRules } from './plan-context.ts';
import { getPlanProgress, getPlanProgressDaily } from './plan-progress.service.ts';

// Plan versus fact. Who sees a plan sees its progress: in full, or (a plan that includes them)
// their part of the structure. To list what a figure counts, each rep and channel line carries
// GET /api/sales and GET /api/deals query strings; a unit line is the sum of its reps' lines.

export const planProgressRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/plans/:id/progress',
    tag: 'plans',
    summary:
      'Plan versus fact of every line on a day: plan and fact to date, attainment, run-rate and pipeline forecasts and the scenario each lands in',
    params: IdParams,
    query: PlanProgressQuery,
    response: PlanProgress,
    errors: [404],
    handler: ({ params, query }, ctx) => underPlanRules(() => getPlanProgress(ctx, params.id, query.date)),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/plans/:id/progress/daily',
    tag: 'plans',
    summary: "One line's cumulative plan (three scenarios) and fact, day by day, for a chart",
    params: IdParams,
    query: PlanProgressDailyQuery,
    response: PlanProgressDaily,
    errors: [404],
    handler: ({ params, query }, ctx) => underPlanRules(() => getPlanProgressDaily(ctx, params.id, query.lineId)),
  }),
];
