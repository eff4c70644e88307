import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLLUP_MEASURES, type RollupMeasure } from './catalog.ts';
import { kpiValue, type RollupTotals } from './kpi-value.ts';
import { sumRollups } from './sum-rollups.ts';

const row = fc.record(
  Object.fromEntries(ROLLUP_MEASURES.map((m) => [m, fc.integer({ min: 0, max: 1_000_000_000 })])) as Record<
    RollupMeasure,
    fc.Arbitrary<number>
  >,
  { requiredKeys: [] },
);

describe('sumRollups', () => {
  it('adds rows measure by measure and ignores other fields', () => {
    const rows = [
      { userId: 'u1', day: '2026-11-23', calls_outbound: 12, tasks_due: 5, tasks_done_on_time: 4 },
      { userId: 'u1', day: '2026-11-24', calls_outbound: 8, tasks_due: 3, tasks_done_on_time: 3 },
      { userId: 'u2', day: '2026-11-24', calls_outbound: 20 },
    ];
    const totals = sumRollups(rows);
    // 12 + 8 + 20 = 40 calls; 5 + 3 = 8 due, 4 + 3 = 7 on time → 7 / 8 = 87.5 %
    expect(totals.calls_outbound).toBe(40);
    expect(totals.tasks_due).toBe(8);
    expect(totals.revenue_minor).toBe(0);
    expect(kpiValue('tasks-on-time', totals)).toBe(87.5);
  });
  it('gives every measure as 0 for no rows', () => {
    expect(Object.values(sumRollups([]))).toEqual(ROLLUP_MEASURES.map(() => 0));
  });
  it('refuses a negative or fractional value and a total beyond the exact range', () => {
    expect(() => sumRollups([{ deals_won: -1 }])).toThrow(RangeError);
    expect(() => sumRollups([{ deals_won: 0.5 }])).toThrow(RangeError);
    expect(() => sumRollups([{ revenue_minor: Number.MAX_SAFE_INTEGER }, { revenue_minor: 1 }])).toThrow(RangeError);
  });
  it('gives the same totals however the days are split and ordered', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.nat(), fc.nat(), (rows, cut, seed) => {
        const at = rows.length === 0 ? 0 : cut % (rows.length + 1);
        const whole = sumRollups(rows);
        const parts = sumRollups([sumRollups(rows.slice(0, at)), sumRollups(rows.slice(at))]);
        // A deterministic reordering: rotate by the seed, then reverse.
        const shift = rows.length === 0 ? 0 : seed % rows.length;
        const reordered = sumRollups([...rows.slice(shift), ...rows.slice(0, shift)].reverse());
        expect(parts).toEqual(whole);
        expect(reordered).toEqual(whole);
      }),
    );
  });
  it('gives the same KPI value from split sums as from the whole', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), fc.nat(), (rows, cut) => {
        const at = cut % (rows.length + 1);
        const whole: RollupTotals = sumRollups(rows);
        const split: RollupTotals = sumRollups([sumRollups(rows.slice(0, at)), sumRollups(rows.slice(at))]);
        expect(kpiValue('win-rate', split)).toBe(kpiValue('win-rate', whole));
        expect(kpiValue('average-deal', split)).toBe(kpiValue('average-deal', whole));
      }),
    );
  });
});
