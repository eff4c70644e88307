import type { DepartmentRow, KpiCatalogEntry, KpiCatalogId } from '@pulse/contracts';

// Departments side by side: which department leads each row. "Best" follows the KPI's direction
// (the shortest response time, the highest revenue); ties all lead; a row with fewer than two
// figures has no leader, since there is nothing to compare.

export type Direction = KpiCatalogEntry['direction'];

/** The indexes holding the best of the values; empty when fewer than two values are present. */
export function bestIndexes(values: readonly (number | null)[], direction: Direction): Set<number> {
  const present = values.flatMap((value, index) =>
    value === null || !Number.isFinite(value) ? [] : [{ value, index }],
  );
  if (present.length < 2) return new Set();
  const best =
    direction === 'higher' ? Math.max(...present.map((p) => p.value)) : Math.min(...present.map((p) => p.value));
  return new Set(present.filter((p) => p.value === best).map((p) => p.index));
}

/** One row of the table: a KPI's cell per department (in the departments' order) and the leaders. */
export interface KpiRow {
  kpiId: KpiCatalogId;
  cells: DepartmentRow['kpis'][KpiCatalogId][];
  best: Set<number>;
}

/** The KPI rows in the given order; a KPI missing from the catalog counts higher as better. */
export function kpiRows(
  kpis: readonly KpiCatalogId[],
  departments: readonly DepartmentRow[],
  directions: Readonly<Partial<Record<KpiCatalogId, Direction>>>,
): KpiRow[] {
  return kpis.map((kpiId) => {
    const cells = departments.map((department) => department.kpis[kpiId]);
    const values = cells.map((cell) => cell?.value ?? null);
    return { kpiId, cells, best: bestIndexes(values, directions[kpiId] ?? 'higher') };
  });
}

/**
 * The plan rows: attainment to date (higher is better) and the pipeline forecast, compared only
 * when every department's plan is in the same currency.
 */
export function planRows(departments: readonly DepartmentRow[]): {
  attainment: Set<number>;
  forecast: Set<number>;
} {
  const plans = departments.map((department) => department.plan);
  const attainment = bestIndexes(
    plans.map((plan) => plan?.attainment ?? null),
    'higher',
  );
  const currencies = new Set(plans.flatMap((plan) => (plan ? [plan.currency] : [])));
  const forecast =
    currencies.size > 1
      ? new Set<number>()
      : bestIndexes(
          plans.map((plan) => plan?.forecastMinor ?? null),
          'higher',
        );
  return { attainment, forecast };
}
