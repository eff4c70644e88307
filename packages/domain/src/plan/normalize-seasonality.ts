import { PlanError } from './plan-error.ts';

/** How far from 12 the sum of coefficients may be and still count as 12 (floating-point noise). */
export const SEASONALITY_SUM_TOLERANCE = 1e-9;

/**
 * Checks hand-edited seasonality coefficients and scales them to sum to 12, so the head can
 * type "January weighs half of March" as 1 and 2 without doing the arithmetic. A zero month
 * (a month the department does not sell) is allowed; the ratios between months are kept.
 *
 * Coefficients that already sum to 12 within {@link SEASONALITY_SUM_TOLERANCE} come back
 * unchanged, so typed decimals (0.6 + 0.8 + … is 11.999999999999998 in binary floating point) are
 * not disturbed; otherwise they are scaled and then sum to 12 within that tolerance.
 * @throws PlanError `invalid_coefficients` unless there are exactly twelve, `invalid_number`
 *   for a non-finite coefficient, `negative_weight` for a negative one, `weights_sum_to_zero`
 *   when all are zero.
 */
export function normalizeSeasonality(coefficients: readonly number[]): number[] {
  if (coefficients.length !== 12) {
    throw new PlanError('invalid_coefficients', `Expected 12 seasonality coefficients, got ${coefficients.length}`);
  }
  coefficients.forEach((coefficient, monthIndex) => {
    if (!Number.isFinite(coefficient)) {
      throw new PlanError('invalid_number', `Invalid coefficient ${coefficient} for month ${monthIndex + 1}`, {
        monthIndex,
      });
    }
    if (coefficient < 0) {
      throw new PlanError('negative_weight', `Coefficient ${coefficient} for month ${monthIndex + 1} is negative`, {
        monthIndex,
      });
    }
  });
  const sum = coefficients.reduce((total, coefficient) => total + coefficient, 0);
  if (sum === 0) throw new PlanError('weights_sum_to_zero', 'Seasonality coefficients are all zero');
  if (Math.abs(sum - 12) <= SEASONALITY_SUM_TOLERANCE) return [...coefficients];
  const scale = sum / 12;
  return coefficients.map((coefficient) => coefficient / scale);
}
