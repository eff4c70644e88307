import { listWorkingDays, type WorkCalendar } from '../calendar/index.ts';
import { PlanError } from './plan-error.ts';
import { checkMinor } from './plan-math.ts';
import { firstDayOf, lastDayOf } from './plan-month.ts';

/** The plan of one working day. */
export interface DayPlan {
  /** 'YYYY-MM-DD'. */
  day: string;
  planMinor: number;
}

/**
 * A month's plan spread over its working days from the work calendar: each working day's plan
 * is month plan / working days (PRODUCT.md), in whole minor units that sum to the month plan
 * exactly. The kopecks that do not divide evenly go one each to the earliest working days, so
 * the plan to date never lags the even share. Non-working days carry no plan and are not listed.
 *
 * @param month 'YYYY-MM'.
 * @throws PlanError `negative_amount` / `invalid_amount`, `invalid_period` for a malformed
 *   month, `no_working_days` for a non-zero plan in a month without a working day.
 */
export function splitMonthByWorkingDays(monthPlanMinor: number, month: string, calendar: WorkCalendar): DayPlan[] {
  checkMinor(monthPlanMinor, 'monthPlanMinor');
  const days = listWorkingDays(calendar, firstDayOf(month), lastDayOf(month));
  if (days.length === 0) {
    if (monthPlanMinor === 0) return [];
    throw new PlanError('no_working_days', `Month ${month} has no working day to carry a plan of ${monthPlanMinor}`, {
      month,
    });
  }
  return days.map((day, i) => ({ day, planMinor: evenShare(monthPlanMinor, days.length, i) }));
}

/**
 * The i-th of n equal shares of a whole amount: the quotient, plus one for each of the first
 * (amount mod n) shares — what splitting by n equal weights with the largest remainder gives
 * (every remainder ties, so the earliest take the leftover units), without the general split's
 * exact-fraction arithmetic: an organisation plan splits hundreds of lines' months per request.
 */
export function evenShare(amountMinor: number, n: number, i: number): number {
  const quotient = Math.floor(amountMinor / n);
  // amountMinor is a safe integer, so quotient × n is exact; the division may round, which the
  // remainder's range corrects.
  let base = quotient;
  let rest = amountMinor - base * n;
  if (rest < 0) {
    base -= 1;
    rest += n;
  } else if (rest >= n) {
    base += 1;
    rest -= n;
  }
  return i < rest ? base + 1 : base;
}
