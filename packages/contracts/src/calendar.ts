import { z } from 'zod';
import { Day, TimeZone } from './common.ts';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour');

export const CalendarDayKind = z.enum(['holiday', 'working', 'short']);
export const CalendarSettings = z.object({
  timeZone: z.string(),
  workWeek: z.array(z.number().int().min(1).max(7)),
  businessHours: z.object({ start: ClockTime, end: ClockTime }),
  country: z.string(),
});
export type CalendarSettings = z.infer<typeof CalendarSettings>;

export const UpdateCalendarSettingsRequest = z
  .object({
    timeZone: TimeZone,
    workWeek: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'Each weekday once'),
    businessHours: z
      .object({ start: ClockTime, end: ClockTime })
      .strict()
      .refine((h) => h.start !== h.end, {
        message: 'Start and end must differ',
      }),
  })
  .partial()
  .strict();

export const CalendarDay = z.object({ day: Day, kind: CalendarDayKind, name: z.string() });
export type CalendarDay = z.infer<typeof CalendarDay>;
export const CalendarDaysQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();
/** Calendar edits are held to the years the calendar lists and resets, so each can be seen again. */
export const CalendarDayParams = z
  .object({ day: Day.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'A day from 2000 to 2100') })
  .strict();
export const PutCalendarDayRequest = z
  .object({ kind: CalendarDayKind, name: z.string().trim().max(200).default('') })
  .strict();
export const ResetCalendarRequest = z.object({ year: z.number().int().min(2000).max(2100) }).strict();

export const CalendarSummaryQuery = z.object({ from: Day, to: Day }).strict();
export const CalendarSummary = z.object({
  from: Day,
  to: Day,
  workingDays: z.number().int(),
  calendarDays: z.number().int(),
  months: z.array(z.object({ month: z.string(), workingDays: z.number().int() })),
});
