// Russian state registration number. The check digit is the remainder of the preceding
// digits, taken as one number, modulo 11 (OGRN) or 13 (OGRNIP), then modulo 10. Those numbers
// pass 2^53, so the arithmetic is done in BigInt to stay exact.

/** Modulus for the 13-digit OGRN of a legal entity. */
export const OGRN_MODULUS = 11n;
/** Modulus for the 15-digit OGRNIP of a sole trader. */
export const OGRNIP_MODULUS = 13n;

/** Outcome of {@link validateOgrn}: `legal` for an OGRN, `individual` for an OGRNIP. */
export type OgrnValidation = { ok: true; kind: 'legal' | 'individual' } | { ok: false; reason: 'format' | 'checksum' };

const OGRN_PATTERN = /^(?:\d{13}|\d{15})$/;

/**
 * Checks a Russian OGRN (13 digits, legal entity) or OGRNIP (15 digits, sole trader) by its
 * last digit. The value must be digits only.
 */
export function validateOgrn(value: string): OgrnValidation {
  if (!OGRN_PATTERN.test(value)) return { ok: false, reason: 'format' };
  const kind = value.length === 13 ? 'legal' : 'individual';
  const modulus = kind === 'legal' ? OGRN_MODULUS : OGRNIP_MODULUS;
  const expected = (BigInt(value.slice(0, -1)) % modulus) % 10n;
  return expected === BigInt(value.slice(-1)) ? { ok: true, kind } : { ok: false, reason: 'checksum' };
}
