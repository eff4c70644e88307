import { makeWorkCalendar } from './make-work-calendar.ts';
import { RUSSIAN_CALENDAR_YEARS, russianProductionCalendar } from './russian-production-calendar.ts';
import { DEFAULT_BUSINESS_HOURS, FIVE_DAY_WEEK, type WorkCalendar } from './work-calendar.ts';

/**
 * A Moscow-time, Monday–Friday, 09:00–18:00 work calendar with the official Russian
 * holidays, transferred days and short days of the given years merged in.
 * @throws RangeError for a year without official data.
 */
export function russianWorkCalendar(years: readonly number[] = RUSSIAN_CALENDAR_YEARS): WorkCalendar {
  const holidays: string[] = [];
  const workingDays: string[] = [];
  const shortDays: string[] = [];
  for (const year of years) {
    const data = russianProductionCalendar(year);
    if (data === undefined) {
      throw new RangeError(
        `No Russian production calendar for ${year}: available years are ${RUSSIAN_CALENDAR_YEARS.join(', ')}`,
      );
    }
    holidays.push(...data.holidays.map((entry) => entry.day));
    workingDays.push(...data.workingDays.map((entry) => entry.day));
    shortDays.push(...data.shortDays);
  }
  return makeWorkCalendar({
    timeZone: 'Europe/Moscow',
    workWeek: FIVE_DAY_WEEK,
    businessHours: DEFAULT_BUSINESS_HOURS,
    holidays,
    workingDays,
    shortDays,
  });
}
