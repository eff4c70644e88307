import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dealTotal, type LineItem, lineAmount } from './line-items.ts';

const line = (quantity: number, unitPriceMinor: number, discountPercent = 0): LineItem => ({
  quantity,
  unitPriceMinor,
  discountPercent,
});

// Lines built from exact integers, so the expected amount can be computed independently.
const lineArb = fc
  .record({
    quantityMilli: fc.integer({ min: 0, max: 10_000_000 }),
    unitPriceMinor: fc.integer({ min: 0, max: 100_000_000_00 }),
    discountHundredths: fc.integer({ min: 0, max: 10_000 }),
  })
  .map(({ quantityMilli, unitPriceMinor, discountHundredths }) => ({
    quantityMilli,
    line: line(quantityMilli / 1000, unitPriceMinor, discountHundredths / 100),
  }));

describe('lineAmount', () => {
  it('multiplies a whole quantity by the price', () => expect(lineAmount(line(3, 150_00))).toBe(450_00));
  it('rounds 1.005 × 100 kopecks = 100.5 up to 101, where float maths gives 100', () => {
    expect(Math.round(1.005 * 100)).toBe(100); // the drift this function avoids
    expect(lineAmount(line(1.005, 100))).toBe(101);
  });
  it('rounds a half kopeck up and anything less down', () => {
    expect(lineAmount(line(0.5, 1))).toBe(1); // 0.5 → 1
    expect(lineAmount(line(0.499, 1))).toBe(0); // 0.499 → 0
    expect(lineAmount(line(1.5, 3))).toBe(5); // 4.5 → 5
  });
  it('applies a fractional discount exactly: 3 × 333 at 33.33 % = 999 × 0.6667 = 666.0333 → 666', () => {
    expect(lineAmount(line(3, 333, 33.33))).toBe(666);
  });
  it('applies the discount before the single rounding: 0.1 × 5 at 10 % = 0.45 → 0, not round(0.5) → 1', () => {
    expect(lineAmount(line(0.1, 5, 10))).toBe(0);
  });
  it('gives 0 at a 100 % discount and for a zero quantity', () => {
    expect(lineAmount(line(7, 999_99, 100))).toBe(0);
    expect(lineAmount(line(0, 999_99, 5))).toBe(0);
  });
  it('stays exact for amounts whose intermediate product passes 2^53', () => {
    // 1234.567 × 987 654 321 kopecks at 12.34 %: in thousandths and hundredths of a per cent
    // 1 234 567 × 987 654 321 × 8 766 = 10 688 606 737 911 385 362 (well past 2^53 ≈ 9·10^15);
    // ÷ 10^7 = 1 068 860 673 791.1385362 → 1 068 860 673 791.
    expect(lineAmount(line(1234.567, 987_654_321, 12.34))).toBe(1_068_860_673_791);
  });
  it('refuses negative, non-finite and over-precise values', () => {
    expect(() => lineAmount(line(-1, 100))).toThrow(RangeError);
    expect(() => lineAmount(line(1, -100))).toThrow(RangeError);
    expect(() => lineAmount(line(1, 100, -5))).toThrow(RangeError);
    expect(() => lineAmount(line(Number.NaN, 100))).toThrow(RangeError);
    expect(() => lineAmount(line(Number.POSITIVE_INFINITY, 100))).toThrow(RangeError);
    expect(() => lineAmount(line(1.0001, 100))).toThrow(/3 decimal places/);
    expect(() => lineAmount(line(1, 100, 12.345))).toThrow(/2 decimal places/);
  });
  it('refuses a fractional price and a discount over 100 %', () => {
    expect(() => lineAmount(line(1, 100.5))).toThrow(RangeError);
    expect(() => lineAmount(line(1, 100, 100.01))).toThrow(RangeError);
  });
  it('refuses an amount beyond the safe-integer range instead of losing kopecks', () => {
    expect(() => lineAmount(line(1_000_000, Number.MAX_SAFE_INTEGER))).toThrow(RangeError);
  });
  it('gives round(quantity × price), half up, at a 0 % discount', () => {
    fc.assert(
      fc.property(lineArb, ({ quantityMilli, line: { unitPriceMinor } }) => {
        const exact = (BigInt(quantityMilli) * BigInt(unitPriceMinor) + 500n) / 1000n;
        expect(lineAmount(line(quantityMilli / 1000, unitPriceMinor, 0))).toBe(Number(exact));
      }),
    );
  });
});

describe('dealTotal', () => {
  it('is 0 for a deal without lines', () => expect(dealTotal([])).toBe(0));
  it('adds the rounded lines: 0.5 + 0.5 kopeck is 1 + 1 = 2, not round(1.0) = 1', () => {
    expect(dealTotal([line(0.5, 1), line(0.5, 1)])).toBe(2);
  });
  it('always equals the sum of its line amounts', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 20 }), (items) => {
        const lines = items.map((item) => item.line);
        expect(dealTotal(lines)).toBe(lines.reduce((sum, item) => sum + lineAmount(item), 0));
      }),
    );
  });
});
