import {
  CalendarDay,
  CalendarDayParams,
  CalendarDaysQuery,
  CalendarSettings,
  CalendarSummary,
  CalendarSummaryQuery,
  Ok,
  PutCalendarDayRequest,
  ResetCalendarRequest,
  UpdateCalendarSettingsRequest,
} from '@pulse/contracts';
import { z } from 'zod';
import { sessionRoute } from '../../http/route.ts';
import { getCalendarSettings } from './calendar.queries.ts';
import {
  deleteCalendarDay,
  findDaysOfYear,
  putCalendarDay,
  resetYear,
  summarise,
  updateCalendarSettings,
} from './calendar.service.ts';

const Days = z.object({ items: z.array(CalendarDay) });

export const calendarRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/calendar',
    tag: 'calendar',
    summary: 'The work calendar: time zone, working week, business hours',
    response: CalendarSettings,
    handler: (_input, { tx, actor }) => getCalendarSettings(tx, actor.orgId),
  }),
  sessionRoute({
    method: 'PUT',
    url: '/api/calendar',
    tag: 'calendar',
    summary: 'Change the work calendar settings (administrator)',
    body: UpdateCalendarSettingsRequest,
    response: CalendarSettings,
    errors: [403],
    handler: ({ body }, ctx) => updateCalendarSettings(ctx, body),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/calendar/days',
    tag: 'calendar',
    summary: "A year's holidays, transferred working days and short days",
    query: CalendarDaysQuery,
    response: Days,
    handler: async ({ query }, ctx) => ({ items: await findDaysOfYear(ctx, query.year) }),
  }),
  sessionRoute({
    method: 'PUT',
    url: '/api/calendar/days/:day',
    tag: 'calendar',
    summary: 'Mark a day (administrator)',
    params: CalendarDayParams,
    body: PutCalendarDayRequest,
    response: CalendarDay,
    errors: [403],
    handler: ({ params, body }, ctx) => putCalendarDay(ctx, params.day, body),
  }),
  sessionRoute({
    method: 'DELETE',
    url: '/api/calendar/days/:day',
    tag: 'calendar',
    summary: 'Clear a day back to the working week (administrator)',
    params: CalendarDayParams,
    response: Ok,
    errors: [403, 404],
    handler: async ({ params }, ctx) => {
      await deleteCalendarDay(ctx, params.day);
      return { ok: true as const };
    },
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/calendar/reset',
    tag: 'calendar',
    summary: 'Restore a year to the Russian production calendar (administrator)',
    body: ResetCalendarRequest,
    response: Days,
    errors: [403, 422],
    handler: async ({ body }, ctx) => ({ items: await resetYear(ctx, body.year) }),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/calendar/summary',
    tag: 'calendar',
    summary: 'Working days in a range, in total and per month',
    query: CalendarSummaryQuery,
    response: CalendarSummary,
    errors: [422],
    handler: ({ query }, ctx) => summarise(ctx, query.from, query.to),
  }),
];
