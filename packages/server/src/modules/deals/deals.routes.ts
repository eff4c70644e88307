import type { AnyRoute } from '../../http/route.ts';

export const dealRoutes: AnyRoute[] = [];
