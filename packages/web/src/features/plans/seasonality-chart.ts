import { tooltipHtml, tooltipRow } from '../../shared/charts/chart-format.ts';
import type { ChartOption } from '../../shared/charts/chart-option.ts';

/** One calendar month of the seasonality chart. */
export interface SeasonalityPoint {
  /** The month's short name. */
  label: string;
  /** Mean revenue of that calendar month in the history, minor units; null when none. */
  revenueMinor: number | null;
  coefficient: number;
}

/** Labels and formatters of the chart, in the viewer's language and the organisation's currency. */
export interface SeasonalityChartText {
  revenue: string;
  coefficient: string;
  /** Shown for a month without history. */
  none: string;
  money(minor: number): string;
  axisMoney(minor: number): string;
  number(value: number): string;
}

/** Colours of the bars, the line and the 1.0 reference, as hex (see useChartColors). */
export type SeasonalityChartColors = Record<'bars' | 'line' | 'reference', string>;

/**
 * The top of the coefficient axis: at least 1.5, so an average month (1.0) sits below the top,
 * rounded up to a half so the axis labels stay round.
 */
export function coefficientAxisMax(points: readonly SeasonalityPoint[]): number {
  return Math.max(1.5, Math.ceil(Math.max(0, ...points.map((p) => p.coefficient)) * 2) / 2);
}

/** The tooltip of one month: its mean revenue (or none) and its coefficient, exact. */
export function seasonalityTooltip(
  points: readonly SeasonalityPoint[],
  text: SeasonalityChartText,
  colors: SeasonalityChartColors,
  index: number,
): string {
  const p = points[index];
  if (!p) return '';
  return tooltipHtml(p.label, [
    tooltipRow(colors.bars, text.revenue, p.revenueMinor === null ? text.none : text.money(p.revenueMinor)),
    tooltipRow(colors.line, text.coefficient, text.number(p.coefficient)),
  ]);
}

/**
 * History bars (mean revenue per calendar month, money axis on the left) beside the coefficient
 * line (its own axis on the right) with a dashed reference at 1.0, an average month.
 */
export function seasonalityChartOption(
  points: readonly SeasonalityPoint[],
  text: SeasonalityChartText,
  colors: SeasonalityChartColors,
): ChartOption {
  return {
    grid: { left: 8, right: 8, top: 24, bottom: 40 },
    legend: { bottom: 0, data: [{ name: text.revenue, icon: 'rect' }, { name: text.coefficient }] },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        return seasonalityTooltip(points, text, colors, first?.dataIndex ?? -1);
      },
    },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: [
      {
        type: 'value',
        axisLabel: { formatter: (minor: number) => text.axisMoney(minor) },
        splitLine: { lineStyle: { type: 'dashed' } },
      },
      {
        type: 'value',
        min: 0,
        max: coefficientAxisMax(points),
        axisLabel: { formatter: (value: number) => text.number(value) },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        id: 'history',
        name: text.revenue,
        type: 'bar',
        yAxisIndex: 0,
        barWidth: '70%',
        data: points.map((p) => p.revenueMinor),
        color: colors.bars,
      },
      {
        id: 'coefficient',
        name: text.coefficient,
        type: 'line',
        yAxisIndex: 1,
        data: points.map((p) => p.coefficient),
        color: colors.line,
        lineStyle: { width: 2 },
        symbol: 'circle',
        symbolSize: 6,
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: colors.reference, type: 'dashed', width: 1 },
          label: { formatter: text.number(1), position: 'insideEndTop' },
          data: [{ yAxis: 1 }],
        },
      },
    ],
  };
}
