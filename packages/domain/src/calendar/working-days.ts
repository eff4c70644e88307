import { dayNumber, dayString } from './calendar-day.ts';
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
  // times per request. Kept per calendar like the counts below; each caller gets its own copy.
  let lists = workingDayLists.get(calendar);
  if (!lists) {
    lists = new Map();
    workingDayLists.set(calendar, lists);
  }
  const key = `${from}|${to}`;
  const known = lists.get(key);
  if (known) return [...known];
  const { first, last } = rangeOf(from, to);
  const days: string[] = [];
  for (let n = first; n <= last; n++) {
    if (isWorkingDayNumber(calendar, n)) days.push(dayString(n));
  }
  if (lists.size >= MAX_LISTS_PER_CALENDAR) lists.clear();
  lists.set(key, days);
  return [...days];
}

const MAX_LISTS_PER_CALENDAR = 512;
const workingDayLists = new WeakMap<WorkCalendar, Map<string, readonly string[]>>();

/**
 * How many working days lie from `from` to `to`, both inclusive.
 * @throws RangeError if a day is malformed or `from` is after `to`.
 */
export function countWorkingDays(calendar: WorkCalendar, from: string, to: string): number {
  // A dashboard scales a target for every cell of every row by working days: the same few periods
  // thousands of times per request. A calendar is immutable (readonly fields, read-only sets), so
  // its counts are kept with it, per period, and die with it.
  let counts = workingDayCounts.get(calendar);
  if (!counts) {
    counts = new Map();
    workingDayCounts.set(calendar, counts);
  }
  const key = `${from}|${to}`;
  const known = counts.get(key);
  if (known !== undefined) return known;
  const { first, last } = rangeOf(from, to);
  let count = 0;
  for (let n = first; n <= last; n++) {
    if (isWorkingDayNumber(calendar, n)) count++;
  }
  if (counts.size >= MAX_COUNTS_PER_CALENDAR) counts.clear();
  counts.set(key, count);
  return count;
}

const MAX_COUNTS_PER_CALENDAR = 4096;
const workingDayCounts = new WeakMap<WorkCalendar, Map<string, number>>();
