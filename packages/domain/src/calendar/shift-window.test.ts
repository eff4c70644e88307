import { describe, expect, it } from 'vitest';
import { dayNumber } from './calendar-day.ts';
import { makeWorkCalendar } from './make-work-calendar.ts';
import { shiftWindow } from './shift-window.ts';
import type { WorkCalendar } from './work-calendar.ts';

const HOUR = 3_600_000;
const at = (iso: string): number => new Date(iso).getTime();

describe('shiftWindow', () => {
  const office = makeWorkCalendar({ timeZone: 'Europe/Moscow', shortDays: ['2026-04-30'] });

  it('places the shift at its wall-clock hours in the calendar zone', () => {
    expect(shiftWindow(office, dayNumber('2026-04-29'))).toEqual({
      start: at('2026-04-29T09:00:00+03:00'),
      end: at('2026-04-29T18:00:00+03:00'),
    });
  });
  it('has no shift on a day off', () => {
    expect(shiftWindow(office, dayNumber('2026-05-02'))).toBeUndefined();
  });
  it('ends a short day one hour earlier', () => {
    expect(shiftWindow(office, dayNumber('2026-04-30'))?.end).toBe(at('2026-04-30T17:00:00+03:00'));
  });
  it('ends a shift that crosses midnight on the next day', () => {
    const night = makeWorkCalendar({
      timeZone: 'Europe/Moscow',
      businessHours: { start: '22:00', end: '06:00' },
    });
    expect(shiftWindow(night, dayNumber('2026-01-16'))).toEqual({
      start: at('2026-01-16T22:00:00+03:00'),
      end: at('2026-01-17T06:00:00+03:00'),
    });
  });
  it('reads end === start as a full 24-hour shift', () => {
    const roundTheClock = makeWorkCalendar({
      timeZone: 'UTC',
      businessHours: { start: '08:00', end: '08:00' },
    });
    const shift = shiftWindow(roundTheClock, dayNumber('2026-01-12'));
    expect(shift && shift.end - shift.start).toBe(24 * HOUR);
  });
  it('leaves nothing of a one-hour shift on a short day', () => {
    const oneHour = makeWorkCalendar({
      timeZone: 'UTC',
      businessHours: { start: '09:00', end: '10:00' },
      shortDays: ['2026-01-12'],
    });
    expect(shiftWindow(oneHour, dayNumber('2026-01-12'))).toBeUndefined();
  });
  it('keeps wall-clock hours across DST, so a night shift lasts 7 h in spring and 9 h in autumn', () => {
    const berlinNights = makeWorkCalendar({
      timeZone: 'Europe/Berlin',
      workWeek: [1, 2, 3, 4, 5, 6, 7],
      businessHours: { start: '22:00', end: '06:00' },
    });
    const spring = shiftWindow(berlinNights, dayNumber('2026-03-28'));
    const autumn = shiftWindow(berlinNights, dayNumber('2026-10-24'));
    expect(spring).toEqual({ start: at('2026-03-28T21:00:00Z'), end: at('2026-03-29T04:00:00Z') });
    expect(autumn).toEqual({ start: at('2026-10-24T20:00:00Z'), end: at('2026-10-25T05:00:00Z') });
  });
  it('throws a RangeError for an unknown time zone in a hand-built calendar', () => {
    const broken: WorkCalendar = { ...office, timeZone: 'Nowhere/Special' };
    expect(() => shiftWindow(broken, dayNumber('2026-04-29'))).toThrow(/Unknown time zone/);
  });
});
