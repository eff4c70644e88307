import { describe, expect, it } from 'vitest';
import { goalProgress, isPerDay } from './goal-progress.ts';

describe('isPerDay', () => {
  it('treats calls and meetings per day as per working day', () => {
    expect(isPerDay('calls-per-day')).toBe(true);
    expect(isPerDay('revenue')).toBe(false);
  });
});

describe('goalProgress', () => {
  it('expects a monthly target pro rata to working days elapsed', () => {
    // 1 000 000 over 20 working days, 5 elapsed: 250 000 expected; 300 000 done is 30 % and on pace.
    const p = goalProgress({
      metric: 'revenue',
      target: 1_000_000,
      factSoFar: 300_000,
      elapsedWorkingDays: 5,
      workingDays: 20,
    });
    expect(p).toEqual({ expectedSoFar: 250_000, monthTarget: 1_000_000, percent: 30, onPace: true });
  });
  it('multiplies a per-day target by the days', () => {
    // 8 calls a day, 21 working days, 10 elapsed: 80 expected, 168 in the month; 70 is behind.
    const p = goalProgress({
      metric: 'calls-per-day',
      target: 8,
      factSoFar: 70,
      elapsedWorkingDays: 10,
      workingDays: 21,
    });
    expect(p).toEqual({ expectedSoFar: 80, monthTarget: 168, percent: 42, onPace: false });
  });
  it('has no percentage for a zero target', () => {
    const p = goalProgress({ metric: 'deals-won', target: 0, factSoFar: 0, elapsedWorkingDays: 0, workingDays: 0 });
    expect(p.percent).toBeNull();
    expect(p.onPace).toBe(true);
  });
});
