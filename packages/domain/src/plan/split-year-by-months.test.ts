import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quarterTotals, splitYearByMonths } from './split-year-by-months.ts';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
/** Coefficients 0.6, 0.8, 1.2, 1, 1, 1, 0.8, 0.8, 1, 1.1, 1.2, 1.5 (tenths 6, 8, 12, … summing to 120). */
const SEASONAL = [0.6, 0.8, 1.2, 1, 1, 1, 0.8, 0.8, 1, 1.1, 1.2, 1.5];

describe('splitYearByMonths', () => {
  it('splits 12 000 000.00 RUB by seasonality into exact month figures', () => {
    // Month m = 1 200 000 000 × c_m / 12 = 100 000 000 × c_m kopecks.
    expect(splitYearByMonths(1_200_000_000, SEASONAL)).toEqual([
      60_000_000, 80_000_000, 120_000_000, 100_000_000, 100_000_000, 100_000_000, 80_000_000, 80_000_000, 100_000_000,
      110_000_000, 120_000_000, 150_000_000,
    ]);
  });
  it('hands the 7 odd kopecks of 12 000 000.07 RUB to the largest remainders, ties to the earlier month', () => {
    // Share_m = 1 200 000 007 × k_m / 120 = 10 000 000 × k_m + 7 k_m / 120; every 7k/120 < 1, so the floors
    // sum to 1 200 000 000 and 7 kopecks remain. Fractions: Dec (k 15) .875, Mar and Nov (12) .7,
    // Oct (11) .642, Apr/May/Jun/Sep (10) .583, Feb/Jul/Aug (8) .467, Jan (6) .35. The top seven are
    // Dec, Mar, Nov, Oct, Apr, May, Jun — September ties with them but comes last.
    expect(splitYearByMonths(1_200_000_007, SEASONAL)).toEqual([
      60_000_000, 80_000_000, 120_000_001, 100_000_001, 100_000_001, 100_000_001, 80_000_000, 80_000_000, 100_000_000,
      110_000_001, 120_000_001, 150_000_001,
    ]);
  });
  it('gives flat coefficients equal months, the leftover to the earliest', () => {
    expect(splitYearByMonths(14, Array(12).fill(1))).toEqual([2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
  it('refuses a negative annual and bad coefficients with reason codes', () => {
    expect(() => splitYearByMonths(-1, SEASONAL)).toThrow(expect.objectContaining({ code: 'negative_amount' }));
    expect(() => splitYearByMonths(100, Array(12).fill(0))).toThrow(
      expect.objectContaining({ code: 'weights_sum_to_zero' }),
    );
    expect(() => splitYearByMonths(100, [1, 2, 3])).toThrow(expect.objectContaining({ code: 'invalid_coefficients' }));
  });
  it('always sums to the annual exactly, each month within one kopeck of annual × c / Σc', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5, noNaN: true })), {
          minLength: 12,
          maxLength: 12,
        }),
        (annual, coefficients) => {
          fc.pre(sum(coefficients) > 1e-3);
          const months = splitYearByMonths(annual, coefficients);
          expect(sum(months)).toBe(annual);
          months.forEach((month, i) => {
            expect(Number.isSafeInteger(month)).toBe(true);
            expect(Math.abs(month - (annual * (coefficients[i] ?? 0)) / sum(coefficients))).toBeLessThan(1 + 1e-3);
          });
        },
      ),
    );
  });
});

describe('quarterTotals', () => {
  it('sums each three months', () => {
    expect(quarterTotals([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toEqual([6, 15, 24, 33]);
  });
  it('refuses other than twelve months', () => expect(() => quarterTotals([1, 2])).toThrow(RangeError));
});
