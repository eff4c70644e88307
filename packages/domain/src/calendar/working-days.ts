import { dayNumber, dayString } from './calendar-day.ts';
import { perCalendar } from './calendar-memo.ts';
import { isWorkingDayNumber } from './is-working-day.ts';
import type { WorkCalendar } from './work-calendar.ts';

function rangeOf(from: string, to: string): { first: number; last: number } {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (first > last) {
    throw new RangeError(`Invalid range: from ${from} is after to ${to}`);
  }
  return { first, last };
}

/**
 * The working days from `from` to `to`, both inclusive, in order.
 * @throws RangeError if a day is malformed or `from` is after `to`.
 */
export function listWorkingDays(calendar: WorkCalendar, from: string, to: string): string[] {
  // Plan progress splits the current month of every line of a plan: the same month hundreds of
  // times per request. Kept with the calendar like the counts below; each caller gets its own copy.
  return [
    ...workingDayLists(calendar, `${from}|${to}`, () => {
      const { first, last } = rangeOf(from, to);
      const days: string[] = [];
      for (let n = first; n <= last; n++) {
        if (isWorkingDayNumber(calendar, n)) days.push(dayString(n));
      }
      return days;
    }),
  ];
}

const workingDayLists = perCalendar<string, readonly string[]>(512);

/**
 * How many working days lie from `from` to `to`, both inclusive.
 * @throws RangeError if a day is malformed or `from` is after `to`.
 */
export function countWorkingDays(calendar: WorkCalendar, from: string, to: string): number {
  // A dashboard scales a target for every cell of every row by working days: the same few periods
  // thousands of times per request, so the counts are kept with the calendar.
  return workingDayCounts(calendar, `${from}|${to}`, () => {
    const { first, last } = rangeOf(from, to);
    let count = 0;
    for (let n = first; n <= last; n++) {
      if (isWorkingDayNumber(calendar, n)) count++;
    }
    return count;
  });
}

const workingDayCounts = perCalendar<string, number>(4096);
