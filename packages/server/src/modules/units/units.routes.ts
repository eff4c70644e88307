import { CreateUnitRequest, IdParams, Ok, Unit, UpdateUnitRequest } from '@pulse/contracts';
import { z } from 'zod';
import { sessionRoute } from '../../http/route.ts';
import { createUnit, deleteUnit, findVisibleUnits, getVisibleUnit, updateUnit } from './units.service.ts';

export const unitRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/units',
    tag: 'structure',
    summary: 'Departments and teams in your scope (a flat list; parentId links the tree)',
    response: z.object({ items: z.array(Unit) }),
    handler: async (_input, ctx) => ({ items: await findVisibleUnits(ctx) }),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/units/:id',
    tag: 'structure',
    summary: 'One unit',
    params: IdParams,
    response: Unit,
    errors: [404],
    handler: ({ params }, ctx) => getVisibleUnit(ctx, params.id),
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/units',
    tag: 'structure',
    summary: 'Create a unit (administrator)',
    body: CreateUnitRequest,
    response: Unit,
    status: 201,
    errors: [403, 422],
    handler: ({ body }, ctx) => createUnit(ctx, body),
  }),
  sessionRoute({
    method: 'PATCH',
    url: '/api/units/:id',
    tag: 'structure',
    summary: 'Rename, move or change the head of a unit (administrator)',
    params: IdParams,
    body: UpdateUnitRequest,
    response: Unit,
    errors: [403, 404, 422],
    handler: ({ params, body }, ctx) => updateUnit(ctx, params.id, body),
  }),
  sessionRoute({
    method: 'DELETE',
    url: '/api/units/:id',
    tag: 'structure',
    summary: 'Delete an empty unit (administrator)',
    params: IdParams,
    response: Ok,
    errors: [403, 404, 409],
    handler: async ({ params }, ctx) => {
      await deleteUnit(ctx, params.id);
      return { ok: true as const };
    },
  }),
];
