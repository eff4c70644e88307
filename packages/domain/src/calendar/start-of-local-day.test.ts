import { describe, expect, it } from 'vitest';
import { startOfLocalDay } from './start-of-local-day.ts';

// Expected instants are PostgreSQL's `day::date::timestamp AT TIME ZONE zone` for the same input.
describe('startOfLocalDay', () => {
  it('starts a Moscow day at 21:00 UTC the day before', () => {
    expect(startOfLocalDay('2026-03-29', 'Europe/Moscow').toISOString()).toBe('2026-03-28T21:00:00.000Z');
  });

  it('follows the zone offset across a DST change', () => {
    expect(startOfLocalDay('2026-03-07', 'America/Havana').toISOString()).toBe('2026-03-07T05:00:00.000Z');
    expect(startOfLocalDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('begins a day whose midnight falls in a DST gap after the gap, as PostgreSQL does', () => {
    expect(startOfLocalDay('2026-09-05', 'America/Santiago').toISOString()).toBe('2026-09-05T04:00:00.000Z');
    expect(startOfLocalDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('refuses an unknown time zone', () => {
    expect(() => startOfLocalDay('2026-01-01', 'Mars/Olympus')).toThrow(RangeError);
  });
});
