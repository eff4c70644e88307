import { describe, expect, it } from 'vitest';
import { isWorkingDay } from './is-working-day.ts';
import { makeWorkCalendar } from './make-work-calendar.ts';
import type { WorkCalendar } from './work-calendar.ts';

// Week of 2026-01-12: Monday 12th … Sunday 18th.
const office = makeWorkCalendar({
  timeZone: 'Europe/Moscow',
  holidays: ['2026-01-14'],
  workingDays: ['2026-01-17'],
});

describe('isWorkingDay', () => {
  it('treats the days of the work week as working', () => {
    expect(isWorkingDay(office, '2026-01-12')).toBe(true);
    expect(isWorkingDay(office, '2026-01-16')).toBe(true);
  });
  it('treats days outside the work week (the weekend) as days off', () => {
    expect(isWorkingDay(office, '2026-01-18')).toBe(false);
    expect(isWorkingDay(office, '2026-01-24')).toBe(false);
  });
  it('lets a holiday win over the work week', () => {
    expect(isWorkingDay(office, '2026-01-14')).toBe(false);
  });
  it('lets a transferred working day win over the weekend', () => {
    expect(isWorkingDay(office, '2026-01-17')).toBe(true);
  });
  it('follows a custom work week, e.g. Sunday to Thursday', () => {
    const sundayToThursday = makeWorkCalendar({ timeZone: 'Asia/Dubai', workWeek: [7, 1, 2, 3, 4] });
    expect(isWorkingDay(sundayToThursday, '2026-01-18')).toBe(true);
    expect(isWorkingDay(sundayToThursday, '2026-01-16')).toBe(false);
  });
  it('lets the holiday win when a hand-built calendar lists a day as both', () => {
    const contradictory: WorkCalendar = {
      ...office,
      holidays: new Set(['2026-01-17']),
      workingDays: new Set(['2026-01-17']),
    };
    expect(isWorkingDay(contradictory, '2026-01-17')).toBe(false);
  });
  it('throws a RangeError for a malformed day', () => {
    expect(() => isWorkingDay(office, '2026-1-12')).toThrow(RangeError);
    expect(() => isWorkingDay(office, '2026-02-30')).toThrow(RangeError);
  });
});
