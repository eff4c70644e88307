import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRamp, monthOfTenure, RAMP, rampShare } from './ramp.ts';

describe('rampShare', () => {
  it('gives a quarter of the goal in the first month', () => expect(rampShare(1)).toBe(0.25));
  it('gives half in the second and three quarters in the third', () => {
    expect(rampShare(2)).toBe(0.5);
    expect(rampShare(3)).toBe(0.75);
  });
  it('gives the full goal from the fourth month on', () => {
    expect(rampShare(4)).toBe(1);
    expect(rampShare(40)).toBe(1);
  });
  it('gives nothing before the hire month', () => {
    expect(rampShare(0)).toBe(0);
    expect(rampShare(-3)).toBe(0);
  });
  it("follows an organisation's own ramp", () => expect(rampShare(2, [0.5])).toBe(1));
  it('never decreases and never exceeds a full goal', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 50 }), (n) => {
        expect(rampShare(n)).toBeLessThanOrEqual(rampShare(n + 1));
        expect(rampShare(n)).toBeLessThanOrEqual(1);
      }),
    );
  });
  it('refuses a fractional month', () => expect(() => rampShare(1.5)).toThrow(RangeError));
});

describe('monthOfTenure', () => {
  it('counts the hire month as month 1 whatever the hire day', () => {
    expect(monthOfTenure('2026-03-02', '2026-03')).toBe(1);
    expect(monthOfTenure('2026-03-31', '2026-03')).toBe(1);
  });
  it('counts calendar months after it, across the year end', () => {
    expect(monthOfTenure('2026-03-16', '2026-06')).toBe(4);
    expect(monthOfTenure('2025-11-20', '2026-01')).toBe(3);
  });
  it('is 0 or less before the hire month', () => expect(monthOfTenure('2026-03-16', '2026-02')).toBe(0));
  it('refuses malformed days and months', () => {
    expect(() => monthOfTenure('2026-02-30', '2026-03')).toThrow(expect.objectContaining({ code: 'invalid_period' }));
    expect(() => monthOfTenure('2026-02-01', '2026-3')).toThrow(expect.objectContaining({ code: 'invalid_period' }));
  });
});

describe('checkRamp', () => {
  it('accepts the default ramp and refuses one that falls or passes 100 %', () => {
    expect(checkRamp(RAMP)).toBe(RAMP);
    expect(() => checkRamp([0.5, 0.25])).toThrow(expect.objectContaining({ code: 'invalid_number' }));
    expect(() => checkRamp([1.2])).toThrow(expect.objectContaining({ code: 'invalid_number' }));
  });
});
