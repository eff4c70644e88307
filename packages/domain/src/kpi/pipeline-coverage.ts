/** An open deal's weight in the pipeline. */
export interface WeightedDeal {
  amountMinor: number;
  /** Its stage's probability, a whole percentage 0–100 (as pipelines store it). */
  probability: number;
}

/** Input of {@link pipelineCoverage}. */
export interface PipelineCoverageInput {
  openDeals: readonly WeightedDeal[];
  /** The plan for the period, minor units. */
  planMinor: number;
  /** What is already sold in the period, minor units. */
  factMinor: number;
}

/** Outcome of {@link pipelineCoverage}. */
export interface PipelineCoverage {
  /** ⌊Σ amount × probability / 100⌋, minor units. */
  weightedMinor: number;
  /** max(plan − fact, 0), minor units. */
  remainingMinor: number;
  /** weighted / remaining (1 = the pipeline just covers what is left); null when nothing remains. */
  coverage: number | null;
}

/**
 * Pipeline coverage of the remaining plan: the open pipeline weighted by stage probability over
 * what is still to sell in the period.
 *
 * The weighted pipeline is Σ amount × probability formed exactly in BigInt and divided by 100
 * once, rounding down: a coverage figure should never claim a kopeck more than the deals carry.
 * The remainder is plan − fact, never below 0. When the plan is met (or there is no plan) nothing
 * remains and the coverage is null — there is no gap to cover, and a ratio to zero would be
 * infinite; the dashboard shows the plan as met instead.
 * @throws RangeError for an amount, plan or fact that is not a whole number of minor units 0 or
 *   more, or a probability outside 0–100.
 */
export function pipelineCoverage(input: PipelineCoverageInput): PipelineCoverage {
  const planMinor = checkMinor(input.planMinor, 'planMinor');
  const factMinor = checkMinor(input.factMinor, 'factMinor');
  let weighted = 0n;
  input.openDeals.forEach((deal, i) => {
    checkMinor(deal.amountMinor, `openDeals[${i}].amountMinor`);
    if (!Number.isInteger(deal.probability) || deal.probability < 0 || deal.probability > 100) {
      throw new RangeError(`Invalid openDeals[${i}].probability ${deal.probability}: expected a whole 0–100`);
    }
    weighted += BigInt(deal.amountMinor) * BigInt(deal.probability);
  });
  const weightedBig = weighted / 100n;
  if (weightedBig > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError('The weighted pipeline exceeds the largest exactly representable whole number');
  }
  const weightedMinor = Number(weightedBig);
  const remainingMinor = Math.max(planMinor - factMinor, 0);
  return { weightedMinor, remainingMinor, coverage: remainingMinor === 0 ? null : weightedMinor / remainingMinor };
}

function checkMinor(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`Invalid ${field} ${value}: expected a whole number of minor units, 0 or more`);
  }
  return value;
}
