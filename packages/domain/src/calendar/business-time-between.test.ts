import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessTimeBetween } from './business-time-between.ts';
import { isInBusinessHours } from './is-in-business-hours.ts';
import { makeWorkCalendar } from './make-work-calendar.ts';
import { russianWorkCalendar } from './russian-work-calendar.ts';
import { countWorkingDays } from './working-days.ts';

const HOUR = 3_600_000;
// Moscow is UTC+3 all year, so '+03:00' instants are Moscow wall-clock times.
const msk = (local: string): Date => new Date(`${local}+03:00`);

// 2026-01-12 is a Monday; 2026-01-16 a Friday.
const office = makeWorkCalendar({ timeZone: 'Europe/Moscow' });
const russia = russianWorkCalendar();

describe('businessTimeBetween', () => {
  it('is 0 when to equals from or comes before it', () => {
    expect(businessTimeBetween(office, msk('2026-01-12T10:00'), msk('2026-01-12T10:00'))).toBe(0);
    expect(businessTimeBetween(office, msk('2026-01-12T12:00'), msk('2026-01-12T10:00'))).toBe(0);
  });
  it('counts the whole span when both ends are inside one shift', () => {
    expect(businessTimeBetween(office, msk('2026-01-12T10:00'), msk('2026-01-12T12:00'))).toBe(2 * HOUR);
  });
  it('counts from the opening time when starting before business hours', () => {
    expect(businessTimeBetween(office, msk('2026-01-12T07:00'), msk('2026-01-12T10:00'))).toBe(1 * HOUR);
  });
  it('counts from Monday opening when starting on a Sunday', () => {
    expect(businessTimeBetween(office, msk('2026-01-11T12:00'), msk('2026-01-12T10:00'))).toBe(1 * HOUR);
  });
  it('stops at the closing time when ending after business hours', () => {
    expect(businessTimeBetween(office, msk('2026-01-12T17:00'), msk('2026-01-12T23:00'))).toBe(1 * HOUR);
  });
  it('skips the weekend: Friday 17:00 to Monday 10:00 is two hours', () => {
    expect(businessTimeBetween(office, msk('2026-01-16T17:00'), msk('2026-01-19T10:00'))).toBe(2 * HOUR);
  });
  it('gives 45 hours for a whole Monday–Friday week of 09:00–18:00', () => {
    expect(businessTimeBetween(office, msk('2026-01-12T00:00'), msk('2026-01-19T00:00'))).toBe(45 * HOUR);
  });

  describe('with the Russian production calendar', () => {
    it('skips a public holiday: Friday 20 Feb 17:00 to Tuesday 24 Feb 2026 10:00 is two hours', () => {
      expect(businessTimeBetween(russia, msk('2026-02-20T17:00'), msk('2026-02-24T10:00'))).toBe(2 * HOUR);
    });
    it('skips the New Year holidays and 31 December: 30 Dec 2025 17:00 to 12 Jan 2026 10:00 is two hours', () => {
      expect(businessTimeBetween(russia, msk('2025-12-30T17:00'), msk('2026-01-12T10:00'))).toBe(2 * HOUR);
    });
    it('counts a transferred working Saturday, which here is also a short day (1 Nov 2025: 8 hours)', () => {
      expect(businessTimeBetween(russia, msk('2025-10-31T18:00'), msk('2025-11-05T09:00'))).toBe(8 * HOUR);
    });
    it('counts a short pre-holiday day as 8 hours (30 Apr 2026)', () => {
      expect(businessTimeBetween(russia, msk('2026-04-30T00:00'), msk('2026-05-01T00:00'))).toBe(8 * HOUR);
    });
  });

  describe('with a 22:00–06:00 shift that crosses midnight', () => {
    const nights = makeWorkCalendar({
      timeZone: 'Europe/Moscow',
      businessHours: { start: '22:00', end: '06:00' },
    });

    it('counts the tail of Thursday’s shift and all of Friday’s, and nothing over the weekend', () => {
      // Fri 00:00–06:00 (Thursday's shift) + Fri 22:00–Sat 06:00 (Friday's) = 6 h + 8 h.
      expect(businessTimeBetween(nights, msk('2026-01-16T00:00'), msk('2026-01-19T00:00'))).toBe(14 * HOUR);
    });
    it('counts the part of a shift after midnight when the range starts there', () => {
      expect(businessTimeBetween(nights, msk('2026-01-17T03:00'), msk('2026-01-17T12:00'))).toBe(3 * HOUR);
    });
  });

  describe('across DST changes (Europe/Berlin)', () => {
    const berlinNights = makeWorkCalendar({
      timeZone: 'Europe/Berlin',
      workWeek: [1, 2, 3, 4, 5, 6, 7],
      businessHours: { start: '22:00', end: '06:00' },
    });
    const berlinOffice = makeWorkCalendar({ timeZone: 'Europe/Berlin' });

    it('counts 7 real hours for the 22:00–06:00 shift of the night the clocks go forward (29 Mar 2026)', () => {
      expect(
        businessTimeBetween(berlinNights, new Date('2026-03-28T20:00:00Z'), new Date('2026-03-29T12:00:00Z')),
      ).toBe(7 * HOUR);
    });
    it('counts 9 real hours for the 22:00–06:00 shift of the night the clocks go back (25 Oct 2026)', () => {
      expect(
        businessTimeBetween(berlinNights, new Date('2026-10-24T18:00:00Z'), new Date('2026-10-25T12:00:00Z')),
      ).toBe(9 * HOUR);
    });
    it('still gives 45 hours for a 09:00–18:00 week that spans the change, although the week is 167 h long', () => {
      const from = new Date('2026-03-22T23:00:00Z'); // Mon 23 Mar 00:00 CET
      const to = new Date('2026-03-29T22:00:00Z'); // Mon 30 Mar 00:00 CEST
      expect(to.getTime() - from.getTime()).toBe(167 * HOUR);
      expect(businessTimeBetween(berlinOffice, from, to)).toBe(45 * HOUR);
    });
  });

  describe('across time zones', () => {
    it('reads the same instants in each calendar’s zone: Vladivostok 8 h, Moscow 6 h', () => {
      const vladivostok = makeWorkCalendar({ timeZone: 'Asia/Vladivostok' });
      const from = new Date('2026-01-12T00:00:00Z'); // 10:00 in Vladivostok, 03:00 in Moscow
      const to = new Date('2026-01-12T12:00:00Z'); // 22:00 in Vladivostok, 15:00 in Moscow
      expect(businessTimeBetween(vladivostok, from, to)).toBe(8 * HOUR);
      expect(businessTimeBetween(office, from, to)).toBe(6 * HOUR);
    });
  });

  it('handles a ten-year range day by day: 9 hours per working day', () => {
    const from = msk('2020-01-01T00:00');
    const to = msk('2030-01-01T00:00');
    const workingDays = countWorkingDays(office, '2020-01-01', '2029-12-31');
    expect(businessTimeBetween(office, from, to)).toBe(workingDays * 9 * HOUR);
  });

  it('throws a RangeError for an invalid Date', () => {
    expect(() => businessTimeBetween(office, new Date(Number.NaN), msk('2026-01-12T10:00'))).toThrow(RangeError);
  });

  describe('properties', () => {
    const calendars = [
      office,
      russia,
      makeWorkCalendar({
        timeZone: 'Europe/Berlin',
        workWeek: [1, 2, 3, 4, 5, 6],
        businessHours: { start: '22:00', end: '06:00' },
        holidays: ['2026-04-03', '2026-04-06', '2026-10-26'],
        workingDays: ['2026-03-29'],
        shortDays: ['2026-03-27', '2026-10-24'],
      }),
      makeWorkCalendar({ timeZone: 'Asia/Vladivostok', businessHours: { start: '00:00', end: '00:00' } }),
    ];
    // February to December 2026: both Berlin DST changes and most Russian holidays.
    const window = { min: Date.parse('2026-02-01T00:00:00Z'), max: Date.parse('2026-12-01T00:00:00Z') };
    const instant = fc.integer(window);
    const calendar = fc.constantFrom(...calendars);

    it('is additive: btb(a, c) = btb(a, b) + btb(b, c) for a <= b <= c', () => {
      fc.assert(
        fc.property(calendar, instant, instant, instant, (cal, x, y, z) => {
          const [a, b, c] = [x, y, z].sort((p, q) => p - q).map((t) => new Date(t)) as [Date, Date, Date];
          expect(businessTimeBetween(cal, a, c)).toBe(businessTimeBetween(cal, a, b) + businessTimeBetween(cal, b, c));
        }),
      );
    });
    it('never exceeds to - from and is never negative', () => {
      fc.assert(
        fc.property(calendar, instant, instant, (cal, x, y) => {
          const result = businessTimeBetween(cal, new Date(x), new Date(y));
          expect(result).toBeGreaterThanOrEqual(0);
          expect(result).toBeLessThanOrEqual(Math.max(0, y - x));
        }),
      );
    });
    it('counts the millisecond after t exactly when t is in business hours', () => {
      fc.assert(
        fc.property(calendar, instant, (cal, t) => {
          const expected = isInBusinessHours(cal, new Date(t)) ? 1 : 0;
          expect(businessTimeBetween(cal, new Date(t), new Date(t + 1))).toBe(expected);
        }),
      );
    });
  });
});
