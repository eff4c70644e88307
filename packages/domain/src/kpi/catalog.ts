/**
 * The KPI catalog: what each figure of daily control means, in what unit, which way is better,
 * and how it aggregates from days to weeks and months.
 *
 * Additive KPIs are kept per rep per day in the rollup (`kpi_daily`) as a numerator and, for
 * ratios and averages, a denominator; a week or a month is Σ numerator / Σ denominator, never an
 * average of daily ratios. The others are computed for the period when asked:
 * - `period`: from the events of the period (no KPI needs it now: stage conversion is rolled up
 *   by the day of each entry, and an entry's later moves re-mark that day);
 * - `snapshot`: from the current state (pipeline coverage of the remaining plan);
 * - `none`: no source yet (the quality score waits for call reviews) — shown as absent, never 0.
 */

/** Every KPI id of the catalog, in the order the dashboard shows them. */
export const KPI_IDS = [
  'tasks-on-time',
  'calls-outbound',
  'calls-inbound',
  'talk-time',
  'meetings-held',
  'leads-new',
  'leads-qualified',
  'response-time',
  'lead-to-won-time',
  'deals-won',
  'revenue',
  'average-deal',
  'win-rate',
  'stage-conversion',
  'pipeline-coverage',
  'quality-score',
] as const;

export type KpiId = (typeof KPI_IDS)[number];

/**
 * The per rep per day counters of the rollup, as columns of `kpi_daily`. Each is a whole number:
 * a count, seconds, milliseconds or minor units.
 */
export const ROLLUP_MEASURES = [
  /** Tasks assigned to the rep and due that day (cancelled ones excluded). */
  'tasks_due',
  /** Of those, done no later than their due time. */
  'tasks_done_on_time',
  /** Calls held that day, by direction. */
  'calls_outbound',
  'calls_inbound',
  /** Seconds of talk in the calls held that day (both directions). */
  'talk_seconds',
  /** Meetings held that day. */
  'meetings_held',
  /** Leads that arrived that day, for the rep they were assigned to (or who took them in). */
  'leads_new',
  /** Leads the rep qualified and handed off that day. */
  'leads_qualified',
  /** Leads first touched that day, and their response times summed (business milliseconds). */
  'leads_responded',
  'response_ms',
  /** Deals won that day, their amounts summed (minor units), and deals lost that day. */
  'deals_won',
  'won_amount_minor',
  'deals_lost',
  /** Won deals that came from a lead, and the time from the lead's arrival summed (milliseconds). */
  'won_from_lead',
  'lead_to_won_ms',
  /** Sales (revenue) dated that day, minor units. */
  'revenue_minor',
  /**
   * Entries of the rep's deals (current owner) into an open stage that day, once per deal, stage
   * and day (the day's first entry).
   */
  'stage_entered',
  /** Of those, entries the deal later followed into a further open stage of its pipeline, or won. */
  'stage_advanced',
] as const;

export type RollupMeasure = (typeof ROLLUP_MEASURES)[number];

/** The unit a KPI's value is expressed in. */
export type KpiUnit = 'count' | 'percent' | 'seconds' | 'milliseconds' | 'minor' | 'ratio' | 'score';

/** Which way is better. */
export type KpiDirection = 'higher' | 'lower';

/** How a KPI is computed for a period. */
export type KpiSource =
  /** Σ numerator over the days of the period (a count, a sum of money or seconds). */
  | { kind: 'sum'; measure: RollupMeasure }
  /** Σ numerator / Σ denominator; `percent` KPIs multiply by 100. Absent when Σ denominator = 0. */
  | { kind: 'ratio'; numerator: RollupMeasure; denominator: RollupMeasure | readonly RollupMeasure[] }
  /** Computed from the period's events when asked, not rolled up by day. */
  | { kind: 'period' }
  /** Computed from the current state when asked. */
  | { kind: 'snapshot' }
  /** No data source yet: the KPI is listed but has no value. */
  | { kind: 'none'; awaiting: string };

/** One entry of the catalog. */
export interface KpiDefinition {
  id: KpiId;
  unit: KpiUnit;
  direction: KpiDirection;
  source: KpiSource;
  /** Whether the figure can be given a target per day (counts can; a month-long conversion cannot). */
  dailyTarget: boolean;
}

const sum = (measure: RollupMeasure): KpiSource => ({ kind: 'sum', measure });
const ratio = (numerator: RollupMeasure, denominator: RollupMeasure | readonly RollupMeasure[]): KpiSource => ({
  kind: 'ratio',
  numerator,
  denominator,
});

/** The catalog, keyed by id. */
export const KPI_CATALOG: Readonly<Record<KpiId, KpiDefinition>> = {
  'tasks-on-time': {
    id: 'tasks-on-time',
    unit: 'percent',
    direction: 'higher',
    source: ratio('tasks_done_on_time', 'tasks_due'),
    dailyTarget: true,
  },
  'calls-outbound': {
    id: 'calls-outbound',
    unit: 'count',
    direction: 'higher',
    source: sum('calls_outbound'),
    dailyTarget: true,
  },
  'calls-inbound': {
    id: 'calls-inbound',
    unit: 'count',
    direction: 'higher',
    source: sum('calls_inbound'),
    dailyTarget: true,
  },
  'talk-time': {
    id: 'talk-time',
    unit: 'seconds',
    direction: 'higher',
    source: sum('talk_seconds'),
    dailyTarget: true,
  },
  'meetings-held': {
    id: 'meetings-held',
    unit: 'count',
    direction: 'higher',
    source: sum('meetings_held'),
    dailyTarget: true,
  },
  'leads-new': { id: 'leads-new', unit: 'count', direction: 'higher', source: sum('leads_new'), dailyTarget: true },
  'leads-qualified': {
    id: 'leads-qualified',
    unit: 'count',
    direction: 'higher',
    source: sum('leads_qualified'),
    dailyTarget: true,
  },
  'response-time': {
    id: 'response-time',
    unit: 'milliseconds',
    direction: 'lower',
    source: ratio('response_ms', 'leads_responded'),
    dailyTarget: true,
  },
  'lead-to-won-time': {
    id: 'lead-to-won-time',
    unit: 'milliseconds',
    direction: 'lower',
    source: ratio('lead_to_won_ms', 'won_from_lead'),
    dailyTarget: false,
  },
  'deals-won': { id: 'deals-won', unit: 'count', direction: 'higher', source: sum('deals_won'), dailyTarget: true },
  revenue: { id: 'revenue', unit: 'minor', direction: 'higher', source: sum('revenue_minor'), dailyTarget: true },
  'average-deal': {
    id: 'average-deal',
    unit: 'minor',
    direction: 'higher',
    source: ratio('won_amount_minor', 'deals_won'),
    dailyTarget: false,
  },
  'win-rate': {
    id: 'win-rate',
    unit: 'percent',
    direction: 'higher',
    source: ratio('deals_won', ['deals_won', 'deals_lost']),
    dailyTarget: false,
  },
  'stage-conversion': {
    id: 'stage-conversion',
    unit: 'percent',
    direction: 'higher',
    // Σ over days of "first entry per deal, stage and day": a deal that re-entered a stage on
    // another day of the period counts again (the live per-stage funnel counts it once).
    source: ratio('stage_advanced', 'stage_entered'),
    dailyTarget: false,
  },
  'pipeline-coverage': {
    id: 'pipeline-coverage',
    unit: 'ratio',
    direction: 'higher',
    source: { kind: 'snapshot' },
    dailyTarget: false,
  },
  'quality-score': {
    id: 'quality-score',
    unit: 'score',
    direction: 'higher',
    source: { kind: 'none', awaiting: 'call-reviews' },
    dailyTarget: false,
  },
};

/** Whether a string is a KPI id of the catalog. */
export function isKpiId(value: string): value is KpiId {
  return (KPI_IDS as readonly string[]).includes(value);
}
