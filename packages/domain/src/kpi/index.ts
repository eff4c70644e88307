// The public surface of the daily-control rules: the KPI catalog and how figures are judged.
export {
  isKpiId,
  KPI_CATALOG,
  KPI_IDS,
  type KpiDefinition,
  type KpiDirection,
  type KpiId,
  type KpiSource,
  type KpiUnit,
  ROLLUP_MEASURES,
  type RollupMeasure,
} from './catalog.ts';
export * from './thresholds.ts';
