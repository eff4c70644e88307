// The 'max' metadata build (≈157 KB of JSON, ≈40 KB gzipped, loaded once) is used rather than
// 'min' because only 'max' checks a number against the per-type patterns (fixed line, mobile,
// toll-free…); 'min' checks just the country's general pattern, which for Russia passes any
// ten digits starting 3, 4, 7, 8 or 9. Of +7 300 123 45 67 … +7 999 123 45 67, 'min' accepts
// 279 numbers that 'max' rejects as unallocated. The domain package runs on the server only
// (the web app depends on contracts), so the size costs users no download.
import { type CountryCode, parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max';

export type { CountryCode } from 'libphonenumber-js/max';

/** Outcome of {@link normalizePhone}. */
export type NormalizedPhone = { ok: true; e164: string } | { ok: false; reason: 'empty' | 'invalid' | 'too_long' };

/** How {@link formatPhone} lays a number out. */
export type PhoneStyle = 'international' | 'national';

// Extension labels used in Russian practice that libphonenumber does not know. It already
// understands 'доб', 'ext', 'x' and '#'; without this rewrite 'добавочный 12' makes the whole
// parse fail. Not exported: a /g regex carries lastIndex state between .test() calls.
const RUSSIAN_EXTENSION_LABELS = /(?:добавочн[а-яё]*|внутренн[а-яё]*|внутр\.?|вн\.)/giu;

/** E.164 shape: a plus, a country code not starting with 0, at most 15 digits in all. */
const E164_PATTERN = /^\+[1-9]\d{1,14}$/;

/**
 * Parses a phone number as people type it into a CRM and returns its E.164 form
 * ('+74951234567'), the one form stored and compared for duplicates.
 *
 * Without a leading '+' the number is read in `defaultRegion`, so for Russia
 * '8 (495) 123-45-67', '8-916-123-45-67', '79161234567' and '9161234567' are all understood;
 * with a '+' any country's number is read. Spaces, dashes, dots and brackets are ignored, and
 * so is surrounding text such as 'тел.'.
 *
 * An extension ('доб. 123', 'добавочный 12', 'ext 12', 'x12', '#12') is recognised so that it
 * does not corrupt the number, but it is **dropped**: the result holds only the number.
 *
 * A number must be valid for its region's numbering plan (not merely the right length), so
 * unallocated codes such as '+7 300 …' are refused.
 *
 * @returns `empty` for blank input; `too_long` when there are more digits than any number of
 *   the region can have (or the input is absurdly long); `invalid` for everything else that
 *   is not a valid number, including letters only and too few digits.
 */
export function normalizePhone(raw: string, defaultRegion: CountryCode = 'RU'): NormalizedPhone {
  if (raw.trim() === '') return { ok: false, reason: 'empty' };
  const text = raw.replace(RUSSIAN_EXTENSION_LABELS, ' доб ');
  const parsed = parsePhoneNumberFromString(text, defaultRegion);
  if (parsed?.isValid()) return { ok: true, e164: parsed.number };
  return { ok: false, reason: lengthVerdict(text, defaultRegion) === 'TOO_LONG' ? 'too_long' : 'invalid' };
}

function lengthVerdict(text: string, defaultRegion: CountryCode): string | undefined {
  try {
    return validatePhoneNumberLength(text, defaultRegion);
  } catch {
    // Only its verdict on length matters here; any other failure already means 'invalid'.
    return undefined;
  }
}

/**
 * Lays out a stored E.164 number for display: 'international' gives '+7 916 123 45 67',
 * 'national' gives the form dialled inside the country ('8 (916) 123-45-67' in Russia).
 * A well-shaped number the metadata cannot place is shown as given rather than hidden.
 * @throws RangeError when `e164` is not shaped like an E.164 number.
 */
export function formatPhone(e164: string, style: PhoneStyle): string {
  if (!E164_PATTERN.test(e164)) {
    throw new RangeError(`Invalid phone "${e164}": expected E.164 such as '+74951234567'`);
  }
  const parsed = parsePhoneNumberFromString(e164);
  if (parsed === undefined) return e164;
  return parsed.format(style === 'international' ? 'INTERNATIONAL' : 'NATIONAL');
}
