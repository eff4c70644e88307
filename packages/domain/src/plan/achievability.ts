import { BASIS_POINTS, checkBasisPoints, checkMinor, mulDivFloor } from './plan-math.ts';
import { MAX_PERCENT_BP } from './scenarios.ts';

/** How far above a rep's best month a monthly goal may go before it is flagged: 20 %. */
export const DEFAULT_ACHIEVABILITY_MARGIN_BP = 2_000;

/** Outcome of {@link checkAchievability}. */
export interface Achievability {
  /** True when the goal exceeds the limit: the "A" of SMART is in doubt. */
  flagged: boolean;
  /** The largest goal that is not flagged, ⌊best month × months × (1 + margin)⌋; null without history. */
  limitMinor: number | null;
  /** 'best-month' when judged against history, 'no-history' when the rep has none (never flagged). */
  basis: 'best-month' | 'no-history';
}

/**
 * Whether a goal looks achievable: it is flagged when it exceeds the rep's best month by more
 * than the margin — goal > best month × (1 + margin), compared exactly. A goal for several months
 * is compared with that many best months. A rep with no history (a new hire) is not flagged; their
 * ramp already limits the goal.
 * @param bestMonthMinor the rep's best monthly revenue, null when the rep has no month of history.
 * @param months calendar months the goal covers, 1 for a monthly goal.
 * @throws PlanError `negative_amount` / `invalid_amount`, `invalid_basis_points`.
 */
export function checkAchievability(input: {
  goalMinor: number;
  bestMonthMinor: number | null;
  marginBp?: number;
  months?: number;
}): Achievability {
  const goalMinor = checkMinor(input.goalMinor, 'goalMinor');
  const marginBp = checkBasisPoints(input.marginBp ?? DEFAULT_ACHIEVABILITY_MARGIN_BP, 'marginBp', 0, MAX_PERCENT_BP);
  const months = input.months ?? 1;
  if (!Number.isSafeInteger(months) || months < 1) throw new RangeError(`Invalid months ${months}: expected 1 or more`);
  if (input.bestMonthMinor === null) return { flagged: false, limitMinor: null, basis: 'no-history' };
  const best = checkMinor(input.bestMonthMinor, 'bestMonthMinor');
  // goal > best × months × (1 + m)  ⇔  goal > ⌊best × months × (1 + m)⌋ for a whole goal.
  const limitMinor = mulDivFloor(best * months, BASIS_POINTS + marginBp, BASIS_POINTS);
  return { flagged: goalMinor > limitMinor, limitMinor, basis: 'best-month' };
}
