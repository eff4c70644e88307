import { CreateSaleRequest, IdParams, Ok, pageOf, Sale, SalesQuery } from '@pulse/contracts';
import { sessionRoute } from '../../http/route.ts';
import { createSale, deleteSale, listSales } from './sales.service.ts';

export const saleRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/sales',
    tag: 'sales',
    summary: 'Sales lines in your scope by day, filtered, a page at a time',
    query: SalesQuery,
    response: pageOf(Sale),
    handler: ({ query }, ctx) => listSales(ctx, query),
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/sales',
    tag: 'sales',
    summary: 'Record a sales line made outside deals; externalRef is unique in the organisation',
    body: CreateSaleRequest,
    response: Sale,
    status: 201,
    errors: [403, 409, 422],
    handler: ({ body }, ctx) => createSale(ctx, body),
  }),
  sessionRoute({
    method: 'DELETE',
    url: '/api/sales/:id',
    tag: 'sales',
    summary: 'Delete a sales line entered directly (a won deal’s lines go when the deal is reopened)',
    params: IdParams,
    response: Ok,
    errors: [403, 404, 409],
    handler: async ({ params }, ctx) => {
      await deleteSale(ctx, params.id);
      return { ok: true as const };
    },
  }),
];
