import { mulDivRound } from '../plan/plan-math.ts';
import { KPI_CATALOG, type KpiId, type RollupMeasure } from './catalog.ts';

/**
 * Summed rollup counters of a period (one rep or many): each measure a whole number, 0 or more.
 * A missing measure counts as 0.
 */
export type RollupTotals = Partial<Record<RollupMeasure, number>>;

/**
 * Thrown when a KPI that is not kept in the rollup (`period`, `snapshot` or `none` in the catalog)
 * is asked of rollup totals. Asking is a programming error, not bad user input: such KPIs have
 * their own rules (stage conversion, pipeline coverage) or no value yet (quality score), and the
 * caller branches on {@link isRollupKpi} first. A throw rather than a "not from rollup" value keeps
 * the result a plain `number | null` for the fifteen-odd figures of a dashboard row.
 */
export class NotFromRollupError extends Error {
  readonly kpi: KpiId;
  constructor(kpi: KpiId) {
    super(`KPI "${kpi}" is not computed from the daily rollup (source ${KPI_CATALOG[kpi].source.kind})`);
    this.name = 'NotFromRollupError';
    this.kpi = kpi;
  }
}

/** Whether a KPI's value for a period comes from summed rollup counters (`sum` or `ratio`). */
export function isRollupKpi(kpi: KpiId): boolean {
  const kind = KPI_CATALOG[kpi].source.kind;
  return kind === 'sum' || kind === 'ratio';
}

/**
 * The value of a KPI for a period from the period's summed rollup counters:
 * - `sum` KPIs: the summed measure;
 * - `ratio` KPIs: Σ numerator / Σ denominator (a denominator list is added up first), × 100 for
 *   `percent`; null when the denominator is 0 — the figure is absent, not 0 (no tasks were due,
 *   no deal closed). Money (`minor`, the average deal) is rounded half up to a whole minor unit,
 *   since money is always whole; the other ratios are left unrounded for the caller to display.
 * @throws NotFromRollupError for `period`, `snapshot` and `none` KPIs.
 * @throws RangeError when a measure is not a whole number 0 or more.
 */
export function kpiValue(kpi: KpiId, totals: RollupTotals): number | null {
  const { source, unit } = KPI_CATALOG[kpi];
  if (source.kind === 'sum') return measureOf(totals, source.measure);
  if (source.kind !== 'ratio') throw new NotFromRollupError(kpi);
  const numerator = measureOf(totals, source.numerator);
  const denominators: readonly RollupMeasure[] =
    typeof source.denominator === 'string' ? [source.denominator] : source.denominator;
  const denominator = denominators.reduce((total, measure) => total + measureOf(totals, measure), 0);
  if (denominator === 0) return null;
  if (unit === 'minor') return mulDivRound(numerator, 1, denominator);
  return unit === 'percent' ? (numerator * 100) / denominator : numerator / denominator;
}

function measureOf(totals: RollupTotals, measure: RollupMeasure): number {
  const value = totals[measure] ?? 0;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`Invalid rollup measure ${measure} ${value}: expected a whole number, 0 or more`);
  }
  return value;
}
