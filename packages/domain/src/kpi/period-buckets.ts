// Days grouped into the periods the dashboard shows. Days are 'YYYY-MM-DD' in the organisation's
// zone; weeks are ISO weeks (Monday to Sunday, numbered by the year their Thursday falls in).

import { civilDate, dayNumber, dayString, formatDay, isoWeekday } from '../calendar/calendar-day.ts';

/** The grains a target or a figure can be set or shown for. */
export type PeriodGrain = 'day' | 'week' | 'month';

/** A run of days, both ends inclusive, named by its key. */
export interface DayPeriod {
  grain: PeriodGrain;
  /** '2026-01-14' for a day, '2026-W03' for an ISO week, '2026-01' for a month. */
  key: string;
  /** First day, 'YYYY-MM-DD'. */
  from: string;
  /** Last day, 'YYYY-MM-DD', inclusive. */
  to: string;
}

/** The dashboard's three periods for one day: the day, and the week and month up to it. */
export interface DashboardPeriods {
  today: DayPeriod;
  /** From the week's Monday to the day (week to date). */
  week: DayPeriod;
  /** From the 1st of the month to the day (month to date). */
  month: DayPeriod;
}

/**
 * The whole day, ISO week or calendar month a day belongs to. An ISO week can straddle years:
 * 2025-12-29 … 2026-01-04 is 2026-W01, because its Thursday is 2026-01-01.
 * @throws RangeError for a malformed day.
 */
export function periodOf(day: string, grain: PeriodGrain): DayPeriod {
  const n = dayNumber(day);
  if (grain === 'day') return { grain, key: day, from: day, to: day };
  if (grain === 'week') {
    const monday = n - (isoWeekday(n) - 1);
    const thursday = monday + 3;
    const weekYear = civilDate(thursday).year;
    const week = Math.floor((thursday - dayNumber(formatDay(weekYear, 0, 1))) / 7) + 1;
    const key = `${String(weekYear).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
    return { grain, key, from: dayString(monday), to: dayString(monday + 6) };
  }
  const { year, monthIndex } = civilDate(n);
  const first = dayNumber(formatDay(year, monthIndex, 1));
  // Day 1 of the next month, minus one: the month's last day, whatever its length.
  const next = monthIndex === 11 ? formatDay(year + 1, 0, 1) : formatDay(year, monthIndex + 1, 1);
  return { grain, key: day.slice(0, 7), from: dayString(first), to: dayString(dayNumber(next) - 1) };
}

/**
 * Today, this week to date and this month to date, for a given day (the caller's "today" in the
 * organisation's zone, so the rule itself reads no clock).
 * @throws RangeError for a malformed day.
 */
export function dashboardPeriods(day: string): DashboardPeriods {
  const week = periodOf(day, 'week');
  const month = periodOf(day, 'month');
  return {
    today: periodOf(day, 'day'),
    week: { ...week, to: day },
    month: { ...month, to: day },
  };
}

/**
 * The periods of a grain that a run of days touches, in order, each cut to the run: a run from
 * 2026-01-30 to 2026-02-02 by month is [2026-01-30 … 2026-01-31] and [2026-02-01 … 2026-02-02].
 * @throws RangeError for a malformed day or `from` after `to`.
 */
export function splitByPeriod(from: string, to: string, grain: PeriodGrain): readonly DayPeriod[] {
  // A dashboard asks for the same few periods for every cell of every row (each KPI's target is
  // cut by its grain): the answer is a pure function of three strings, so it is kept, frozen.
  const key = `${from}|${to}|${grain}`;
  const known = splits.get(key);
  if (known) return known;
  const parts = Object.freeze(cutByPeriod(from, to, grain).map((part) => Object.freeze(part)));
  if (splits.size >= MAX_SPLITS) splits.clear();
  splits.set(key, parts);
  return parts;
}

const MAX_SPLITS = 4096;
const splits = new Map<string, readonly DayPeriod[]>();

function cutByPeriod(from: string, to: string, grain: PeriodGrain): DayPeriod[] {
  const last = dayNumber(to);
  let n = dayNumber(from);
  if (n > last) throw new RangeError(`Invalid range: from ${from} is after to ${to}`);
  const parts: DayPeriod[] = [];
  while (n <= last) {
    const whole = periodOf(dayString(n), grain);
    const end = Math.min(dayNumber(whole.to), last);
    parts.push({ ...whole, from: dayString(n), to: dayString(end) });
    n = end + 1;
  }
  return parts;
}
