import { describe, expect, it } from 'vitest';
import { lineProblems, parseDecimal, sameLines, toLineInputs } from './deal-lines.ts';

const product = '00000000-0000-4000-8000-000000000001';
const line = { key: 'a', productId: product, quantity: '2,5', price: '1 200,50', discount: '10' };

describe('parseDecimal', () => {
  it('reads a decimal comma', () => expect(parseDecimal('2,5', 3)).toBe(2.5));
  it('refuses more decimals than allowed', () => expect(parseDecimal('1.2345', 3)).toBeNull());
  it('refuses text', () => expect(parseDecimal('два', 3)).toBeNull());
});

describe('lineProblems', () => {
  it('accepts a complete line', () => expect(lineProblems(line, 'RUB')).toEqual([]));
  it('names a missing product and a zero quantity', () =>
    expect(lineProblems({ ...line, productId: null, quantity: '0' }, 'RUB')).toEqual(['product', 'quantity']));
  it('refuses a discount over 100 %', () =>
    expect(lineProblems({ ...line, discount: '120' }, 'RUB')).toEqual(['discount']));
});

describe('toLineInputs', () => {
  it('converts the price to minor units', () =>
    expect(toLineInputs([line], 'RUB')).toEqual([
      { productId: product, quantity: 2.5, unitPriceMinor: 120050, discountPercent: 10 },
    ]));
  it('gives null while a line is incomplete', () => expect(toLineInputs([{ ...line, price: '' }], 'RUB')).toBeNull());
});

describe('sameLines', () => {
  it('matches the saved lines field by field', () =>
    expect(
      sameLines(
        [
          {
            id: product,
            productId: product,
            productName: 'Кабель',
            quantity: 2.5,
            unitPriceMinor: 120050,
            discountPercent: 10,
            amountMinor: 270113,
          },
        ],
        [{ productId: product, quantity: 2.5, unitPriceMinor: 120050, discountPercent: 10 }],
      ),
    ).toBe(true));
});
