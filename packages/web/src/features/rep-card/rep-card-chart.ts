import type { RepCardBucket, RepCardSeries } from '@pulse/contracts';
import { tooltipHtml, tooltipRow } from '../../shared/charts/chart-format.ts';
import type { ChartOption } from '../../shared/charts/chart-option.ts';

// One KPI of the rep card over time: the rep's line and the team median's dashed line, bucket by
// bucket. A bucket where a figure is absent (no deal closed, no lead answered) is a gap, not 0.

/** Labels and formatters of a chart, in the viewer's language. */
export interface RepChartText {
  rep: string;
  team: string;
  /** A figure in full, for the tooltip ('—' for an absent one). */
  value(value: number | null): string;
  /** A figure in short, for the axis. */
  axis(value: number): string;
  /** A bucket's name on the axis ('2 Mar', 'Mar 2026'). */
  bucket(bucket: RepCardBucket): string;
  /** A bucket in full, for the tooltip ('2 – 8 Mar 2026'). */
  bucketFull(bucket: RepCardBucket): string;
}

export interface RepChartColors {
  rep: string;
  team: string;
}

/** ECharts draws a '-' item as a gap. */
const gap = (value: number | null): number | '-' => (value === null ? '-' : value);

/** The chart of one KPI: the rep against the team's median. */
export function repChartOption(
  buckets: readonly RepCardBucket[],
  series: RepCardSeries,
  text: RepChartText,
  colors: RepChartColors,
  /** The axis's smallest step: 1 for counts (no "0.2 calls"), one whole unit for money. */
  minInterval: number | null = null,
): ChartOption {
  // Points are marked while there are few enough to tell apart (and one bucket alone is a point).
  const showSymbol = buckets.length <= 31;
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
    legend: { bottom: 0, data: [{ name: text.rep }, { name: text.team }] },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        return repChartTooltip(buckets, series, text, colors, first?.dataIndex ?? -1);
      },
    },
    xAxis: {
      type: 'category',
      data: buckets.map((b) => text.bucket(b)),
    },
    yAxis: {
      type: 'value',
      ...(minInterval === null ? {} : { minInterval }),
      axisLabel: { formatter: (value: number) => text.axis(value) },
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    series: [
      {
        id: 'rep',
        name: text.rep,
        type: 'line',
        data: series.rep.map(gap),
        showSymbol,
        lineStyle: { width: 2.5, color: colors.rep },
        itemStyle: { color: colors.rep },
      },
      {
        id: 'team',
        name: text.team,
        type: 'line',
        data: series.teamMedian.map(gap),
        showSymbol,
        lineStyle: { width: 2, type: 'dashed', color: colors.team },
        itemStyle: { color: colors.team },
      },
    ],
  };
}

/** The tooltip of one bucket: the rep's figure and the team's median, exact. */
export function repChartTooltip(
  buckets: readonly RepCardBucket[],
  series: RepCardSeries,
  text: RepChartText,
  colors: RepChartColors,
  index: number,
): string {
  const bucket = buckets[index];
  if (!bucket) return '';
  return tooltipHtml(text.bucketFull(bucket), [
    tooltipRow(colors.rep, text.rep, text.value(series.rep[index] ?? null)),
    tooltipRow(colors.team, text.team, text.value(series.teamMedian[index] ?? null)),
  ]);
}

/** The chart in words for screen readers: the KPI and the rep's and team's figures of the last bucket with any. */
export function repChartSummary(title: string, series: RepCardSeries, text: RepChartText): string {
  const last = series.rep.findLastIndex((v) => v !== null);
  if (last === -1) return title;
  return `${title}. ${text.rep}: ${text.value(series.rep[last] ?? null)}; ${text.team}: ${text.value(series.teamMedian[last] ?? null)}`;
}
