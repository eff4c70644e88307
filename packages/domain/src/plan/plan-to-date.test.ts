import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { russianWorkCalendar } from '../calendar/index.ts';
import { breakDownYear } from './break-down-year.ts';
import { planToDate } from './plan-to-date.ts';

const russia = russianWorkCalendar();
const SEASONAL = [0.6, 0.8, 1.2, 1, 1, 1, 0.8, 0.8, 1, 1.1, 1.2, 1.5];
const plan = breakDownYear({ year: 2026, annualMinor: 1_200_000_007, coefficients: SEASONAL, calendar: russia });

describe('planToDate', () => {
  it('adds whole months before the day and the working days of its month up to it (hand-worked)', () => {
    // January 60 000 000 + February 80 000 000 + 9 March working days (2–6, 10–13) × 5 714 286.
    expect(planToDate(plan, '2026-03-13')).toBe(140_000_000 + 9 * 5_714_286);
    expect(planToDate(plan, '2026-03-13')).toBe(191_428_574);
  });
  it('carries a non-working day at the figure of the working day before it', () => {
    // 7–9 March are a weekend and the 8 March holiday moved to Monday: 5 working days so far.
    expect(planToDate(plan, '2026-03-09')).toBe(140_000_000 + 5 * 5_714_286);
    expect(planToDate(plan, '2026-03-09')).toBe(planToDate(plan, '2026-03-06'));
  });
  it('is 0 before the year and the annual from its last working day on', () => {
    expect(planToDate(plan, '2025-12-31')).toBe(0);
    expect(planToDate(plan, '2026-01-01')).toBe(0);
    expect(planToDate(plan, '2026-12-31')).toBe(1_200_000_007);
    expect(planToDate(plan, '2027-06-01')).toBe(1_200_000_007);
  });
  it('refuses a malformed day', () => {
    expect(() => planToDate(plan, '2026-02-30')).toThrow(expect.objectContaining({ code: 'invalid_period' }));
  });
  it('never decreases from day to day and rises by exactly the day plan on a working day', () => {
    const days = plan.months.flatMap((m) => m.days);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: days.length - 1 }), (i) => {
        const today = days[i];
        const yesterday = days[i - 1];
        if (today === undefined || yesterday === undefined) throw new Error('index out of range');
        expect(planToDate(plan, today.day) - planToDate(plan, yesterday.day)).toBe(today.planMinor);
      }),
    );
  });
});
