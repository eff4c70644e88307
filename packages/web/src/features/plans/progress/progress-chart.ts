import type { PlanProgressDaily } from '@pulse/contracts';
import { tooltipHtml, tooltipRow } from '../../../shared/charts/chart-format.ts';
import type { ChartOption } from '../../../shared/charts/chart-option.ts';

export type DailyPoint = PlanProgressDaily['days'][number];

export type ForecastKind = 'runRate' | 'pipeline';

/** The period-end forecasts; null where the server could not make one. */
export type Forecasts = Record<ForecastKind, number | null>;

/** Labels and formatters of the chart, in the viewer's language and the plan's currency. */
export interface ProgressChartText {
  plan: string;
  band: string;
  fact: string;
  pessimistic: string;
  optimistic: string;
  runRate: string;
  pipeline: string;
  /** Exact money, for the tooltip. */
  money(minor: number): string;
  /** Short money, for the axis. */
  axisMoney(minor: number): string;
  /** A day in full, for the tooltip. */
  day(day: string): string;
  /** A day in short, for the axis. */
  dayShort(day: string): string;
}

/** Colours of the series, as hex (see useChartColors). */
export type ProgressChartColors = Record<'plan' | 'band' | 'fact' | ForecastKind, string>;

const FORECASTS: readonly ForecastKind[] = ['runRate', 'pipeline'];

/** An item of a forecast series: the value and, at the start of the dashed line, no marker. */
type ForecastItem = number | { value: number; symbol: 'none' } | null;

/**
 * A forecast as a dashed segment from the last day with a fact to its value on the last day of the
 * period, with a marker at the end only; just the marker before the first sale day.
 */
export function forecastSeries(days: readonly DailyPoint[], minor: number): ForecastItem[] {
  const data: ForecastItem[] = days.map(() => null);
  if (days.length === 0) return data;
  const lastFact = days.findLastIndex((d) => d.factMinor !== null);
  const factMinor = days[lastFact]?.factMinor;
  if (lastFact >= 0 && factMinor != null) data[lastFact] = { value: factMinor, symbol: 'none' };
  data[days.length - 1] = minor;
  return data;
}

/**
 * The chart in words for screen readers: the title, the plan for the whole period and the fact on
 * the last day that has one.
 */
export function progressSummary(title: string, days: readonly DailyPoint[], text: ProgressChartText): string {
  const end = days.at(-1);
  if (!end) return title;
  const parts = [`${text.plan}: ${text.money(end.realisticMinor)}`];
  const lastFact = days.findLast((d) => d.factMinor !== null);
  if (lastFact?.factMinor != null) {
    parts.push(`${text.fact} (${text.day(lastFact.day)}): ${text.money(lastFact.factMinor)}`);
  }
  return `${title}. ${parts.join('; ')}`;
}

/**
 * The tooltip of one day: the plan, the band's bounds and the fact, exact; on the last day of the
 * period also the forecasts, which are its values.
 */
export function progressTooltip(
  days: readonly DailyPoint[],
  forecasts: Forecasts,
  text: ProgressChartText,
  colors: ProgressChartColors,
  index: number,
): string {
  const d = days[index];
  if (!d) return '';
  const rows = [
    tooltipRow(colors.plan, text.plan, text.money(d.realisticMinor)),
    tooltipRow(colors.band, text.pessimistic, text.money(d.pessimisticMinor)),
    tooltipRow(colors.band, text.optimistic, text.money(d.optimisticMinor)),
  ];
  if (d.factMinor !== null) rows.push(tooltipRow(colors.fact, text.fact, text.money(d.factMinor)));
  if (index === days.length - 1) {
    for (const kind of FORECASTS) {
      const minor = forecasts[kind];
      if (minor !== null) rows.push(tooltipRow(colors[kind], text[kind], text.money(minor)));
    }
  }
  return tooltipHtml(text.day(d.day), rows);
}

/**
 * One line's cumulative plan (realistic) over the band from pessimistic to optimistic, the fact so
 * far, and the period-end forecasts drawn from the last fact. The band is the classic stack: an
 * invisible pessimistic base with (optimistic − pessimistic) filled on top of it.
 */
export function progressChartOption(
  days: readonly DailyPoint[],
  forecasts: Forecasts,
  text: ProgressChartText,
  colors: ProgressChartColors,
): ChartOption {
  // The stack's own lines and hover markers stay hidden: the area and the tooltip tell the band.
  const hidden = { lineStyle: { opacity: 0 }, symbol: 'none', silent: true } as const;
  const kinds = FORECASTS.filter((kind) => forecasts[kind] !== null);
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 56 },
    legend: {
      bottom: 0,
      data: [
        { name: text.plan },
        { name: text.band, icon: 'rect' },
        { name: text.fact },
        ...kinds.map((kind) => ({ name: text[kind] })),
      ],
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        return progressTooltip(days, forecasts, text, colors, first?.dataIndex ?? -1);
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: days.map((d) => d.day),
      axisLabel: { formatter: (day: string) => text.dayShort(day) },
    },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (minor: number) => text.axisMoney(minor) },
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    series: [
      {
        id: 'pessimistic',
        type: 'line',
        stack: 'band',
        stackStrategy: 'all',
        data: days.map((d) => d.pessimisticMinor),
        ...hidden,
      },
      {
        id: 'band',
        name: text.band,
        type: 'line',
        stack: 'band',
        stackStrategy: 'all',
        data: days.map((d) => d.optimisticMinor - d.pessimisticMinor),
        itemStyle: { color: colors.band },
        areaStyle: { color: colors.band, opacity: 0.35 },
        ...hidden,
      },
      {
        id: 'plan',
        name: text.plan,
        type: 'line',
        data: days.map((d) => d.realisticMinor),
        color: colors.plan,
        lineStyle: { width: 2 },
        showSymbol: false,
      },
      {
        id: 'fact',
        name: text.fact,
        type: 'line',
        data: days.map((d) => d.factMinor),
        color: colors.fact,
        lineStyle: { width: 2.5 },
        showSymbol: false,
      },
      ...kinds.map((kind) => ({
        id: kind,
        name: text[kind],
        type: 'line' as const,
        data: forecastSeries(days, forecasts[kind] ?? 0),
        color: colors[kind],
        connectNulls: true,
        lineStyle: { width: 1.5, type: 'dashed' as const },
        symbol: 'circle',
        symbolSize: 8,
      })),
    ],
  };
}
