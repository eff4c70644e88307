import { describe, expect, it } from 'vitest';
import { civilDate, dayNumber, dayString, formatDay, isoWeekday, isValidDay } from './calendar-day.ts';

describe('dayNumber', () => {
  it('counts days from 1970-01-01, which is day 0', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
  });
  it('round-trips through dayString, including a leap day', () => {
    for (const day of ['2024-02-29', '2026-12-31', '2027-01-01', '0099-06-15']) {
      expect(dayString(dayNumber(day))).toBe(day);
    }
  });
  it('rejects strings not shaped YYYY-MM-DD with a RangeError', () => {
    for (const bad of ['', '2026-1-05', '2026-01-5', '26-01-05', '2026/01/05', '2026-01-05T00:00']) {
      expect(() => dayNumber(bad)).toThrow(RangeError);
    }
  });
  it('rejects dates that do not exist, such as 30 February or 29 February of a common year', () => {
    expect(() => dayNumber('2026-02-30')).toThrow(/no such date/);
    expect(() => dayNumber('2026-02-29')).toThrow(RangeError);
    expect(() => dayNumber('2026-13-01')).toThrow(RangeError);
    expect(() => dayNumber('2026-00-10')).toThrow(RangeError);
  });
});

describe('isValidDay', () => {
  it('accepts real dates and refuses everything else', () => {
    expect(isValidDay('2028-02-29')).toBe(true);
    expect(isValidDay('2027-02-29')).toBe(false);
    expect(isValidDay('tomorrow')).toBe(false);
  });
});

describe('civilDate', () => {
  it('gives a zero-based month like Date does', () => {
    expect(civilDate(dayNumber('2026-03-29'))).toEqual({ year: 2026, monthIndex: 2, date: 29 });
  });
});

describe('formatDay', () => {
  it('pads every field', () => {
    expect(formatDay(987, 0, 5)).toBe('0987-01-05');
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 through Sunday 7', () => {
    expect(isoWeekday(dayNumber('2026-01-12'))).toBe(1);
    expect(isoWeekday(dayNumber('2026-01-16'))).toBe(5);
    expect(isoWeekday(dayNumber('2026-01-17'))).toBe(6);
    expect(isoWeekday(dayNumber('2026-01-18'))).toBe(7);
  });
  it('is right before 1970 too, where day numbers are negative', () => {
    expect(isoWeekday(dayNumber('1969-12-31'))).toBe(3);
    expect(isoWeekday(dayNumber('1961-04-12'))).toBe(3);
  });
});
