import { z } from 'zod';
import { Day, Id, Instant } from './common.ts';

// Daily control: the red flags that need the head's attention today, and the two KPIs computed
// live for a period (stage conversion from the stage history, pipeline coverage of the remaining
// plan). Money is in whole minor units.

export const DailyControlFlagsQuery = z
  .object({ unitId: Id.optional().describe('Only this unit and its subtree (within your scope)') })
  .strict();
export type DailyControlFlagsQuery = z.infer<typeof DailyControlFlagsQuery>;

/** What a red flag is about. */
export const RedFlagKind = z.enum([
  'no-calls',
  'overdue-tasks',
  'rotting-deals',
  'waiting-leads',
  'forecast-below-pessimistic',
]);
export type RedFlagKind = z.infer<typeof RedFlagKind>;

/** The unit of a flag's figure and limit. */
export const RedFlagUnit = z.enum(['calls', 'tasks', 'days', 'minutes', 'minor']);

/**
 * The list and the filters that show the records behind a figure: the web list of that name, whose
 * filters are those of GET /api/<list> except that periods are local days ('YYYY-MM-DD', the
 * web converts them to instants in the viewer's zone).
 */
export const DailyControlDrillDown = z.object({
  list: z.enum(['activities', 'tasks', 'deals', 'leads']),
  query: z.string(),
});
export type DailyControlDrillDown = z.infer<typeof DailyControlDrillDown>;

const Person = z.object({ id: Id, fullName: z.string(), unitId: Id.nullable() });

/**
 * One flag of one person. The figure against the limit, per kind:
 * - no-calls: calls held today (0) against 1 expected by `expectedBy` local time;
 * - overdue-tasks: open overdue tasks against the organisation's limit;
 * - rotting-deals: days the oldest rotting deal has been in its stage against that stage's limit;
 * - waiting-leads: business minutes the longest-waiting lead has waited against the response target;
 * - forecast-below-pessimistic: the pipeline forecast of the rep's plan line against its pessimistic plan.
 */
export const RedFlag = z.object({
  kind: RedFlagKind,
  user: Person,
  figure: z.number().int(),
  limit: z.number().int(),
  unit: RedFlagUnit,
  /** How many records are behind the flag (tasks, deals, leads; open deals counted by the forecast). */
  count: z.number().int(),
  /** The records behind it, oldest first, at most 20. */
  recordIds: z.array(Id),
  /** For no-calls: the local time calls were expected by ('HH:MM'). */
  expectedBy: z.string().nullable(),
  /** For forecast-below-pessimistic: the plan and the rep's line. */
  plan: z.object({ planId: Id, lineId: Id }).nullable(),
  drillDown: DailyControlDrillDown.nullable(),
});
export type RedFlag = z.infer<typeof RedFlag>;

export const RedFlags = z.object({
  /** The instant the flags were worked out at. */
  asOf: Instant,
  /** Today in the work calendar's time zone. */
  day: Day,
  flags: z.array(RedFlag),
});
export type RedFlags = z.infer<typeof RedFlags>;

export const LiveKpisQuery = z
  .object({
    from: Day,
    to: Day,
    unitId: Id.optional().describe('Only this unit and its subtree (within your scope)'),
  })
  .strict();
export type LiveKpisQuery = z.infer<typeof LiveKpisQuery>;

/** Of the deals that entered a stage in the period, how many later entered a stage further along (won included, lost not). */
export const StageConversionStep = z.object({
  pipelineId: Id,
  stageId: Id,
  stageName: z.string(),
  position: z.number().int(),
  entered: z.number().int(),
  advanced: z.number().int(),
  /** advanced / entered × 100; null when none entered (absent, not 0). */
  conversionPercent: z.number().nullable(),
  /** The deals that entered the stage in the period. */
  dealIds: z.array(Id),
});
export type StageConversionStep = z.infer<typeof StageConversionStep>;

/** Weighted open pipeline expected to close in the period against the rest of the rep's plan. */
export const PipelineCoverage = z.object({
  /** Σ amount × stage probability of open deals expected to close in the period. */
  weightedMinor: z.number().int(),
  /** The realistic plan of the rep's line for the months of the period; null without an approved plan. */
  planMinor: z.number().int().nullable(),
  /** Sales of the period to today. */
  factMinor: z.number().int(),
  /** max(0, plan − fact); null without a plan. */
  remainingMinor: z.number().int().nullable(),
  /** weighted / remaining; null without a plan or when nothing remains. */
  coverage: z.number().nullable(),
  planId: Id.nullable(),
  lineId: Id.nullable(),
  currency: z.string(),
  dealIds: z.array(Id),
  drillDown: DailyControlDrillDown,
});
export type PipelineCoverage = z.infer<typeof PipelineCoverage>;

export const RepLiveKpis = z.object({
  user: Person,
  stageConversion: z.array(StageConversionStep),
  pipelineCoverage: PipelineCoverage,
});
export type RepLiveKpis = z.infer<typeof RepLiveKpis>;

export const LiveKpis = z.object({ from: Day, to: Day, reps: z.array(RepLiveKpis) });
export type LiveKpis = z.infer<typeof LiveKpis>;
