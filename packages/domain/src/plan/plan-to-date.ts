import type { YearPlan } from './break-down-year.ts';
import { sumMinor } from './plan-math.ts';
import { checkDay } from './plan-month.ts';

/**
 * The plan up to and including `day`: the sum of the day plans of every working day on or
 * before it. Before the year it is 0; from the year's last working day on it is the annual
 * plan. A non-working day carries the same plan to date as the working day before it.
 * @throws PlanError `invalid_period` for a malformed day.
 */
export function planToDate(plan: YearPlan, day: string): number {
  checkDay(day);
  const parts: number[] = [];
  for (const month of plan.months) {
    // 'YYYY-MM-31' sorts after every day of its month, so a month below it has ended before `day`
    // and adds its total without walking its days.
    if (`${month.month}-31` < day) {
      parts.push(month.planMinor);
      continue;
    }
    for (const dayPlan of month.days) {
      if (dayPlan.day <= day) parts.push(dayPlan.planMinor);
    }
  }
  return sumMinor(parts);
}
