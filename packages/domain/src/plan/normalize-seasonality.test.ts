import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSeasonality, SEASONALITY_SUM_TOLERANCE } from './normalize-seasonality.ts';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('normalizeSeasonality', () => {
  it('returns coefficients that already sum to 12 (up to float noise) unchanged', () => {
    const edited = [0.6, 0.8, 1.2, 1, 1, 1, 0.8, 0.8, 1, 1.1, 1.2, 1.5];
    expect(normalizeSeasonality(edited)).toEqual(edited);
  });
  it('scales relative weights to sum to 12, keeping their ratios', () => {
    // Weights 1 × 6 and 3 × 6 sum to 24; halving gives 0.5 and 1.5, summing to 12.
    const edited = [1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3];
    expect(normalizeSeasonality(edited)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5]);
  });
  it('allows a month with no sales', () => {
    const result = normalizeSeasonality([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(result[0]).toBe(0);
    expect(result[1]).toBeCloseTo(12 / 11, 12);
  });
  it('refuses a negative coefficient', () => {
    expect(() => normalizeSeasonality([-1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toThrow(
      expect.objectContaining({ code: 'negative_weight', details: { monthIndex: 0 } }),
    );
  });
  it('refuses all zeros', () => {
    expect(() => normalizeSeasonality(Array(12).fill(0))).toThrow(
      expect.objectContaining({ code: 'weights_sum_to_zero' }),
    );
  });
  it('refuses other than twelve coefficients and non-finite ones', () => {
    expect(() => normalizeSeasonality([1, 1])).toThrow(expect.objectContaining({ code: 'invalid_coefficients' }));
    expect(() => normalizeSeasonality([Number.NaN, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toThrow(
      expect.objectContaining({ code: 'invalid_number' }),
    );
  });
  it('always sums to 12 within 1e-9 and keeps every ratio', () => {
    const coefficient = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1000, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(coefficient, { minLength: 12, maxLength: 12 }).filter((cs) => sum(cs) > 1e-6),
        (edited) => {
          const result = normalizeSeasonality(edited);
          expect(Math.abs(sum(result) - 12)).toBeLessThanOrEqual(SEASONALITY_SUM_TOLERANCE);
          result.forEach((value, i) => {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value * sum(edited)).toBeCloseTo((edited[i] ?? 0) * 12, 6);
          });
        },
      ),
    );
  });
});
