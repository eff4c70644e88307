import { dayNumber, dayString, isoWeekday } from './calendar-day.ts';
import type { WorkCalendar } from './work-calendar.ts';

/**
 * Whether a day number is a working day; the unchecked core of {@link isWorkingDay},
 * for loops that already hold valid day numbers.
 */
export function isWorkingDayNumber(calendar: WorkCalendar, dayNum: number): boolean {
  const day = dayString(dayNum);
  // A day in both sets is a contradiction makeWorkCalendar refuses; for hand-built
  // calendars the holiday wins, so nobody is ever counted as working on a public holiday.
  if (calendar.holidays.has(day)) return false;
  if (calendar.workingDays.has(day)) return true;
  return calendar.workWeek.includes(isoWeekday(dayNum));
}

/**
 * Whether `day` ('YYYY-MM-DD', in the calendar's zone) is a working day.
 *
 * Explicit days beat the weekly pattern: a transferred working Saturday works even
 * though Saturday is not in the work week, and a holiday rests even on a Monday.
 * @throws RangeError if `day` is malformed.
 */
export function isWorkingDay(calendar: WorkCalendar, day: string): boolean {
  return isWorkingDayNumber(calendar, dayNumber(day));
}
