import { MyDay, MyDayQuery } from '@pulse/contracts';
import { sessionRoute } from '../../http/route.ts';
import { getMyDay } from './my-day.service.ts';

export const myDayRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/my-day',
    tag: 'tasks',
    summary: 'Your day (or, with userId, the day of someone in your scope): due, overdue, to return, to move',
    query: MyDayQuery,
    response: MyDay,
    errors: [404],
    handler: ({ query }, ctx) => getMyDay(ctx, query),
  }),
];
