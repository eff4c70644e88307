import {
  Competitor,
  CreateCompetitorRequest,
  CreateLostReasonRequest,
  IdParams,
  LostReason,
  Ok,
  ReferenceListQuery,
  UpdateCompetitorRequest,
  UpdateLostReasonRequest,
} from '@pulse/contracts';
import { z } from 'zod';
import { sessionRoute } from '../../http/route.ts';
import {
  createCompetitor,
  createLostReason,
  deleteCompetitor,
  deleteLostReason,
  listCompetitors,
  listLostReasons,
  updateCompetitor,
  updateLostReason,
} from './reference-lists.service.ts';

export const referenceListRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/lost-reasons',
    tag: 'pipelines',
    summary: 'Reasons a deal is lost, in order (active ones unless asked)',
    query: ReferenceListQuery,
    response: z.object({ items: z.array(LostReason) }),
    handler: async ({ query }, ctx) => ({ items: await listLostReasons(ctx, query) }),
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/lost-reasons',
    tag: 'pipelines',
    summary: 'Add a lost reason (administrator)',
    body: CreateLostReasonRequest,
    response: LostReason,
    status: 201,
    errors: [403, 409],
    handler: ({ body }, ctx) => createLostReason(ctx, body),
  }),
  sessionRoute({
    method: 'PATCH',
    url: '/api/lost-reasons/:id',
    tag: 'pipelines',
    summary: 'Rename, reorder or deactivate a lost reason (administrator)',
    params: IdParams,
    body: UpdateLostReasonRequest,
    response: LostReason,
    errors: [403, 404, 409],
    handler: ({ params, body }, ctx) => updateLostReason(ctx, params.id, body),
  }),
  sessionRoute({
    method: 'DELETE',
    url: '/api/lost-reasons/:id',
    tag: 'pipelines',
    summary: 'Delete a lost reason no deal uses; otherwise deactivate it (administrator)',
    params: IdParams,
    response: Ok,
    errors: [403, 404, 409],
    handler: async ({ params }, ctx) => {
      await deleteLostReason(ctx, params.id);
      return { ok: true as const };
    },
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/competitors',
    tag: 'pipelines',
    summary: 'Competitors deals are lost to, by name (active ones unless asked)',
    query: ReferenceListQuery,
    response: z.object({ items: z.array(Competitor) }),
    handler: async ({ query }, ctx) => ({ items: await listCompetitors(ctx, query) }),
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/competitors',
    tag: 'pipelines',
    summary: 'Add a competitor (administrator)',
    body: CreateCompetitorRequest,
    response: Competitor,
    status: 201,
    errors: [403, 409],
    handler: ({ body }, ctx) => createCompetitor(ctx, body),
  }),
  sessionRoute({
    method: 'PATCH',
    url: '/api/competitors/:id',
    tag: 'pipelines',
    summary: 'Rename or deactivate a competitor (administrator)',
    params: IdParams,
    body: UpdateCompetitorRequest,
    response: Competitor,
    errors: [403, 404, 409],
    handler: ({ params, body }, ctx) => updateCompetitor(ctx, params.id, body),
  }),
  sessionRoute({
    method: 'DELETE',
    url: '/api/competitors/:id',
    tag: 'pipelines',
    summary: 'Delete a competitor no deal names; otherwise deactivate it (administrator)',
    params: IdParams,
    response: Ok,
    errors: [403, 404, 409],
    handler: async ({ params }, ctx) => {
      await deleteCompetitor(ctx, params.id);
      return { ok: true as const };
    },
  }),
];
