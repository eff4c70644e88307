import { dayNumber } from './calendar-day.ts';
import { localDay } from './local-day.ts';
import { shiftWindow } from './shift-window.ts';
import type { WorkCalendar } from './work-calendar.ts';

/**
 * Milliseconds of business time between two instants: the overlap of [from, to) with the
 * calendar's shifts. 0 when `to <= from`.
 *
 * Works one day at a time (never minute by minute), so multi-year ranges stay cheap.
 * Shifts are turned into instants by the zone rules, so a night shift across a DST
 * change counts the hour the clocks skipped or repeated as it really elapsed.
 * @throws RangeError for an invalid Date or an unknown time zone.
 */
export function businessTimeBetween(calendar: WorkCalendar, from: Date, to: Date): number {
  const start = from.getTime();
  const end = to.getTime();
  if (Number.isNaN(start) || Number.isNaN(end)) {
    throw new RangeError('Invalid instant: the Date is not a valid time');
  }
  if (end <= start) return 0;
  // Yesterday's shift may cross midnight into the first day of the range.
  const firstDay = dayNumber(localDay(from, calendar.timeZone)) - 1;
  const lastDay = dayNumber(localDay(to, calendar.timeZone));
  let total = 0;
  for (let dayNum = firstDay; dayNum <= lastDay; dayNum++) {
    const shift = shiftWindow(calendar, dayNum);
    if (shift === undefined) continue;
    const overlap = Math.min(shift.end, end) - Math.max(shift.start, start);
    if (overlap > 0) total += overlap;
  }
  return total;
}
