import { checkMinor } from './plan-math.ts';

/**
 * Attainment: fact to date / plan to date, as a ratio (1 = on plan, 1.1 = 10 % ahead). Null
 * when the plan to date is 0 — before the first working day with a plan there is nothing to
 * attain, and a ratio to zero would be infinite. Display rounding is left to the caller.
 * @throws PlanError `invalid_amount` / `negative_amount`.
 */
export function attainment(factToDateMinor: number, planToDateMinor: number): number | null {
  checkMinor(factToDateMinor, 'factToDateMinor', { allowNegative: true });
  checkMinor(planToDateMinor, 'planToDateMinor');
  return planToDateMinor === 0 ? null : factToDateMinor / planToDateMinor;
}
