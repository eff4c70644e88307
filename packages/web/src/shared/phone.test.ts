import { describe, expect, it } from 'vitest';
import { formatPhone } from './phone.ts';

describe('formatPhone', () => {
  it('lays out a Moscow number', () => expect(formatPhone('+74951234567')).toBe('+7 495 123-45-67'));
  it('lays out a Russian mobile number', () => expect(formatPhone('+79161234567')).toBe('+7 916 123-45-67'));
  it('groups a German number after its two-digit code', () =>
    expect(formatPhone('+4930123456')).toBe('+49 301 234 56'));
  it('leaves text that is not E.164 alone', () => expect(formatPhone('ext. 12')).toBe('ext. 12'));
  it('shows nothing for no number', () => expect(formatPhone(null)).toBe(''));
});
