import { describe, expect, it } from 'vitest';
import { clockMinutes } from './clock-time.ts';

describe('clockMinutes', () => {
  it('reads HH:MM as minutes after midnight, from 00:00 to 23:59', () => {
    expect(clockMinutes('00:00')).toBe(0);
    expect(clockMinutes('09:30')).toBe(570);
    expect(clockMinutes('23:59')).toBe(1439);
  });
  it('rejects 24:00, which is written 00:00 as the end of a shift', () => {
    expect(() => clockMinutes('24:00')).toThrow(RangeError);
  });
  it('rejects anything not two-digit 24-hour HH:MM', () => {
    for (const bad of ['9:00', '09:0', '12:60', '25:00', '09:00:00', '9am', '']) {
      expect(() => clockMinutes(bad)).toThrow(/expected 24-hour 'HH:MM'/);
    }
  });
});
