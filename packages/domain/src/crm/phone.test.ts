import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from './phone.ts';

const ok = (e164: string) => ({ ok: true, e164 });
const fail = (reason: string) => ({ ok: false, reason });

describe('normalizePhone', () => {
  it('reads the Russian trunk prefix 8 as +7', () => {
    expect(normalizePhone('8 (495) 123-45-67')).toEqual(ok('+74951234567'));
    expect(normalizePhone('8-916-123-45-67')).toEqual(ok('+79161234567'));
  });
  it('accepts +7 with any grouping', () => {
    expect(normalizePhone('+7 495 1234567')).toEqual(ok('+74951234567'));
    expect(normalizePhone('+7(916)123-45-67')).toEqual(ok('+79161234567'));
  });
  it('reads 11 digits starting with 7 and no plus as +7', () => {
    expect(normalizePhone('79161234567')).toEqual(ok('+79161234567'));
  });
  it('reads 10 bare digits as a Russian national number', () => {
    expect(normalizePhone('9161234567')).toEqual(ok('+79161234567'));
  });
  it('ignores dots, brackets, surrounding spaces and a leading label', () => {
    expect(normalizePhone('  8.495.123.45.67 ')).toEqual(ok('+74951234567'));
    expect(normalizePhone('тел. 8 916 123 45 67')).toEqual(ok('+79161234567'));
  });
  it('drops an extension and keeps only the number', () => {
    for (const withExtension of [
      '+7 (495) 123-45-67 доб. 123',
      '+7 (495) 123-45-67, Доб 123',
      '8 495 1234567 добавочный 12',
      '8 495 1234567 вн. 12',
      '8 495 123 45 67 ext 12',
      '8 495 123 45 67 x12',
      '8 (495) 1234567#12',
    ]) {
      expect(normalizePhone(withExtension)).toEqual(ok('+74951234567'));
    }
  });
  it('reads foreign numbers written with a plus', () => {
    expect(normalizePhone('+44 20 7946 0958')).toEqual(ok('+442079460958'));
    expect(normalizePhone('+1 (212) 555-0100')).toEqual(ok('+12125550100'));
    expect(normalizePhone('+49 30 123456')).toEqual(ok('+4930123456'));
  });
  it('reads the Russian international prefix 810', () => {
    expect(normalizePhone('810 44 20 7946 0958')).toEqual(ok('+442079460958'));
  });
  it('reads bare digits in the region given instead of Russia', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toEqual(ok('+442079460958'));
  });
  it('reports blank input as empty', () => {
    expect(normalizePhone('')).toEqual(fail('empty'));
    expect(normalizePhone(' \t ')).toEqual(fail('empty'));
  });
  it('refuses letters only and too few digits as invalid', () => {
    expect(normalizePhone('не знаю')).toEqual(fail('invalid'));
    expect(normalizePhone('abc')).toEqual(fail('invalid'));
    expect(normalizePhone('12345')).toEqual(fail('invalid'));
    expect(normalizePhone('+7 916 123 45 6')).toEqual(fail('invalid'));
  });
  it('refuses a number of the right length in a range Russia has not allocated', () => {
    expect(normalizePhone('+7 300 123 45 67')).toEqual(fail('invalid'));
    expect(normalizePhone('+7 123 456 78 90')).toEqual(fail('invalid'));
  });
  it('reports more digits than any Russian number has as too long', () => {
    expect(normalizePhone('8916123456789012')).toEqual(fail('too_long'));
    expect(normalizePhone('1'.repeat(300))).toEqual(fail('too_long'));
  });
  it('calls 12 national digits invalid, not too long, because Russia also has 14-digit numbers', () => {
    expect(normalizePhone('+7 916 123 45 67 89')).toEqual(fail('invalid'));
  });
});

describe('formatPhone', () => {
  it('lays a Russian mobile out internationally and nationally', () => {
    expect(formatPhone('+79161234567', 'international')).toBe('+7 916 123 45 67');
    expect(formatPhone('+79161234567', 'national')).toBe('8 (916) 123-45-67');
  });
  it('uses the conventions of the number’s own country', () => {
    expect(formatPhone('+442079460958', 'international')).toBe('+44 20 7946 0958');
    expect(formatPhone('+12125550100', 'national')).toBe('(212) 555-0100');
  });
  it('round-trips what normalizePhone stores', () => {
    const stored = normalizePhone('8 (495) 123-45-67');
    expect(stored.ok && formatPhone(stored.e164, 'national')).toBe('8 (495) 123-45-67');
  });
  it('refuses input that is not E.164', () => {
    expect(() => formatPhone('8 916 123 45 67', 'national')).toThrow(RangeError);
    expect(() => formatPhone('+0123', 'national')).toThrow(RangeError);
  });
});
