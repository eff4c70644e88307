import { Box } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart.tsx';

const EChart = lazy(async () => ({ default: (await import('./EChart.tsx')).EChart }));

/**
 * EChart loaded on first use, in its own chunk: pages without charts never download ECharts.
 * While it loads, a box of the same height holds the place so the page does not jump.
 */
export function LazyEChart(props: EChartProps) {
  return (
    <Suspense fallback={<Box h={props.height} role="img" aria-label={props.ariaLabel} aria-busy />}>
      <EChart {...props} />
    </Suspense>
  );
}
