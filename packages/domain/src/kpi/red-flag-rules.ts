// The predicates behind the dashboard's red flags: what needs the head's attention today. Each is
// a pure rule with the current instant passed in; the server supplies the counts and dates.

import { TZDate } from '@date-fns/tz';
import { businessTimeBetween } from '../calendar/business-time-between.ts';
import { clockMinutes } from '../calendar/clock-time.ts';
import { isWorkingDay } from '../calendar/is-working-day.ts';
import { localDay } from '../calendar/local-day.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Input of {@link noCallsByHour}. */
export interface NoCallsByHourInput {
  now: Date;
  /** Calls the rep has made today so far. */
  callsToday: number;
  /** The local time, 'HH:MM', by which the first call is expected. */
  expectedBy: string;
  calendar: WorkCalendar;
  /** The zone the rep's day is read in; the calendar's zone when not given. */
  timeZone?: string;
}

/**
 * No calls by a set hour: true only on a working day of the calendar, from the expected local
 * time on (at 11:00 sharp "by 11:00" has passed), while the rep has made no call today.
 * @throws RangeError for an invalid instant, zone or time, or a call count that is not whole.
 */
export function noCallsByHour(input: NoCallsByHourInput): boolean {
  checkCount(input.callsToday, 'callsToday');
  const expectedMinutes = clockMinutes(input.expectedBy);
  const timeZone = input.timeZone ?? input.calendar.timeZone;
  const day = localDay(input.now, timeZone);
  if (!isWorkingDay(input.calendar, day)) return false;
  const local = new TZDate(input.now.getTime(), timeZone);
  const minutesNow = local.getHours() * 60 + local.getMinutes();
  return minutesNow >= expectedMinutes && input.callsToday === 0;
}

/**
 * Overdue tasks beyond a limit: strictly more than the limit (a limit of 3 tolerates 3).
 * @throws RangeError for a count or limit that is not a whole number 0 or more.
 */
export function overdueBeyondLimit(count: number, limit: number): boolean {
  return checkCount(count, 'count') > checkCount(limit, 'limit');
}

/** Input of {@link dealRotting}. */
export interface DealRottingInput {
  stageEnteredAt: Date;
  /** The stage's rotting limit in calendar days; null when the stage never rots. */
  rottingDays: number | null;
  now: Date;
}

/**
 * A deal is rotting once it has sat in its stage for more than the stage's limit, counted in
 * calendar days of 24 hours (weekends and holidays included: a client waits through them too).
 * A stage without a limit never rots.
 * @throws RangeError for an invalid instant or a limit that is not a whole number 0 or more.
 */
export function dealRotting(input: DealRottingInput): boolean {
  if (input.rottingDays === null) return false;
  checkCount(input.rottingDays, 'rottingDays');
  const elapsed = checkInstant(input.now, 'now') - checkInstant(input.stageEnteredAt, 'stageEnteredAt');
  return elapsed > input.rottingDays * MS_PER_DAY;
}

/** Input of {@link leadWaitingTooLong}. */
export interface LeadWaitingInput {
  arrivedAt: Date;
  now: Date;
  /** The response target in business minutes. */
  targetMinutes: number;
  calendar: WorkCalendar;
}

/**
 * A lead waits too long once the business time since it arrived (the calendar's working hours
 * only: nights, weekends and public holidays do not count) is more than the response target.
 * @throws RangeError for an invalid instant or a target that is not a whole number 0 or more.
 */
export function leadWaitingTooLong(input: LeadWaitingInput): boolean {
  checkCount(input.targetMinutes, 'targetMinutes');
  return businessTimeBetween(input.calendar, input.arrivedAt, input.now) > input.targetMinutes * MS_PER_MINUTE;
}

/**
 * A rep's forecast for the period lands below the pessimistic scenario of their plan.
 * @throws RangeError for an amount that is not a whole number of minor units.
 */
export function forecastBelowPessimistic(forecastMinor: number, pessimisticMinor: number): boolean {
  for (const [field, value] of [
    ['forecastMinor', forecastMinor],
    ['pessimisticMinor', pessimisticMinor],
  ] as const) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Invalid ${field} ${value}: expected whole minor units`);
  }
  return forecastMinor < pessimisticMinor;
}

function checkCount(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`Invalid ${field} ${value}: expected a whole number, 0 or more`);
  }
  return value;
}

function checkInstant(at: Date, field: string): number {
  const time = at.getTime();
  if (Number.isNaN(time)) throw new RangeError(`Invalid ${field}: the Date is not a valid time`);
  return time;
}
