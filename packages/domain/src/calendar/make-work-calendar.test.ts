import { describe, expect, it } from 'vitest';
import { makeWorkCalendar } from './make-work-calendar.ts';

describe('makeWorkCalendar', () => {
  it('defaults to Monday–Friday, 09:00–18:00 and no special days', () => {
    const calendar = makeWorkCalendar({ timeZone: 'Europe/Moscow' });
    expect(calendar).toEqual({
      timeZone: 'Europe/Moscow',
      workWeek: [1, 2, 3, 4, 5],
      businessHours: { start: '09:00', end: '18:00' },
      holidays: new Set(),
      workingDays: new Set(),
      shortDays: new Set(),
    });
  });
  it('turns the day arrays into sets, dropping duplicates', () => {
    const calendar = makeWorkCalendar({
      timeZone: 'UTC',
      holidays: ['2026-01-01', '2026-01-01'],
      workingDays: ['2026-01-03'],
      shortDays: ['2025-12-31'],
    });
    expect([...calendar.holidays]).toEqual(['2026-01-01']);
    expect(calendar.workingDays.has('2026-01-03')).toBe(true);
    expect(calendar.shortDays?.has('2025-12-31')).toBe(true);
  });
  it('copies its input, so later changes to the arrays do not leak into the calendar', () => {
    const workWeek = [1, 2, 3];
    const holidays = ['2026-01-01'];
    const calendar = makeWorkCalendar({ timeZone: 'UTC', workWeek, holidays });
    workWeek.push(4);
    holidays.push('2026-01-02');
    expect(calendar.workWeek).toEqual([1, 2, 3]);
    expect(calendar.holidays.has('2026-01-02')).toBe(false);
  });
  it('accepts a shift crossing midnight (end < start) and a 24-hour shift (end = start)', () => {
    expect(() => makeWorkCalendar({ timeZone: 'UTC', businessHours: { start: '22:00', end: '06:00' } })).not.toThrow();
    expect(() => makeWorkCalendar({ timeZone: 'UTC', businessHours: { start: '08:00', end: '08:00' } })).not.toThrow();
  });
  it('rejects an unknown time zone', () => {
    expect(() => makeWorkCalendar({ timeZone: 'Mars/Olympus_Mons' })).toThrow(/Unknown time zone "Mars\/Olympus_Mons"/);
    expect(() => makeWorkCalendar({ timeZone: '' })).toThrow(RangeError);
  });
  it('rejects business hours that are not HH:MM, naming the field', () => {
    expect(() => makeWorkCalendar({ timeZone: 'UTC', businessHours: { start: '9:00', end: '18:00' } })).toThrow(
      /businessHours\.start/,
    );
    expect(() => makeWorkCalendar({ timeZone: 'UTC', businessHours: { start: '09:00', end: '24:00' } })).toThrow(
      /businessHours\.end/,
    );
  });
  it('rejects weekdays outside 1–7, fractional ones and repeats', () => {
    for (const workWeek of [[0], [8], [1.5], [1, 1]]) {
      expect(() => makeWorkCalendar({ timeZone: 'UTC', workWeek })).toThrow(RangeError);
    }
  });
  it('rejects a malformed day, naming the list and the position', () => {
    expect(() => makeWorkCalendar({ timeZone: 'UTC', holidays: ['2026-01-01', '2026-02-30'] })).toThrow(
      /holidays\[1\].*2026-02-30/,
    );
    expect(() => makeWorkCalendar({ timeZone: 'UTC', workingDays: ['01.03.2026'] })).toThrow(/workingDays\[0\]/);
    expect(() => makeWorkCalendar({ timeZone: 'UTC', shortDays: ['2026-1-1'] })).toThrow(/shortDays\[0\]/);
  });
  it('rejects a day that is both a holiday and a working day', () => {
    expect(() => makeWorkCalendar({ timeZone: 'UTC', holidays: ['2026-01-03'], workingDays: ['2026-01-03'] })).toThrow(
      /2026-01-03 is listed both/,
    );
  });
});
