import type {
  RepCardBucket,
  RepCardComparison,
  RepCardConversion,
  RepCardFunnelStage,
  RepCardKpi,
  RepCardSeries,
  RepCardTarget,
  StageConversionStep,
} from '@pulse/contracts';
import {
  type DayPeriod,
  isRollupKpi,
  KPI_CATALOG,
  KPI_IDS,
  type KpiId,
  kpiValue,
  median,
  type RollupTotals,
  strengthsAndWeaknesses,
  sumRollups,
  targetForPeriod,
  trafficLight,
  type WorkCalendar,
} from '@pulse/domain';
import type { RepDayFigures } from '../kpi/kpi-rollup-read.ts';
import type { RepTargetRow } from './rep-card.queries.ts';

// The rep card's figures from what was read: rollup days summed per bucket and per period, the
// teammates' medians, the rep's targets scaled to the period, and the pooled team funnel. No I/O
// here, so every rule is visible in one place.

/** Every KPI kept in the daily rollup, in catalog order: the ones a card can chart and compare. */
export const ROLLUP_KPIS: readonly KpiId[] = KPI_IDS.filter(isRollupKpi);

/** How many strengths and how many weaknesses the card lists. */
export const TOP_COMPARISONS = 3;

/** Each rollup KPI's value from summed measures. */
export function valuesOf(totals: RollupTotals): Record<KpiId, number | null> {
  return Object.fromEntries(ROLLUP_KPIS.map((kpi) => [kpi, kpiValue(kpi, totals)])) as Record<KpiId, number | null>;
}

/** The median of the teammates' values, skipping those without one; null when nobody has one. */
export function teamMedianOf(values: readonly (number | null)[]): number | null {
  return median(values.filter((v): v is number => v !== null));
}

/** A person's rollup days summed per bucket (days outside every bucket are ignored). */
export function totalsByBucket(days: readonly RepDayFigures[], buckets: readonly DayPeriod[]): RollupTotals[] {
  return buckets.map((bucket) =>
    sumRollups(days.filter((d) => d.day >= bucket.from && d.day <= bucket.to).map((d) => d.figures)),
  );
}

/** Input of {@link cardFigures}: the rep's and each teammate's rollup days of the period. */
export interface CardFiguresInput {
  repDays: readonly RepDayFigures[];
  teammateDays: readonly (readonly RepDayFigures[])[];
  buckets: readonly DayPeriod[];
}

/** The period's KPI values (without targets), the series and the strengths and weaknesses. */
export interface CardFigures {
  kpis: Omit<RepCardKpi, 'target'>[];
  buckets: RepCardBucket[];
  series: RepCardSeries[];
  strengths: RepCardComparison[];
  weaknesses: RepCardComparison[];
  values: Record<KpiId, number | null>;
  teamMedians: Record<KpiId, number | null>;
}

export function cardFigures(input: CardFiguresInput): CardFigures {
  const repValues = valuesOf(sumRollups(input.repDays.map((d) => d.figures)));
  const teamValues = input.teammateDays.map((days) => valuesOf(sumRollups(days.map((d) => d.figures))));
  const teamMedians = Object.fromEntries(
    ROLLUP_KPIS.map((kpi) => [kpi, teamMedianOf(teamValues.map((v) => v[kpi]))]),
  ) as Record<KpiId, number | null>;

  const repBuckets = totalsByBucket(input.repDays, input.buckets).map(valuesOf);
  const teamBuckets = input.teammateDays.map((days) => totalsByBucket(days, input.buckets).map(valuesOf));
  const series = ROLLUP_KPIS.map((kpi) => ({
    kpiId: kpi,
    rep: repBuckets.map((values) => values[kpi]),
    teamMedian: input.buckets.map((_, i) => teamMedianOf(teamBuckets.map((person) => person[i]?.[kpi] ?? null))),
  }));

  const compared = strengthsAndWeaknesses({
    rep: repValues,
    team: Object.fromEntries(ROLLUP_KPIS.map((kpi) => [kpi, teamValues.map((v) => v[kpi])])),
    top: TOP_COMPARISONS,
  });
  const comparison = (c: { kpi: KpiId; value: number; teamMedian: number; advantage: number }) => ({
    kpiId: c.kpi,
    value: c.value,
    teamMedian: c.teamMedian,
    advantage: c.advantage,
  });
  return {
    kpis: ROLLUP_KPIS.map((kpi) => ({ kpiId: kpi, value: repValues[kpi], teamMedian: teamMedians[kpi] })),
    buckets: input.buckets.map((b) => ({ key: b.key, from: b.from, to: b.to })),
    series,
    strengths: compared.strengths.map(comparison),
    weaknesses: compared.weaknesses.map(comparison),
    values: repValues,
    teamMedians,
  };
}

/**
 * The rep's target of a KPI for the period, from their targets that touch it. Counts and money
 * (`sum` KPIs) add up each target's share of the days it covers within the period, scaled by
 * working days; ratios and times keep the value of the latest target. Thresholds scale alike.
 */
export function targetOf(
  kpi: KpiId,
  rows: readonly RepTargetRow[],
  period: { from: string; to: string },
  calendar: WorkCalendar,
  value: number | null,
): RepCardTarget | null {
  const own = rows.filter((row) => row.kpi_id === kpi);
  if (own.length === 0) return null;
  let figures: { value: number; greenAt: number; amberAt: number };
  if (KPI_CATALOG[kpi].source.kind === 'sum') {
    figures = { value: 0, greenAt: 0, amberAt: 0 };
    for (const row of own) {
      const from = laterDay(row.period_from, period.from);
      const to = earlierDay(row.period_to, period.to);
      const scaled = (figure: number) =>
        targetForPeriod({ kpi, target: { grain: row.grain, value: figure }, from, to, calendar });
      figures.value += scaled(row.target);
      figures.greenAt += scaled(row.green_at);
      figures.amberAt += scaled(row.amber_at);
    }
  } else {
    const latest = own[own.length - 1] as RepTargetRow;
    figures = { value: latest.target, greenAt: latest.green_at, amberAt: latest.amber_at };
  }
  return { ...figures, light: trafficLight({ kpi, value, greenAt: figures.greenAt, amberAt: figures.amberAt }) };
}

/**
 * The rep's stage conversion beside the team's: the teammates' deals pooled stage by stage
 * (Σ advanced / Σ entered), in the rep's stage order.
 */
export function funnelStages(
  rep: readonly StageConversionStep[],
  teammates: readonly (readonly StageConversionStep[])[],
): RepCardFunnelStage[] {
  return rep.map((step) => {
    let entered = 0;
    let advanced = 0;
    for (const steps of teammates) {
      const same = steps.find((s) => s.stageId === step.stageId);
      entered += same?.entered ?? 0;
      advanced += same?.advanced ?? 0;
    }
    const team: RepCardConversion = {
      entered,
      advanced,
      conversionPercent: entered === 0 ? null : (advanced * 100) / entered,
    };
    return {
      pipelineId: step.pipelineId,
      stageId: step.stageId,
      stageName: step.stageName,
      position: step.position,
      rep: { entered: step.entered, advanced: step.advanced, conversionPercent: step.conversionPercent },
      team,
    };
  });
}

/** The later of two 'YYYY-MM-DD' days (they sort as text). */
function laterDay(a: string, b: string): string {
  return a.localeCompare(b) >= 0 ? a : b;
}

/** The earlier of two 'YYYY-MM-DD' days. */
function earlierDay(a: string, b: string): string {
  return a.localeCompare(b) <= 0 ? a : b;
}
