import { Box, useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { type EChartsType, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { type ChartOption, seriesSummary } from './chart-option.ts';

// Only what ChartOption allows is registered, which keeps the chart chunk small. The SVG renderer
// draws crisp at any zoom and leaves real elements in the DOM for browser tests to inspect.
use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

/** A chart drawn by ECharts from an option object; general enough for any series over time. */
export interface EChartProps {
  /** Built by the caller; a new object redraws the chart, so memoise it. */
  option: ChartOption;
  /** In pixels; the width follows the container. */
  height: number;
  /** What the chart shows, in words, for screen readers (the drawing itself is hidden from them). */
  ariaLabel: string;
  testId?: string;
}

/**
 * The chart itself. Load it through LazyEChart: ECharts is the largest dependency of the app and
 * only pages with charts should download it.
 */
export function EChart({ option, height, ariaLabel, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const scheme = useComputedColorScheme('light');
  const theme = useMantineTheme();
  const reducedMotion = useReducedMotion();

  // A new colour scheme needs a new instance: ECharts applies a theme only at init.
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = init(element, scheme === 'dark' ? 'dark' : undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [scheme]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new scheme means a new instance, which needs the option again
  useEffect(() => {
    chart.current?.setOption(
      {
        backgroundColor: 'transparent',
        animation: !reducedMotion,
        textStyle: { fontFamily: theme.fontFamily },
        ...option,
      },
      { notMerge: true },
    );
  }, [option, scheme, reducedMotion, theme.fontFamily]);

  const summary = useMemo(() => seriesSummary(option), [option]);
  return <Box ref={ref} h={height} role="img" aria-label={ariaLabel} data-testid={testId} data-series={summary} />;
}
