// Russian taxpayer number (ИНН). Each check digit is (Σ weight × digit mod 11) mod 10 over
// the digits before it, with the weights fixed by the Federal Tax Service.

/** Weights for the single check digit of a legal entity's 10-digit INN. */
export const INN_LEGAL_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
/** Weights for the first check digit (11th) of an individual's 12-digit INN. */
export const INN_INDIVIDUAL_WEIGHTS_1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
/** Weights for the second check digit (12th) of an individual's 12-digit INN. */
export const INN_INDIVIDUAL_WEIGHTS_2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;

/** Whose INN: a company (10 digits) or an individual, including sole traders (12 digits). */
export type InnKind = 'legal' | 'individual';

/** Outcome of {@link validateInn}. */
export type InnValidation = { ok: true; kind: InnKind } | { ok: false; reason: 'format' | 'checksum' };

const INN_PATTERN = /^(?:\d{10}|\d{12})$/;

/**
 * Checks a Russian INN: 10 digits for a legal entity (one check digit) or 12 for an
 * individual (two check digits). The value must be digits only — trim or strip spaces first.
 * Only the checksums are verified, not that the number was ever issued.
 */
export function validateInn(value: string): InnValidation {
  if (!INN_PATTERN.test(value)) return { ok: false, reason: 'format' };
  const digits = [...value].map(Number);
  const kind: InnKind = digits.length === 10 ? 'legal' : 'individual';
  const valid =
    kind === 'legal'
      ? digits[9] === checkDigit(digits, INN_LEGAL_WEIGHTS)
      : digits[10] === checkDigit(digits, INN_INDIVIDUAL_WEIGHTS_1) &&
        digits[11] === checkDigit(digits, INN_INDIVIDUAL_WEIGHTS_2);
  return valid ? { ok: true, kind } : { ok: false, reason: 'checksum' };
}

/**
 * A random valid INN of the given kind, for demo data. The first two digits (the region code)
 * are 01–99, never 00, so the numbers look like ones really issued.
 * @param rng returns numbers in [0, 1), like `Math.random`; pass a seeded one for repeatable data.
 */
export function generateInn(kind: InnKind, rng: () => number): string {
  const region = 1 + randomBelow(99, rng);
  const digits = [Math.floor(region / 10), region % 10];
  const payloadLength = kind === 'legal' ? 9 : 10;
  while (digits.length < payloadLength) digits.push(randomBelow(10, rng));
  if (kind === 'legal') {
    digits.push(checkDigit(digits, INN_LEGAL_WEIGHTS));
  } else {
    digits.push(checkDigit(digits, INN_INDIVIDUAL_WEIGHTS_1));
    digits.push(checkDigit(digits, INN_INDIVIDUAL_WEIGHTS_2));
  }
  return digits.join('');
}

/** (Σ weight × digit mod 11) mod 10 over the leading digits, one per weight. */
function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += weight * (digits[i] ?? 0);
  });
  return (sum % 11) % 10;
}

function randomBelow(limit: number, rng: () => number): number {
  // Clamped because a generator returning exactly 1 would otherwise yield `limit` itself.
  return Math.min(limit - 1, Math.floor(rng() * limit));
}
