import { describe, expect, it } from 'vitest';
import { parseInstant } from './parse-instant.ts';

describe('parseInstant', () => {
  it('reads UTC and offset instants to the same epoch milliseconds', () => {
    expect(parseInstant('2026-01-12T07:00:00Z')).toBe(Date.UTC(2026, 0, 12, 7));
    expect(parseInstant('2026-01-12T10:00+03:00')).toBe(Date.UTC(2026, 0, 12, 7));
    expect(parseInstant('2026-01-12T07:00:00.250Z')).toBe(Date.UTC(2026, 0, 12, 7, 0, 0, 250));
  });
  it('refuses an instant without an offset, which would be read in the machine’s zone', () => {
    expect(() => parseInstant('2026-01-12T10:00:00')).toThrow(RangeError);
  });
  it('refuses dates and times that do not exist instead of rolling them over', () => {
    for (const bad of ['2026-02-30T00:00Z', '2026-13-01T00:00Z', '2026-01-12T24:00Z', '2026-01-12T10:60Z']) {
      expect(() => parseInstant(bad)).toThrow(RangeError);
    }
  });
  it('refuses a bare day and free text', () => {
    expect(() => parseInstant('2026-01-12')).toThrow(RangeError);
    expect(() => parseInstant('yesterday')).toThrow(RangeError);
  });
});
