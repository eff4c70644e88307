import { describe, expect, it } from 'vitest';
import { businessTimeBetween } from './business-time-between.ts';
import { dayNumber, isoWeekday } from './calendar-day.ts';
import { isWorkingDay } from './is-working-day.ts';
import { makeWorkCalendar } from './make-work-calendar.ts';
import { RUSSIAN_CALENDAR_YEARS, russianProductionCalendar } from './russian-production-calendar.ts';
import { countWorkingDays } from './working-days.ts';

const HOUR = 3_600_000;

function calendarOf(year: number, hours = { start: '09:00', end: '18:00' }) {
  const data = russianProductionCalendar(year);
  if (data === undefined) throw new Error(`no data for ${year}`);
  return makeWorkCalendar({
    timeZone: 'Europe/Moscow',
    businessHours: hours,
    holidays: data.holidays.map((entry) => entry.day),
    workingDays: data.workingDays.map((entry) => entry.day),
    shortDays: data.shortDays,
  });
}

function monthlyCounts(year: number): number[] {
  const calendar = calendarOf(year);
  return Array.from({ length: 12 }, (_, index) => {
    const month = String(index + 1).padStart(2, '0');
    const lastDate = new Date(Date.UTC(year, index + 1, 0)).getUTCDate();
    return countWorkingDays(calendar, `${year}-${month}-01`, `${year}-${month}-${lastDate}`);
  });
}

const weekday = (day: string): number => isoWeekday(dayNumber(day));

describe('russianProductionCalendar', () => {
  it('has official data for 2025, 2026 and 2027 only', () => {
    expect(RUSSIAN_CALENDAR_YEARS).toEqual([2025, 2026, 2027]);
    expect(russianProductionCalendar(2024)).toBeUndefined();
    expect(russianProductionCalendar(2028)).toBeUndefined();
  });

  describe('yearly totals (official: 247 working days and 118 days off each year)', () => {
    it.each(RUSSIAN_CALENDAR_YEARS)('%i has 247 working days and 118 days off', (year) => {
      const working = countWorkingDays(calendarOf(year), `${year}-01-01`, `${year}-12-31`);
      expect(working).toBe(247);
      expect(365 - working).toBe(118);
    });
    it.each(RUSSIAN_CALENDAR_YEARS)('%i has the 1972-hour norm of a 40-hour week (four short days)', (year) => {
      const eightHourDays = calendarOf(year, { start: '09:00', end: '17:00' });
      const from = new Date(`${year}-01-01T00:00:00+03:00`);
      const to = new Date(`${year + 1}-01-01T00:00:00+03:00`);
      expect(businessTimeBetween(eightHourDays, from, to)).toBe(1972 * HOUR);
    });
  });

  describe('working days per month, as cross-checked against the sources', () => {
    it('2025: January 17 … December 22', () => {
      expect(monthlyCounts(2025)).toEqual([17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22]);
    });
    it('2026: January 15 … December 22', () => {
      expect(monthlyCounts(2026)).toEqual([15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22]);
    });
    it('2027: January 15 … December 22', () => {
      expect(monthlyCounts(2027)).toEqual([15, 19, 22, 22, 19, 21, 22, 22, 22, 21, 20, 22]);
    });
  });

  describe('transfers of days off', () => {
    it('2025 (decree № 1335): Sat 4 Jan → Fri 2 May, Sun 5 Jan → Wed 31 Dec, Sun 23 Feb → Thu 8 May, Sat 8 Mar → Fri 13 Jun', () => {
      const calendar = calendarOf(2025);
      for (const day of ['2025-05-02', '2025-12-31', '2025-05-08', '2025-06-13']) {
        expect(isWorkingDay(calendar, day)).toBe(false);
      }
    });
    it('2025 (decree № 1335): Saturday 1 November is worked and Monday 3 November is off', () => {
      const calendar = calendarOf(2025);
      expect(isWorkingDay(calendar, '2025-11-01')).toBe(true);
      expect(isWorkingDay(calendar, '2025-11-03')).toBe(false);
    });
    it('2026 (decree № 1466): Sat 3 Jan → Fri 9 Jan and Sun 4 Jan → Thu 31 Dec', () => {
      const calendar = calendarOf(2026);
      expect(isWorkingDay(calendar, '2026-01-09')).toBe(false);
      expect(isWorkingDay(calendar, '2026-12-31')).toBe(false);
      expect(isWorkingDay(calendar, '2026-01-12')).toBe(true);
    });
    it('2026 (Labour Code art. 112): 8 March on a Sunday moves to Monday 9 March, 9 May on a Saturday to Monday 11 May', () => {
      const calendar = calendarOf(2026);
      expect(isWorkingDay(calendar, '2026-03-09')).toBe(false);
      expect(isWorkingDay(calendar, '2026-05-11')).toBe(false);
    });
    it('2027 (decree № 1187): Saturday 20 February is worked and Monday 22 February is off', () => {
      const calendar = calendarOf(2027);
      expect(isWorkingDay(calendar, '2027-02-20')).toBe(true);
      expect(isWorkingDay(calendar, '2027-02-22')).toBe(false);
    });
    it('2027 (decree № 1187): Sat 2 Jan → Fri 5 Nov and Sun 3 Jan → Fri 31 Dec', () => {
      const calendar = calendarOf(2027);
      expect(isWorkingDay(calendar, '2027-11-05')).toBe(false);
      expect(isWorkingDay(calendar, '2027-12-31')).toBe(false);
    });
  });

  describe('shape of the data', () => {
    it.each(RUSSIAN_CALENDAR_YEARS)(
      '%i lists only weekday holidays and weekend working days, in order, within the year',
      (year) => {
        const data = russianProductionCalendar(year);
        const holidays = data?.holidays.map((entry) => entry.day) ?? [];
        const workingDays = data?.workingDays.map((entry) => entry.day) ?? [];
        expect(holidays.every((day) => weekday(day) <= 5)).toBe(true);
        expect(workingDays.every((day) => weekday(day) >= 6)).toBe(true);
        expect([...holidays].sort()).toEqual(holidays);
        expect(new Set(holidays).size).toBe(holidays.length);
        expect([...holidays, ...workingDays].every((day) => day.startsWith(`${year}-`))).toBe(true);
        expect([...(data?.holidays ?? []), ...(data?.workingDays ?? [])].every((entry) => entry.name.length > 0)).toBe(
          true,
        );
      },
    );
    it.each(RUSSIAN_CALENDAR_YEARS)('%i: every short day is a working day followed by a day off (art. 95)', (year) => {
      const calendar = calendarOf(year);
      for (const day of russianProductionCalendar(year)?.shortDays ?? []) {
        const next = new Date(dayNumber(day) * 86_400_000 + 86_400_000).toISOString().slice(0, 10);
        expect(isWorkingDay(calendar, day)).toBe(true);
        expect(isWorkingDay(calendar, next)).toBe(false);
      }
    });
    it('names the holidays officially, e.g. 7 January is Рождество Христово', () => {
      expect(russianProductionCalendar(2026)?.holidays).toContainEqual({
        day: '2026-01-07',
        name: 'Рождество Христово',
      });
    });
    it('returns fresh copies, so a caller cannot corrupt the official data', () => {
      const first = russianProductionCalendar(2026);
      first?.holidays.pop();
      first?.shortDays.push('2026-12-30');
      expect(russianProductionCalendar(2026)?.holidays).toHaveLength(14);
      expect(russianProductionCalendar(2026)?.shortDays).toHaveLength(4);
    });
  });
});
