// Percentages are whole basis points (10 000 = 100 %, 8 500 = 85 %), not decimals: an integer
// survives JSON, zod and PostgreSQL unchanged and multiplies money exactly, where 0.85 is
// already a binary approximation. Every percentage of money is rounded once, half up
// (amounts here are never negative), like the CRM's line amounts.

import { PlanError } from './plan-error.ts';
import { BASIS_POINTS, checkBasisPoints, checkMinor, mulDivRound } from './plan-math.ts';

/** The three versions of a plan. */
export type ScenarioName = 'pessimistic' | 'realistic' | 'optimistic';

/** Largest percentage accepted, in basis points: 10 000 %. */
export const MAX_PERCENT_BP = 100 * BASIS_POINTS;

/** How a pessimistic or optimistic plan is entered: an amount, or a percentage of the realistic one. */
export type ScenarioEntry =
  | { kind: 'amount'; amountMinor: number }
  /** e.g. 8 500 for 85 % of the realistic plan. */
  | { kind: 'percent'; basisPoints: number };

/** The three plans of a period, in minor units, pessimistic ≤ realistic ≤ optimistic. */
export interface ScenarioPlans {
  pessimisticMinor: number;
  realisticMinor: number;
  optimisticMinor: number;
}

/**
 * A realistic plan from last year's fact and a growth rate: fact × (1 + growth), rounded half up
 * to a minor unit. 10 000 000.00 RUB at +20 % (2 000 bp) is 12 000 000.00 RUB.
 * @param growthBp growth in basis points, −10 000 (−100 %) to {@link MAX_PERCENT_BP}.
 * @throws PlanError `negative_amount` / `invalid_amount`, `invalid_basis_points`.
 */
export function realisticFromLastYear(lastYearFactMinor: number, growthBp: number): number {
  checkMinor(lastYearFactMinor, 'lastYearFactMinor');
  checkBasisPoints(growthBp, 'growthBp', -BASIS_POINTS, MAX_PERCENT_BP);
  return mulDivRound(lastYearFactMinor, BASIS_POINTS + growthBp, BASIS_POINTS);
}

/**
 * The three plans from the realistic one and how the other two are entered. A percentage is
 * of the realistic plan, rounded half up to a minor unit (85 % of 12 000 000.01 RUB is
 * 10 200 000.01 RUB: 1 020 000 000.85 kopecks round up).
 * @throws PlanError `negative_amount` / `invalid_amount`, `invalid_basis_points` for a
 *   percentage outside 0 to {@link MAX_PERCENT_BP}, `scenarios_out_of_order` unless
 *   pessimistic ≤ realistic ≤ optimistic.
 */
export function resolveScenarios(input: {
  realisticMinor: number;
  pessimistic: ScenarioEntry;
  optimistic: ScenarioEntry;
}): ScenarioPlans {
  const realisticMinor = checkMinor(input.realisticMinor, 'realisticMinor');
  const pessimisticMinor = resolveEntry(input.pessimistic, realisticMinor, 'pessimistic');
  const optimisticMinor = resolveEntry(input.optimistic, realisticMinor, 'optimistic');
  if (pessimisticMinor > realisticMinor || realisticMinor > optimisticMinor) {
    throw new PlanError(
      'scenarios_out_of_order',
      `Scenarios must be ordered pessimistic ≤ realistic ≤ optimistic; got ${pessimisticMinor}, ${realisticMinor}, ${optimisticMinor}`,
      { pessimisticMinor, realisticMinor, optimisticMinor },
    );
  }
  return { pessimisticMinor, realisticMinor, optimisticMinor };
}

function resolveEntry(entry: ScenarioEntry, realisticMinor: number, name: ScenarioName): number {
  if (entry.kind === 'amount') return checkMinor(entry.amountMinor, `${name}.amountMinor`);
  checkBasisPoints(entry.basisPoints, `${name}.basisPoints`, 0, MAX_PERCENT_BP);
  return mulDivRound(realisticMinor, entry.basisPoints, BASIS_POINTS);
}
