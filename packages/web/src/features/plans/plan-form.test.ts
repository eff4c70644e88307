import { describe, expect, it } from 'vitest';
import { emptyPlanValues, parseCoefficients, percentToBasisPoints, periodOf, planRequest } from './plan-form.ts';

describe('periodOf', () => {
  it('covers a calendar year from January', () => {
    expect(periodOf('2027-01', 12)).toEqual({ periodStart: '2027-01-01', periodEnd: '2027-12-31' });
  });
  it('crosses the year end and ends on the last day of February', () => {
    expect(periodOf('2027-09', 6)).toEqual({ periodStart: '2027-09-01', periodEnd: '2028-02-29' });
  });
  it('refuses more than 12 months or a month that is not one', () => {
    expect(periodOf('2027-01', 13)).toBeNull();
    expect(periodOf('2027-13', 1)).toBeNull();
  });
});

describe('percentToBasisPoints', () => {
  it('reads whole and decimal percentages with a comma or a dot', () => {
    expect(percentToBasisPoints('85')).toBe(8500);
    expect(percentToBasisPoints('12,5')).toBe(1250);
    expect(percentToBasisPoints('-3 %')).toBe(-300);
  });
  it('refuses text that is not a percentage', () => {
    expect(percentToBasisPoints('')).toBeNull();
    expect(percentToBasisPoints('abc')).toBeNull();
    expect(percentToBasisPoints('1.234')).toBeNull();
  });
});

describe('planRequest', () => {
  const base = { ...emptyPlanValues('2026-11-25'), name: 'План 2027' };

  it('starts the form at next January for 12 months from last year + 10 %', () => {
    expect(base).toMatchObject({ startMonth: '2027-01', length: 12, growthPercent: '10' });
  });
  it('builds a plan from last year × growth with scenarios as percentages', () => {
    expect(planRequest(base, 'RUB').body).toEqual({
      name: 'План 2027',
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      scopeUnitId: null,
      realistic: { basis: 'last-year-growth', growthBp: 1000 },
      pessimistic: { kind: 'percent', basisPoints: 8500 },
      optimistic: { kind: 'percent', basisPoints: 11500 },
      dealsTarget: null,
      marginTargetMinor: null,
    });
  });
  it('sends typed amounts in minor units', () => {
    const values = {
      ...base,
      realisticBasis: 'manual' as const,
      realisticAmount: '12 000 000',
      pessimisticKind: 'amount' as const,
      pessimistic: '10 000 000,50',
    };
    const body = planRequest(values, 'RUB').body;
    expect(body?.realistic).toEqual({ basis: 'manual', amountMinor: 1_200_000_000 });
    expect(body?.pessimistic).toEqual({ kind: 'amount', amountMinor: 1_000_000_050 });
  });
  it('names every field it cannot read', () => {
    const values = { ...base, name: ' ', growthPercent: 'x', optimistic: '' };
    expect(planRequest(values, 'RUB').errors).toEqual(['name', 'growthPercent', 'optimistic']);
  });
});

describe('parseCoefficients', () => {
  it('reads twelve numbers with commas or dots', () => {
    const texts = Array.from({ length: 12 }, (_, i) => (i === 0 ? '1,2' : '1'));
    expect(parseCoefficients(texts)?.[0]).toBe(1.2);
  });
  it('refuses a blank, a negative or a missing month', () => {
    expect(parseCoefficients(Array.from({ length: 12 }, () => ''))).toBeNull();
    expect(parseCoefficients(Array.from({ length: 12 }, () => '-1'))).toBeNull();
    expect(parseCoefficients(['1'])).toBeNull();
  });
});
