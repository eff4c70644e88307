import type { CalendarDay } from '@pulse/contracts';

/** ISO weekday of a `YYYY-MM-DD` day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function dayOf(year: number, month: number, date: number): string {
  return `${year}-${pad(month)}-${pad(date)}`;
}

/** A month as Monday-first weeks of seven cells; cells outside the month are null. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: isoWeekday(dayOf(year, month, 1)) - 1 }, () => null);
  for (let date = 1; date <= daysInMonth; date++) cells.push(dayOf(year, month, date));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** How a day looks: an exception from the calendar wins over the working week. */
export type DayStatus = CalendarDay['kind'] | 'weekend' | 'workday';

export function dayStatus(
  day: string,
  exceptions: ReadonlyMap<string, CalendarDay>,
  workWeek: readonly number[],
): DayStatus {
  const exception = exceptions.get(day);
  if (exception) return exception.kind;
  return workWeek.includes(isoWeekday(day)) ? 'workday' : 'weekend';
}

/** Summary months arrive as `YYYY-MM` (or a full day); returns the month number 1–12 or null. */
export function summaryMonthNumber(month: string): number | null {
  const match = /^\d{4}-(\d{2})/.exec(month);
  if (!match?.[1]) return null;
  const n = Number(match[1]);
  return n >= 1 && n <= 12 ? n : null;
}
