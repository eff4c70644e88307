import { describe, expect, it } from 'vitest';
import { validateOgrn } from './ogrn.ts';

describe('validateOgrn', () => {
  it('accepts a legal entity’s 13-digit OGRN (Sberbank, 1027700132195)', () => {
    // 102770013219 mod 11 = 5 (11 · 9 342 728 474 = 102 770 013 214), 5 mod 10 = 5, the last digit.
    expect(validateOgrn('1027700132195')).toEqual({ ok: true, kind: 'legal' });
  });
  it('refuses a 13-digit OGRN whose last digit is off', () => {
    expect(validateOgrn('1027700132196')).toEqual({ ok: false, reason: 'checksum' });
  });
  it('accepts a sole trader’s 15-digit OGRNIP (304500116000157)', () => {
    // 30450011600015 mod 13 = 7 (13 · 2 342 308 584 616 = 30 450 011 600 008), 7 mod 10 = 7.
    expect(validateOgrn('304500116000157')).toEqual({ ok: true, kind: 'individual' });
  });
  it('takes the remainder mod 10 when it is 10 or more (mod 13 can reach 12)', () => {
    // 30 000 000 000 007 = 13 · 2 307 692 307 692 + 11, so the check digit is 11 mod 10 = 1.
    expect(validateOgrn('300000000000071')).toEqual({ ok: true, kind: 'individual' });
  });
  it('refuses anything but exactly 13 or 15 digits as a format error', () => {
    for (const bad of ['', '102770013219', '10277001321950', '1027700132195 ', '1O27700132195']) {
      expect(validateOgrn(bad)).toEqual({ ok: false, reason: 'format' });
    }
  });
});
