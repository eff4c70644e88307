import {
  DailyControlFlagsQuery,
  LiveKpis,
  LiveKpisQuery,
  RedFlags,
  RepCard,
  RepCardParams,
  RepCardQuery,
} from '@pulse/contracts';
import { sessionRoute } from '../../http/route.ts';
import { getLiveKpis } from './live-kpis.service.ts';
import { getRedFlags } from './red-flags.service.ts';
import { getRepCard } from './rep-card.service.ts';

// Daily control for the head's dashboard: today's red flags, and the KPIs computed live for a
// period. Scope as everywhere: a head their subtree, organisation-wide roles everyone, line staff
// themselves; `unitId` narrows to a unit inside that reach (anything else is 404).

export const dailyControlRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/daily-control/flags',
    tag: 'daily-control',
    summary:
      'Red flags that need attention today: no calls by the set hour, overdue tasks beyond the limit, rotting deals, leads waiting beyond the response target, a forecast below the pessimistic plan',
    query: DailyControlFlagsQuery,
    response: RedFlags,
    errors: [404],
    handler: ({ query }, ctx) => getRedFlags(ctx, query),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/daily-control/live-kpis',
    tag: 'daily-control',
    summary: 'Stage-to-stage conversion and pipeline coverage of the remaining plan, per rep, for a period',
    query: LiveKpisQuery,
    response: LiveKpis,
    errors: [404, 422],
    handler: ({ query }, ctx) => getLiveKpis(ctx, query),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/daily-control/reps/:userId/card',
    tag: 'daily-control',
    summary:
      "A rep's card for a period: KPIs over time beside the team's median, the funnel beside the team's, targets, strengths and weaknesses",
    params: RepCardParams,
    query: RepCardQuery,
    response: RepCard,
    errors: [404, 422],
    handler: ({ params, query }, ctx) => getRepCard(ctx, params.userId, query),
  }),
];
