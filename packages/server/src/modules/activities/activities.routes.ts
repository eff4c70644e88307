import {
  ActivitiesQuery,
  Activity,
  CreateActivityRequest,
  IdParams,
  Ok,
  pageOf,
  UpdateActivityRequest,
} from '@pulse/contracts';
import type { AnyRoute } from '../../http/route.ts';
import { sessionRoute } from '../../http/route.ts';
import {
  createActivity,
  deleteActivity,
  getVisibleActivity,
  listActivities,
  updateActivity,
} from './activities.service.ts';
import { myDayRoutes } from './my-day.routes.ts';
import { savedViewRoutes } from './saved-views.routes.ts';
import { taskRoutes } from './tasks.routes.ts';

const activityOnlyRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/activities',
    tag: 'activities',
    summary: 'Calls, meetings, e-mails and notes in your scope (by performer), newest first unless sorted',
    query: ActivitiesQuery,
    response: pageOf(Activity),
    handler: ({ query }, ctx) => listActivities(ctx, query),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/activities/:id',
    tag: 'activities',
    summary: 'One activity',
    params: IdParams,
    response: Activity,
    errors: [404],
    handler: ({ params }, ctx) => getVisibleActivity(ctx, params.id),
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/activities',
    tag: 'activities',
    summary:
      'Log a call, meeting, e-mail or note; a completed call or meeting on an open deal or lead names its next step',
    body: CreateActivityRequest,
    response: Activity,
    status: 201,
    errors: [403, 404, 422],
    handler: ({ body }, ctx) => createActivity(ctx, body),
  }),
  sessionRoute({
    method: 'PATCH',
    url: '/api/activities/:id',
    tag: 'activities',
    summary: 'Edit an activity or complete a planned one (send the version you read)',
    params: IdParams,
    body: UpdateActivityRequest,
    response: Activity,
    errors: [403, 404, 409, 422],
    handler: ({ params, body }, ctx) => updateActivity(ctx, params.id, body),
  }),
  sessionRoute({
    method: 'DELETE',
    url: '/api/activities/:id',
    tag: 'activities',
    summary: 'Delete a note or a planned meeting (anything that happened is history: 409)',
    params: IdParams,
    response: Ok,
    errors: [403, 404, 409],
    handler: async ({ params }, ctx) => {
      await deleteActivity(ctx, params.id);
      return { ok: true as const };
    },
  }),
];

/** Activities, tasks, "My day" and saved list views. */
export const activityRoutes: AnyRoute[] = [...activityOnlyRoutes, ...taskRoutes, ...myDayRoutes, ...savedViewRoutes];
