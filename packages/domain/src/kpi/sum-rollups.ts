import { ROLLUP_MEASURES, type RollupMeasure } from './catalog.ts';
import type { RollupTotals } from './kpi-value.ts';

/**
 * Adds rollup rows (any days, any people) into one set of totals, measure by measure. Rows may
 * carry other fields (the rep, the day); only the catalog's measures are read. Every measure of the
 * catalog is in the result, 0 when no row had it, so splitting the days any way and summing the
 * parts gives the same totals.
 *
 * The sums are exact: each row value must be a whole number 0 or more, and a total that would pass
 * the largest exactly representable integer is refused rather than silently rounded.
 * @throws RangeError for a value that is not a whole number 0 or more, or a total too large.
 */
export function sumRollups(rows: readonly RollupTotals[]): Record<RollupMeasure, number> {
  const totals = Object.fromEntries(ROLLUP_MEASURES.map((measure) => [measure, 0])) as Record<RollupMeasure, number>;
  for (const row of rows) {
    for (const measure of ROLLUP_MEASURES) {
      const value = row[measure];
      if (value === undefined) continue;
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new RangeError(`Invalid rollup measure ${measure} ${value}: expected a whole number, 0 or more`);
      }
      const total = totals[measure] + value;
      // Both addends are safe, so the sum is exact unless it leaves the safe range.
      if (!Number.isSafeInteger(total)) {
        throw new RangeError(`The total of ${measure} exceeds the largest exactly representable whole number`);
      }
      totals[measure] = total;
    }
  }
  return totals;
}
