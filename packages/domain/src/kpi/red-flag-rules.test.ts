import { describe, expect, it } from 'vitest';
import { russianWorkCalendar } from '../calendar/russian-work-calendar.ts';
import {
  dealRotting,
  forecastBelowPessimistic,
  leadWaitingTooLong,
  noCallsByHour,
  overdueBeyondLimit,
} from './red-flag-rules.ts';

// Moscow is UTC+3 all year, so '+03:00' instants are Moscow wall-clock times.
const msk = (local: string): Date => new Date(`${local}+03:00`);
// Russian calendar: Monday–Friday 09:00–18:00 Moscow, official holidays; 2026-11-25 is a Wednesday.
const calendar = russianWorkCalendar();

describe('noCallsByHour', () => {
  const at = (local: string, callsToday = 0) =>
    noCallsByHour({ now: msk(local), callsToday, expectedBy: '11:00', calendar });
  it('raises the flag on a working day from the expected time on, with no calls', () => {
    expect(at('2026-11-25T11:30')).toBe(true);
    expect(at('2026-11-25T11:00')).toBe(true);
  });
  it('stays down before the expected time', () => {
    expect(at('2026-11-25T10:59')).toBe(false);
  });
  it('stays down once a call is made', () => {
    expect(at('2026-11-25T15:00', 1)).toBe(false);
  });
  it('stays down on a weekend and on a public holiday', () => {
    expect(at('2026-11-28T12:00')).toBe(false); // Saturday
    expect(at('2026-11-04T12:00')).toBe(false); // National Unity Day, a Wednesday
    expect(at('2026-01-05T12:00')).toBe(false); // New Year holidays, a Monday
  });
  it('reads the hour in the given zone', () => {
    // 2026-11-25T02:00Z is 12:00 in Vladivostok (UTC+10) but 05:00 in Moscow.
    const now = new Date('2026-11-25T02:00:00Z');
    expect(noCallsByHour({ now, callsToday: 0, expectedBy: '11:00', calendar, timeZone: 'Asia/Vladivostok' })).toBe(
      true,
    );
    expect(noCallsByHour({ now, callsToday: 0, expectedBy: '11:00', calendar })).toBe(false);
  });
  it('refuses a malformed time and a call count that is not whole', () => {
    expect(() => noCallsByHour({ now: msk('2026-11-25T12:00'), callsToday: 0, expectedBy: '11', calendar })).toThrow(
      RangeError,
    );
    expect(() => at('2026-11-25T12:00', -1)).toThrow(RangeError);
  });
});

describe('overdueBeyondLimit', () => {
  it('is true only past the limit', () => {
    expect(overdueBeyondLimit(4, 3)).toBe(true);
    expect(overdueBeyondLimit(3, 3)).toBe(false);
    expect(overdueBeyondLimit(1, 0)).toBe(true);
    expect(overdueBeyondLimit(0, 0)).toBe(false);
  });
  it('refuses negative or fractional numbers', () => {
    expect(() => overdueBeyondLimit(-1, 3)).toThrow(RangeError);
    expect(() => overdueBeyondLimit(1, 0.5)).toThrow(RangeError);
  });
});

describe('dealRotting', () => {
  const entered = new Date('2026-11-18T10:00:00Z');
  it('rots only after more than the limit in calendar days, weekend included', () => {
    // 7 days × 24 h after Wednesday 18 November 10:00 UTC is Wednesday 25 November 10:00 UTC.
    expect(dealRotting({ stageEnteredAt: entered, rottingDays: 7, now: new Date('2026-11-25T10:00:00Z') })).toBe(false);
    expect(dealRotting({ stageEnteredAt: entered, rottingDays: 7, now: new Date('2026-11-25T10:00:00.001Z') })).toBe(
      true,
    );
  });
  it('never rots in a stage without a limit', () => {
    expect(dealRotting({ stageEnteredAt: entered, rottingDays: null, now: new Date('2030-01-01T00:00:00Z') })).toBe(
      false,
    );
  });
  it('rots at once with a limit of 0, as soon as any time has passed', () => {
    expect(dealRotting({ stageEnteredAt: entered, rottingDays: 0, now: entered })).toBe(false);
    expect(dealRotting({ stageEnteredAt: entered, rottingDays: 0, now: new Date(entered.getTime() + 1) })).toBe(true);
  });
  it('refuses a negative limit and an invalid instant', () => {
    expect(() => dealRotting({ stageEnteredAt: entered, rottingDays: -1, now: entered })).toThrow(RangeError);
    expect(() => dealRotting({ stageEnteredAt: new Date('x'), rottingDays: 1, now: entered })).toThrow(RangeError);
  });
});

describe('leadWaitingTooLong', () => {
  const waiting = (arrived: string, now: string, targetMinutes = 60) =>
    leadWaitingTooLong({ arrivedAt: msk(arrived), now: msk(now), targetMinutes, calendar });
  it('does not count the weekend', () => {
    // Friday 27 November 17:30 → 18:00 = 30 min; Monday 30 November 09:00 → 09:20 = 20 min; 50 ≤ 60.
    expect(waiting('2026-11-27T17:30', '2026-11-30T09:20')).toBe(false);
    // … to 09:31 = 31 min; 30 + 31 = 61 > 60.
    expect(waiting('2026-11-27T17:30', '2026-11-30T09:31')).toBe(true);
  });
  it('does not count the May holiday, and stops an hour early on the short day before it', () => {
    // Thursday 30 April 2026 is a short day (09:00–17:00): 16:30 → 17:00 = 30 min.
    // Friday 1 May is a holiday, 2–3 May the weekend; Monday 4 May 09:00 → 09:29 = 29 min; 59 ≤ 60.
    expect(waiting('2026-04-30T16:30', '2026-05-04T09:29')).toBe(false);
    // … to 09:31 = 31 min; 30 + 31 = 61 > 60.
    expect(waiting('2026-04-30T16:30', '2026-05-04T09:31')).toBe(true);
  });
  it('does not count the New Year holidays', () => {
    // Arrived on 1 January 2026; 1–11 January rest. Monday 12 January 09:00 → 09:59 = 59 min.
    expect(waiting('2026-01-01T12:00', '2026-01-12T09:59')).toBe(false);
    expect(waiting('2026-01-01T12:00', '2026-01-12T10:01')).toBe(true);
  });
  it('does not count the night: a lead that came at 20:00 waits from 09:00 the next morning', () => {
    // Wednesday 20:00 → Thursday 08:59: 0 business minutes though 13 hours have passed.
    expect(waiting('2026-11-25T20:00', '2026-11-26T08:59', 1)).toBe(false);
    // Thursday 09:00 → 10:00 = exactly 60: not beyond the target; 10:01 = 61 is.
    expect(waiting('2026-11-25T20:00', '2026-11-26T10:00')).toBe(false);
    expect(waiting('2026-11-25T20:00', '2026-11-26T10:01')).toBe(true);
  });
  it('refuses a negative target', () => {
    expect(() => waiting('2026-11-25T10:00', '2026-11-25T12:00', -5)).toThrow(RangeError);
  });
});

describe('forecastBelowPessimistic', () => {
  it('is true only strictly below the pessimistic scenario', () => {
    expect(forecastBelowPessimistic(899_999, 900_000)).toBe(true);
    expect(forecastBelowPessimistic(900_000, 900_000)).toBe(false);
    expect(forecastBelowPessimistic(1_000_000, 900_000)).toBe(false);
  });
  it('refuses amounts that are not whole minor units', () => {
    expect(() => forecastBelowPessimistic(1.5, 2)).toThrow(RangeError);
  });
});
