import { splitByWeights } from '../crm/index.ts';
import { PlanError } from './plan-error.ts';
import { checkMinor, sumMinor } from './plan-math.ts';

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

/** One part of {@link splitFollowing}: the months of the measure it follows (say, realistic revenue). */
export interface FollowingPartInput {
  id: string;
  /** The reference measure's figure in each month, in period order; 0 or more. */
  reference: readonly number[];
}

/** One part's share from {@link splitFollowing}: its year and its months, which sum to the year. */
export interface FollowingPart {
  id: string;
  year: number;
  months: number[];
}

/**
 * Splits a parent's month figures of one measure (deals, margin — any whole amount) among its
 * parts in the shape of another measure the parts already carry (realistic revenue), so the new
 * measure goes down a tree with the same weights, ramp and leavers. Two sums hold exactly:
 * every month, the parts sum to the parent's month; and every part's months sum to its year.
 *
 * The year is decided first: the parent's total split by the parts' reference years (largest
 * remainder, ties to the earlier part), so 100 deals over three equal reps are 34, 33 and 33 —
 * not what twelve separately rounded months would add up to, since with small counts each
 * month's odd unit would always go to the same rep. Then, month by month, each part is given
 * what keeps its running total nearest its running share of its year, never more than is left
 * of its year; a part whose reference ends this month (a leaver) takes its remainder first.
 * A part whose reference is all zero follows the parent's own months; when every part's is, the
 * split is equal.
 * @throws PlanError `negative_amount` / `invalid_amount` for a parent month, `no_parts`,
 *   `duplicate_id`, `invalid_number` / `negative_weight` for a reference figure, and
 *   `invalid_period` when a part's months are not as many as the parent's.
 */
export function splitFollowing(parentMonths: readonly number[], parts: readonly FollowingPartInput[]): FollowingPart[] {
  parentMonths.forEach((value, m) => {
    checkMinor(value, `parentMonths.${m}`);
  });
  if (parts.length === 0) throw new PlanError('no_parts', 'There are no parts to split the plan into');
  const ids = new Set<string>();
  for (const part of parts) {
    if (ids.has(part.id)) throw new PlanError('duplicate_id', `Part ${part.id} appears twice`, { id: part.id });
    ids.add(part.id);
    if (part.reference.length !== parentMonths.length) {
      throw new PlanError(
        'invalid_period',
        `Part ${part.id} has ${part.reference.length} months, not ${parentMonths.length}`,
        {
          id: part.id,
        },
      );
    }
    for (const value of part.reference) {
      if (!Number.isFinite(value))
        throw new PlanError('invalid_number', `Invalid figure ${value} for ${part.id}`, { id: part.id });
      if (value < 0)
        throw new PlanError('negative_weight', `Figure ${value} for ${part.id} is negative`, { id: part.id });
    }
  }
  const total = sumMinor(parentMonths);
  const fallbackShape = parentMonths.some((value) => value > 0) ? parentMonths : parentMonths.map(() => 1);
  const shapes = parts.map((part) => (part.reference.some((value) => value > 0) ? part.reference : fallbackShape));
  const referenceYears = parts.map((part) => part.reference.reduce((sum, value) => sum + value, 0));
  const years = splitByWeights(total, referenceYears.some((year) => year > 0) ? referenceYears : parts.map(() => 1));
  const shapeYears = shapes.map((shape) => shape.reduce((sum, value) => sum + value, 0));
  const given = parts.map(() => 0);
  const cumulative = parts.map(() => 0);
  const months = parts.map(() => [] as number[]);
  parentMonths.forEach((amount, m) => {
    const left = parts.map((_, i) => (years[i] ?? 0) - (given[i] ?? 0));
    const active = shapes.map((shape) => (shape[m] ?? 0) > 0);
    // A part whose shape has no later month must take all it has left now.
    const closing = shapes.map((shape, i) => (active[i] ?? false) && shape.slice(m + 1).every((value) => value === 0));
    const amounts = parts.map(() => 0);
    let rest = amount;
    parts.forEach((_, i) => {
      if (!closing[i]) return;
      const take = Math.min(left[i] ?? 0, rest);
      amounts[i] = take;
      rest -= take;
    });
    const wanted = parts.map((_, i) => {
      cumulative[i] = (cumulative[i] ?? 0) + (shapes[i]?.[m] ?? 0);
      if (closing[i] || !active[i]) return 0;
      const due = ((years[i] ?? 0) * (cumulative[i] ?? 0)) / (shapeYears[i] || 1) - (given[i] ?? 0);
      return Math.max(0, due);
    });
    rest = give(rest, wanted, amounts, left);
    // What nobody asked for this month goes first to those working it, then to anyone with room.
    rest = give(
      rest,
      left.map((room, i) => (active[i] ? room - (amounts[i] ?? 0) : 0)),
      amounts,
      left,
    );
    give(
      rest,
      left.map((room, i) => room - (amounts[i] ?? 0)),
      amounts,
      left,
    );
    amounts.forEach((value, i) => {
      given[i] = (given[i] ?? 0) + value;
      months[i]?.push(value);
    });
  });
  return parts.map((part, i) => ({ id: part.id, year: years[i] ?? 0, months: months[i] ?? [] }));
}

/**
 * Adds to `amounts` a share of `amount` by `weights`, none beyond its room (`left` minus what it
 * already has); returns what could not be placed. Weights at room never overflow, so the cap
 * only bites when the weights ask more of a part than it has left.
 */
function give(amount: number, weights: readonly number[], amounts: number[], left: readonly number[]): number {
  if (amount === 0 || weights.every((weight) => weight <= 0)) return amount;
  const shares = splitByWeights(
    amount,
    weights.map((weight) => Math.max(0, weight)),
  );
  let rest = amount;
  shares.forEach((share, i) => {
    const room = (left[i] ?? 0) - (amounts[i] ?? 0);
    const take = Math.min(share, room);
    amounts[i] = (amounts[i] ?? 0) + take;
    rest -= take;
  });
  return rest;
}
