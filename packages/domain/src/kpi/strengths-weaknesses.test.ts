import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { strengthsAndWeaknesses } from './strengths-weaknesses.ts';

const rep = {
  'calls-outbound': 60,
  revenue: 800_000,
  'response-time': 3_600_000,
  'meetings-held': 4,
  'tasks-on-time': null,
  'win-rate': 30,
  'deals-won': 2,
};
const team = {
  // median 40 → (60 − 40) / 40 = +0.5
  'calls-outbound': [40, 50, 30],
  // sorted 900,000 · 1,000,000 · 1,100,000 · 1,200,000 → median 1,050,000 → (800,000 − 1,050,000) / 1,050,000 = −0.238
  revenue: [1_000_000, 1_200_000, 900_000, 1_100_000],
  // lower is better: median 2,100,000 → (3,600,000 − 2,100,000) / 2,100,000 = +0.714, turned round to −0.714
  'response-time': [1_800_000, 2_400_000],
  // median 4 → 0: compared, neither a strength nor a weakness
  'meetings-held': [4, 4, 5],
  // the rep has no value: left out
  'tasks-on-time': [80, 90],
  // no teammate has a value: left out
  'win-rate': [null, null],
  // median 0: left out
  'deals-won': [0, 0, 1],
};

describe('strengthsAndWeaknesses', () => {
  it('compares each KPI with the team median, relative and turned round for lower-is-better', () => {
    const result = strengthsAndWeaknesses({ rep, team, top: 3 });
    expect(result.comparisons.map((c) => c.kpi)).toEqual([
      'calls-outbound',
      'meetings-held',
      'response-time',
      'revenue',
    ]);
    const byKpi = Object.fromEntries(result.comparisons.map((c) => [c.kpi, c]));
    expect(byKpi['calls-outbound']).toEqual({ kpi: 'calls-outbound', value: 60, teamMedian: 40, advantage: 0.5 });
    expect(byKpi.revenue?.teamMedian).toBe(1_050_000);
    expect(byKpi.revenue?.advantage).toBeCloseTo(-250_000 / 1_050_000, 12);
    expect(byKpi['response-time']?.advantage).toBeCloseTo(-1_500_000 / 2_100_000, 12);
    expect(byKpi['meetings-held']?.advantage).toBe(0);
  });
  it('lists strengths best first and weaknesses worst first, zero in neither', () => {
    const result = strengthsAndWeaknesses({ rep, team, top: 3 });
    expect(result.strengths.map((c) => c.kpi)).toEqual(['calls-outbound']);
    expect(result.weaknesses.map((c) => c.kpi)).toEqual(['response-time', 'revenue']);
  });
  it('keeps only the top N of each', () => {
    const result = strengthsAndWeaknesses({ rep, team, top: 1 });
    expect(result.weaknesses.map((c) => c.kpi)).toEqual(['response-time']);
    expect(strengthsAndWeaknesses({ rep, team, top: 0 }).strengths).toEqual([]);
  });
  it('reads a faster response than the team as a strength', () => {
    // 1,000,000 against a median of 2,000,000: (1 − 2) / 2 = −0.5, turned round to +0.5
    const result = strengthsAndWeaknesses({
      rep: { 'response-time': 1_000_000 },
      team: { 'response-time': [2_000_000] },
      top: 1,
    });
    expect(result.strengths).toEqual([
      { kpi: 'response-time', value: 1_000_000, teamMedian: 2_000_000, advantage: 0.5 },
    ]);
  });
  it('refuses a top that is not a whole number 0 or more', () => {
    expect(() => strengthsAndWeaknesses({ rep, team, top: -1 })).toThrow(RangeError);
    expect(() => strengthsAndWeaknesses({ rep, team, top: 1.5 })).toThrow(RangeError);
  });
  it('does not depend on the order of the teammates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.nat(),
        (values, value, seed) => {
          const shift = seed % values.length;
          const permuted = [...values.slice(shift), ...values.slice(0, shift)].reverse();
          const a = strengthsAndWeaknesses({
            rep: { 'calls-outbound': value },
            team: { 'calls-outbound': values },
            top: 1,
          });
          const b = strengthsAndWeaknesses({
            rep: { 'calls-outbound': value },
            team: { 'calls-outbound': permuted },
            top: 1,
          });
          expect(b).toEqual(a);
        },
      ),
    );
  });
});
