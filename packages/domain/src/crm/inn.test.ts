import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateInn,
  INN_INDIVIDUAL_WEIGHTS_1,
  INN_INDIVIDUAL_WEIGHTS_2,
  INN_LEGAL_WEIGHTS,
  type InnKind,
  validateInn,
} from './inn.ts';

/** A deterministic [0, 1) generator from fast-check's integers, so failures shrink and replay. */
const rngFrom = (values: number[]) => {
  let i = 0;
  return () => (values[i++ % values.length] ?? 0) / 2 ** 32;
};
const rngArb = fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 12, maxLength: 12 }).map(rngFrom);
const kindArb = fc.constantFrom<InnKind>('legal', 'individual');

/** Σ weight × digit mod 11 — the residue that the check digit is taken from, before mod 10. */
const residue = (inn: string, weights: readonly number[]) =>
  weights.reduce((sum, weight, i) => sum + weight * Number(inn[i]), 0) % 11;

const replaceDigit = (inn: string, position: number, digit: number) =>
  inn.slice(0, position) + String(digit) + inn.slice(position + 1);

describe('validateInn', () => {
  it('accepts a legal entity’s 10-digit INN (Sberbank, 7707083893)', () => {
    expect(validateInn('7707083893')).toEqual({ ok: true, kind: 'legal' });
  });
  it('accepts an individual’s 12-digit INN (500100732259)', () => {
    expect(validateInn('500100732259')).toEqual({ ok: true, kind: 'individual' });
  });
  it('works the legal check digit by hand: 7707083893', () => {
    // 7·2 + 7·4 + 0·10 + 7·3 + 0·5 + 8·9 + 3·4 + 8·6 + 9·8 = 14+28+0+21+0+72+12+48+72 = 267;
    // 267 mod 11 = 3 (11·24 = 264); 3 mod 10 = 3, the last digit.
    expect(validateInn('7707083894')).toEqual({ ok: false, reason: 'checksum' });
  });
  it('refuses an individual INN whose second check digit alone is wrong', () => {
    expect(validateInn('500100732250')).toEqual({ ok: false, reason: 'checksum' });
  });
  it('refuses anything but exactly 10 or 12 digits as a format error', () => {
    for (const bad of ['', '770708389', '77070838931', '7707 083893', ' 7707083893', '77070838９3', 'abcdefghij']) {
      expect(validateInn(bad)).toEqual({ ok: false, reason: 'format' });
    }
  });
});

describe('generateInn', () => {
  it('always produces an INN that validates as the kind asked for', () => {
    fc.assert(
      fc.property(kindArb, rngArb, (kind, rng) => {
        const inn = generateInn(kind, rng);
        expect(inn).toHaveLength(kind === 'legal' ? 10 : 12);
        expect(validateInn(inn)).toEqual({ ok: true, kind });
      }),
    );
  });
  it('never uses region code 00, even when the generator returns 0 or 1 at the extremes', () => {
    expect(generateInn('legal', () => 0).slice(0, 2)).toBe('01');
    expect(validateInn(generateInn('legal', () => 1))).toEqual({ ok: true, kind: 'legal' });
    expect(validateInn(generateInn('individual', () => 0.999_999_999))).toEqual({ ok: true, kind: 'individual' });
  });

  // Exact single-digit-error property. A check digit is (r mod 10) where r = Σ w·d mod 11.
  // Changing one covered digit by δ ∈ ±1..9 shifts the sum by w·δ; 11 is prime and no weight is
  // a multiple of 11, so r always changes — but residues 0 and 10 both give check digit 0.
  // So a one-digit change goes undetected exactly when every check it feeds moves its residue
  // between 0 and 10; changing a check digit itself is always detected.
  it('detects a changed digit unless every check it feeds has its residue swapped between 0 and 10', () => {
    fc.assert(
      fc.property(kindArb, rngArb, fc.nat(11), fc.integer({ min: 1, max: 9 }), (kind, rng, at, shift) => {
        const inn = generateInn(kind, rng);
        const position = at % inn.length;
        const mutated = replaceDigit(inn, position, (Number(inn[position]) + shift) % 10);
        const checks = kind === 'legal' ? [INN_LEGAL_WEIGHTS] : [INN_INDIVIDUAL_WEIGHTS_1, INN_INDIVIDUAL_WEIGHTS_2];
        const feeds = checks.filter((weights) => position < weights.length);
        const isCheckDigit = position >= (kind === 'legal' ? 9 : 10);
        const undetectable =
          !isCheckDigit &&
          feeds.every((weights) => {
            const pair = [residue(inn, weights), residue(mutated, weights)].sort((a, b) => a - b);
            return pair[0] === 0 && pair[1] === 10;
          });
        expect(validateInn(mutated).ok).toBe(undetectable);
      }),
      { numRuns: 2000 },
    );
  });
  it('includes real undetectable cases, so the exception above is not vacuous', () => {
    // Payload 000000000 has weighted sum 0 (residue 0, check 0). Setting the third digit
    // (weight 10) to 1 makes the residue 10, whose check digit is 10 mod 10 = 0 again: still valid.
    expect(validateInn('0000000000')).toEqual({ ok: true, kind: 'legal' });
    expect(validateInn('0010000000')).toEqual({ ok: true, kind: 'legal' });
  });
  it('always detects a changed check digit', () => {
    fc.assert(
      fc.property(kindArb, rngArb, fc.integer({ min: 1, max: 9 }), (kind, rng, shift) => {
        const inn = generateInn(kind, rng);
        for (let position = kind === 'legal' ? 9 : 10; position < inn.length; position++) {
          expect(validateInn(replaceDigit(inn, position, (Number(inn[position]) + shift) % 10)).ok).toBe(false);
        }
      }),
    );
  });
});
