/** Digits after the decimal point of a currency's minor unit (RUB 2, JPY 0), as Intl knows them. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** An integer amount of minor units as an exact decimal string: 123456789 → '1234567.89'. */
export function minorToDecimal(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const whole = String(Math.abs(Math.trunc(minor)));
  if (digits === 0) return `${sign}${whole}`;
  const padded = whole.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/**
 * Money from minor units in a currency: '1 234 567,89 ₽' in Russian, '₽1,234,567.89' in English.
 * The decimal is passed to Intl as a string, so large amounts are formatted exactly.
 */
export function formatMoney(
  minor: number,
  currency: string,
  locale: string,
  options: { whole?: boolean } = {},
): string {
  const digits = minorDigits(currency);
  const decimal = minorToDecimal(minor, digits);
  const fraction = options.whole ? 0 : digits;
  try {
    const format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: fraction,
      maximumFractionDigits: fraction,
    });
    // Intl formats decimal strings exactly; the type definitions only know numbers.
    return format.format(decimal as unknown as number);
  } catch {
    return `${decimal} ${currency}`;
  }
}

/**
 * Money as a person types it ('1 234,5', '1234.50', '₽ 10') → integer minor units, or null when it
 * is not an amount. Commas and dots both mark the decimals; spaces group thousands.
 */
export function parseMoneyInput(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/[^\d.,-]/g, '');
  if (!cleaned) return null;
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}
