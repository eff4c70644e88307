import { describe, expect, it } from 'vitest';
import { isInBusinessHours } from './is-in-business-hours.ts';
import { makeWorkCalendar } from './make-work-calendar.ts';

// Moscow is UTC+3 all year, so '+03:00' instants are Moscow wall-clock times.
const msk = (local: string): Date => new Date(`${local}+03:00`);

// 2026-01-12 is a Monday; 2026-01-16 a Friday.
const office = makeWorkCalendar({
  timeZone: 'Europe/Moscow',
  holidays: ['2026-01-14'],
  workingDays: ['2026-01-17'],
  shortDays: ['2026-01-13'],
});

const nights = makeWorkCalendar({
  timeZone: 'Europe/Moscow',
  businessHours: { start: '22:00', end: '06:00' },
  holidays: ['2026-01-23'],
  shortDays: ['2026-01-22'],
});

describe('isInBusinessHours', () => {
  it('includes the first instant of the shift and excludes its end (half-open 09:00–18:00)', () => {
    expect(isInBusinessHours(office, msk('2026-01-12T08:59:59.999'))).toBe(false);
    expect(isInBusinessHours(office, msk('2026-01-12T09:00:00.000'))).toBe(true);
    expect(isInBusinessHours(office, msk('2026-01-12T17:59:59.999'))).toBe(true);
    expect(isInBusinessHours(office, msk('2026-01-12T18:00:00.000'))).toBe(false);
  });
  it('is closed all day on the weekend', () => {
    expect(isInBusinessHours(office, msk('2026-01-18T12:00'))).toBe(false);
  });
  it('is closed on a holiday that falls on a weekday', () => {
    expect(isInBusinessHours(office, msk('2026-01-14T12:00'))).toBe(false);
  });
  it('is open on a transferred working Saturday', () => {
    expect(isInBusinessHours(office, msk('2026-01-17T12:00'))).toBe(true);
  });
  it('closes a short day one hour early, at 17:00', () => {
    expect(isInBusinessHours(office, msk('2026-01-13T16:59:59.999'))).toBe(true);
    expect(isInBusinessHours(office, msk('2026-01-13T17:00'))).toBe(false);
  });

  describe('with a 22:00–06:00 shift that crosses midnight', () => {
    it('covers Saturday 03:00 with the shift that started on working Friday', () => {
      expect(isInBusinessHours(nights, msk('2026-01-17T03:00'))).toBe(true);
    });
    it('ends the Friday shift at 06:00 on Saturday and starts none on Saturday night', () => {
      expect(isInBusinessHours(nights, msk('2026-01-17T06:00'))).toBe(false);
      expect(isInBusinessHours(nights, msk('2026-01-17T23:00'))).toBe(false);
    });
    it('is closed early on Monday, because Sunday started no shift', () => {
      expect(isInBusinessHours(nights, msk('2026-01-19T03:00'))).toBe(false);
      expect(isInBusinessHours(nights, msk('2026-01-19T22:00'))).toBe(true);
    });
    it('does not cover Saturday 03:00 when Friday is a holiday', () => {
      expect(isInBusinessHours(nights, msk('2026-01-24T03:00'))).toBe(false);
    });
    it('ends the shift of a short day at 05:00 instead of 06:00', () => {
      expect(isInBusinessHours(nights, msk('2026-01-23T04:59'))).toBe(true);
      expect(isInBusinessHours(nights, msk('2026-01-23T05:00'))).toBe(false);
    });
  });

  describe('across time zones', () => {
    const vladivostok = makeWorkCalendar({ timeZone: 'Asia/Vladivostok' });
    const moscow = makeWorkCalendar({ timeZone: 'Europe/Moscow' });

    it('reads one instant in each calendar’s own zone: 00:00Z Monday is 10:00 in Vladivostok, 03:00 in Moscow', () => {
      const instant = new Date('2026-01-12T00:00:00Z');
      expect(isInBusinessHours(vladivostok, instant)).toBe(true);
      expect(isInBusinessHours(moscow, instant)).toBe(false);
    });
    it('is open in Vladivostok on Monday morning while it is still Sunday in UTC', () => {
      expect(isInBusinessHours(vladivostok, new Date('2026-01-11T23:30:00Z'))).toBe(true);
    });
    it('moves the UTC opening time with DST: Berlin opens at 08:00Z in winter and 07:00Z in summer', () => {
      const berlin = makeWorkCalendar({ timeZone: 'Europe/Berlin' });
      expect(isInBusinessHours(berlin, new Date('2026-03-27T07:30:00Z'))).toBe(false);
      expect(isInBusinessHours(berlin, new Date('2026-03-27T08:00:00Z'))).toBe(true);
      expect(isInBusinessHours(berlin, new Date('2026-03-30T07:00:00Z'))).toBe(true);
    });
  });

  it('throws a RangeError for an invalid Date', () => {
    expect(() => isInBusinessHours(office, new Date(Number.NaN))).toThrow(RangeError);
  });
});
