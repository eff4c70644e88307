import { describe, expect, it } from 'vitest';
import { russianWorkCalendar } from '../calendar/index.ts';
import { periodProgress } from './period-progress.ts';

const russia = russianWorkCalendar();

describe('periodProgress', () => {
  it('counts the asOf day as elapsed: 13 March 2026 is the 9th of 21 working days', () => {
    expect(periodProgress(russia, '2026-03-01', '2026-03-31', '2026-03-13')).toEqual({
      elapsedWorkingDays: 9,
      totalWorkingDays: 21,
    });
  });
  it('has nothing elapsed before the period or on its non-working first days', () => {
    expect(periodProgress(russia, '2026-03-01', '2026-03-31', '2026-02-27').elapsedWorkingDays).toBe(0);
    expect(periodProgress(russia, '2026-03-01', '2026-03-31', '2026-03-01').elapsedWorkingDays).toBe(0);
  });
  it('has every day elapsed after the period', () => {
    expect(periodProgress(russia, '2026-03-01', '2026-03-31', '2026-05-01').elapsedWorkingDays).toBe(21);
  });
  it('refuses a backwards period and malformed days', () => {
    expect(() => periodProgress(russia, '2026-03-31', '2026-03-01', '2026-03-10')).toThrow(
      expect.objectContaining({ code: 'invalid_period' }),
    );
    expect(() => periodProgress(russia, '2026-03-01', '2026-03-31', '2026-03-32')).toThrow(
      expect.objectContaining({ code: 'invalid_period' }),
    );
  });
});
