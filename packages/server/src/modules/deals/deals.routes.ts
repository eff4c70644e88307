import type { AnyRoute } from '../../http/route.ts';
import { dealRecordRoutes } from './deal-records.routes.ts';
import { pipelineRoutes } from './pipelines.routes.ts';
import { productRoutes } from './products.routes.ts';
import { referenceListRoutes } from './reference-lists.routes.ts';
import { saleRoutes } from './sales.routes.ts';

/** Products, pipelines and their lists, deals with the board, and sales lines. */
export const dealRoutes: AnyRoute[] = [
  ...productRoutes,
  ...pipelineRoutes,
  ...referenceListRoutes,
  ...dealRecordRoutes,
  ...saleRoutes,
];
