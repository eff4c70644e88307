import { splitByWeights } from '../crm/index.ts';
import { PlanError } from './plan-error.ts';
import { checkMinor } from './plan-math.ts';

/**
 * How a plan is divided among parts: equally, in proportion to last year's fact, or by weights
 * typed by hand.
 */
export type WeightMethod = 'equal' | 'last-year' | 'manual';

/** One part to give a share of a plan to: a department, team, rep, priority direction or channel. */
export interface PlanPartInput {
  id: string;
  /** Last year's fact in minor units; used by 'last-year', where a missing one counts as 0. */
  lastYearMinor?: number;
  /** Hand weight, 0 or more; required by 'manual'. Any scale: 1 : 2, 25 : 75 or 0.2 : 0.8. */
  weight?: number;
}

/** One part's share of a plan. */
export interface PlanPart {
  id: string;
  planMinor: number;
}

/** Outcome of {@link splitPlan}. */
export interface PlanSplit {
  parts: PlanPart[];
  /** The method asked for. */
  method: WeightMethod;
  /** The method used: 'equal' when 'last-year' found no history at all. */
  appliedMethod: WeightMethod;
  /** 'no-history' when 'last-year' fell back to 'equal' because every part's last year is 0. */
  fallback: 'no-history' | null;
}

/**
 * Splits a plan among parts — the flat split used for priority directions and channels, and
 * at every node of {@link decomposePlan}. The parts sum exactly to the total (largest remainder;
 * the leftover kopecks go to the largest fractions, ties to the earlier part in the list).
 *
 * By last year's share, a part with no history gets nothing — unless no part has any, and then
 * the split is equal and flagged `fallback: 'no-history'`, since a plan cannot vanish.
 * @throws PlanError `negative_amount` / `invalid_amount` for the total or a last-year fact,
 *   `no_parts`, `duplicate_id`, `missing_weight`, `invalid_number` / `negative_weight` for a hand
 *   weight, `weights_sum_to_zero` when hand weights add up to zero.
 */
export function splitPlan(totalMinor: number, parts: readonly PlanPartInput[], method: WeightMethod): PlanSplit {
  checkMinor(totalMinor, 'totalMinor');
  if (parts.length === 0) throw new PlanError('no_parts', 'There are no parts to split the plan into');
  const ids = new Set<string>();
  for (const part of parts) {
    if (ids.has(part.id)) throw new PlanError('duplicate_id', `Part ${part.id} appears twice`, { id: part.id });
    ids.add(part.id);
  }

  let appliedMethod = method;
  let weights: number[];
  if (method === 'manual') {
    weights = parts.map(manualWeight);
    if (weights.every((weight) => weight === 0)) {
      throw new PlanError('weights_sum_to_zero', 'The hand weights add up to zero, so there is nothing to split by');
    }
  } else if (method === 'last-year') {
    weights = parts.map((part) => checkMinor(part.lastYearMinor ?? 0, `lastYearMinor of ${part.id}`));
    if (weights.every((weight) => weight === 0)) {
      appliedMethod = 'equal';
      weights = parts.map(() => 1);
    }
  } else {
    weights = parts.map(() => 1);
  }
  const amounts = splitByWeights(totalMinor, weights);
  return {
    parts: parts.map((part, i) => ({ id: part.id, planMinor: amounts[i] ?? 0 })),
    method,
    appliedMethod,
    fallback: appliedMethod === method ? null : 'no-history',
  };
}

function manualWeight(part: PlanPartInput): number {
  const { weight, id } = part;
  if (weight === undefined) throw new PlanError('missing_weight', `Part ${id} has no hand weight`, { id });
  if (!Number.isFinite(weight)) throw new PlanError('invalid_number', `Invalid weight ${weight} for ${id}`, { id });
  if (weight < 0) throw new PlanError('negative_weight', `Weight ${weight} for ${id} is negative`, { id });
  return weight;
}
