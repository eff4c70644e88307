import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRateForecast } from './run-rate.ts';

describe('runRateForecast', () => {
  it('projects 1 000 000.00 RUB in 10 of 21 working days to 2 100 000.00 RUB', () => {
    expect(runRateForecast({ factMinor: 100_000_000, elapsedWorkingDays: 10, totalWorkingDays: 21 })).toBe(210_000_000);
  });
  it('rounds once, halves away from zero: 1 kopeck × 21 / 2 = 10.5 → 11', () => {
    expect(runRateForecast({ factMinor: 1, elapsedWorkingDays: 2, totalWorkingDays: 21 })).toBe(11);
    expect(runRateForecast({ factMinor: -1, elapsedWorkingDays: 2, totalWorkingDays: 21 })).toBe(-11);
  });
  it('is null before the first working day has elapsed', () => {
    expect(runRateForecast({ factMinor: 500, elapsedWorkingDays: 0, totalWorkingDays: 21 })).toBeNull();
  });
  it('equals the fact once the period is over', () => {
    expect(runRateForecast({ factMinor: 123_457, elapsedWorkingDays: 21, totalWorkingDays: 21 })).toBe(123_457);
  });
  it('refuses more elapsed days than the period has, and bad counts', () => {
    expect(() => runRateForecast({ factMinor: 1, elapsedWorkingDays: 22, totalWorkingDays: 21 })).toThrow(
      expect.objectContaining({ code: 'invalid_period' }),
    );
    expect(() => runRateForecast({ factMinor: 1, elapsedWorkingDays: 1.5, totalWorkingDays: 21 })).toThrow(
      expect.objectContaining({ code: 'invalid_number' }),
    );
    expect(() => runRateForecast({ factMinor: 0.5, elapsedWorkingDays: 1, totalWorkingDays: 21 })).toThrow(
      expect.objectContaining({ code: 'invalid_amount' }),
    );
  });

  const days = fc
    .integer({ min: 1, max: 260 })
    .chain((total) => fc.tuple(fc.integer({ min: 1, max: total }), fc.constant(total)));
  it('is linear in the fact: the forecast of a sum is within a kopeck of the sum of forecasts, of k × fact within k/2 + 1/2 of k × forecast', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.integer({ min: 0, max: 100 }),
        days,
        (a, b, k, [elapsed, total]) => {
          const rr = (fact: number) =>
            runRateForecast({ factMinor: fact, elapsedWorkingDays: elapsed, totalWorkingDays: total }) ?? Number.NaN;
          expect(Math.abs(rr(a + b) - (rr(a) + rr(b)))).toBeLessThanOrEqual(1);
          expect(Math.abs(rr(k * a) - k * rr(a))).toBeLessThanOrEqual(k / 2 + 0.5);
          expect(Math.abs(rr(a) - (a * total) / elapsed)).toBeLessThanOrEqual(0.5 + 1e-3);
        },
      ),
    );
  });
  it('is exactly k × the forecast when elapsed divides the fact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -1000, max: 1000 }),
        days,
        (unit, k, [elapsed, total]) => {
          const fact = unit * elapsed;
          const rr = (f: number) =>
            runRateForecast({ factMinor: f, elapsedWorkingDays: elapsed, totalWorkingDays: total });
          expect(rr(fact)).toBe(unit * total);
          expect(rr(k * fact)).toBe(k * unit * total + 0);
        },
      ),
    );
  });
});
