// Months as 'YYYY-MM' and days as 'YYYY-MM-DD', in the organisation's calendar. Both compare
// correctly as strings, so ranges are checked with < and >.

import { PlanError } from './plan-error.ts';

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A month split into its year and 0-based index (0 = January). */
export interface MonthParts {
  year: number;
  monthIndex: number;
}

/**
 * Splits a 'YYYY-MM' month.
 * @throws PlanError `invalid_period` for any other shape or a month outside 01–12.
 */
export function parseMonth(month: string, field = 'month'): MonthParts {
  const match = MONTH_PATTERN.exec(month);
  const monthIndex = Number(match?.[2]) - 1;
  if (match === null || monthIndex < 0 || monthIndex > 11) {
    throw new PlanError('invalid_period', `Invalid ${field} "${month}": expected 'YYYY-MM'`, { field });
  }
  return { year: Number(match[1]), monthIndex };
}

/** Formats a year and 0-based month index as 'YYYY-MM'. */
export function formatMonth(year: number, monthIndex: number): string {
  return `${String(year).padStart(4, '0')}-${String(monthIndex + 1).padStart(2, '0')}`;
}

/** The month `count` months after (or before, if negative) `month`. */
export function addMonths(month: string, count: number): string {
  const { year, monthIndex } = parseMonth(month);
  const total = year * 12 + monthIndex + count;
  return formatMonth(Math.floor(total / 12), ((total % 12) + 12) % 12);
}

/** How many months `to` lies after `from` (negative when before): 2026-03 → 2026-05 is 2. */
export function monthsFrom(from: string, to: string): number {
  const a = parseMonth(from);
  const b = parseMonth(to);
  return (b.year - a.year) * 12 + (b.monthIndex - a.monthIndex);
}

/** The twelve months of a year, January first. */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, monthIndex) => formatMonth(year, monthIndex));
}

/**
 * Checks a 'YYYY-MM-DD' day names a real date.
 * @throws PlanError `invalid_period`, naming `field`.
 */
export function checkDay(day: string, field = 'day'): string {
  const match = DAY_PATTERN.exec(day);
  if (match !== null) {
    const year = Number(match[1]);
    const monthIndex = Number(match[2]) - 1;
    const date = Number(match[3]);
    if (monthIndex >= 0 && monthIndex <= 11 && date >= 1 && date <= daysInMonth(year, monthIndex)) return day;
  }
  throw new PlanError('invalid_period', `Invalid ${field} "${day}": expected a real 'YYYY-MM-DD' date`, { field });
}

/** The month a day falls in. */
export function monthOfDay(day: string, field = 'day'): string {
  return checkDay(day, field).slice(0, 7);
}

/** The first day of a month. */
export function firstDayOf(month: string): string {
  parseMonth(month);
  return `${month}-01`;
}

/** The last day of a month (28–31). */
export function lastDayOf(month: string): string {
  const { year, monthIndex } = parseMonth(month);
  return `${month}-${String(daysInMonth(year, monthIndex)).padStart(2, '0')}`;
}

function daysInMonth(year: number, monthIndex: number): number {
  // Day 0 of the next month is this month's last day; setUTCFullYear keeps years 0–99 literal.
  const at = new Date(0);
  at.setUTCFullYear(year, monthIndex + 1, 0);
  return at.getUTCDate();
}
