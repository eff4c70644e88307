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
export { isRollupKpi, kpiValue, NotFromRollupError, type RollupTotals } from './kpi-value.ts';
export { median } from './median.ts';
export {
  type DashboardPeriods,
  type DayPeriod,
  dashboardPeriods,
  type PeriodGrain,
  periodOf,
  splitByPeriod,
} from './period-buckets.ts';
export {
  type PipelineCoverage,
  type PipelineCoverageInput,
  pipelineCoverage,
  type WeightedDeal,
} from './pipeline-coverage.ts';
export {
  type DealRottingInput,
  dealRotting,
  forecastBelowPessimistic,
  type LeadWaitingInput,
  leadWaitingTooLong,
  type NoCallsByHourInput,
  noCallsByHour,
  overdueBeyondLimit,
} from './red-flag-rules.ts';
export {
  type PeriodStageConversion,
  type PeriodStageConversionInput,
  periodStageConversion,
  type StageEntry,
} from './stage-conversion.ts';
export {
  type KpiComparison,
  type StrengthsWeaknesses,
  type StrengthsWeaknessesInput,
  strengthsAndWeaknesses,
} from './strengths-weaknesses.ts';
export { sumRollups } from './sum-rollups.ts';
export { type PeriodTarget, type TargetForPeriodInput, targetForPeriod } from './target-for-period.ts';
export * from './thresholds.ts';
