import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPlan } from './split-plan.ts';

const amounts = (split: ReturnType<typeof splitPlan>) => split.parts.map((part) => part.planMinor);

describe('splitPlan', () => {
  it('splits equally, the odd kopeck to the first part', () => {
    const split = splitPlan(100, [{ id: 'a' }, { id: 'b' }, { id: 'c' }], 'equal');
    expect(split.parts).toEqual([
      { id: 'a', planMinor: 34 },
      { id: 'b', planMinor: 33 },
      { id: 'c', planMinor: 33 },
    ]);
    expect(split).toMatchObject({ method: 'equal', appliedMethod: 'equal', fallback: null });
  });
  it("splits by last year's share: directions that sold 6, 3 and 1 million take 60, 30 and 10 %", () => {
    const directions = [
      { id: 'equipment', lastYearMinor: 600_000_000 },
      { id: 'service', lastYearMinor: 300_000_000 },
      { id: 'parts', lastYearMinor: 100_000_000 },
    ];
    expect(amounts(splitPlan(1_200_000_000, directions, 'last-year'))).toEqual([720_000_000, 360_000_000, 120_000_000]);
  });
  it('gives a part without history nothing when others have some', () => {
    const channels = [{ id: 'direct', lastYearMinor: 500 }, { id: 'dealer' }];
    expect(amounts(splitPlan(1_000, channels, 'last-year'))).toEqual([1_000, 0]);
  });
  it('falls back to equal, flagged, when no part has any history', () => {
    const split = splitPlan(1_000, [{ id: 'a', lastYearMinor: 0 }, { id: 'b' }], 'last-year');
    expect(amounts(split)).toEqual([500, 500]);
    expect(split).toMatchObject({ method: 'last-year', appliedMethod: 'equal', fallback: 'no-history' });
  });
  it('splits by hand weights on any scale', () => {
    const parts = [
      { id: 'direct', weight: 0.5 },
      { id: 'dealer', weight: 0.3 },
      { id: 'retail', weight: 0.2 },
    ];
    expect(amounts(splitPlan(1_000_000, parts, 'manual'))).toEqual([500_000, 300_000, 200_000]);
  });
  it('refuses hand weights summing to zero, missing, negative or non-finite', () => {
    const code = (c: string) => expect.objectContaining({ code: c });
    expect(() =>
      splitPlan(
        100,
        [
          { id: 'a', weight: 0 },
          { id: 'b', weight: 0 },
        ],
        'manual',
      ),
    ).toThrow(code('weights_sum_to_zero'));
    expect(() => splitPlan(100, [{ id: 'a', weight: 1 }, { id: 'b' }], 'manual')).toThrow(code('missing_weight'));
    expect(() =>
      splitPlan(
        100,
        [
          { id: 'a', weight: -1 },
          { id: 'b', weight: 2 },
        ],
        'manual',
      ),
    ).toThrow(code('negative_weight'));
    expect(() => splitPlan(100, [{ id: 'a', weight: Number.NaN }], 'manual')).toThrow(code('invalid_number'));
  });
  it('refuses no parts, repeated ids, negative totals and negative history', () => {
    const code = (c: string) => expect.objectContaining({ code: c });
    expect(() => splitPlan(100, [], 'equal')).toThrow(code('no_parts'));
    expect(() => splitPlan(100, [{ id: 'a' }, { id: 'a' }], 'equal')).toThrow(code('duplicate_id'));
    expect(() => splitPlan(-100, [{ id: 'a' }], 'equal')).toThrow(code('negative_amount'));
    expect(() => splitPlan(100, [{ id: 'a', lastYearMinor: -5 }], 'last-year')).toThrow(code('negative_amount'));
  });
  it('always sums exactly to the total, for any method and weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.array(
          fc.record({
            lastYearMinor: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1e12 })),
            weight: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true })),
          }),
          { minLength: 1, maxLength: 15 },
        ),
        fc.constantFrom('equal' as const, 'last-year' as const, 'manual' as const),
        (total, raw, method) => {
          fc.pre(method !== 'manual' || raw.some((part) => part.weight > 0));
          const parts = raw.map((part, i) => ({ id: `p${i}`, ...part }));
          const split = splitPlan(total, parts, method);
          expect(amounts(split).reduce((a, b) => a + b, 0)).toBe(total);
          for (const amount of amounts(split)) expect(amount).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
