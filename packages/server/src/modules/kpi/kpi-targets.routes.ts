import {
  CreateKpiTargetRequest,
  DeleteKpiTargetQuery,
  IdParams,
  KpiCatalog,
  KpiTarget,
  KpiTargetPage,
  KpiTargetsFromGoalsRequest,
  KpiTargetsFromGoalsResult,
  KpiTargetsQuery,
  Ok,
  UpdateKpiTargetRequest,
} from '@pulse/contracts';
import { sessionRoute } from '../../http/route.ts';
import { targetsFromGoals } from './kpi-targets.from-goals.ts';
import { createTarget, deleteTarget, getCatalog, listTargets, updateTarget } from './kpi-targets.service.ts';

// The KPI catalog and KPI targets with red / amber / green thresholds. Bad figures, spans or
// subjects are a 422 naming each field in details[].path with the reason in details[].message.

export const kpiTargetRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/kpi/catalog',
    tag: 'kpi',
    summary: 'The KPI catalog: unit, direction, and whether a KPI takes a target (per day)',
    response: KpiCatalog,
    handler: async () => getCatalog(),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/kpi/targets',
    tag: 'kpi',
    summary: "KPI targets within the caller's scope, latest span first",
    query: KpiTargetsQuery,
    response: KpiTargetPage,
    errors: [422],
    handler: ({ query }, ctx) => listTargets(ctx, query),
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/kpi/targets',
    tag: 'kpi',
    summary: 'Set a target for a rep or a unit (head of sales for their subtree, director, administrator)',
    body: CreateKpiTargetRequest,
    response: KpiTarget,
    status: 201,
    errors: [403, 409, 422],
    handler: ({ body }, ctx) => createTarget(ctx, body),
  }),
  sessionRoute({
    method: 'PATCH',
    url: '/api/kpi/targets/:id',
    tag: 'kpi',
    summary: 'Edit a target read at `version`; a target taken from a goal becomes manual',
    params: IdParams,
    body: UpdateKpiTargetRequest,
    response: KpiTarget,
    errors: [403, 404, 409, 422],
    handler: ({ params, body }, ctx) => updateTarget(ctx, params.id, body),
  }),
  sessionRoute({
    method: 'DELETE',
    url: '/api/kpi/targets/:id',
    tag: 'kpi',
    summary: 'Delete a target (at `?version=`, when given)',
    params: IdParams,
    query: DeleteKpiTargetQuery,
    response: Ok,
    errors: [403, 404, 409],
    handler: async ({ params, query }, ctx) => {
      await deleteTarget(ctx, params.id, query.version);
      return { ok: true as const };
    },
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/kpi/targets/from-goals',
    tag: 'kpi',
    summary: "Targets from a month's SMART goals for the reps in scope; again replaces the month's goal targets",
    body: KpiTargetsFromGoalsRequest,
    response: KpiTargetsFromGoalsResult,
    errors: [403, 422],
    handler: ({ body }, ctx) => targetsFromGoals(ctx, body),
  }),
];
