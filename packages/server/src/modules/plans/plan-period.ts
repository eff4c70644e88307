import { PlanError } from '@pulse/domain';

// A plan's period is whole months, at most twelve: seasonality has a coefficient per calendar
// month, so a longer period would count some month twice. A calendar year is the default.

/** Longest period a plan covers, in months. */
export const MAX_PERIOD_MONTHS = 12;

/** A plan period: first day of its first month, last day of its last month, and its months. */
export interface Period {
  start: string;
  end: string;
  /** 'YYYY-MM', in order. */
  months: string[];
}

/** The period a request names: a calendar year, or a start and end day. */
export function periodOf(input: { year?: number; periodStart?: string; periodEnd?: string }): Period {
  if (input.year !== undefined) return checkedPeriod(`${pad(input.year, 4)}-01-01`, `${pad(input.year, 4)}-12-31`);
  return checkedPeriod(input.periodStart ?? '', input.periodEnd ?? '');
}

/**
 * Checks a period read back or typed: whole months, forwards, at most twelve.
 * @throws PlanError `invalid_period`, naming the field.
 */
export function checkedPeriod(start: string, end: string): Period {
  if (start.slice(8) !== '01') {
    throw new PlanError('invalid_period', `A plan starts on the first day of a month, not ${start}`, {
      field: 'periodStart',
    });
  }
  if (end !== lastDayOf(end.slice(0, 7))) {
    throw new PlanError('invalid_period', `A plan ends on the last day of a month, not ${end}`, { field: 'periodEnd' });
  }
  const months = monthsBetween(start.slice(0, 7), end.slice(0, 7));
  if (months.length === 0 || months.length > MAX_PERIOD_MONTHS) {
    throw new PlanError(
      'invalid_period',
      `A plan covers 1 to ${MAX_PERIOD_MONTHS} whole months; ${start}…${end} covers ${months.length}`,
      { field: 'periodEnd' },
    );
  }
  return { start, end, months };
}

/** The same months one year earlier: what "last year's fact" is read over. */
export function yearBefore(period: Period): { from: string; to: string } {
  const back = (month: string) => `${pad(Number(month.slice(0, 4)) - 1, 4)}${month.slice(4, 7)}`;
  return { from: `${back(period.start.slice(0, 7))}-01`, to: lastDayOf(back(period.end.slice(0, 7))) };
}

/** The first day of the month `count` months after (negative: before) `month`. */
export function monthStartAfter(month: string, count: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${pad(Math.floor(total / 12), 4)}-${pad((total % 12) + 1, 2)}-01`;
}

export function lastDayOf(month: string): string {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  return `${month}-${pad(date.getUTCDate(), 2)}`;
}

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let day = `${from}-01`; day.slice(0, 7) <= to && months.length <= MAX_PERIOD_MONTHS; ) {
    months.push(day.slice(0, 7));
    day = monthStartAfter(day.slice(0, 7), 1);
  }
  return months;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
