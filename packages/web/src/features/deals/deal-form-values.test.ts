import { describe, expect, it } from 'vitest';
import { type DealFormValues, dealChanges, emptyDealValues } from './deal-form-values.ts';

const owner = '00000000-0000-4000-8000-000000000001';
const read: DealFormValues = emptyDealValues(
  { title: 'Поставка насосов', amount: '1 000,00', expectedCloseDate: '2031-05-20', stageId: 'stage-1' },
  owner,
);
const noLines = { currency: 'RUB', lines: [] };

describe('dealChanges', () => {
  it('sends only what changed', () =>
    expect(dealChanges(read, { ...read, title: 'Поставка насосов и запчастей' }, noLines)).toEqual({
      ok: true,
      changes: { title: 'Поставка насосов и запчастей' },
    }));
  it('sends a typed amount in minor units', () =>
    expect(dealChanges(read, { ...read, amount: '1 500,50' }, noLines)).toEqual({
      ok: true,
      changes: { amountMinor: 150_050 },
    }));
  it('refuses an amount that is not money', () =>
    expect(dealChanges(read, { ...read, amount: 'много' }, noLines)).toEqual({
      ok: false,
      issues: [{ path: 'amountMinor' }],
    }));
  it('leaves the amount of a deal with line items to the lines', () =>
    expect(dealChanges(read, { ...read, amount: '2 000' }, { currency: 'RUB', lines: [{} as never] })).toEqual({
      ok: true,
      changes: {},
    }));
  it('sends a cleared close date as null', () =>
    expect(dealChanges(read, { ...read, expectedCloseDate: '' }, noLines)).toEqual({
      ok: true,
      changes: { expectedCloseDate: null },
    }));
  it('keeps the stage and the owner when they are cleared or moved', () =>
    expect(dealChanges(read, { ...read, stageId: 'stage-2', ownerId: null }, noLines)).toEqual({
      ok: true,
      changes: {},
    }));
});
