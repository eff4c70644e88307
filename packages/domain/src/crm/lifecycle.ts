/** Days without a purchase after which a client counts as dormant (more than this many). */
export const DEFAULT_DORMANT_AFTER_DAYS = 90;
/** Days without a purchase after which a client counts as lost (more than this many). */
export const DEFAULT_LOST_AFTER_DAYS = 365;

/** Where a client stands in their buying life; see {@link clientLifecycle} for the rules. */
export type ClientLifecycle = 'new' | 'active' | 'repeat' | 'dormant' | 'lost';

/** Input of {@link clientLifecycle}. Days are 'YYYY-MM-DD' in the organisation's time zone. */
export interface ClientLifecycleInput {
  /** Days of the client's purchases, in any order; a day may repeat. */
  purchaseDays: readonly string[];
  /** The day to judge the client as of. */
  today: string;
  dormantAfterDays: number;
  lostAfterDays: number;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * The lifecycle stage of a client as of `today`, checked in this order:
 *
 * 1. no purchase on or before `today` → `new` (a prospect);
 * 2. the last purchase more than `lostAfterDays` days before `today` → `lost`;
 * 3. more than `dormantAfterDays` days before → `dormant`;
 * 4. purchases on two or more distinct days → `repeat` (two orders on one day are one visit);
 * 5. otherwise → `active`.
 *
 * "More than" is strict: with the defaults, a purchase exactly 90 days ago is still active and
 * one 91 days ago is dormant. Purchases dated after `today` are ignored, so the same history
 * gives the right answer for a report as of a past day.
 *
 * @throws RangeError for a day that is not a real 'YYYY-MM-DD' date, for thresholds that are
 *   not non-negative integers, or when `dormantAfterDays` is not less than `lostAfterDays`.
 */
export function clientLifecycle(input: ClientLifecycleInput): ClientLifecycle {
  const { dormantAfterDays, lostAfterDays } = input;
  for (const threshold of [dormantAfterDays, lostAfterDays]) {
    if (!Number.isInteger(threshold) || threshold < 0) {
      throw new RangeError(`Invalid threshold ${threshold}: expected a whole number of days, 0 or more`);
    }
  }
  if (dormantAfterDays >= lostAfterDays) {
    throw new RangeError(`dormantAfterDays (${dormantAfterDays}) must be less than lostAfterDays (${lostAfterDays})`);
  }
  const today = dayNumber(input.today);
  const pastDays = new Set(input.purchaseDays.map(dayNumber).filter((day) => day <= today));
  if (pastDays.size === 0) return 'new';
  // A loop, not Math.max(...days): spreading a long history would overflow the call stack.
  let lastDay = Number.NEGATIVE_INFINITY;
  for (const day of pastDays) lastDay = Math.max(lastDay, day);
  const daysSinceLast = today - lastDay;
  if (daysSinceLast > lostAfterDays) return 'lost';
  if (daysSinceLast > dormantAfterDays) return 'dormant';
  return pastDays.size >= 2 ? 'repeat' : 'active';
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' string, counted in UTC where every day is 24 hours. */
function dayNumber(day: string): number {
  const match = DAY_PATTERN.exec(day);
  const [year, month, date] = (match?.slice(1) ?? []).map(Number);
  if (year === undefined || month === undefined || date === undefined) {
    throw new RangeError(`Invalid day "${day}": expected 'YYYY-MM-DD'`);
  }
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, date);
  if (at.getUTCMonth() !== month - 1 || at.getUTCDate() !== date) {
    throw new RangeError(`Invalid day "${day}": there is no such date`);
  }
  return at.getTime() / MS_PER_DAY;
}
