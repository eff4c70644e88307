import { isWorkingDay, type WorkCalendar } from '@pulse/domain';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** A pre-holiday day is one hour shorter (Russian practice, as the domain calendar has it). */
const SHORT_DAY_MS = 60 * MINUTE_MS;

/** Day number (days since 1970-01-01) of a 'YYYY-MM-DD' string. */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const ms = Date.UTC(y ?? Number.NaN, (m ?? 1) - 1, d ?? Number.NaN);
  if (Number.isNaN(ms) || dayString(ms / DAY_MS) !== day) throw new RangeError(`Invalid day "${day}"`);
  return ms / DAY_MS;
}

/** 'YYYY-MM-DD' of a day number. */
export function dayString(dayNum: number): string {
  return new Date(dayNum * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar month index (0 = January) and year of a day number. */
export function monthOf(dayNum: number): { year: number; monthIndex: number } {
  const at = new Date(dayNum * DAY_MS);
  return { year: at.getUTCFullYear(), monthIndex: at.getUTCMonth() };
}

function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * The organisation's working days and shifts over a range of days, precomputed once so the
 * generator can place millions of events in business hours without zone arithmetic per event.
 * Built from the same WorkCalendar the application reads, so what it generates is what the
 * app's own "business hours" checks accept.
 */
export class WorkTime {
  readonly timeZone: string;
  readonly firstDay: number;
  readonly lastDay: number;
  /** Working days of the range, ascending. */
  readonly days: readonly number[];
  /** Shift start and length per day of the range (index: day − firstDay); length 0 = day off. */
  private readonly start: Float64Array;
  private readonly length: Float64Array;
  private readonly offsetFormat: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(calendar: WorkCalendar, firstDay: number, lastDay: number) {
    this.timeZone = calendar.timeZone;
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    this.offsetFormat = new Intl.DateTimeFormat('en-US', {
      timeZone: calendar.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    const startMinute = clockMinutes(calendar.businessHours.start);
    const endMinute = clockMinutes(calendar.businessHours.end);
    const fullMinutes = endMinute > startMinute ? endMinute - startMinute : endMinute + 1440 - startMinute;
    const days: number[] = [];
    this.start = new Float64Array(lastDay - firstDay + 1);
    this.length = new Float64Array(lastDay - firstDay + 1);
    for (let n = firstDay; n <= lastDay; n++) {
      const day = dayString(n);
      if (!isWorkingDay(calendar, day)) continue;
      const shiftMs = fullMinutes * MINUTE_MS - (calendar.shortDays?.has(day) ? SHORT_DAY_MS : 0);
      if (shiftMs <= 0) continue;
      days.push(n);
      this.start[n - firstDay] = this.localToInstant(n, startMinute);
      this.length[n - firstDay] = shiftMs;
    }
    this.days = days;
  }

  isWorking(dayNum: number): boolean {
    return (this.length[dayNum - this.firstDay] ?? 0) > 0;
  }

  shiftStart(dayNum: number): number {
    if (!this.isWorking(dayNum)) throw new RangeError(`${dayString(dayNum)} is not a working day in range`);
    return this.start[dayNum - this.firstDay] as number;
  }

  shiftLength(dayNum: number): number {
    return this.length[dayNum - this.firstDay] ?? 0;
  }

  /** An instant `fraction` (0 ≤ f < 1) of the way through a working day's shift, on a whole second. */
  instantOn(dayNum: number, fraction: number): number {
    const offset = Math.floor((this.shiftLength(dayNum) * fraction) / 1000) * 1000;
    return this.shiftStart(dayNum) + offset;
  }

  /** Working days from `from` to `to`, both inclusive. */
  workingDaysBetween(from: number, to: number): number[] {
    const lo = this.indexAtOrAfter(from);
    const result: number[] = [];
    for (let i = lo; i < this.days.length && (this.days[i] as number) <= to; i++) result.push(this.days[i] as number);
    return result;
  }

  /** Index in `days` of the first working day on or after `dayNum` (days.length if none). */
  indexAtOrAfter(dayNum: number): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.days[mid] as number) < dayNum) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The working day `n` working days after `dayNum` (n ≥ 0; 0 = the first working day on or after it). */
  addWorkingDays(dayNum: number, n: number): number {
    const index = Math.min(this.days.length - 1, this.indexAtOrAfter(dayNum) + n);
    return this.days[index] as number;
  }

  /** The working day `n` working days before `dayNum` (n ≥ 1). */
  subtractWorkingDays(dayNum: number, n: number): number {
    return this.days[Math.max(0, this.indexAtOrAfter(dayNum) - n)] as number;
  }

  /** The local day (day number) an instant falls on in the calendar's zone. */
  localDayOf(instantMs: number): number {
    return Math.floor((instantMs + this.offsetAt(instantMs)) / DAY_MS);
  }

  /** The instant `businessMs` of business time after `fromMs`, always strictly inside a shift. */
  addBusinessTime(fromMs: number, businessMs: number): number {
    let remaining = Math.max(0, businessMs);
    for (let i = this.indexAtOrAfter(this.localDayOf(fromMs) - 1); i < this.days.length; i++) {
      const day = this.days[i] as number;
      const start = this.shiftStart(day);
      const end = start + this.shiftLength(day);
      if (fromMs >= end) continue;
      const from = Math.max(fromMs, start);
      if (from + remaining < end) return from + remaining;
      remaining -= end - from;
    }
    throw new RangeError('addBusinessTime ran past the end of the precomputed range');
  }

  /** Business milliseconds between two instants: the overlap of [from, to) with the shifts. */
  businessTimeBetween(fromMs: number, toMs: number): number {
    let total = 0;
    for (let i = this.indexAtOrAfter(this.localDayOf(fromMs) - 1); i < this.days.length; i++) {
      const day = this.days[i] as number;
      const start = this.shiftStart(day);
      if (start >= toMs) break;
      const overlap = Math.min(start + this.shiftLength(day), toMs) - Math.max(start, fromMs);
      if (overlap > 0) total += overlap;
    }
    return total;
  }

  /** The zone's offset from UTC at an instant, in ms (Moscow: +3 h). */
  offsetAt(instantMs: number): number {
    // Zones change offset on whole hours (and rarely), so one lookup per hour is exact enough.
    const hour = Math.floor(instantMs / HOUR_MS);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      offset = this.computeOffset(hour * HOUR_MS);
      this.offsets.set(hour, offset);
    }
    return offset;
  }

  private computeOffset(instantMs: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.offsetFormat.formatToParts(instantMs)) parts[part.type] = Number(part.value);
    const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
    return wall - Math.floor(instantMs / MINUTE_MS) * MINUTE_MS;
  }

  /** The instant a local day starts (its midnight in the calendar's zone). */
  startOfDay(dayNum: number): number {
    return this.localToInstant(dayNum, 0);
  }

  /** The instant of a wall-clock minute of a local day, by the zone rules. */
  private localToInstant(dayNum: number, minuteOfDay: number): number {
    const wall = dayNum * DAY_MS + minuteOfDay * MINUTE_MS;
    const first = wall - this.offsetAt(wall);
    const second = wall - this.offsetAt(first);
    return second;
  }
}
