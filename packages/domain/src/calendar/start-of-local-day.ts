import { TZDate } from '@date-fns/tz';
import { civilDate, dayNumber } from './calendar-day.ts';

/**
 * The instant a local day 'YYYY-MM-DD' begins in a time zone: what PostgreSQL's
 * `day::date::timestamp AT TIME ZONE zone` gives. Where midnight falls in a DST gap
 * (America/Santiago in September) the day begins at the first instant after the gap, as there.
 * @throws RangeError for an unknown time zone.
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const { year, monthIndex, date } = civilDate(dayNumber(day));
  const time = new TZDate(year, monthIndex, date, timeZone).getTime();
  if (Number.isNaN(time)) throw new RangeError(`Unknown time zone "${timeZone}"`);
  return new Date(time);
}
