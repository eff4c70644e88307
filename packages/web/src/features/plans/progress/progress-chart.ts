import type { PlanProgressDaily } from '@pulse/contracts';

/** The drawing area of the plan-versus-fact chart, in viewBox units (the SVG scales to its box). */
export interface ChartBox {
  width: number;
  height: number;
  pad: { top: number; right: number; bottom: number; left: number };
}

export const CHART_BOX: ChartBox = { width: 760, height: 280, pad: { top: 14, right: 16, bottom: 28, left: 84 } };

/** A point in viewBox units. */
export interface Point {
  x: number;
  y: number;
}

export type DailyPoint = PlanProgressDaily['days'][number];

/** Linear scales from day index and minor units to viewBox units; y grows upwards on screen. */
export interface ChartScale {
  x(index: number): number;
  y(minor: number): number;
  minMinor: number;
  maxMinor: number;
}

/**
 * Scales for `dayCount` days and values from `minMinor` to `maxMinor`. The value range always
 * includes 0 (a plan starts at zero) and is never empty, so a flat series still draws.
 */
export function chartScale(box: ChartBox, dayCount: number, values: readonly number[]): ChartScale {
  const minMinor = Math.min(0, ...values);
  const rawMax = Math.max(0, ...values);
  const maxMinor = rawMax === minMinor ? minMinor + 1 : rawMax;
  const plotW = box.width - box.pad.left - box.pad.right;
  const plotH = box.height - box.pad.top - box.pad.bottom;
  const last = Math.max(1, dayCount - 1);
  return {
    minMinor,
    maxMinor,
    x: (index) => box.pad.left + (plotW * index) / last,
    y: (minor) => box.pad.top + plotH * (1 - (minor - minMinor) / (maxMinor - minMinor)),
  };
}

/** An SVG path through the points in order ('' for none). Coordinates are rounded to 0.1. */
export function linePath(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ');
}

/**
 * The closed polygon between a lower and an upper series over the same x positions: along the
 * upper one left to right, back along the lower one right to left.
 */
export function bandPath(lower: readonly Point[], upper: readonly Point[]): string {
  if (lower.length === 0 || upper.length === 0) return '';
  return `${linePath([...upper, ...[...lower].reverse()])} Z`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The chart's series in viewBox units: plan (realistic), the band, the fact so far, forecast ends. */
export interface ChartGeometry {
  scale: ChartScale;
  plan: string;
  band: string;
  fact: string;
  /** The last day with a fact, where the forecast lines start; null before the first sale day. */
  factEnd: Point | null;
  forecasts: { kind: 'runRate' | 'pipeline'; point: Point; minor: number }[];
  ticks: { y: number; minor: number }[];
}

/** Everything the chart draws, computed from the daily series and the period-end forecasts. */
export function chartGeometry(
  box: ChartBox,
  days: readonly DailyPoint[],
  forecasts: { runRate: number | null; pipeline: number | null },
): ChartGeometry {
  const facts = days.flatMap((d, i) => (d.factMinor === null ? [] : [{ index: i, minor: d.factMinor }]));
  const values = [
    ...days.flatMap((d) => [d.pessimisticMinor, d.realisticMinor, d.optimisticMinor]),
    ...facts.map((f) => f.minor),
    ...(forecasts.runRate === null ? [] : [forecasts.runRate]),
    ...(forecasts.pipeline === null ? [] : [forecasts.pipeline]),
  ];
  const scale = chartScale(box, days.length, values);
  const at = (index: number, minor: number): Point => ({ x: scale.x(index), y: scale.y(minor) });
  const lastFact = facts.at(-1);
  const endIndex = Math.max(0, days.length - 1);
  return {
    scale,
    plan: linePath(days.map((d, i) => at(i, d.realisticMinor))),
    band: bandPath(
      days.map((d, i) => at(i, d.pessimisticMinor)),
      days.map((d, i) => at(i, d.optimisticMinor)),
    ),
    fact: linePath(facts.map((f) => at(f.index, f.minor))),
    factEnd: lastFact ? at(lastFact.index, lastFact.minor) : null,
    forecasts: (['runRate', 'pipeline'] as const).flatMap((kind) => {
      const minor = forecasts[kind];
      return minor === null || days.length === 0 ? [] : [{ kind, point: at(endIndex, minor), minor }];
    }),
    ticks: niceTicks(scale.minMinor, scale.maxMinor, 4).map((minor) => ({ y: scale.y(minor), minor })),
  };
}

/**
 * Round axis values (1, 2 or 5 × a power of ten apart) covering min..max, about `count` of them;
 * only those inside the range, so a tick never falls outside the plot.
 */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min) || count < 1) return [min];
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power) as number;
  const ticks: number[] = [];
  // Whole multiples of the step, so no rounding error builds up (and no -0 at zero).
  for (let k = Math.ceil(min / step); k * step <= max; k++) ticks.push(k === 0 ? 0 : k * step);
  return ticks;
}

/**
 * An axis label in the locale's money format, short: '12 млн ₽', '₽12M'. Minor units are turned
 * into whole units of the currency first.
 */
export function formatAxisMoney(minor: number, currency: string, locale: string, minorDigits: number): string {
  const units = minor / 10 ** minorDigits;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }).format(units);
  } catch {
    return String(Math.round(units));
  }
}
