import { dayNumber } from './calendar-day.ts';
import { localDay } from './local-day.ts';
import { shiftWindow } from './shift-window.ts';
import type { WorkCalendar } from './work-calendar.ts';

/**
 * Whether an instant falls inside a shift of the calendar, read in the calendar's zone.
 *
 * Shifts are half-open: 09:00 is inside a 09:00–18:00 shift, 18:00 is not. A shift that
 * crosses midnight belongs to the day it starts on, so Saturday 03:00 is inside Friday's
 * 22:00–06:00 shift when Friday is a working day, whatever Saturday is. On a short day
 * the shift ends an hour earlier.
 * @throws RangeError for an invalid Date or an unknown time zone.
 */
export function isInBusinessHours(calendar: WorkCalendar, instant: Date): boolean {
  const time = instant.getTime();
  const today = dayNumber(localDay(instant, calendar.timeZone));
  // A shift lasts at most one wall-clock day, so only today's and yesterday's can reach now.
  for (const dayNum of [today - 1, today]) {
    const shift = shiftWindow(calendar, dayNum);
    if (shift !== undefined && shift.start <= time && time < shift.end) return true;
  }
  return false;
}
