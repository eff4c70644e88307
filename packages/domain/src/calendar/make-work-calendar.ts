import { dayNumber } from './calendar-day.ts';
import { clockMinutes } from './clock-time.ts';
import { type BusinessHours, DEFAULT_BUSINESS_HOURS, FIVE_DAY_WEEK, type WorkCalendar } from './work-calendar.ts';

/** Plain, serialisable input for {@link makeWorkCalendar}; omitted fields take the defaults. */
export interface WorkCalendarInput {
  /** IANA zone, e.g. 'Europe/Moscow'. */
  timeZone: string;
  /** ISO weekdays 1–7; defaults to Monday–Friday. */
  workWeek?: readonly number[];
  /** Defaults to 09:00–18:00. */
  businessHours?: BusinessHours;
  holidays?: readonly string[];
  workingDays?: readonly string[];
  shortDays?: readonly string[];
}

function checkTimeZone(timeZone: string): void {
  try {
    // Intl is the authority on which zone names this runtime knows.
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}": expected an IANA name such as 'Europe/Moscow'`);
  }
}

function checkWorkWeek(workWeek: readonly number[]): void {
  const seen = new Set<number>();
  for (const weekday of workWeek) {
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw new RangeError(`Invalid workWeek day ${weekday}: expected an ISO weekday 1 (Monday) to 7 (Sunday)`);
    }
    if (seen.has(weekday)) {
      throw new RangeError(`Invalid workWeek: weekday ${weekday} is listed twice`);
    }
    seen.add(weekday);
  }
}

function checkHours(hours: BusinessHours): void {
  for (const field of ['start', 'end'] as const) {
    try {
      clockMinutes(hours[field]);
    } catch (error) {
      throw new RangeError(`Invalid businessHours.${field}: ${(error as Error).message}`);
    }
  }
}

function daySet(field: string, days: readonly string[]): Set<string> {
  days.forEach((day, index) => {
    try {
      dayNumber(day);
    } catch (error) {
      throw new RangeError(`Invalid ${field}[${index}]: ${(error as Error).message}`);
    }
  });
  return new Set(days);
}

/**
 * Builds a {@link WorkCalendar} from plain arrays, checking everything up front so that
 * later calculations never meet a malformed value.
 * @throws RangeError naming the offending field: unknown time zone, weekday outside 1–7
 * or repeated, time not 'HH:MM', malformed day, or a day that is both a holiday and a
 * working day.
 */
export function makeWorkCalendar(input: WorkCalendarInput): WorkCalendar {
  const workWeek = [...(input.workWeek ?? FIVE_DAY_WEEK)];
  const businessHours = { ...(input.businessHours ?? DEFAULT_BUSINESS_HOURS) };
  checkTimeZone(input.timeZone);
  checkWorkWeek(workWeek);
  checkHours(businessHours);
  const holidays = daySet('holidays', input.holidays ?? []);
  const workingDays = daySet('workingDays', input.workingDays ?? []);
  const shortDays = daySet('shortDays', input.shortDays ?? []);
  for (const day of workingDays) {
    if (holidays.has(day)) {
      throw new RangeError(`Day ${day} is listed both as a holiday and as a working day`);
    }
  }
  return { timeZone: input.timeZone, workWeek, businessHours, holidays, workingDays, shortDays };
}
