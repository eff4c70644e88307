import {
  CreateSavedViewRequest,
  IdParams,
  Ok,
  pageOf,
  SavedView,
  SavedViewsQuery,
  UpdateSavedViewRequest,
} from '@pulse/contracts';
import { sessionRoute } from '../../http/route.ts';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from './saved-views.service.ts';

export const savedViewRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/views',
    tag: 'views',
    summary: 'Your saved list views and those shared in the organisation, by name',
    query: SavedViewsQuery,
    response: pageOf(SavedView),
    handler: ({ query }, ctx) => listSavedViews(ctx, query),
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/views',
    tag: 'views',
    summary: 'Save a list view (filters, sort, columns); shared views are seen by everyone',
    body: CreateSavedViewRequest,
    response: SavedView,
    status: 201,
    handler: ({ body }, ctx) => createSavedView(ctx, body),
  }),
  sessionRoute({
    method: 'PATCH',
    url: '/api/views/:id',
    tag: 'views',
    summary: 'Rename, restate or share one of your views',
    params: IdParams,
    body: UpdateSavedViewRequest,
    response: SavedView,
    errors: [403, 404],
    handler: ({ params, body }, ctx) => updateSavedView(ctx, params.id, body),
  }),
  sessionRoute({
    method: 'DELETE',
    url: '/api/views/:id',
    tag: 'views',
    summary: 'Delete one of your views',
    params: IdParams,
    response: Ok,
    errors: [403, 404],
    handler: async ({ params }, ctx) => {
      await deleteSavedView(ctx, params.id);
      return { ok: true as const };
    },
  }),
];
