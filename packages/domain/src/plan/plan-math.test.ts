import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanError } from './plan-error.ts';
import {
  checkBasisPoints,
  checkCount,
  checkMinor,
  mulDivCeil,
  mulDivFloor,
  mulDivRound,
  sumMinor,
} from './plan-math.ts';

describe('checkMinor', () => {
  it('accepts whole non-negative amounts', () => expect(checkMinor(0, 'x')).toBe(0));
  it('refuses negatives with negative_amount unless allowed', () => {
    expect(() => checkMinor(-1, 'x')).toThrow(expect.objectContaining({ code: 'negative_amount' }));
    expect(checkMinor(-1, 'x', { allowNegative: true })).toBe(-1);
  });
  it('refuses fractions and unsafe integers with invalid_amount', () => {
    expect(() => checkMinor(1.5, 'x')).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
    expect(() => checkMinor(2 ** 53, 'x')).toThrow(PlanError);
    expect(() => checkMinor(Number.NaN, 'x')).toThrow(PlanError);
  });
});

describe('checkCount', () => {
  it('accepts 0 and refuses negatives and fractions', () => {
    expect(checkCount(0, 'n')).toBe(0);
    expect(() => checkCount(-1, 'n')).toThrow(expect.objectContaining({ code: 'invalid_number' }));
    expect(() => checkCount(0.5, 'n')).toThrow(expect.objectContaining({ code: 'invalid_number' }));
  });
});

describe('checkBasisPoints', () => {
  it('accepts the bounds and refuses outside them or fractions', () => {
    expect(checkBasisPoints(0, 'p', 0, 10_000)).toBe(0);
    expect(checkBasisPoints(10_000, 'p', 0, 10_000)).toBe(10_000);
    expect(() => checkBasisPoints(10_001, 'p', 0, 10_000)).toThrow(
      expect.objectContaining({ code: 'invalid_basis_points' }),
    );
    expect(() => checkBasisPoints(12.5, 'p', 0, 10_000)).toThrow(PlanError);
  });
});

describe('mulDivRound', () => {
  it('rounds halves away from zero', () => {
    expect(mulDivRound(5, 1, 2)).toBe(3); // 2.5 → 3
    expect(mulDivRound(-5, 1, 2)).toBe(-3); // -2.5 → -3
    expect(mulDivRound(7, 1, 3)).toBe(2); // 2.33 → 2
    expect(mulDivRound(8, 1, 3)).toBe(3); // 2.67 → 3
  });
  it('is exact where a double would not be: 1.005 × 100 kopecks', () => {
    // 100.5 kopecks; the double 1.005 * 100 is 100.49999…, which Math.round would send to 100.
    expect(mulDivRound(1005, 100, 1000)).toBe(101);
  });
  it('never returns -0', () => expect(Object.is(mulDivRound(0, -3, 7), 0)).toBe(true));
  it('refuses a result beyond the safe-integer range', () => {
    expect(() => mulDivRound(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(PlanError);
  });
  it('is within half a unit of the exact quotient', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 1e6 }),
        (a, b, c) => {
          expect(Math.abs(mulDivRound(a, b, c) - (a * b) / c)).toBeLessThanOrEqual(0.5 + 1e-6);
        },
      ),
    );
  });
});

describe('mulDivCeil', () => {
  it('gives the exact quotient when it divides and rounds up otherwise', () => {
    expect(mulDivCeil(20, 30, 12)).toBe(50);
    expect(mulDivCeil(21, 30, 12)).toBe(53); // 52.5 → 53
    expect(mulDivCeil(0, 30, 12)).toBe(0);
  });
});

describe('mulDivFloor', () => {
  it('rounds down', () => {
    expect(mulDivFloor(21, 30, 12)).toBe(52); // 52.5 → 52
    expect(mulDivFloor(20, 30, 12)).toBe(50);
  });
  it('is never above mulDivCeil and at most one below it', () => {
    fc.assert(
      fc.property(fc.nat(1e9), fc.nat(1e6), fc.integer({ min: 1, max: 1e6 }), (a, b, c) => {
        const gap = mulDivCeil(a, b, c) - mulDivFloor(a, b, c);
        expect(gap === 0 || gap === 1).toBe(true);
      }),
    );
  });
});

describe('sumMinor', () => {
  it('adds exactly and refuses an unsafe total', () => {
    expect(sumMinor([1, 2, 3])).toBe(6);
    expect(sumMinor([])).toBe(0);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
  });
});
