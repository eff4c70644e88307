import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/**
 * The ECharts option our charts may use: only the pieces EChart.tsx registers (bars, lines with
 * areas for bands, grid, tooltip, legend, mark lines), so a chart cannot ask for an unloaded one.
 * Type-only imports: building an option costs nothing until the lazy chart chunk renders it.
 */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/**
 * The option's series as `id:type:points` words ('plan:line:31 history:bar:9'), points being the
 * non-empty data items. Set on the chart's wrapper, so browser tests and readers of the DOM can
 * check what was drawn without parsing the SVG paths.
 */
export function seriesSummary(option: ChartOption): string {
  const series = option.series === undefined ? [] : Array.isArray(option.series) ? option.series : [option.series];
  return series
    .map((s, i) => {
      const data = Array.isArray(s.data) ? s.data : [];
      const points = data.filter((item) => !isEmpty(item)).length;
      return `${s.id ?? i}:${s.type}:${points}`;
    })
    .join(' ');
}

function isEmpty(item: unknown): boolean {
  if (item === null || item === undefined || item === '-') return true;
  if (typeof item === 'object' && !Array.isArray(item) && 'value' in item) {
    return isEmpty((item as { value: unknown }).value);
  }
  return false;
}
