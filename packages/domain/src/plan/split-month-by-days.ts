import { listWorkingDays, type WorkCalendar } from '../calendar/index.ts';
import { splitByWeights } from '../crm/index.ts';
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
  const amounts = splitByWeights(
    monthPlanMinor,
    days.map(() => 1),
  );
  return days.map((day, i) => ({ day, planMinor: amounts[i] ?? 0 }));
}
