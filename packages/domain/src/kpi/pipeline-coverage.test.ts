import { describe, expect, it } from 'vitest';
import { pipelineCoverage } from './pipeline-coverage.ts';

describe('pipelineCoverage', () => {
  it('weighs the open pipeline by probability over the remaining plan', () => {
    // Σ amount × probability = 1,000,000 × 30 + 333,333 × 50 + 10,001 × 7
    //   = 30,000,000 + 16,666,650 + 70,007 = 46,736,657 → / 100 = 467,366.57 → floor 467,366
    // remaining = 2,000,000 − 1,200,000 = 800,000 → coverage 467,366 / 800,000 = 0.5842075
    const result = pipelineCoverage({
      openDeals: [
        { amountMinor: 1_000_000, probability: 30 },
        { amountMinor: 333_333, probability: 50 },
        { amountMinor: 10_001, probability: 7 },
      ],
      planMinor: 2_000_000,
      factMinor: 1_200_000,
    });
    expect(result).toEqual({ weightedMinor: 467_366, remainingMinor: 800_000, coverage: 0.5842075 });
  });
  it('rounds down once over the sum, not deal by deal', () => {
    // 1 × 50 + 1 × 50 = 100 → / 100 = 1 (deal by deal, each 0.5 would floor to 0)
    const result = pipelineCoverage({
      openDeals: [
        { amountMinor: 1, probability: 50 },
        { amountMinor: 1, probability: 50 },
      ],
      planMinor: 4,
      factMinor: 0,
    });
    expect(result).toEqual({ weightedMinor: 1, remainingMinor: 4, coverage: 0.25 });
  });
  it('is absent when the plan is met or there is no plan: nothing remains to cover', () => {
    const deals = [{ amountMinor: 500_000, probability: 100 }];
    expect(pipelineCoverage({ openDeals: deals, planMinor: 2_000_000, factMinor: 2_100_000 })).toEqual({
      weightedMinor: 500_000,
      remainingMinor: 0,
      coverage: null,
    });
    expect(pipelineCoverage({ openDeals: deals, planMinor: 0, factMinor: 0 }).coverage).toBeNull();
  });
  it('is 0 with no open deals and a plan still to sell', () => {
    expect(pipelineCoverage({ openDeals: [], planMinor: 100, factMinor: 40 }).coverage).toBe(0);
  });
  it('stays exact for amounts whose products pass the double range', () => {
    const big = pipelineCoverage({
      openDeals: [
        { amountMinor: 90_000_000_000_001, probability: 99 },
        { amountMinor: 90_000_000_000_001, probability: 99 },
      ],
      planMinor: 1,
      factMinor: 0,
    });
    // 2 × 90,000,000,000,001 × 99 = 17,820,000,000,000,198, past 2^53 (a double would read …200 and give
    // …002); exactly, / 100 = 178,200,000,000,001.98 → floor 178,200,000,000,001
    expect(big.weightedMinor).toBe(178_200_000_000_001);
  });
  it('refuses a probability outside 0–100 and amounts that are not whole minor units 0 or more', () => {
    expect(() =>
      pipelineCoverage({ openDeals: [{ amountMinor: 1, probability: 101 }], planMinor: 1, factMinor: 0 }),
    ).toThrow(RangeError);
    expect(() =>
      pipelineCoverage({ openDeals: [{ amountMinor: -1, probability: 10 }], planMinor: 1, factMinor: 0 }),
    ).toThrow(RangeError);
    expect(() => pipelineCoverage({ openDeals: [], planMinor: 1.5, factMinor: 0 })).toThrow(RangeError);
  });
});
