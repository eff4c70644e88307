import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAchievability } from './achievability.ts';

describe('checkAchievability', () => {
  it('allows a goal up to the best month plus 20 % and flags one kopeck more', () => {
    // Best month 1 000 000.00 RUB → limit 1 200 000.00 RUB.
    expect(checkAchievability({ goalMinor: 120_000_000, bestMonthMinor: 100_000_000 })).toEqual({
      flagged: false,
      limitMinor: 120_000_000,
      basis: 'best-month',
    });
    expect(checkAchievability({ goalMinor: 120_000_001, bestMonthMinor: 100_000_000 }).flagged).toBe(true);
  });
  it('uses the margin setting and the number of months', () => {
    expect(checkAchievability({ goalMinor: 110_000_001, bestMonthMinor: 100_000_000, marginBp: 1_000 }).flagged).toBe(
      true,
    );
    // A quarter against three best months + 20 %: limit 3 600 000.00 RUB.
    expect(checkAchievability({ goalMinor: 360_000_000, bestMonthMinor: 100_000_000, months: 3 })).toMatchObject({
      flagged: false,
      limitMinor: 360_000_000,
    });
  });
  it('rounds the limit down: best 0.99 RUB + 20 % = 1.188 → goal 1.19 RUB is flagged', () => {
    expect(checkAchievability({ goalMinor: 119, bestMonthMinor: 99 })).toEqual({
      flagged: true,
      limitMinor: 118,
      basis: 'best-month',
    });
  });
  it('does not flag a rep with no history, and flags any goal over a best month of zero', () => {
    expect(checkAchievability({ goalMinor: 1e9, bestMonthMinor: null })).toEqual({
      flagged: false,
      limitMinor: null,
      basis: 'no-history',
    });
    expect(checkAchievability({ goalMinor: 1, bestMonthMinor: 0 }).flagged).toBe(true);
  });
  it('refuses negative amounts and bad margins', () => {
    expect(() => checkAchievability({ goalMinor: -1, bestMonthMinor: 0 })).toThrow(
      expect.objectContaining({ code: 'negative_amount' }),
    );
    expect(() => checkAchievability({ goalMinor: 1, bestMonthMinor: 0, marginBp: 0.5 })).toThrow(
      expect.objectContaining({ code: 'invalid_basis_points' }),
    );
  });
  it('flags exactly the goals above best × (1 + margin)', () => {
    fc.assert(
      fc.property(fc.nat(1e12), fc.nat(1e12), fc.nat(10_000), (goal, best, margin) => {
        const { flagged } = checkAchievability({ goalMinor: goal, bestMonthMinor: best, marginBp: margin });
        expect(flagged).toBe(BigInt(goal) * 10_000n > BigInt(best) * BigInt(10_000 + margin));
      }),
    );
  });
});
