import type { WorkCalendar } from '../calendar/index.ts';
import { monthsOfYear } from './plan-month.ts';
import { type DayPlan, splitMonthByWorkingDays } from './split-month-by-days.ts';
import { quarterTotals, splitYearByMonths } from './split-year-by-months.ts';

/** One month of a {@link YearPlan}. */
export interface MonthPlan {
  /** 'YYYY-MM'. */
  month: string;
  planMinor: number;
  /** Working days of the month in the work calendar. */
  workingDays: number;
  /** The month plan spread over those working days; sums to `planMinor`. */
  days: DayPlan[];
}

/** One quarter of a {@link YearPlan}. */
export interface QuarterPlan {
  /** 1–4. */
  quarter: number;
  /** The sum of its three months. */
  planMinor: number;
}

/** An annual plan broken down to quarters, months and working days; every level sums exactly. */
export interface YearPlan {
  year: number;
  annualMinor: number;
  quarters: QuarterPlan[];
  months: MonthPlan[];
}

/** Input of {@link breakDownYear}. */
export interface BreakDownYearInput {
  year: number;
  /** The annual plan in minor units, 0 or more. */
  annualMinor: number;
  /** Twelve seasonality coefficients, January first (from history, flat, or edited by hand). */
  coefficients: readonly number[];
  calendar: WorkCalendar;
}

/**
 * An annual plan broken down year → months (by seasonality, {@link splitYearByMonths}) →
 * working days ({@link splitMonthByWorkingDays}), with quarters as sums of their months. No
 * minor unit is lost at any level: days sum to their month, months to their quarter and year.
 * @throws PlanError as those two do.
 */
export function breakDownYear(input: BreakDownYearInput): YearPlan {
  const monthPlans = splitYearByMonths(input.annualMinor, input.coefficients);
  const months = monthsOfYear(input.year).map((month, i) => {
    const planMinor = monthPlans[i] ?? 0;
    const days = splitMonthByWorkingDays(planMinor, month, input.calendar);
    return { month, planMinor, workingDays: days.length, days };
  });
  const quarters = quarterTotals(monthPlans).map((planMinor, i) => ({ quarter: i + 1, planMinor }));
  return { year: input.year, annualMinor: input.annualMinor, quarters, months };
}
