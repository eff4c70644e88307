import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, dayString, isoWeekday } from '../calendar/calendar-day.ts';
import { dashboardPeriods, periodOf, splitByPeriod } from './period-buckets.ts';

describe('periodOf', () => {
  it('gives a day as itself', () => {
    expect(periodOf('2026-11-25', 'day')).toEqual({
      grain: 'day',
      key: '2026-11-25',
      from: '2026-11-25',
      to: '2026-11-25',
    });
  });
  it('puts New Year 2026 (a Thursday) in 2026-W01, which starts on Monday 2025-12-29', () => {
    expect(periodOf('2026-01-01', 'week')).toEqual({
      grain: 'week',
      key: '2026-W01',
      from: '2025-12-29',
      to: '2026-01-04',
    });
    expect(periodOf('2025-12-29', 'week').key).toBe('2026-W01');
  });
  it('puts 1 January 2027 (a Friday) in the 53rd week of 2026', () => {
    // 2026 starts on a Thursday, so it has 53 ISO weeks; the last one's Thursday is 2026-12-31.
    expect(periodOf('2027-01-01', 'week')).toEqual({
      grain: 'week',
      key: '2026-W53',
      from: '2026-12-28',
      to: '2027-01-03',
    });
  });
  it('numbers 2026-11-25 (a Wednesday) as week 48', () => {
    // Thursday 2026-11-26 is 329 days after Thursday 2026-01-01: 329 / 7 = 47 weeks → W48.
    expect(periodOf('2026-11-25', 'week')).toMatchObject({ key: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
  });
  it('gives the calendar month, February of a leap year included', () => {
    expect(periodOf('2026-02-14', 'month')).toEqual({
      grain: 'month',
      key: '2026-02',
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(periodOf('2028-02-10', 'month')).toMatchObject({ to: '2028-02-29' });
    expect(periodOf('2026-12-31', 'month')).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
  });
  it('refuses a malformed day', () => {
    expect(() => periodOf('2026-02-30', 'month')).toThrow(RangeError);
  });
  it('gives every day a Monday-to-Sunday week that contains it and shares its key', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2100-12-31') }), (n) => {
        const week = periodOf(dayString(n), 'week');
        const from = dayNumber(week.from);
        expect(isoWeekday(from)).toBe(1);
        expect(dayNumber(week.to) - from).toBe(6);
        expect(from <= n && n <= dayNumber(week.to)).toBe(true);
        expect(periodOf(week.to, 'week').key).toBe(week.key);
        expect(periodOf(dayString(from + 7), 'week').key).not.toBe(week.key);
      }),
    );
  });
});

describe('dashboardPeriods', () => {
  it('gives today, the week to date and the month to date', () => {
    expect(dashboardPeriods('2026-11-25')).toEqual({
      today: { grain: 'day', key: '2026-11-25', from: '2026-11-25', to: '2026-11-25' },
      week: { grain: 'week', key: '2026-W48', from: '2026-11-23', to: '2026-11-25' },
      month: { grain: 'month', key: '2026-11', from: '2026-11-01', to: '2026-11-25' },
    });
  });
  it('starts a week to date in the previous month when the month began midweek', () => {
    // 2026-05-01 is a Friday: the week began on Monday 2026-04-27, the month on the day itself.
    const periods = dashboardPeriods('2026-05-01');
    expect(periods.week).toMatchObject({ from: '2026-04-27', to: '2026-05-01' });
    expect(periods.month).toMatchObject({ from: '2026-05-01', to: '2026-05-01' });
  });
});

describe('splitByPeriod', () => {
  it('cuts a run of days at month ends', () => {
    expect(splitByPeriod('2026-01-30', '2026-02-02', 'month')).toEqual([
      { grain: 'month', key: '2026-01', from: '2026-01-30', to: '2026-01-31' },
      { grain: 'month', key: '2026-02', from: '2026-02-01', to: '2026-02-02' },
    ]);
  });
  it('cuts a run of days at Sundays', () => {
    // Friday 2026-11-20 … Tuesday 2026-12-01: W47 (Fri–Sun), W48 (whole), W49 (Mon–Tue).
    expect(splitByPeriod('2026-11-20', '2026-12-01', 'week').map((p) => [p.key, p.from, p.to])).toEqual([
      ['2026-W47', '2026-11-20', '2026-11-22'],
      ['2026-W48', '2026-11-23', '2026-11-29'],
      ['2026-W49', '2026-11-30', '2026-12-01'],
    ]);
  });
  it('refuses a run that ends before it starts', () => {
    expect(() => splitByPeriod('2026-02-02', '2026-02-01', 'day')).toThrow(RangeError);
  });
  it('covers the run exactly, part after part', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2030-12-31') }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom('day' as const, 'week' as const, 'month' as const),
        (start, length, grain) => {
          const parts = splitByPeriod(dayString(start), dayString(start + length), grain);
          expect(parts[0]?.from).toBe(dayString(start));
          expect(parts.at(-1)?.to).toBe(dayString(start + length));
          for (let i = 1; i < parts.length; i++) {
            expect(dayNumber(parts[i]?.from ?? '')).toBe(dayNumber(parts[i - 1]?.to ?? '') + 1);
          }
        },
      ),
    );
  });
});
