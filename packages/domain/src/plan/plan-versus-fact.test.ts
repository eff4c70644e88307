import { describe, expect, it } from 'vitest';
import { russianWorkCalendar } from '../calendar/index.ts';
import { periodProgress } from './period-progress.ts';
import { planVersusFact } from './plan-versus-fact.ts';

const russia = russianWorkCalendar();
const scenarios = { pessimisticMinor: 100_000_000, realisticMinor: 120_000_000, optimisticMinor: 140_000_000 };

describe('planVersusFact', () => {
  it('reports March 2026 on the 13th (hand-worked)', () => {
    // 9 of 21 working days. Plan to date 51 428 574; fact 45 000 000 → attainment 0.875…;
    // run rate 45 000 000 × 21 / 9 = 105 000 000 → pessimistic; pipeline 45 000 000 + 80 000 000 × 100 %
    // = 125 000 000 → realistic.
    const report = planVersusFact({
      from: '2026-03-01',
      to: '2026-03-31',
      asOf: '2026-03-13',
      calendar: russia,
      planToDateMinor: 51_428_574,
      factToDateMinor: 45_000_000,
      scenarios,
      openDeals: [{ amountMinor: 80_000_000, probability: 100, expectedCloseDay: '2026-03-27' }],
    });
    expect(report.progress).toEqual({ elapsedWorkingDays: 9, totalWorkingDays: 21 });
    expect(report.attainment).toBeCloseTo(45_000_000 / 51_428_574, 12);
    expect(report.runRate).toEqual({ forecastMinor: 105_000_000, scenario: 'pessimistic' });
    expect(report.pipeline).toEqual({
      forecastMinor: 125_000_000,
      weightedMinor: 80_000_000,
      dealsCounted: 1,
      scenario: 'realistic',
    });
  });
  it('has no run rate and no attainment before the first working day', () => {
    const report = planVersusFact({
      from: '2026-03-01',
      to: '2026-03-31',
      asOf: '2026-03-01',
      calendar: russia,
      planToDateMinor: 0,
      factToDateMinor: 0,
      scenarios,
      openDeals: [],
    });
    expect(report.attainment).toBeNull();
    expect(report.runRate).toEqual({ forecastMinor: null, scenario: null });
    expect(report.pipeline.scenario).toBe('below-pessimistic');
  });
  it('gives the same report from the period progress the caller worked out once for every node', () => {
    const input = {
      from: '2026-01-01',
      to: '2026-12-31',
      asOf: '2026-11-25',
      calendar: russia,
      planToDateMinor: 900_000_000,
      factToDateMinor: 800_000_000,
      scenarios: { pessimisticMinor: 1_000_000_000, realisticMinor: 1_100_000_000, optimisticMinor: 1_200_000_000 },
      openDeals: [{ amountMinor: 150_000_000, probability: 50, expectedCloseDay: '2026-12-20' }],
    };
    const shared = periodProgress(russia, '2026-01-01', '2026-12-31', '2026-11-25');
    expect(planVersusFact({ ...input, progress: shared })).toEqual(planVersusFact(input));
    // And it is what the report rests on: another progress gives another run rate.
    const other = planVersusFact({ ...input, progress: { elapsedWorkingDays: 100, totalWorkingDays: 247 } });
    expect(other.runRate.forecastMinor).not.toBe(planVersusFact(input).runRate.forecastMinor);
  });
});
