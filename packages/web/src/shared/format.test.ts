import { describe, expect, it } from 'vitest';
import { addDays, startOfDayInstant, zonedInstant, zonedParts } from './format.ts';

describe('startOfDayInstant', () => {
  it('shifts midnight by the zone offset', () =>
    expect(startOfDayInstant('2026-03-10', 'Europe/Moscow')).toBe('2026-03-09T21:00:00.000Z'));
  it('keeps UTC midnight in UTC', () =>
    expect(startOfDayInstant('2026-03-10', 'UTC')).toBe('2026-03-10T00:00:00.000Z'));
  it('uses the summer offset after a DST change', () =>
    expect(startOfDayInstant('2026-07-01', 'Europe/Berlin')).toBe('2026-06-30T22:00:00.000Z'));
});

describe('addDays', () => {
  it('crosses a month end', () => expect(addDays('2026-01-31', 1)).toBe('2026-02-01'));
  it('crosses a year end backwards', () => expect(addDays('2026-01-01', -1)).toBe('2025-12-31'));
});

describe('zonedInstant', () => {
  it('reads a Moscow wall-clock time', () =>
    expect(zonedInstant('2026-03-10', '14:30', 'Europe/Moscow')).toBe('2026-03-10T11:30:00.000Z'));
  it('uses the summer offset on a DST day after the change', () =>
    expect(zonedInstant('2026-03-29', '12:00', 'Europe/Berlin')).toBe('2026-03-29T10:00:00.000Z'));
});

describe('zonedParts', () => {
  it('gives the day and time in the zone', () =>
    expect(zonedParts('2026-03-10T21:30:00.000Z', 'Europe/Moscow')).toEqual(['2026-03-11', '00:30']));
});
