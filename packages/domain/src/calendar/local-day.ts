import { TZDate } from '@date-fns/tz';
import { formatDay } from './calendar-day.ts';

/**
 * The 'YYYY-MM-DD' an instant falls on in a time zone: 2026-01-01T20:00Z is already
 * 2026-01-02 in Asia/Vladivostok but still 2026-01-01 in Europe/Moscow.
 * @throws RangeError for an invalid Date or an unknown time zone.
 */
export function localDay(instant: Date, timeZone: string): string {
  const time = instant.getTime();
  if (Number.isNaN(time)) {
    throw new RangeError('Invalid instant: the Date is not a valid time');
  }
  const zoned = new TZDate(time, timeZone);
  const year = zoned.getFullYear();
  // TZDate does not throw on an unknown zone; it quietly yields NaN fields.
  if (Number.isNaN(year)) {
    throw new RangeError(`Unknown time zone "${timeZone}"`);
  }
  return formatDay(year, zoned.getMonth(), zoned.getDate());
}
