import { TZDate } from '@date-fns/tz';
import { civilDate, dayString } from './calendar-day.ts';
import { perCalendar } from './calendar-memo.ts';
import { clockMinutes, MINUTES_PER_DAY } from './clock-time.ts';
import { isWorkingDayNumber } from './is-working-day.ts';
import type { WorkCalendar } from './work-calendar.ts';

/** One day's shift as a half-open interval of epoch milliseconds: [start, end). */
export interface ShiftWindow {
  readonly start: number;
  readonly end: number;
}

const SHORT_DAY_MINUTES = 60;

/**
 * Wall-clock length of the shift in minutes. Lengths are taken on the wall clock (not
 * in elapsed time) so that the shift keeps its printed hours on a DST change day and the
 * instants are fixed only at the end, by the zone rules.
 */
function shiftMinutes(calendar: WorkCalendar, isShort: boolean): { startMinute: number; length: number } {
  const startMinute = clockMinutes(calendar.businessHours.start);
  const endMinute = clockMinutes(calendar.businessHours.end);
  const full = endMinute > startMinute ? endMinute - startMinute : endMinute + MINUTES_PER_DAY - startMinute;
  const length = isShort ? Math.max(0, full - SHORT_DAY_MINUTES) : full;
  return { startMinute, length };
}

function instantAt(timeZone: string, dayNum: number, minuteOfDay: number): number {
  const extraDays = Math.floor(minuteOfDay / MINUTES_PER_DAY);
  const minute = minuteOfDay - extraDays * MINUTES_PER_DAY;
  const { year, monthIndex, date } = civilDate(dayNum + extraDays);
  const time = new TZDate(year, monthIndex, date, Math.floor(minute / 60), minute % 60, timeZone).getTime();
  if (Number.isNaN(time)) {
    throw new RangeError(`Unknown time zone "${timeZone}"`);
  }
  return time;
}

/**
 * The shift that starts on a day, or undefined if the day is not working (or a short
 * day leaves nothing of the shift). A shift crossing midnight ends on the next day but
 * still belongs to this one.
 */
export function shiftWindow(calendar: WorkCalendar, dayNum: number): ShiftWindow | undefined {
  // Business time walks every day between two instants, and a dashboard measures many waits over
  // the same days: each day's window is kept with its calendar.
  return shiftWindows(calendar, dayNum, () => computeShiftWindow(calendar, dayNum));
}

const shiftWindows = perCalendar<number, ShiftWindow | undefined>(8192);

function computeShiftWindow(calendar: WorkCalendar, dayNum: number): ShiftWindow | undefined {
  if (!isWorkingDayNumber(calendar, dayNum)) return undefined;
  const isShort = calendar.shortDays?.has(dayString(dayNum)) ?? false;
  const { startMinute, length } = shiftMinutes(calendar, isShort);
  if (length === 0) return undefined;
  return {
    start: instantAt(calendar.timeZone, dayNum, startMinute),
    end: instantAt(calendar.timeZone, dayNum, startMinute + length),
  };
}
