import { PlanError } from './plan-error.ts';
import { checkCount, checkMinor, mulDivRound } from './plan-math.ts';

/**
 * Run-rate forecast for the period end: fact to date / working days elapsed × working days in
 * the period (PRODUCT.md), computed exactly and rounded once to a minor unit, halves away from
 * zero. Null when no working day has elapsed — there is no rate yet. The fact may be negative
 * (refunds outweighing sales), and then so is the forecast.
 * @throws PlanError `invalid_amount`, `invalid_number` for a bad day count, `invalid_period`
 *   when more days have elapsed than the period has.
 */
export function runRateForecast(input: {
  factMinor: number;
  elapsedWorkingDays: number;
  totalWorkingDays: number;
}): number | null {
  const factMinor = checkMinor(input.factMinor, 'factMinor', { allowNegative: true });
  const elapsed = checkCount(input.elapsedWorkingDays, 'elapsedWorkingDays');
  const total = checkCount(input.totalWorkingDays, 'totalWorkingDays');
  if (elapsed > total) {
    throw new PlanError('invalid_period', `${elapsed} working days cannot have elapsed in a period of ${total}`);
  }
  if (elapsed === 0) return null;
  return mulDivRound(factMinor, total, elapsed);
}
