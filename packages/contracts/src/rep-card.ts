import { z } from 'zod';
import { Day, Id } from './common.ts';
import { KpiCatalogId, KpiTargetGrain } from './kpi-targets.ts';
import { Role } from './roles.ts';

// The rep card: one person's KPIs over a period next to their team, for the head's one-to-ones.
// "Team" is the rep's teammates: the other active sales managers of the rep's own unit. Every
// team figure is the median of the teammates' values (nulls skipped), except the funnel, where
// the team's deals are pooled stage by stage (a median of small conversions is mostly noise).
// Values are in the KPI's unit: minor units for money, milliseconds for times, 0–100 for percents.

export const RepCardParams = z.object({ userId: Id }).strict();
export type RepCardParams = z.infer<typeof RepCardParams>;

export const RepCardQuery = z
  .object({
    from: Day,
    to: Day,
    /** How the series are bucketed: days, ISO weeks (Monday–Sunday) or calendar months. */
    grain: KpiTargetGrain.default('day'),
  })
  .strict();
export type RepCardQuery = z.infer<typeof RepCardQuery>;

/** A KPI figure of the rep, the teammates' median, and null where absent (no data, not 0). */
const Figure = z.number().nullable();

/** The rep's target for the period (scaled by working days for counts and money) and its light. */
export const RepCardTarget = z.object({
  value: z.number(),
  greenAt: z.number(),
  amberAt: z.number(),
  /** The rep's value against the thresholds; null when the rep has no value. */
  light: z.enum(['green', 'amber', 'red']).nullable(),
});
export type RepCardTarget = z.infer<typeof RepCardTarget>;

/** One KPI over the whole period. */
export const RepCardKpi = z.object({
  kpiId: KpiCatalogId,
  value: Figure,
  teamMedian: Figure,
  /** Null when no target of the rep touches the period. */
  target: RepCardTarget.nullable(),
});
export type RepCardKpi = z.infer<typeof RepCardKpi>;

/** A bucket of the series: a day, an ISO week or a month, cut to the period. */
export const RepCardBucket = z.object({
  /** '2026-03-02', '2026-W10' or '2026-03'. */
  key: z.string(),
  from: Day,
  to: Day,
});
export type RepCardBucket = z.infer<typeof RepCardBucket>;

/** One KPI bucket by bucket: `rep[i]` and `teamMedian[i]` belong to `buckets[i]`. */
export const RepCardSeries = z.object({
  kpiId: KpiCatalogId,
  rep: z.array(Figure),
  teamMedian: z.array(Figure),
});
export type RepCardSeries = z.infer<typeof RepCardSeries>;

/** Deals that entered a stage in the period and, of those, how many later went further along. */
export const RepCardConversion = z.object({
  entered: z.number().int(),
  advanced: z.number().int(),
  /** advanced / entered × 100; null when nothing entered. */
  conversionPercent: Figure,
});
export type RepCardConversion = z.infer<typeof RepCardConversion>;

/** One open stage of a pipeline: the rep's conversion and the team's (pooled). */
export const RepCardFunnelStage = z.object({
  pipelineId: Id,
  stageId: Id,
  stageName: z.string(),
  position: z.number().int(),
  rep: RepCardConversion,
  team: RepCardConversion,
});
export type RepCardFunnelStage = z.infer<typeof RepCardFunnelStage>;

/** A KPI where the rep leads or lags the team's median. */
export const RepCardComparison = z.object({
  kpiId: KpiCatalogId,
  value: z.number(),
  teamMedian: z.number(),
  /** (value − median) / |median|, turned round when lower is better: 0.25 = a quarter better. */
  advantage: z.number(),
});
export type RepCardComparison = z.infer<typeof RepCardComparison>;

export const RepCard = z.object({
  rep: z.object({
    id: Id,
    fullName: z.string(),
    role: Role,
    unitId: Id.nullable(),
    unitName: z.string().nullable(),
    hireDate: Day.nullable(),
    active: z.boolean(),
  }),
  from: Day,
  to: Day,
  grain: KpiTargetGrain,
  /** The currency of money figures (the organisation's). */
  currency: z.string(),
  /** The teammates the medians are taken over. */
  team: z.array(z.object({ id: Id, fullName: z.string() })),
  /** Every KPI kept in the daily rollup, in catalog order, over the whole period. */
  kpis: z.array(RepCardKpi),
  buckets: z.array(RepCardBucket),
  series: z.array(RepCardSeries),
  funnel: z.object({
    stages: z.array(RepCardFunnelStage),
    winRate: z.object({ value: Figure, teamMedian: Figure }),
    averageDeal: z.object({ value: Figure, teamMedian: Figure }),
    leadToWonTime: z.object({ value: Figure, teamMedian: Figure }),
  }),
  /** The three KPIs the rep leads the team by the most, best first. */
  strengths: z.array(RepCardComparison),
  /** The three KPIs the rep lags the team by the most, worst first. */
  weaknesses: z.array(RepCardComparison),
});
export type RepCard = z.infer<typeof RepCard>;
