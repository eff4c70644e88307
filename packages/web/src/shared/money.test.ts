import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimal, parseMoneyInput } from './money.ts';

/** Intl separates groups with no-break spaces; the tests compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('formats roubles the Russian way', () =>
    expect(plain(formatMoney(123456789, 'RUB', 'ru'))).toBe('1 234 567,89 ₽'));
  it('formats roubles the English way', () => expect(formatMoney(123456789, 'RUB', 'en')).toBe('₽1,234,567.89'));
  it('keeps kopecks of a small amount', () => expect(plain(formatMoney(5, 'RUB', 'ru'))).toBe('0,05 ₽'));
  it('is exact beyond the precision of a double', () =>
    expect(formatMoney(9007199254740991, 'RUB', 'en')).toBe('₽90,071,992,547,409.91'));
  it('drops the kopecks when asked for whole amounts', () =>
    expect(plain(formatMoney(123456789, 'RUB', 'ru', { whole: true }))).toBe('1 234 568 ₽'));
  it('knows currencies without minor units', () => expect(formatMoney(1500, 'JPY', 'en')).toBe('¥1,500'));
});

describe('minorToDecimal', () => {
  it('pads amounts under one unit', () => expect(minorToDecimal(7, 2)).toBe('0.07'));
  it('keeps the sign of a negative amount', () => expect(minorToDecimal(-150, 2)).toBe('-1.50'));
});

describe('parseMoneyInput', () => {
  it('reads a Russian decimal comma and spaces', () => expect(parseMoneyInput('1 234,5', 'RUB')).toBe(123450));
  it('reads a decimal point', () => expect(parseMoneyInput('1234.56', 'RUB')).toBe(123456));
  it('reads whole amounts', () => expect(parseMoneyInput('10', 'RUB')).toBe(1000));
  it('refuses more decimals than the currency has', () => expect(parseMoneyInput('1,234', 'RUB')).toBeNull());
  it('refuses text that is not an amount', () => expect(parseMoneyInput('1,2,3', 'RUB')).toBeNull());
  it('gives null for an empty box', () => expect(parseMoneyInput('  ', 'RUB')).toBeNull());
});
