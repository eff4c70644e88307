import type { Locator } from 'playwright-core';

/**
 * Closed filled shapes an ECharts SVG drew in its plot: bars and areas, not legend icons or
 * markers (those are placed by a transform) nor clip paths.
 */
export async function filledShapes(chart: Locator): Promise<number> {
  return chart
    .locator('svg')
    .evaluate(
      (svg) =>
        [...svg.querySelectorAll('path')].filter(
          (path) =>
            !path.closest('clipPath') &&
            !path.hasAttribute('transform') &&
            (path.getAttribute('fill') ?? 'none') !== 'none' &&
            /Z\s*$/i.test(path.getAttribute('d') ?? ''),
        ).length,
    );
}
