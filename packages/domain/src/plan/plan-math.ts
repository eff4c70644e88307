// Exact integer helpers shared by the plan rules. Money is a safe integer of minor units, and
// every product or quotient of money is formed in BigInt and rounded once, so no kopeck depends
// on how a double happens to round.

import { PlanError } from './plan-error.ts';

/** 100 % in basis points: percentages are whole basis points (1 bp = 0.01 %), never decimals. */
export const BASIS_POINTS = 10_000;

/**
 * Checks an amount of minor units: a safe integer, and 0 or more unless `allowNegative`.
 * @throws PlanError `invalid_amount` or `negative_amount`, naming `field`.
 */
export function checkMinor(value: number, field: string, options: { allowNegative?: boolean } = {}): number {
  if (!Number.isSafeInteger(value)) {
    throw new PlanError('invalid_amount', `Invalid ${field} ${value}: expected a whole number of minor units`, {
      field,
    });
  }
  if (value < 0 && options.allowNegative !== true) {
    throw new PlanError('negative_amount', `Invalid ${field} ${value}: an amount cannot be negative`, { field });
  }
  return value;
}

/**
 * Checks a whole count (deals, calls, days): a safe integer, 0 or more.
 * @throws PlanError `invalid_number`, naming `field`.
 */
export function checkCount(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new PlanError('invalid_number', `Invalid ${field} ${value}: expected a whole number, 0 or more`, { field });
  }
  return value;
}

/**
 * Checks a percentage in whole basis points within [min, max].
 * @throws PlanError `invalid_basis_points`, naming `field`.
 */
export function checkBasisPoints(value: number, field: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new PlanError(
      'invalid_basis_points',
      `Invalid ${field} ${value}: expected whole basis points from ${min} to ${max} (10000 = 100 %)`,
      { field },
    );
  }
  return value;
}

/**
 * a × b / c rounded once to the nearest integer, halves away from zero (the rounding the CRM
 * uses for line amounts and weighted pipeline), computed exactly.
 * @throws PlanError `invalid_amount` when the result leaves the safe-integer range.
 */
export function mulDivRound(a: number, b: number, c: number): number {
  if (c === 0) throw new RangeError('mulDivRound: division by zero');
  const numerator = BigInt(a) * BigInt(b);
  const denominator = BigInt(c);
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const magnitude = (2n * n + d) / (2n * d);
  return toSafeNumber(negative ? -magnitude : magnitude);
}

/**
 * ⌈a × b / c⌉ for whole a, b ≥ 0 and c > 0, computed exactly: the smallest whole count that
 * reaches a target (deals to win, calls to make).
 */
export function mulDivCeil(a: number, b: number, c: number): number {
  if (c <= 0 || a < 0 || b < 0) throw new RangeError('mulDivCeil: expected a, b ≥ 0 and c > 0');
  const numerator = BigInt(a) * BigInt(b);
  const denominator = BigInt(c);
  return toSafeNumber((numerator + denominator - 1n) / denominator);
}

/** ⌊a × b / c⌋ for whole a, b ≥ 0 and c > 0, computed exactly. */
export function mulDivFloor(a: number, b: number, c: number): number {
  if (c <= 0 || a < 0 || b < 0) throw new RangeError('mulDivFloor: expected a, b ≥ 0 and c > 0');
  return toSafeNumber((BigInt(a) * BigInt(b)) / BigInt(c));
}

/**
 * Exact sum of minor units.
 * @throws PlanError `invalid_amount` when the sum leaves the safe-integer range.
 */
export function sumMinor(values: readonly number[]): number {
  let total = 0n;
  for (const value of values) total += BigInt(value);
  return toSafeNumber(total);
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new PlanError('invalid_amount', `The result ${value} exceeds the largest exactly representable whole number`);
  }
  // `+ 0` turns a -0 into 0.
  return Number(value) + 0;
}
