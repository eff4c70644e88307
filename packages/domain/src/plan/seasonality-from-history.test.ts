import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MonthlyRevenue, seasonalityFromHistory } from './seasonality-from-history.ts';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Two years whose month means are 0.6, 0.8, 1.2, 1, 1, 1, 0.8, 0.8, 1, 1.1, 1.2, 1.5 × 1 000 000.00 RUB. */
const Y2024 = [50, 70, 110, 90, 95, 100, 75, 70, 90, 100, 115, 140].map((m) => m * 1_000_000);
const Y2025 = [70, 90, 130, 110, 105, 100, 85, 90, 110, 120, 125, 160].map((m) => m * 1_000_000);
const twoYears: MonthlyRevenue[] = [
  ...Y2024.map((revenueMinor, i) => ({ month: `2024-${String(i + 1).padStart(2, '0')}`, revenueMinor })),
  ...Y2025.map((revenueMinor, i) => ({ month: `2025-${String(i + 1).padStart(2, '0')}`, revenueMinor })),
];

function months(from: string, count: number, revenue: (i: number) => number): MonthlyRevenue[] {
  const [year, month] = from.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const total = year * 12 + (month - 1) + i;
    const label = `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
    return { month: label, revenueMinor: revenue(i) };
  });
}

describe('seasonalityFromHistory', () => {
  it('computes each coefficient as the month mean over the mean month (hand-worked, two years)', () => {
    // January: (500 000 + 700 000) / 2 = 600 000.00; mean month 1 000 000.00 → 0.6. And so on.
    const result = seasonalityFromHistory(twoYears, '2026-01-20');
    expect(result.basis).toBe('history');
    expect(result.flatReason).toBeNull();
    expect(result.coefficients).toEqual([0.6, 0.8, 1.2, 1, 1, 1, 0.8, 0.8, 1, 1.1, 1.2, 1.5]);
    expect(result.monthsUsed).toBe(24);
    expect(result.months[0]).toEqual({ monthIndex: 0, coefficient: 0.6, years: 2, meanRevenueMinor: 60_000_000 });
  });
  it('leaves out the current month and later ones, which are not full yet', () => {
    const history = [...twoYears, { month: '2026-01', revenueMinor: 1 }, { month: '2026-02', revenueMinor: 1 }];
    const result = seasonalityFromHistory(history, '2026-01-31');
    expect(result.excludedMonths).toEqual(['2026-01', '2026-02']);
    expect(result.coefficients[0]).toBe(0.6);
  });
  it('averages month means, so a month seen twice in 18 months does not skew the rest', () => {
    // 2025: 100 every month; 2026 Jan–Jun: 300. Month means 200 (Jan–Jun) and 100 (Jul–Dec),
    // their mean 150 → 4/3 and 2/3, summing to 12. (A plain mean of all 18 months, 166.67, would give 10.8.)
    const history = months('2025-01', 18, (i) => (i < 12 ? 100 : 300));
    const result = seasonalityFromHistory(history, '2026-07-01');
    expect(result.coefficients.slice(0, 6)).toEqual(Array(6).fill(200 / 150));
    expect(result.coefficients.slice(6)).toEqual(Array(6).fill(100 / 150));
    expect(sum(result.coefficients)).toBeCloseTo(12, 12);
  });
  it('is flat, saying so, with fewer than 12 full months', () => {
    const result = seasonalityFromHistory(
      months('2025-03', 11, () => 100),
      '2026-03-01',
    );
    expect(result.basis).toBe('flat');
    expect(result.flatReason).toBe('fewer-than-12-months');
    expect(result.coefficients).toEqual(Array(12).fill(1));
  });
  it('counts only full months towards the 12: eleven full plus the current one is not enough', () => {
    const result = seasonalityFromHistory(
      months('2025-03', 12, () => 100),
      '2026-02-10',
    );
    expect(result.flatReason).toBe('fewer-than-12-months');
  });
  it('is flat when a calendar month never appears, even with 12 months in all', () => {
    const history = months('2024-01', 13, () => 100).filter((m) => m.month !== '2024-03');
    expect(seasonalityFromHistory(history, '2026-01-01').flatReason).toBe('calendar-month-missing');
  });
  it('is flat when the history holds no revenue', () => {
    expect(
      seasonalityFromHistory(
        months('2024-01', 12, () => 0),
        '2026-01-01',
      ).flatReason,
    ).toBe('no-revenue');
  });
  it('refuses a month given twice, a negative revenue and malformed months', () => {
    expect(() => seasonalityFromHistory([...twoYears, { month: '2024-05', revenueMinor: 1 }], '2026-01-01')).toThrow(
      expect.objectContaining({ code: 'duplicate_id' }),
    );
    expect(() => seasonalityFromHistory([{ month: '2024-05', revenueMinor: -1 }], '2026-01-01')).toThrow(
      expect.objectContaining({ code: 'negative_amount' }),
    );
    expect(() => seasonalityFromHistory([{ month: '2024-5', revenueMinor: 1 }], '2026-01-01')).toThrow(
      expect.objectContaining({ code: 'invalid_period' }),
    );
    expect(() => seasonalityFromHistory([], '2026-13-01')).toThrow(expect.objectContaining({ code: 'invalid_period' }));
  });
  it('gives coefficients summing to 12 for any history of 12 to 48 months', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 12, max: 48 })
          .chain((count) =>
            fc.tuple(
              fc.constant(count),
              fc.array(fc.integer({ min: 0, max: 1e12 }), { minLength: count, maxLength: count }),
            ),
          ),
        fc.integer({ min: 0, max: 11 }),
        ([count, revenues], startMonth) => {
          fc.pre(revenues.some((revenue) => revenue > 0));
          const history = months(`2020-${String(startMonth + 1).padStart(2, '0')}`, count, (i) => revenues[i] ?? 0);
          const result = seasonalityFromHistory(history, '2030-01-01');
          expect(result.basis).toBe('history');
          expect(Math.abs(sum(result.coefficients) - 12)).toBeLessThan(1e-9);
          for (const coefficient of result.coefficients) expect(coefficient).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
