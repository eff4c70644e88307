import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median } from './median.ts';

describe('median', () => {
  it('is the middle value of an odd count', () => {
    // sorted: 30, 40, 50 → 40
    expect(median([50, 30, 40])).toBe(40);
  });
  it('is the mean of the two middle values of an even count', () => {
    // sorted: 900, 1000, 1100, 1200 → (1000 + 1100) / 2 = 1050
    expect(median([1200, 900, 1100, 1000])).toBe(1050);
  });
  it('is null for no values', () => {
    expect(median([])).toBeNull();
  });
  it('refuses a value that is not finite', () => {
    expect(() => median([1, Number.NaN])).toThrow(RangeError);
  });
  it('does not change when the values are permuted, and lies between min and max', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 25 }),
        fc.nat(),
        (values, seed) => {
          const shift = seed % values.length;
          const permuted = [...values.slice(shift), ...values.slice(0, shift)].reverse();
          const m = median(values) as number;
          expect(median(permuted)).toBe(m);
          expect(m).toBeGreaterThanOrEqual(Math.min(...values));
          expect(m).toBeLessThanOrEqual(Math.max(...values));
        },
      ),
    );
  });
});
