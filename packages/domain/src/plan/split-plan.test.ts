import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitFollowing, splitPlan } from './split-plan.ts';

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

describe('splitFollowing', () => {
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const flat = (n: number) => Array.from({ length: 12 }, () => n);
  // 100 deals over twelve months as seasonality spreads them: four months of 9, eight of 8.
  const dealMonths = [9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8];

  it('gives three equal reps 34, 33 and 33 of 100 deals, and every month adds up', () => {
    const parts = splitFollowing(dealMonths, [
      { id: 'anna', reference: flat(833_334) },
      { id: 'boris', reference: flat(833_333) },
      { id: 'vera', reference: flat(833_333) },
    ]);
    expect(parts.map((part) => part.year)).toEqual([34, 33, 33]);
    for (const part of parts) expect(sum(part.months)).toBe(part.year);
    dealMonths.forEach((amount, m) => {
      expect(sum(parts.map((part) => part.months[m] ?? 0))).toBe(amount);
    });
    // Month by month each rep stays within one deal of an even third.
    for (const part of parts) {
      let running = 0;
      part.months.forEach((value, m) => {
        running += value;
        expect(Math.abs(running - (sum(dealMonths.slice(0, m + 1)) * part.year) / 100)).toBeLessThan(1);
      });
    }
  });
  it('splits 1 000 000,00 ₽ of margin to the exact kopeck', () => {
    const months = flat(0).map((_, m) => (m === 0 ? 100_000_000 : 0));
    const parts = splitFollowing(months, [
      { id: 'anna', reference: months },
      { id: 'boris', reference: months },
      { id: 'vera', reference: months },
    ]);
    expect(parts.map((part) => part.months[0])).toEqual([33_333_334, 33_333_333, 33_333_333]);
  });
  it('follows the ramp: a rep hired in July carries nothing before', () => {
    const ramped = flat(0).map((_, m) => (m < 6 ? 0 : ([25, 50, 75, 100, 100, 100][m - 6] ?? 0)));
    const parts = splitFollowing(flat(10), [
      { id: 'veteran', reference: flat(100) },
      { id: 'hire', reference: ramped },
    ]);
    expect(parts[1]?.months.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(parts[0]?.year).toBe(Math.round((120 * 1200) / 1650));
  });
  it('has a leaver take their remainder in their last month, none after', () => {
    const leaving = flat(0).map((_, m) => (m < 3 ? 1 : 0));
    const parts = splitFollowing(flat(1), [
      { id: 'stays', reference: flat(1) },
      { id: 'leaves', reference: leaving },
    ]);
    expect(parts[1]?.months.slice(3)).toEqual(flat(0).slice(3));
    expect(sum(parts[1]?.months ?? [])).toBe(parts[1]?.year);
  });
  it('splits equally when no part has a reference, in the parent shape', () => {
    const parts = splitFollowing(
      [3, 0, 3],
      [
        { id: 'a', reference: [0, 0, 0] },
        { id: 'b', reference: [0, 0, 0] },
      ],
    );
    expect(parts).toEqual([
      { id: 'a', year: 3, months: [2, 0, 1] },
      { id: 'b', year: 3, months: [1, 0, 2] },
    ]);
  });
  it('refuses no parts, repeated ids, negative months and misaligned references', () => {
    const code = (c: string) => expect.objectContaining({ code: c });
    expect(() => splitFollowing([1], [])).toThrow(code('no_parts'));
    expect(() =>
      splitFollowing(
        [1],
        [
          { id: 'a', reference: [1] },
          { id: 'a', reference: [1] },
        ],
      ),
    ).toThrow(code('duplicate_id'));
    expect(() => splitFollowing([-1], [{ id: 'a', reference: [1] }])).toThrow(code('negative_amount'));
    expect(() => splitFollowing([1, 1], [{ id: 'a', reference: [1] }])).toThrow(code('invalid_period'));
    expect(() => splitFollowing([1], [{ id: 'a', reference: [-1] }])).toThrow(code('negative_weight'));
  });

  const grid = (parentMonths: readonly number[], references: readonly (readonly number[])[]) => {
    const parts = splitFollowing(
      parentMonths,
      references.map((reference, i) => ({ id: `p${i}`, reference })),
    );
    for (const part of parts) {
      expect(sum(part.months)).toBe(part.year);
      for (const value of part.months) expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
    }
    parentMonths.forEach((amount, m) => {
      expect(sum(parts.map((part) => part.months[m] ?? 0))).toBe(amount);
    });
    expect(sum(parts.map((part) => part.year))).toBe(sum(parentMonths));
    return parts;
  };
  const referenceArb = (months: number) =>
    fc.array(
      fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1e9 })), { minLength: months, maxLength: months }),
      {
        minLength: 1,
        maxLength: 8,
      },
    );

  it('sums exactly both ways for any deal counts (small whole numbers) and references', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 12 })
          .chain((n) =>
            fc.tuple(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: n, maxLength: n }), referenceArb(n)),
          ),
        ([dealsByMonth, references]) => {
          const parts = grid(dealsByMonth, references);
          // The years are the largest-remainder split of the total by the reference years.
          const years = references.map(sum);
          if (years.some((year) => year > 0)) {
            parts.forEach((part, i) => {
              expect(Math.abs(part.year - (sum(dealsByMonth) * (years[i] ?? 0)) / sum(years))).toBeLessThan(1);
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('sums exactly both ways for any margin in kopecks', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 12 })
          .chain((n) =>
            fc.tuple(fc.array(fc.integer({ min: 0, max: 1e12 }), { minLength: n, maxLength: n }), referenceArb(n)),
          ),
        ([marginByMonth, references]) => {
          grid(marginByMonth, references);
        },
      ),
      { numRuns: 300 },
    );
  });
});
