import { describe, expect, it } from 'vitest';
import { localDay } from './local-day.ts';

describe('localDay', () => {
  it('reads the same instant as different days in zones either side of midnight', () => {
    const instant = new Date('2026-01-01T20:00:00Z');
    expect(localDay(instant, 'Asia/Vladivostok')).toBe('2026-01-02');
    expect(localDay(instant, 'Europe/Moscow')).toBe('2026-01-01');
    expect(localDay(instant, 'UTC')).toBe('2026-01-01');
  });
  it('turns the day exactly at local midnight (Moscow is UTC+3)', () => {
    expect(localDay(new Date('2026-01-01T20:59:59.999Z'), 'Europe/Moscow')).toBe('2026-01-01');
    expect(localDay(new Date('2026-01-01T21:00:00.000Z'), 'Europe/Moscow')).toBe('2026-01-02');
  });
  it('goes back a day west of Greenwich', () => {
    expect(localDay(new Date('2026-01-01T03:00:00Z'), 'America/New_York')).toBe('2025-12-31');
  });
  it('follows DST: 22:30Z is still Saturday in Berlin in winter but Sunday in summer', () => {
    expect(localDay(new Date('2026-03-28T22:30:00Z'), 'Europe/Berlin')).toBe('2026-03-28');
    expect(localDay(new Date('2026-06-27T22:30:00Z'), 'Europe/Berlin')).toBe('2026-06-28');
  });
  it('throws a RangeError for an invalid Date', () => {
    expect(() => localDay(new Date('not a date'), 'UTC')).toThrow(/Invalid instant/);
  });
  it('throws a RangeError for an unknown time zone', () => {
    expect(() => localDay(new Date('2026-01-01T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(/Unknown time zone/);
  });
});
