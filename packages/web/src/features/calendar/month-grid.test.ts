import type { CalendarDay } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import { dayStatus, isoWeekday, monthWeeks, summaryMonthNumber } from './month-grid.ts';

describe('isoWeekday', () => {
  it('numbers Monday 1', () => expect(isoWeekday('2026-03-02')).toBe(1));
  it('numbers Sunday 7', () => expect(isoWeekday('2026-03-01')).toBe(7));
});

describe('monthWeeks', () => {
  it('starts February 2026 on a Sunday cell after six blanks', () => {
    const weeks = monthWeeks(2026, 2);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
  });
  it('holds every day of the month once, in full weeks', () => {
    const weeks = monthWeeks(2024, 2);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(29);
  });
});

describe('dayStatus', () => {
  const exceptions = new Map<string, CalendarDay>([
    ['2026-01-01', { day: '2026-01-01', kind: 'holiday', name: 'New Year' }],
    ['2026-01-10', { day: '2026-01-10', kind: 'working', name: '' }],
  ]);
  const week = [1, 2, 3, 4, 5];
  it('lets a holiday win over a weekday', () => expect(dayStatus('2026-01-01', exceptions, week)).toBe('holiday'));
  it('lets a transferred working day win over a Saturday', () =>
    expect(dayStatus('2026-01-10', exceptions, week)).toBe('working'));
  it('follows the working week otherwise', () => {
    expect(dayStatus('2026-01-12', exceptions, week)).toBe('workday');
    expect(dayStatus('2026-01-11', exceptions, week)).toBe('weekend');
  });
});

describe('summaryMonthNumber', () => {
  it('reads YYYY-MM', () => expect(summaryMonthNumber('2026-03')).toBe(3));
  it('reads a full day', () => expect(summaryMonthNumber('2026-11-01')).toBe(11));
  it('rejects anything else', () => expect(summaryMonthNumber('March')).toBeNull());
});
