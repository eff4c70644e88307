import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realisticFromLastYear, resolveScenarios } from './scenarios.ts';

describe('realisticFromLastYear', () => {
  it('grows 10 000 000.00 RUB by 20 % to 12 000 000.00 RUB', () => {
    expect(realisticFromLastYear(1_000_000_000, 2_000)).toBe(1_200_000_000);
  });
  it('rounds half a kopeck up: 0.05 RUB + 10 % = 5.5 kopecks → 6', () =>
    expect(realisticFromLastYear(5, 1_000)).toBe(6));
  it('allows a decline down to zero', () => {
    expect(realisticFromLastYear(1_000, -2_500)).toBe(750);
    expect(realisticFromLastYear(1_000, -10_000)).toBe(0);
  });
  it('refuses growth below −100 %, fractional basis points and a negative fact', () => {
    expect(() => realisticFromLastYear(1_000, -10_001)).toThrow(
      expect.objectContaining({ code: 'invalid_basis_points' }),
    );
    expect(() => realisticFromLastYear(1_000, 12.5)).toThrow(expect.objectContaining({ code: 'invalid_basis_points' }));
    expect(() => realisticFromLastYear(-1, 0)).toThrow(expect.objectContaining({ code: 'negative_amount' }));
  });
});

describe('resolveScenarios', () => {
  it('takes percentages of the realistic plan, rounded half up', () => {
    // 85 % of 1 200 000 001 = 1 020 000 000.85 → 1 020 000 001; 115 % = 1 380 000 001.15 → 1 380 000 001.
    expect(
      resolveScenarios({
        realisticMinor: 1_200_000_001,
        pessimistic: { kind: 'percent', basisPoints: 8_500 },
        optimistic: { kind: 'percent', basisPoints: 11_500 },
      }),
    ).toEqual({ pessimisticMinor: 1_020_000_001, realisticMinor: 1_200_000_001, optimisticMinor: 1_380_000_001 });
  });
  it('takes direct amounts as they are, and mixes both kinds', () => {
    expect(
      resolveScenarios({
        realisticMinor: 1_200_000_000,
        pessimistic: { kind: 'amount', amountMinor: 900_000_000 },
        optimistic: { kind: 'percent', basisPoints: 12_000 },
      }),
    ).toEqual({ pessimisticMinor: 900_000_000, realisticMinor: 1_200_000_000, optimisticMinor: 1_440_000_000 });
  });
  it('refuses scenarios out of order', () => {
    expect(() =>
      resolveScenarios({
        realisticMinor: 100,
        pessimistic: { kind: 'amount', amountMinor: 101 },
        optimistic: { kind: 'amount', amountMinor: 200 },
      }),
    ).toThrow(expect.objectContaining({ code: 'scenarios_out_of_order' }));
    expect(() =>
      resolveScenarios({
        realisticMinor: 100,
        pessimistic: { kind: 'percent', basisPoints: 9_000 },
        optimistic: { kind: 'percent', basisPoints: 9_900 },
      }),
    ).toThrow(expect.objectContaining({ code: 'scenarios_out_of_order' }));
  });
  it('refuses negative amounts and percentages', () => {
    expect(() =>
      resolveScenarios({
        realisticMinor: 100,
        pessimistic: { kind: 'amount', amountMinor: -1 },
        optimistic: { kind: 'amount', amountMinor: 200 },
      }),
    ).toThrow(expect.objectContaining({ code: 'negative_amount' }));
    expect(() =>
      resolveScenarios({
        realisticMinor: 100,
        pessimistic: { kind: 'percent', basisPoints: -1 },
        optimistic: { kind: 'amount', amountMinor: 200 },
      }),
    ).toThrow(expect.objectContaining({ code: 'invalid_basis_points' }));
  });
  it('keeps a percentage within half a kopeck of the exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: 10_000 }), (realistic, bp) => {
        const plans = resolveScenarios({
          realisticMinor: realistic,
          pessimistic: { kind: 'percent', basisPoints: bp },
          optimistic: { kind: 'percent', basisPoints: 20_000 - bp },
        });
        expect(Math.abs(plans.pessimisticMinor - (realistic * bp) / 10_000)).toBeLessThanOrEqual(0.5 + 1e-3);
        expect(plans.pessimisticMinor).toBeLessThanOrEqual(plans.realisticMinor);
        expect(plans.optimisticMinor).toBeGreaterThanOrEqual(plans.realisticMinor);
      }),
    );
  });
});
