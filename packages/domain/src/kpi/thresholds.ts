import { isKpiId, KPI_CATALOG, type KpiDirection, type KpiId, type KpiUnit } from './catalog.ts';

/**
 * Red / amber / green thresholds of a KPI target. `greenAt` is the value from which the figure is
 * good, `amberAt` the value from which it is only a warning; beyond amber it is red. For a
 * higher-is-better KPI, green needs value ≥ greenAt and amber value ≥ amberAt, so amberAt ≤ greenAt;
 * for a lower-is-better one (response time) the comparisons turn round and amberAt ≥ greenAt.
 */

/** Units whose values are whole numbers: counts, seconds, milliseconds, minor units of money. */
export const WHOLE_UNITS: readonly KpiUnit[] = ['count', 'seconds', 'milliseconds', 'minor'];

/** Amber starts at this share of the target when the thresholds are not given (higher is better). */
export const DEFAULT_AMBER_SHARE_HIGHER = 0.8;
/** … and at this multiple of the target when lower is better. */
export const DEFAULT_AMBER_SHARE_LOWER = 1.2;

/** The largest percent a target or threshold can be. */
const PERCENT_MAX = 100;

/** A target's figures as entered. */
export interface ThresholdInput {
  kpi: string;
  target: number;
  greenAt: number;
  amberAt: number;
}

/** The field a threshold problem is about. */
export type ThresholdField = 'kpi' | 'target' | 'greenAt' | 'amberAt';

/** Why a figure is refused. */
export type ThresholdIssueCode =
  | 'unknown_kpi'
  | 'not_finite'
  | 'negative'
  | 'not_whole'
  | 'percent_above_100'
  | 'thresholds_out_of_order';

/** One refused field and why. */
export interface ThresholdIssue {
  field: ThresholdField;
  code: ThresholdIssueCode;
}

/** The problems of a target's figures; an empty list when they are fine. */
export function validateThresholds(input: ThresholdInput): ThresholdIssue[] {
  if (!isKpiId(input.kpi)) return [{ field: 'kpi', code: 'unknown_kpi' }];
  const { unit, direction } = KPI_CATALOG[input.kpi];
  const issues: ThresholdIssue[] = [];
  for (const field of ['target', 'greenAt', 'amberAt'] as const) {
    const code = valueIssue(unit, input[field]);
    if (code) issues.push({ field, code });
  }
  // Order is only meaningful between two acceptable figures.
  const bothValid = !issues.some((issue) => issue.field === 'greenAt' || issue.field === 'amberAt');
  if (bothValid && !inOrder(direction, input.greenAt, input.amberAt)) {
    issues.push({ field: 'amberAt', code: 'thresholds_out_of_order' });
  }
  return issues;
}

function valueIssue(unit: KpiUnit, value: number): ThresholdIssueCode | null {
  if (!Number.isFinite(value)) return 'not_finite';
  if (value < 0) return 'negative';
  if (WHOLE_UNITS.includes(unit) && !Number.isInteger(value)) return 'not_whole';
  if (unit === 'percent' && value > PERCENT_MAX) return 'percent_above_100';
  return null;
}

function inOrder(direction: KpiDirection, greenAt: number, amberAt: number): boolean {
  return direction === 'higher' ? amberAt <= greenAt : amberAt >= greenAt;
}

/**
 * Thresholds for a target when none are given: green at the target, amber from 80 % of it
 * (higher is better) or up to 120 % of it (lower is better), rounded to a whole number for whole
 * units and kept within 0…100 for percents.
 */
export function defaultThresholds(kpi: KpiId, target: number): { greenAt: number; amberAt: number } {
  const { unit, direction } = KPI_CATALOG[kpi];
  const share = direction === 'higher' ? DEFAULT_AMBER_SHARE_HIGHER : DEFAULT_AMBER_SHARE_LOWER;
  const raw = target * share;
  // Rounding a whole target's 80 % (120 %) to the nearest whole number never crosses the target.
  let amberAt = WHOLE_UNITS.includes(unit) ? Math.round(raw) : roundDecimal(raw);
  if (unit === 'percent') amberAt = Math.min(amberAt, PERCENT_MAX);
  return { greenAt: target, amberAt };
}

/** Four decimals hide the binary noise of a product (0.8 × 0.3 = 0.24000000000000002). */
function roundDecimal(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** The colour of a KPI value against its thresholds. */
export type TrafficLight = 'green' | 'amber' | 'red';

/**
 * Green at or beyond `greenAt`, amber at or beyond `amberAt`, red otherwise ("beyond" is above
 * for higher-is-better KPIs, below for lower-is-better ones). An absent value has no colour:
 * a KPI without data is not red.
 */
export function trafficLight(input: {
  kpi: KpiId;
  value: number | null | undefined;
  greenAt: number;
  amberAt: number;
}): TrafficLight | null {
  const { value, greenAt, amberAt } = input;
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const atLeast = KPI_CATALOG[input.kpi].direction === 'higher';
  const reaches = (threshold: number) => (atLeast ? value >= threshold : value <= threshold);
  if (reaches(greenAt)) return 'green';
  if (reaches(amberAt)) return 'amber';
  return 'red';
}
