import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeWorkCalendar, russianWorkCalendar } from '../calendar/index.ts';
import { splitByWeights } from '../crm/index.ts';
import { evenShare, splitMonthByWorkingDays } from './split-month-by-days.ts';

const russia = russianWorkCalendar();

describe('splitMonthByWorkingDays', () => {
  it('spreads March 2026 (21 working days, 9 March a holiday) with the odd kopecks first', () => {
    // 120 000 001 / 21 = 5 714 285 remainder 16: the first 16 working days get 5 714 286.
    const days = splitMonthByWorkingDays(120_000_001, '2026-03', russia);
    expect(days).toHaveLength(21);
    expect(days.map((d) => d.day)).not.toContain('2026-03-09');
    expect(days.slice(0, 16).every((d) => d.planMinor === 5_714_286)).toBe(true);
    expect(days.slice(16).every((d) => d.planMinor === 5_714_285)).toBe(true);
    expect(days[0]).toEqual({ day: '2026-03-02', planMinor: 5_714_286 });
    expect(days[20]).toEqual({ day: '2026-03-31', planMinor: 5_714_285 });
  });
  it('gives a month without working days nothing, and refuses a plan for it', () => {
    const idle = makeWorkCalendar({ timeZone: 'Europe/Moscow', workWeek: [] });
    expect(splitMonthByWorkingDays(0, '2026-03', idle)).toEqual([]);
    expect(() => splitMonthByWorkingDays(100, '2026-03', idle)).toThrow(
      expect.objectContaining({ code: 'no_working_days' }),
    );
  });
  it('refuses a negative plan and a malformed month', () => {
    expect(() => splitMonthByWorkingDays(-5, '2026-03', russia)).toThrow(
      expect.objectContaining({ code: 'negative_amount' }),
    );
    expect(() => splitMonthByWorkingDays(5, '2026-3', russia)).toThrow(
      expect.objectContaining({ code: 'invalid_period' }),
    );
  });
  it('always sums to the month plan, days differing by at most one kopeck, larger ones first', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 2025, max: 2027 }),
        fc.integer({ min: 1, max: 12 }),
        (plan, year, month) => {
          const days = splitMonthByWorkingDays(plan, `${year}-${String(month).padStart(2, '0')}`, russia);
          const amounts = days.map((d) => d.planMinor);
          expect(amounts.reduce((a, b) => a + b, 0)).toBe(plan);
          expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
          for (let i = 1; i < amounts.length; i++) expect(amounts[i]).toBeLessThanOrEqual(amounts[i - 1] ?? 0);
        },
      ),
    );
  });
  it('shares an amount evenly exactly as the largest-remainder split by equal weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: 31 }),
        (amount, n) => {
          const shares = Array.from({ length: n }, (_, i) => evenShare(amount, n, i));
          expect(shares).toEqual(
            splitByWeights(
              amount,
              shares.map(() => 1),
            ),
          );
        },
      ),
    );
  });
});
