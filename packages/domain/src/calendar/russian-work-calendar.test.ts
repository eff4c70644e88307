import { describe, expect, it } from 'vitest';
import { isInBusinessHours } from './is-in-business-hours.ts';
import { isWorkingDay } from './is-working-day.ts';
import { russianWorkCalendar } from './russian-work-calendar.ts';
import { countWorkingDays } from './working-days.ts';

describe('russianWorkCalendar', () => {
  it('is a Moscow-time, Monday–Friday, 09:00–18:00 calendar', () => {
    const calendar = russianWorkCalendar();
    expect(calendar.timeZone).toBe('Europe/Moscow');
    expect(calendar.workWeek).toEqual([1, 2, 3, 4, 5]);
    expect(calendar.businessHours).toEqual({ start: '09:00', end: '18:00' });
  });
  it('merges every available year by default, so ranges can span New Year', () => {
    const calendar = russianWorkCalendar();
    expect(isWorkingDay(calendar, '2025-12-31')).toBe(false);
    expect(isWorkingDay(calendar, '2026-01-09')).toBe(false);
    expect(countWorkingDays(calendar, '2025-01-01', '2027-12-31')).toBe(3 * 247);
  });
  it('knows only the years asked for: without 2025, Wednesday 31 Dec 2025 is an ordinary working day', () => {
    const calendar = russianWorkCalendar([2026]);
    expect(isWorkingDay(calendar, '2025-12-31')).toBe(true);
    expect(isWorkingDay(calendar, '2026-12-31')).toBe(false);
  });
  it('closes an hour early on a pre-holiday short day (Thursday 30 April 2026)', () => {
    const calendar = russianWorkCalendar();
    expect(isInBusinessHours(calendar, new Date('2026-04-30T16:30:00+03:00'))).toBe(true);
    expect(isInBusinessHours(calendar, new Date('2026-04-30T17:30:00+03:00'))).toBe(false);
    expect(isInBusinessHours(calendar, new Date('2026-04-29T17:30:00+03:00'))).toBe(true);
  });
  it('throws a RangeError for a year without official data', () => {
    expect(() => russianWorkCalendar([2026, 2024])).toThrow(/No Russian production calendar for 2024/);
  });
});
