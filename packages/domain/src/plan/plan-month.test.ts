import { describe, expect, it } from 'vitest';
import {
  addMonths,
  checkDay,
  firstDayOf,
  formatMonth,
  lastDayOf,
  monthOfDay,
  monthsFrom,
  monthsOfYear,
  parseMonth,
} from './plan-month.ts';

describe('parseMonth', () => {
  it('splits a month into year and 0-based index', () =>
    expect(parseMonth('2026-03')).toEqual({ year: 2026, monthIndex: 2 }));
  it('refuses month 13, month 00 and other shapes with invalid_period', () => {
    for (const bad of ['2026-13', '2026-00', '2026-3', '2026-03-01', '']) {
      expect(() => parseMonth(bad)).toThrow(expect.objectContaining({ code: 'invalid_period' }));
    }
  });
});

describe('formatMonth', () => {
  it('pads year and month', () => expect(formatMonth(2026, 0)).toBe('2026-01'));
});

describe('addMonths', () => {
  it('steps across year ends both ways', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-05', 0)).toBe('2026-05');
  });
});

describe('monthsFrom', () => {
  it('counts whole months between two months', () => {
    expect(monthsFrom('2026-03', '2026-05')).toBe(2);
    expect(monthsFrom('2025-12', '2026-01')).toBe(1);
    expect(monthsFrom('2026-05', '2026-03')).toBe(-2);
  });
});

describe('monthsOfYear', () => {
  it('lists January to December', () => {
    const months = monthsOfYear(2026);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-01');
    expect(months[11]).toBe('2026-12');
  });
});

describe('checkDay', () => {
  it('accepts real dates including a leap day', () => expect(checkDay('2028-02-29')).toBe('2028-02-29'));
  it('refuses impossible dates', () => {
    expect(() => checkDay('2026-02-29')).toThrow(expect.objectContaining({ code: 'invalid_period' }));
    expect(() => checkDay('2026-04-31')).toThrow(expect.objectContaining({ code: 'invalid_period' }));
    expect(() => checkDay('2026-4-1')).toThrow(expect.objectContaining({ code: 'invalid_period' }));
  });
});

describe('monthOfDay, firstDayOf, lastDayOf', () => {
  it('finds the month of a day and the ends of a month', () => {
    expect(monthOfDay('2026-03-16')).toBe('2026-03');
    expect(firstDayOf('2026-02')).toBe('2026-02-01');
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
  });
});
