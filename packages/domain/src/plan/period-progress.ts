import { countWorkingDays, type WorkCalendar } from '../calendar/index.ts';
import { PlanError } from './plan-error.ts';
import { checkDay } from './plan-month.ts';

/** How far into a period a day is, in working days. */
export interface PeriodProgress {
  /** Working days from the start of the period up to and including `asOf` (0 before it starts). */
  elapsedWorkingDays: number;
  /** Working days in the whole period. */
  totalWorkingDays: number;
}

/**
 * Working days elapsed and in all for a period, as of a day. The `asOf` day counts as elapsed:
 * the fact to date it is paired with includes that day's sales. After the period, every day is
 * elapsed.
 * @param from first day of the period, 'YYYY-MM-DD'; @param to last day, inclusive.
 * @throws PlanError `invalid_period` for malformed days or `to` before `from`.
 */
export function periodProgress(calendar: WorkCalendar, from: string, to: string, asOf: string): PeriodProgress {
  checkDay(from, 'from');
  checkDay(to, 'to');
  checkDay(asOf, 'asOf');
  if (to < from) throw new PlanError('invalid_period', `The period ends (${to}) before it starts (${from})`);
  const totalWorkingDays = countWorkingDays(calendar, from, to);
  if (asOf < from) return { elapsedWorkingDays: 0, totalWorkingDays };
  const elapsedWorkingDays = countWorkingDays(calendar, from, asOf < to ? asOf : to);
  return { elapsedWorkingDays, totalWorkingDays };
}
