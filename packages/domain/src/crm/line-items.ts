// Quantities and discounts are decimals but are never multiplied as floats: 1.005 × 100
// is 100.49999999999999 in binary floating point, which would round a kopeck the wrong way.
// Each is turned into an exact integer (thousandths of a unit, hundredths of a per cent),
// the product is formed in BigInt, and rounding happens once, at the end.

/** Decimal places allowed in a quantity (thousandths: grams of a kilogram, metres of a km). */
export const QUANTITY_DECIMALS = 3;
/** Decimal places allowed in a discount percentage (12.25 %). */
export const DISCOUNT_DECIMALS = 2;

const QUANTITY_SCALE = 10 ** QUANTITY_DECIMALS;
const DISCOUNT_SCALE = 10 ** DISCOUNT_DECIMALS;
const FULL_PRICE = 100 * DISCOUNT_SCALE;

/** One line of a deal or an invoice. */
export interface LineItem {
  /** Units sold, 0 or more, with up to {@link QUANTITY_DECIMALS} decimals. */
  quantity: number;
  /** Price of one unit in minor units (kopecks), a whole number, 0 or more. */
  unitPriceMinor: number;
  /** Discount off the line, 0–100 %, with up to {@link DISCOUNT_DECIMALS} decimals. */
  discountPercent: number;
}

/**
 * Amount of one line in minor units: quantity × unit price × (1 − discount / 100), computed
 * exactly and rounded once, half away from zero, to a whole minor unit.
 * @throws RangeError for a negative or non-finite value, a fractional price, a discount over
 *   100 %, too many decimals, or an amount beyond the safe-integer range.
 */
export function lineAmount(line: LineItem): number {
  const { quantity, unitPriceMinor, discountPercent } = line;
  if (!Number.isSafeInteger(unitPriceMinor) || unitPriceMinor < 0) {
    throw new RangeError(`Invalid unitPriceMinor ${unitPriceMinor}: expected a whole number of minor units, 0 or more`);
  }
  if (discountPercent > 100) {
    throw new RangeError(`Invalid discountPercent ${discountPercent}: a discount cannot exceed 100 %`);
  }
  const quantityScaled = BigInt(toScaledInteger(quantity, QUANTITY_DECIMALS, 'quantity'));
  const discountScaled = BigInt(toScaledInteger(discountPercent, DISCOUNT_DECIMALS, 'discountPercent'));
  const numerator = quantityScaled * BigInt(unitPriceMinor) * (BigInt(FULL_PRICE) - discountScaled);
  const denominator = BigInt(QUANTITY_SCALE * FULL_PRICE);
  // Every factor is non-negative, so half away from zero is half up: floor(n/d + 1/2).
  const rounded = (2n * numerator + denominator) / (2n * denominator);
  return toSafeNumber(rounded, 'line amount');
}

/**
 * Total of a deal in minor units: the sum of its rounded {@link lineAmount}s, so the total
 * always equals what the lines show. An empty deal totals 0.
 * @throws RangeError as {@link lineAmount} does, or when the total passes the safe-integer range.
 */
export function dealTotal(lines: readonly LineItem[]): number {
  let total = 0n;
  for (const line of lines) total += BigInt(lineAmount(line));
  return toSafeNumber(total, 'deal total');
}

/**
 * The value × 10^decimals as an exact integer. Math.round undoes binary noise (1.005 × 1000 is
 * 1004.9999…); comparing back against the value then refuses real extra decimals, because
 * n / 10^k is the double nearest to the decimal n·10^-k, the same one its literal parses to.
 */
function toScaledInteger(value: number, decimals: number, field: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`Invalid ${field} ${value}: expected a finite number, 0 or more`);
  }
  const scale = 10 ** decimals;
  const scaled = Math.round(value * scale);
  if (!Number.isSafeInteger(scaled) || scaled / scale !== value) {
    throw new RangeError(`Invalid ${field} ${value}: at most ${decimals} decimal places are allowed`);
  }
  return scaled;
}

function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`The ${what} ${value} exceeds the largest exactly representable amount`);
  }
  return Number(value);
}
