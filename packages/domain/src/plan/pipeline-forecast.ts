import { PlanError } from './plan-error.ts';
import { checkMinor, mulDivRound, sumMinor } from './plan-math.ts';
import { checkDay } from './plan-month.ts';

/** An open deal, for {@link pipelineForecast}. */
export interface OpenDeal {
  amountMinor: number;
  /** Its stage's probability, a whole percentage 0–100 (as pipelines store it). */
  probability: number;
  /** The day it is expected to close, 'YYYY-MM-DD'; null when nobody has said. */
  expectedCloseDay: string | null;
}

/** Outcome of {@link pipelineForecast}. */
export interface PipelineForecast {
  /** fact + weighted pipeline. */
  forecastMinor: number;
  /** Σ amount × probability / 100 of the deals counted, each rounded first. */
  weightedMinor: number;
  /** How many of the open deals were counted (expected to close in the period). */
  dealsCounted: number;
}

/**
 * Weighted-pipeline forecast for the period end: fact + Σ amount × probability / 100 over the
 * open deals expected to close within the period, both ends inclusive (PRODUCT.md).
 *
 * Rounding: each deal's weighted amount is rounded half up to a minor unit, then they are added —
 * the same rule as the pipeline board's weighted total, so the two figures agree. Deals with no
 * expected close day, or one outside the period, are not counted; an overdue deal whose day has
 * passed but lies in the period still is, since it is still open and may yet close.
 * @throws PlanError `invalid_amount` / `negative_amount` for a bad fact or amount,
 *   `invalid_number` for a probability that is not a whole 0–100, `invalid_period` for bad days.
 */
export function pipelineForecast(input: {
  factMinor: number;
  deals: readonly OpenDeal[];
  from: string;
  to: string;
}): PipelineForecast {
  const factMinor = checkMinor(input.factMinor, 'factMinor', { allowNegative: true });
  const from = checkDay(input.from, 'from');
  const to = checkDay(input.to, 'to');
  if (to < from) throw new PlanError('invalid_period', `The period ends (${to}) before it starts (${from})`);
  const weighted: number[] = [];
  // Deals share their close days: each distinct day is checked once.
  const knownDays = new Set<string>();
  input.deals.forEach((deal, i) => {
    // The field's name is spelled out only for a bad amount: a plan's lines weigh thousands of deals.
    if (!Number.isSafeInteger(deal.amountMinor) || deal.amountMinor < 0) {
      checkMinor(deal.amountMinor, `deals[${i}].amountMinor`);
    }
    if (!Number.isInteger(deal.probability) || deal.probability < 0 || deal.probability > 100) {
      throw new PlanError('invalid_number', `Invalid deals[${i}].probability ${deal.probability}: expected 0–100`, {
        field: `deals[${i}].probability`,
      });
    }
    if (deal.expectedCloseDay === null) return;
    const day = knownDays.has(deal.expectedCloseDay)
      ? deal.expectedCloseDay
      : checkDay(deal.expectedCloseDay, `deals[${i}].expectedCloseDay`);
    knownDays.add(day);
    if (day < from || day > to) return;
    weighted.push(mulDivRound(deal.amountMinor, deal.probability, 100));
  });
  const weightedMinor = sumMinor(weighted);
  return { forecastMinor: sumMinor([factMinor, weightedMinor]), weightedMinor, dealsCounted: weighted.length };
}
