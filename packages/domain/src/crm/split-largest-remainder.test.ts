import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByWeights } from './split-largest-remainder.ts';

describe('splitByWeights', () => {
  it('splits evenly when the total divides', () => expect(splitByWeights(300, [1, 1, 1])).toEqual([100, 100, 100]));
  it('gives the leftover kopeck of 100 / 3 to the earliest of equal remainders', () => {
    // Shares 33.33… each: floors 33 + 33 + 33 = 99, one left, all remainders equal → index 0.
    expect(splitByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });
  it('gives leftovers to the largest remainders, not the largest weights', () => {
    // 10 by 1 : 2 : 4 (sum 7): shares 1.428…, 2.857…, 5.714…; floors 1 + 2 + 5 = 8, two left;
    // remainders 3/7, 6/7, 5/7 → indexes 1 and 2 get one each.
    expect(splitByWeights(10, [1, 2, 4])).toEqual([1, 3, 6]);
  });
  it('splits by fractional weights exactly, treating 0.1 : 0.2 like 1 : 2', () => {
    expect(splitByWeights(100, [0.1, 0.2])).toEqual(splitByWeights(100, [1, 2]));
    expect(splitByWeights(100, [0.1, 0.2])).toEqual([33, 67]);
  });
  it('splits by percentages: 1 000 kopecks at 33.3 / 33.3 / 33.4 %', () => {
    // The doubles 33.3 and 33.4 are not exactly those decimals, but the error is far too small
    // to move any share across a whole kopeck: 333, 333, 334.
    expect(splitByWeights(1000, [33.3, 33.3, 33.4])).toEqual([333, 333, 334]);
  });
  it('gives zero weights nothing', () => expect(splitByWeights(5, [0, 1, 0, 1])).toEqual([0, 3, 0, 2]));
  it('mirrors a negative total', () => expect(splitByWeights(-100, [1, 1, 1])).toEqual([-34, -33, -33]));
  it('splits zero into zeros, never -0', () => expect(splitByWeights(0, [1, 2])).toEqual([0, 0]));
  it('refuses weights summing to zero, negative or non-finite weights, and a fractional total', () => {
    expect(() => splitByWeights(100, [])).toThrow(RangeError);
    expect(() => splitByWeights(100, [0, 0])).toThrow(RangeError);
    expect(() => splitByWeights(100, [1, -1, 2])).toThrow(RangeError);
    expect(() => splitByWeights(100, [1, Number.NaN])).toThrow(RangeError);
    expect(() => splitByWeights(100, [1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => splitByWeights(100.5, [1, 1])).toThrow(RangeError);
  });
  it('copes with weights of wildly different sizes', () => {
    expect(splitByWeights(1000, [1e300, Number.MIN_VALUE])).toEqual([1000, 0]);
  });

  const totalArb = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
  const weightArb = fc.oneof(fc.constant(0), fc.nat(1000), fc.double({ min: 0, max: 1e6, noNaN: true }));
  const weightsArb = fc.array(weightArb, { minLength: 1, maxLength: 12 }).filter((ws) => ws.some((w) => w > 0));

  it('always sums to the total exactly', () => {
    fc.assert(
      fc.property(totalArb, weightsArb, (total, weights) => {
        expect(splitByWeights(total, weights).reduce((sum, part) => sum + part, 0)).toBe(total);
      }),
    );
  });
  it('keeps every part within 1 of its exact share and gives zero weights zero', () => {
    fc.assert(
      fc.property(totalArb, weightsArb, (total, weights) => {
        const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
        splitByWeights(total, weights).forEach((part, i) => {
          const weight = weights[i] ?? 0;
          // The float share is only a witness here; 1e-6 absorbs its rounding, not the method's.
          expect(Math.abs(part - (total * weight) / weightSum)).toBeLessThan(1 + 1e-6);
          if (weight === 0) expect(part).toBe(0);
        });
      }),
    );
  });
});
