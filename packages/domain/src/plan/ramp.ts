// What "first month" means for a hire in the middle of a month: tenure is counted in calendar
// months, because plans are. The calendar month that contains the hire day is month 1, the next
// one month 2, and so on. A mid-month hire is not given a free month: their month 1 is
// prorated by the working days they are on the team (see splitTeamMonth), so someone hired on
// 16 March 2026 with 12 of March's 21 working days left carries 25 % × 12/21 of a full goal in
// March, 50 % in April, 75 % in May and 100 % from June.

import { PlanError } from './plan-error.ts';
import { monthOfDay, monthsFrom, parseMonth } from './plan-month.ts';

/** Share of the full goal a new hire carries in their n-th month of tenure (1-based), then 100 %. */
export const RAMP = [0.25, 0.5, 0.75] as const;

/**
 * Share of a full goal in the given month of tenure: 25 %, 50 %, 75 %, then 1 from the fourth
 * month on; 0 before the hire month (tenure 0 or less).
 * @param ramp the shares of the first months, {@link RAMP} unless the organisation set its own.
 */
export function rampShare(monthOfTenure: number, ramp: readonly number[] = RAMP): number {
  if (!Number.isInteger(monthOfTenure)) throw new RangeError(`Invalid month of tenure ${monthOfTenure}`);
  if (monthOfTenure < 1) return 0;
  return ramp[monthOfTenure - 1] ?? 1;
}

/**
 * The month of tenure `month` is for someone hired on `hireDay`: 1 for the calendar month that
 * contains the hire day, whatever day of it that is; 2 for the next; 0 or less before the hire.
 * @throws PlanError `invalid_period` for a malformed day or month.
 */
export function monthOfTenure(hireDay: string, month: string): number {
  parseMonth(month);
  return monthsFrom(monthOfDay(hireDay, 'hireDay'), month) + 1;
}

/**
 * Checks a ramp setting: shares from 0 to 1, never decreasing.
 * @throws PlanError `invalid_number` otherwise.
 */
export function checkRamp(ramp: readonly number[]): readonly number[] {
  ramp.forEach((share, i) => {
    const previous = i === 0 ? 0 : (ramp[i - 1] ?? 0);
    if (!Number.isFinite(share) || share < previous || share > 1) {
      throw new PlanError('invalid_number', `Invalid ramp share ${share} for month ${i + 1}: expected ${previous}–1`, {
        field: 'ramp',
      });
    }
  });
  return ramp;
}
