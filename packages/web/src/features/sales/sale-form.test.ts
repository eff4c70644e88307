import { describe, expect, it } from 'vitest';
import { computedAmountText, emptySaleValues, saleAmountMinor, saleRequest } from './sale-form.ts';

const company = '00000000-0000-4000-8000-000000000001';
const product = '00000000-0000-4000-8000-000000000002';
const filled = {
  ...emptySaleValues('2026-03-10'),
  companyId: company,
  productId: product,
  quantity: '2,5',
  price: '1 200,50',
  amount: '3 001,25',
  channel: 'dealer' as const,
  territory: '  Москва ',
};

describe('saleAmountMinor', () => {
  it('multiplies the quantity by the unit price in kopecks', () => expect(saleAmountMinor(3, 150_000)).toBe(450_000));
  it('rounds half a kopeck up, once', () => expect(saleAmountMinor(0.5, 1)).toBe(1));
  it('stays exact for three-decimal quantities', () => expect(saleAmountMinor(1.005, 100_000)).toBe(100_500));
  it('is exact beyond what a float multiplication keeps', () =>
    expect(saleAmountMinor(1000, 9_007_199_254_740)).toBe(9_007_199_254_740_000));
  it('refuses an amount past the safe-integer range', () =>
    expect(saleAmountMinor(10_000, Number.MAX_SAFE_INTEGER)).toBeNull());
  it('refuses a fractional price', () => expect(saleAmountMinor(1, 10.5)).toBeNull());
});

describe('computedAmountText', () => {
  it('gives quantity × price in roubles with kopecks', () =>
    expect(computedAmountText({ quantity: '2,5', price: '1 200,50' }, 'RUB')).toBe('3001.25'));
  it('has no amount while the price is not a number yet', () =>
    expect(computedAmountText({ quantity: '2', price: '' }, 'RUB')).toBeNull());
  it('has no amount for a quantity with more than 3 decimals', () =>
    expect(computedAmountText({ quantity: '1,0001', price: '10' }, 'RUB')).toBeNull());
});

describe('saleRequest', () => {
  it('sends the amount in minor units and trims the territory', () =>
    expect(saleRequest(filled, 'RUB')).toEqual({
      ok: true,
      data: {
        saleDate: '2026-03-10',
        companyId: company,
        productId: product,
        quantity: 2.5,
        amountMinor: 300_125,
        channel: 'dealer',
        territory: 'Москва',
        externalRef: null,
      },
    }));

  it('names the owner only when someone else is chosen', () => {
    const owner = '00000000-0000-4000-8000-000000000003';
    const request = saleRequest({ ...filled, ownerId: owner }, 'RUB');
    expect(request.ok && request.data.ownerId).toBe(owner);
  });

  it('names the amount and the quantity when they are not numbers', () =>
    expect(saleRequest({ ...filled, amount: 'много', quantity: '0' }, 'RUB')).toEqual({
      ok: false,
      issues: [{ path: 'quantity' }, { path: 'amountMinor' }],
    }));

  it('names a missing date', () =>
    expect(saleRequest({ ...filled, saleDate: '' }, 'RUB')).toEqual({ ok: false, issues: [{ path: 'saleDate' }] }));
});
