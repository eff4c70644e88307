// The public surface of the calendar module; internal helpers (day numbers, shift windows)
// stay unexported so they can change freely.
export { businessTimeBetween } from './business-time-between.ts';
export { perCalendar } from './calendar-memo.ts';
export { isInBusinessHours } from './is-in-business-hours.ts';
export { isWorkingDay } from './is-working-day.ts';
export { localDay } from './local-day.ts';
export { makeWorkCalendar, type WorkCalendarInput } from './make-work-calendar.ts';
export {
  type NamedDay,
  RUSSIAN_CALENDAR_YEARS,
  type RussianProductionYear,
  russianProductionCalendar,
} from './russian-production-calendar.ts';
export { russianWorkCalendar } from './russian-work-calendar.ts';
export { startOfLocalDay } from './start-of-local-day.ts';
export {
  type BusinessHours,
  DEFAULT_BUSINESS_HOURS,
  FIVE_DAY_WEEK,
  type WorkCalendar,
} from './work-calendar.ts';
export { countWorkingDays, listWorkingDays } from './working-days.ts';
