import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, dayString } from '../calendar/calendar-day.ts';
import { russianWorkCalendar } from '../calendar/russian-work-calendar.ts';
import type { KpiId } from './catalog.ts';
import { type PeriodGrain, periodOf } from './period-buckets.ts';
import { targetForPeriod } from './target-for-period.ts';

// January 2026 in Russia: 1–9 January are holidays, so the month has 15 working days
// (12–16, 19–23, 26–30). April 2026 has 22, May 2026 has 19 (1 and 11 May are holidays).
const calendar = russianWorkCalendar();
const target = (kpi: KpiId, grain: PeriodGrain, value: number, from: string, to: string) =>
  targetForPeriod({ kpi, target: { grain, value }, from, to, calendar });

describe('targetForPeriod', () => {
  it('multiplies a daily target by the working days of the period', () => {
    // Monday 2026-01-12 … Sunday 2026-01-18: 5 working days × 40 calls = 200
    expect(target('calls-outbound', 'day', 40, '2026-01-12', '2026-01-18')).toBe(200);
  });
  it('gives 0 over the New Year holidays, when nobody works', () => {
    // 2026-01-01 … 2026-01-08: every day is a holiday or a weekend.
    expect(target('calls-outbound', 'day', 40, '2026-01-01', '2026-01-08')).toBe(0);
  });
  it('gives a week its share of a monthly target by working days', () => {
    // 1,500,000 × 5 / 15 working days = 500,000
    expect(target('revenue', 'month', 1_500_000, '2026-01-12', '2026-01-18')).toBe(500_000);
  });
  it('rounds money half up on the month to date, so consecutive days add back exactly', () => {
    // 1,000,000 / 15 = 66,666.67 a day. Monday 12th: round(66,666.67) − 0 = 66,667;
    // Tuesday 13th: round(1,000,000 × 2 / 15 = 133,333.33) − 66,667 = 66,666.
    const day = (d: string) => target('revenue', 'month', 1_000_000, d, d);
    expect(day('2026-01-12')).toBe(66_667);
    expect(day('2026-01-13')).toBe(66_666);
    expect(day('2026-01-10')).toBe(0);
  });
  it('adds the shares of every month a period touches', () => {
    // 27 April … 8 May 2026, monthly target 2,200,000:
    // April: 27–30 = 4 of 22 working days → 2,200,000 × 4 / 22 = 400,000
    // May: 4–8 = 5 of 19 working days (1 May a holiday) → 11,000,000 / 19 = 578,947.37 → 578,947
    // total 978,947
    expect(target('revenue', 'month', 2_200_000, '2026-04-27', '2026-05-08')).toBe(978_947);
  });
  it('leaves count targets unrounded', () => {
    // 100 calls a month, one January day: 100 / 15 = 6.67
    expect(target('calls-outbound', 'month', 100, '2026-01-12', '2026-01-12')).toBeCloseTo(100 / 15, 10);
  });
  it('gives a day its share of a weekly target, and 0 in a week without working days', () => {
    // Week 2026-W03 (12–18 January) has 5 working days: 100 / 5 = 20 for Monday the 12th.
    expect(target('calls-outbound', 'week', 100, '2026-01-12', '2026-01-12')).toBe(20);
    // Week 2026-W02 (5–11 January) is all holidays and weekend.
    expect(target('calls-outbound', 'week', 100, '2026-01-05', '2026-01-11')).toBe(0);
  });
  it('keeps the value of ratio, average and period KPIs whatever the period', () => {
    expect(target('tasks-on-time', 'month', 90, '2026-01-12', '2026-01-12')).toBe(90);
    expect(target('average-deal', 'day', 50_000, '2026-01-01', '2026-03-31')).toBe(50_000);
    expect(target('pipeline-coverage', 'week', 3, '2026-01-01', '2026-01-31')).toBe(3);
  });
  it('refuses a negative value, fractional money and a period in the wrong order', () => {
    const base = { kpi: 'revenue' as const, from: '2026-01-12', to: '2026-01-18', calendar };
    expect(() => targetForPeriod({ ...base, target: { grain: 'month', value: -1 } })).toThrow(RangeError);
    expect(() => targetForPeriod({ ...base, target: { grain: 'month', value: 10.5 } })).toThrow(RangeError);
    expect(() =>
      targetForPeriod({ ...base, from: '2026-01-18', to: '2026-01-12', target: { grain: 'month', value: 1 } }),
    ).toThrow(RangeError);
    // A ratio KPI keeps its value, yet its period is still checked.
    expect(() => target('win-rate', 'month', 1, '2026-01-18', '2026-01-12')).toThrow(RangeError);
  });

  const monthOf2025To2027 = fc
    .integer({ min: dayNumber('2025-01-01'), max: dayNumber('2027-12-31') })
    .map((n) => periodOf(dayString(n), 'month'));

  it('splits a monthly money target into consecutive runs that add back to it exactly', () => {
    fc.assert(
      fc.property(
        monthOf2025To2027,
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (month, value, cuts) => {
          const first = dayNumber(month.from);
          const length = dayNumber(month.to) - first + 1;
          // Cut points inside the month, each the first day of a new run.
          const starts = [...new Set([0, ...cuts.map((c) => c % length)])].sort((a, b) => a - b);
          let total = 0;
          starts.forEach((start, i) => {
            const end = (starts[i + 1] ?? length) - 1;
            total += target('revenue', 'month', value, dayString(first + start), dayString(first + end));
          });
          expect(total).toBe(value);
        },
      ),
    );
  });
  it('gives a monthly count target back from its days, day by day', () => {
    fc.assert(
      fc.property(monthOf2025To2027, fc.integer({ min: 0, max: 10_000 }), (month, value) => {
        let total = 0;
        for (let n = dayNumber(month.from); n <= dayNumber(month.to); n++) {
          const day = dayString(n);
          total += target('meetings-held', 'month', value, day, day);
        }
        expect(total).toBeCloseTo(value, 6);
      }),
    );
  });
});
