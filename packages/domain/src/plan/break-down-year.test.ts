import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeWorkCalendar, russianWorkCalendar } from '../calendar/index.ts';
import { breakDownYear } from './break-down-year.ts';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const russia = russianWorkCalendar();
const SEASONAL = [0.6, 0.8, 1.2, 1, 1, 1, 0.8, 0.8, 1, 1.1, 1.2, 1.5];

describe('breakDownYear', () => {
  it('breaks 12 000 000.07 RUB for 2026 into quarters, months and days (hand-worked)', () => {
    const plan = breakDownYear({ year: 2026, annualMinor: 1_200_000_007, coefficients: SEASONAL, calendar: russia });
    // Months as in splitYearByMonths; Q1 = 60 000 000 + 80 000 000 + 120 000 001, and so on.
    expect(plan.quarters).toEqual([
      { quarter: 1, planMinor: 260_000_001 },
      { quarter: 2, planMinor: 300_000_003 },
      { quarter: 3, planMinor: 260_000_000 },
      { quarter: 4, planMinor: 380_000_003 },
    ]);
    const march = plan.months[2];
    expect(march).toMatchObject({ month: '2026-03', planMinor: 120_000_001, workingDays: 21 });
    expect(march?.days[0]).toEqual({ day: '2026-03-02', planMinor: 5_714_286 });
    expect(plan.months.map((m) => m.workingDays)).toEqual([15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22]);
  });
  it('sums exactly at every level for any annual, coefficients, year and calendar', () => {
    const calendars = [russia, makeWorkCalendar({ timeZone: 'Europe/Moscow', workWeek: [1, 2, 3, 4, 5, 6] })];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 2025, max: 2027 }),
        fc.constantFrom(...calendars),
        (annualMinor, coefficients, year, calendar) => {
          const plan = breakDownYear({ year, annualMinor, coefficients, calendar });
          expect(sum(plan.months.map((m) => m.planMinor))).toBe(annualMinor);
          expect(sum(plan.quarters.map((q) => q.planMinor))).toBe(annualMinor);
          plan.quarters.forEach((quarter, q) => {
            expect(sum(plan.months.slice(q * 3, q * 3 + 3).map((m) => m.planMinor))).toBe(quarter.planMinor);
          });
          for (const month of plan.months) expect(sum(month.days.map((d) => d.planMinor))).toBe(month.planMinor);
        },
      ),
      { numRuns: 50 },
    );
  });
});
