import { describe, expect, it } from 'vitest';
import { makeWorkCalendar } from './make-work-calendar.ts';
import { countWorkingDays, listWorkingDays } from './working-days.ts';

const office = makeWorkCalendar({
  timeZone: 'Europe/Moscow',
  holidays: ['2026-01-14'],
  workingDays: ['2026-01-17'],
});

describe('listWorkingDays', () => {
  it('answers a repeated range per calendar, and a caller changing its list does not change the next answer', () => {
    const plain = makeWorkCalendar({ timeZone: 'UTC' });
    const first = listWorkingDays(office, '2026-01-12', '2026-01-18');
    first.push('2026-01-18');
    expect(listWorkingDays(office, '2026-01-12', '2026-01-18')).toHaveLength(5);
    expect(listWorkingDays(plain, '2026-01-12', '2026-01-18')).toHaveLength(5);
    expect(listWorkingDays(plain, '2026-01-12', '2026-01-18')).toContain('2026-01-14');
    expect(listWorkingDays(office, '2026-01-12', '2026-01-18')).not.toContain('2026-01-14');
  });
  it('includes both ends of the range', () => {
    expect(listWorkingDays(office, '2026-01-16', '2026-01-19')).toEqual(['2026-01-16', '2026-01-17', '2026-01-19']);
  });
  it('skips holidays and weekends and keeps transferred working days, in order', () => {
    expect(listWorkingDays(office, '2026-01-12', '2026-01-18')).toEqual([
      '2026-01-12',
      '2026-01-13',
      '2026-01-15',
      '2026-01-16',
      '2026-01-17',
    ]);
  });
  it('gives the one day of a one-day range when it is working, and nothing when it is not', () => {
    expect(listWorkingDays(office, '2026-01-12', '2026-01-12')).toEqual(['2026-01-12']);
    expect(listWorkingDays(office, '2026-01-18', '2026-01-18')).toEqual([]);
  });
  it('steps across month, year and leap-day boundaries', () => {
    expect(listWorkingDays(office, '2027-12-31', '2028-01-03')).toEqual(['2027-12-31', '2028-01-03']);
    expect(listWorkingDays(office, '2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });
  it('throws a RangeError when from is after to', () => {
    expect(() => listWorkingDays(office, '2026-01-13', '2026-01-12')).toThrow(/is after/);
  });
  it('throws a RangeError for a malformed day', () => {
    expect(() => listWorkingDays(office, '2026-01-01', '2026-12-32')).toThrow(RangeError);
  });
});

describe('countWorkingDays', () => {
  it('answers each calendar from its own days when asked the same period again', () => {
    const plain = makeWorkCalendar({ timeZone: 'Europe/Moscow' });
    // 12–18 January 2026: five weekdays; the office has a holiday on Wednesday and works Saturday.
    for (let i = 0; i < 3; i++) {
      expect(countWorkingDays(plain, '2026-01-12', '2026-01-18')).toBe(5);
      expect(countWorkingDays(office, '2026-01-12', '2026-01-18')).toBe(5);
      expect(countWorkingDays(office, '2026-01-12', '2026-01-16')).toBe(4);
      expect(countWorkingDays(plain, '2026-01-12', '2026-01-16')).toBe(5);
    }
    expect(() => countWorkingDays(office, '2026-01-18', '2026-01-12')).toThrow(RangeError);
  });

  it('counts inclusively: a working week with one holiday and one working Saturday has five days', () => {
    expect(countWorkingDays(office, '2026-01-12', '2026-01-18')).toBe(5);
  });
  it('agrees with listWorkingDays over a whole year', () => {
    expect(countWorkingDays(office, '2026-01-01', '2026-12-31')).toBe(
      listWorkingDays(office, '2026-01-01', '2026-12-31').length,
    );
  });
  it('counts the 261 weekdays of 2026 for a plain Monday–Friday calendar', () => {
    const plain = makeWorkCalendar({ timeZone: 'UTC' });
    expect(countWorkingDays(plain, '2026-01-01', '2026-12-31')).toBe(261);
  });
  it('throws a RangeError when from is after to or a day is malformed', () => {
    expect(() => countWorkingDays(office, '2026-01-02', '2026-01-01')).toThrow(RangeError);
    expect(() => countWorkingDays(office, 'yesterday', '2026-01-01')).toThrow(RangeError);
  });
});
