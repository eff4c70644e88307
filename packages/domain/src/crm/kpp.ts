/**
 * Shape of a KPP (код причины постановки на учёт): a 4-digit tax office code, a 2-character
 * reason code that may use capital Latin letters A–Z as well as digits,
 * and a 3-digit serial number.
 */
export const KPP_PATTERN = /^\d{4}[\dA-Z]{2}\d{3}$/;

/** Outcome of {@link validateKpp}; a KPP has no check digit, so only its shape can be wrong. */
export type KppValidation = { ok: true } | { ok: false; reason: 'format' };

/**
 * Checks the shape of a Russian KPP (9 characters, see {@link KPP_PATTERN}). Lower-case
 * letters are refused rather than upper-cased, so the caller decides whether to normalise.
 */
export function validateKpp(value: string): KppValidation {
  return KPP_PATTERN.test(value) ? { ok: true } : { ok: false, reason: 'format' };
}
