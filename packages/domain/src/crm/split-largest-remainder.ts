// Largest remainder (Hamilton) method. Every comparison is done on exact integers: each float
// weight is a binary fraction m / 2^k, so scaling all weights by the largest 2^k turns them
// into BigInts without any rounding, and shares and remainders become integer division.
// Float shares would let two equal remainders compare unequal and hand a kopeck to the wrong
// part.

/**
 * Splits an amount in minor units into whole parts proportional to `weights` that add up to
 * exactly `totalMinor`. Each part first gets the whole part of its exact share; the minor units
 * left over go one each to the parts with the largest fractional remainders, ties to the
 * earlier index. So every part is within 1 of its exact share, and a zero weight gets 0.
 *
 * A negative total is split as its absolute value and negated, so refunds mirror sales.
 * Weights may be fractions (seasonality coefficients, percentages) as well as whole numbers.
 *
 * @throws RangeError when `totalMinor` is not a safe integer, a weight is negative or not
 *   finite, or the weights sum to zero (including an empty list).
 */
export function splitByWeights(totalMinor: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalMinor)) {
    throw new RangeError(`Invalid totalMinor ${totalMinor}: expected a whole number of minor units`);
  }
  for (const weight of weights) {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`Invalid weight ${weight}: expected a finite number, 0 or more`);
    }
  }
  const scaled = toCommonIntegers(weights);
  const weightSum = scaled.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) throw new RangeError('Cannot split by weights that sum to zero');

  const total = BigInt(Math.abs(totalMinor));
  const parts = scaled.map((weight) => (total * weight) / weightSum);
  const remainders = scaled.map((weight) => (total * weight) % weightSum);
  let leftover = Number(total - parts.reduce((sum, part) => sum + part, 0n));
  const byRemainder = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  // leftover is below the number of non-zero remainders, so zero weights never get a unit.
  for (const { index } of byRemainder) {
    if (leftover === 0) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1;
  }
  const sign = totalMinor < 0 ? -1 : 1;
  // `+ 0` turns the -0 that negating a zero part would give into 0.
  return parts.map((part) => sign * Number(part) + 0);
}

/** The weights times one common power of two, as exact integers (their ratios unchanged). */
function toCommonIntegers(weights: readonly number[]): bigint[] {
  const fractions = weights.map((weight) => {
    // Doubling a double is exact, and a non-integer double is below 2^53, so this never overflows;
    // it ends within 1074 steps, the most fraction bits a double can have.
    let numerator = weight;
    let exponent = 0;
    while (!Number.isInteger(numerator)) {
      numerator *= 2;
      exponent += 1;
    }
    return { numerator: BigInt(numerator), exponent };
  });
  const maxExponent = fractions.reduce((max, { exponent }) => Math.max(max, exponent), 0);
  return fractions.map(({ numerator, exponent }) => numerator << BigInt(maxExponent - exponent));
}
