import type { Random } from './random.ts';

/**
 * How much a Russian B2B department sells in each month relative to an average month
 * (January first; the twelve sum to 12, as PRODUCT.md defines seasonality coefficients):
 * the New Year holidays empty January, budgets released in spring make March, summer
 * holidays soften July and August, and year-end budget spending makes December the peak.
 */
export const MONTH_SEASONALITY = [0.7, 0.95, 1.2, 1.05, 0.9, 0.95, 0.8, 0.8, 1.05, 1.1, 1.15, 1.35] as const;

/** The coefficient of a month, 0 = January. */
export function seasonality(monthIndex: number): number {
  const coefficient = MONTH_SEASONALITY[monthIndex];
  if (coefficient === undefined) throw new RangeError(`Invalid month index ${monthIndex}: expected 0–11`);
  return coefficient;
}

/**
 * People work less in slow months (holidays, vacations) but not in proportion to sales: a rep
 * still calls in July. Activity volume follows a damped copy of the sales curve.
 */
export function activitySeasonality(monthIndex: number): number {
  return 0.6 + 0.4 * seasonality(monthIndex);
}

/** A month of the history: its index in the year and its working days (day numbers). */
export interface MonthDays {
  monthIndex: number;
  days: readonly number[];
}

/**
 * A working day drawn so that months receive volume in proportion to their seasonality
 * coefficient (a month only partly inside the range gets the same share of its weight as the
 * share of its working days inside), and days within a month uniformly.
 * @param months the months of the range, each with its working days inside the range.
 * @param fullMonthDays how many working days each of those months has in full.
 */
export function seasonalDaySampler(
  months: readonly MonthDays[],
  fullMonthDays: readonly number[],
): (rng: Random) => number {
  const weights = months.map((m, i) =>
    m.days.length === 0 ? 0 : (seasonality(m.monthIndex) * m.days.length) / Math.max(1, fullMonthDays[i] ?? 1),
  );
  if (weights.every((w) => w === 0)) throw new RangeError('No working days to sample from');
  return (rng) => {
    const month = months[rng.weighted(weights)] as MonthDays;
    return rng.pick(month.days);
  };
}
