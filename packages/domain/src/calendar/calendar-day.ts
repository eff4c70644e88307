// Civil days ('YYYY-MM-DD') as whole numbers of days since 1970-01-01.
// Day arithmetic is done on these numbers in UTC, where every day is exactly 24 hours
// long, so stepping through a range never trips over a DST change.

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** A civil date split into the fields `Date`/`TZDate` constructors take. */
export interface CivilDate {
  year: number;
  /** 0 = January, as in `Date`. */
  monthIndex: number;
  date: number;
}

function utcMidnight(year: number, monthIndex: number, date: number): Date {
  // setUTCFullYear rather than Date.UTC, which would read years 0–99 as 1900–1999.
  const at = new Date(0);
  at.setUTCFullYear(year, monthIndex, date);
  return at;
}

/**
 * The day number of a 'YYYY-MM-DD' string.
 * @throws RangeError if the string is not that shape or names no real date (2026-02-30).
 */
export function dayNumber(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (match === null) {
    throw new RangeError(`Invalid day "${day}": expected 'YYYY-MM-DD'`);
  }
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1;
  const date = Number(match[3]);
  const at = utcMidnight(year, monthIndex, date);
  if (at.getUTCMonth() !== monthIndex || at.getUTCDate() !== date) {
    throw new RangeError(`Invalid day "${day}": there is no such date`);
  }
  return at.getTime() / MS_PER_DAY;
}

/** Whether a string is a real 'YYYY-MM-DD' date. */
export function isValidDay(day: string): boolean {
  try {
    dayNumber(day);
    return true;
  } catch {
    return false;
  }
}

/** The civil date of a day number. */
export function civilDate(dayNum: number): CivilDate {
  const at = new Date(dayNum * MS_PER_DAY);
  return { year: at.getUTCFullYear(), monthIndex: at.getUTCMonth(), date: at.getUTCDate() };
}

/** Formats civil fields as 'YYYY-MM-DD'. */
export function formatDay(year: number, monthIndex: number, date: number): string {
  const yyyy = String(year).padStart(4, '0');
  const mm = String(monthIndex + 1).padStart(2, '0');
  const dd = String(date).padStart(2, '0');
  return `${yyyy}-${mm}-${dd}`;
}

/** The 'YYYY-MM-DD' string of a day number. */
export function dayString(dayNum: number): string {
  const { year, monthIndex, date } = civilDate(dayNum);
  return formatDay(year, monthIndex, date);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(dayNum: number): number {
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  return ((((dayNum + 3) % 7) + 7) % 7) + 1;
}
