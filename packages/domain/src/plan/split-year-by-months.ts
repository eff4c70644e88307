import { splitByWeights } from '../crm/index.ts';
import { normalizeSeasonality } from './normalize-seasonality.ts';
import { checkMinor, sumMinor } from './plan-math.ts';

/**
 * An annual plan split into twelve month plans by seasonality: month m gets
 * annual × coefficient_m / 12, as PRODUCT.md defines it, in whole minor units that sum to the
 * annual exactly (largest remainder: each month gets the whole part of its exact share, and
 * the kopecks left over go to the months with the largest fractions, ties to the earlier month).
 *
 * The coefficients are checked as hand edits are ({@link normalizeSeasonality}); they need not
 * sum to 12 exactly, since the split divides by their actual sum.
 * @throws PlanError `negative_amount` / `invalid_amount` for the annual, and the coefficient
 *   errors of {@link normalizeSeasonality}.
 */
export function splitYearByMonths(annualMinor: number, coefficients: readonly number[]): number[] {
  checkMinor(annualMinor, 'annualMinor');
  normalizeSeasonality(coefficients);
  return splitByWeights(annualMinor, coefficients);
}

/** Quarter totals (Q1 first) of twelve month plans: each the exact sum of its three months. */
export function quarterTotals(monthPlansMinor: readonly number[]): number[] {
  if (monthPlansMinor.length !== 12) {
    throw new RangeError(`Expected 12 month plans, got ${monthPlansMinor.length}`);
  }
  return [0, 1, 2, 3].map((quarter) => sumMinor(monthPlansMinor.slice(quarter * 3, quarter * 3 + 3)));
}
