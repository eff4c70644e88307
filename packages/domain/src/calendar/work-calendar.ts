/**
 * A daily shift as wall-clock times in the calendar's zone, each 'HH:MM' (24-hour).
 *
 * `end <= start` means the shift crosses midnight (22:00–06:00), and `end === start`
 * is a full 24-hour shift. Either way the shift belongs to the day it starts on.
 */
export interface BusinessHours {
  start: string;
  end: string;
}

/** An organisation's work calendar. Days are 'YYYY-MM-DD' in the calendar's own time zone. */
export interface WorkCalendar {
  /** IANA zone, e.g. 'Europe/Moscow'; every day and business hour is read in it. */
  timeZone: string;
  /** ISO weekdays that are normally working: 1 = Monday … 7 = Sunday. */
  workWeek: readonly number[];
  /** The shift worked on each working day; see {@link BusinessHours}. */
  businessHours: BusinessHours;
  /** Non-working days even if in the work week (public holidays, transferred days off). */
  holidays: ReadonlySet<string>;
  /** Working days even if outside the work week (transferred working Saturdays). */
  workingDays: ReadonlySet<string>;
  /** Pre-holiday days shortened by one hour (Russian practice): the shift ends 1 hour earlier. */
  shortDays?: ReadonlySet<string>;
}

/** The usual office day, 09:00–18:00. */
export const DEFAULT_BUSINESS_HOURS = { start: '09:00', end: '18:00' } as const;

/** Monday to Friday. */
export const FIVE_DAY_WEEK = [1, 2, 3, 4, 5] as const;
