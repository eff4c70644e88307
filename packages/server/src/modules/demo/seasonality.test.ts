import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';
import { activitySeasonality, MONTH_SEASONALITY, seasonalDaySampler, seasonality } from './seasonality.ts';

describe('seasonality', () => {
  it('has coefficients that sum to 12, as PRODUCT.md defines them', () => {
    expect(MONTH_SEASONALITY.reduce((a, b) => a + b, 0)).toBeCloseTo(12, 10);
  });
  it('peaks in December and March and dips in January and summer', () => {
    const average = 1;
    expect(Math.max(...MONTH_SEASONALITY)).toBe(seasonality(11));
    expect(Math.min(...MONTH_SEASONALITY)).toBe(seasonality(0));
    expect(seasonality(2)).toBeGreaterThan(average);
    for (const summer of [6, 7]) expect(seasonality(summer)).toBeLessThan(average);
  });
  it('refuses a month outside 0–11', () => expect(() => seasonality(12)).toThrow(RangeError));
  it('damps activity less than sales: a rep still works in July', () => {
    expect(activitySeasonality(6)).toBeGreaterThan(seasonality(6));
    expect(activitySeasonality(11)).toBeLessThan(seasonality(11));
  });
});

describe('seasonalDaySampler', () => {
  // Two full years, every month with 20 working days numbered month * 100 + day.
  const months = Array.from({ length: 24 }, (_, i) => ({
    monthIndex: i % 12,
    days: Array.from({ length: 20 }, (_, d) => i * 100 + d),
  }));
  const full = months.map(() => 20);

  it('gives each month volume in proportion to its coefficient', () => {
    const sample = seasonalDaySampler(months, full);
    const rng = createRandom(7, 'seasonality-test');
    const perMonth = new Array(12).fill(0);
    const draws = 120_000;
    for (let i = 0; i < draws; i++) perMonth[Math.floor(sample(rng) / 100) % 12] += 1;
    MONTH_SEASONALITY.forEach((coefficient, m) => {
      // 10,000 draws per average month: 5 % is several standard deviations.
      expect(perMonth[m] / (draws / 12)).toBeCloseTo(coefficient, 1);
    });
    expect(perMonth[11]).toBeGreaterThan(perMonth[6] * 1.5);
  });
  it('weighs a month cut by the range by the share of its working days inside', () => {
    const cut = [
      { monthIndex: 0, days: [1, 2, 3, 4, 5] },
      { monthIndex: 0, days: Array.from({ length: 20 }, (_, d) => 100 + d) },
    ];
    const sample = seasonalDaySampler(cut, [20, 20]);
    const rng = createRandom(7, 'cut');
    let first = 0;
    for (let i = 0; i < 20_000; i++) if (sample(rng) < 100) first += 1;
    expect(first / 20_000).toBeCloseTo(5 / 25, 1);
  });
  it('refuses a range without working days', () => {
    expect(() => seasonalDaySampler([{ monthIndex: 0, days: [] }], [20])).toThrow(RangeError);
  });
});
