import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pipelineForecast } from './pipeline-forecast.ts';

const march = { from: '2026-03-01', to: '2026-03-31' };

describe('pipelineForecast', () => {
  it('adds the weighted open deals closing in the period to the fact (hand-worked)', () => {
    // 1 000 000.00 fact + 500 000.00 × 60 % + 200 000.00 × 25 % = 1 350 000.00 RUB; the April deal and
    // the undated one are left out.
    const result = pipelineForecast({
      factMinor: 100_000_000,
      ...march,
      deals: [
        { amountMinor: 50_000_000, probability: 60, expectedCloseDay: '2026-03-20' },
        { amountMinor: 20_000_000, probability: 25, expectedCloseDay: '2026-03-31' },
        { amountMinor: 90_000_000, probability: 90, expectedCloseDay: '2026-04-01' },
        { amountMinor: 10_000_000, probability: 50, expectedCloseDay: null },
      ],
    });
    expect(result).toEqual({ forecastMinor: 135_000_000, weightedMinor: 35_000_000, dealsCounted: 2 });
  });
  it('rounds each deal half up before adding, as the pipeline board does', () => {
    // 1 kopeck × 50 % = 0.5 → 1, twice: 2 (rounding the sum instead would also give 1 + … but 0.5 + 0.5 = 1).
    // 3 kopecks × 50 % = 1.5 → 2 and 1 kopeck × 50 % → 1: 3, where rounding the sum of 2.0 would give 2.
    const result = pipelineForecast({
      factMinor: 0,
      ...march,
      deals: [
        { amountMinor: 3, probability: 50, expectedCloseDay: '2026-03-02' },
        { amountMinor: 1, probability: 50, expectedCloseDay: '2026-03-02' },
      ],
    });
    expect(result.weightedMinor).toBe(3);
  });
  it('counts an overdue deal still dated inside the period', () => {
    const deals = [{ amountMinor: 1_000, probability: 10, expectedCloseDay: '2026-03-01' }];
    expect(pipelineForecast({ factMinor: 0, ...march, deals }).dealsCounted).toBe(1);
  });
  it('refuses probabilities outside 0–100, negative amounts and malformed days', () => {
    const run = (deal: { amountMinor: number; probability: number; expectedCloseDay: string | null }) => () =>
      pipelineForecast({ factMinor: 0, ...march, deals: [deal] });
    expect(run({ amountMinor: 1, probability: 101, expectedCloseDay: null })).toThrow(
      expect.objectContaining({ code: 'invalid_number' }),
    );
    expect(run({ amountMinor: -1, probability: 10, expectedCloseDay: null })).toThrow(
      expect.objectContaining({ code: 'negative_amount' }),
    );
    expect(run({ amountMinor: 1, probability: 10, expectedCloseDay: '2026-03-32' })).toThrow(
      expect.objectContaining({ code: 'invalid_period' }),
    );
  });
  it('is never below the fact for non-negative deals, and never above fact + Σ amounts', () => {
    const deal = fc.record({
      amountMinor: fc.integer({ min: 0, max: 1e11 }),
      probability: fc.integer({ min: 0, max: 100 }),
      expectedCloseDay: fc.option(
        fc.constantFrom('2026-02-28', '2026-03-01', '2026-03-15', '2026-03-31', '2026-04-01'),
        {
          nil: null,
        },
      ),
    });
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e12 }), fc.array(deal, { maxLength: 30 }), (fact, deals) => {
        const { forecastMinor, weightedMinor } = pipelineForecast({ factMinor: fact, ...march, deals });
        expect(forecastMinor).toBeGreaterThanOrEqual(fact);
        expect(forecastMinor).toBe(fact + weightedMinor);
        expect(weightedMinor).toBeLessThanOrEqual(deals.reduce((sum, d) => sum + d.amountMinor, 0));
      }),
    );
  });
});
