// Seasonality as PRODUCT.md defines it: coefficient of month m = mean revenue of month m over
// the history years / mean monthly revenue over the same years.
//
// "The same years" is read as the mean of the twelve month means, (Σ mean_m) / 12, rather
// than the mean of every month in the history. With whole years of history the two are equal.
// With, say, 18 months they differ — January–June would be counted twice in a plain mean —
// and only the mean of month means keeps the twelve coefficients summing to 12 and stops a
// month that happens to appear more often from skewing the others.

import { PlanError } from './plan-error.ts';
import { checkMinor, sumMinor } from './plan-math.ts';
import { monthOfDay, parseMonth } from './plan-month.ts';

/** Fewest full months of history from which coefficients are computed; with fewer they are flat. */
export const MIN_HISTORY_MONTHS = 12;

/** Twelve coefficients of 1: every month the same. */
export const FLAT_SEASONALITY: readonly number[] = Object.freeze(Array.from({ length: 12 }, () => 1));

/** Revenue of one calendar month. */
export interface MonthlyRevenue {
  /** 'YYYY-MM'. */
  month: string;
  /** Revenue in minor units, 0 or more. */
  revenueMinor: number;
}

/** Why the coefficients are flat rather than computed. */
export type FlatSeasonalityReason =
  /** Fewer than {@link MIN_HISTORY_MONTHS} full months of history. */
  | 'fewer-than-12-months'
  /** Twelve or more months, but gaps leave some calendar month (say, every March) unseen. */
  | 'calendar-month-missing'
  /** The history holds no revenue at all, so there is no shape to read. */
  | 'no-revenue';

/** One calendar month of a {@link Seasonality}, with the history it came from (for the chart). */
export interface SeasonalityMonth {
  /** 0 = January. */
  monthIndex: number;
  coefficient: number;
  /** How many years of history hold this calendar month. */
  years: number;
  /** Mean revenue of this calendar month over those years, in minor units (not rounded); null when unseen. */
  meanRevenueMinor: number | null;
}

/** Outcome of {@link seasonalityFromHistory}. */
export interface Seasonality {
  /** Twelve coefficients, January first, summing to 12 (up to floating-point rounding, below 1e-9). */
  coefficients: number[];
  /** 'history' when computed, 'flat' when every coefficient is 1 for the reason in `flatReason`. */
  basis: 'history' | 'flat';
  flatReason: FlatSeasonalityReason | null;
  /** Full months of history used. */
  monthsUsed: number;
  /** Months left out because they had not ended by `today` (the current month, future months). */
  excludedMonths: string[];
  /** Per calendar month: coefficient beside the history it came from. */
  months: SeasonalityMonth[];
}

/**
 * Seasonality coefficients from monthly revenue history. Only full months count: a month is
 * full when it ended before `today`'s month began, so the current month and any later ones are
 * left out (and listed in `excludedMonths`). Missing months are not zeros — they are simply not
 * part of the history; a month with no sales should be passed as 0.
 *
 * With fewer than {@link MIN_HISTORY_MONTHS} full months, with some calendar month never seen,
 * or with no revenue at all, the coefficients are flat (all 1) and `flatReason` says why.
 *
 * The coefficients sum to 12 up to floating-point rounding (|Σ − 12| < 1e-9, the
 * `SEASONALITY_SUM_TOLERANCE` of hand edits). Nothing relies on
 * the sum being exactly 12: splitting a plan by them normalises by their actual sum.
 *
 * @param today the organisation's current local day, 'YYYY-MM-DD'.
 * @throws PlanError `invalid_period` for a malformed month or day, `duplicate_id` for a month
 *   given twice, `invalid_amount` / `negative_amount` for a revenue that is not a whole
 *   non-negative number of minor units.
 */
export function seasonalityFromHistory(history: readonly MonthlyRevenue[], today: string): Seasonality {
  const currentMonth = monthOfDay(today, 'today');
  const seen = new Set<string>();
  const byCalendarMonth = Array.from({ length: 12 }, () => [] as number[]);
  const excludedMonths: string[] = [];
  for (const [index, entry] of history.entries()) {
    const { monthIndex } = parseMonth(entry.month, `history[${index}].month`);
    checkMinor(entry.revenueMinor, `history[${index}].revenueMinor`);
    if (seen.has(entry.month)) {
      throw new PlanError('duplicate_id', `Month ${entry.month} appears twice in the history`, { month: entry.month });
    }
    seen.add(entry.month);
    if (entry.month >= currentMonth) excludedMonths.push(entry.month);
    else byCalendarMonth[monthIndex]?.push(entry.revenueMinor);
  }
  excludedMonths.sort();

  const monthsUsed = seen.size - excludedMonths.length;
  const means = byCalendarMonth.map((revenues) =>
    revenues.length === 0 ? null : sumMinor(revenues) / revenues.length,
  );
  const flatReason = flatReasonOf(monthsUsed, means);
  const months = means.map((mean, monthIndex) => ({
    monthIndex,
    coefficient: 1,
    years: byCalendarMonth[monthIndex]?.length ?? 0,
    meanRevenueMinor: mean,
  }));
  if (flatReason !== null) {
    return { coefficients: [...FLAT_SEASONALITY], basis: 'flat', flatReason, monthsUsed, excludedMonths, months };
  }

  const presentMeans = means.map((mean) => mean ?? 0);
  const meanOfMeans = presentMeans.reduce((sum, mean) => sum + mean, 0) / 12;
  const coefficients = presentMeans.map((mean) => mean / meanOfMeans);
  months.forEach((month, i) => {
    month.coefficient = coefficients[i] ?? 0;
  });
  return { coefficients, basis: 'history', flatReason: null, monthsUsed, excludedMonths, months };
}

function flatReasonOf(monthsUsed: number, means: readonly (number | null)[]): FlatSeasonalityReason | null {
  if (monthsUsed < MIN_HISTORY_MONTHS) return 'fewer-than-12-months';
  if (means.some((mean) => mean === null)) return 'calendar-month-missing';
  if (means.every((mean) => mean === 0)) return 'no-revenue';
  return null;
}
