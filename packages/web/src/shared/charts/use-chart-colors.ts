import { type MantineColor, useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { useMemo } from 'react';

/** Picks a palette colour for a chart; stable while the theme and the scheme stay the same. */
export interface ChartColors {
  dark: boolean;
  /** Mantine colour `name` at shade `light`, or at `dark` in the dark scheme. */
  color(name: MantineColor, light: number, dark?: number): string;
}

/**
 * Mantine palette colours as the hex values ECharts needs (it cannot read CSS variables), with a
 * lighter shade in the dark scheme so lines keep their contrast on a dark card.
 */
export function useChartColors(): ChartColors {
  const theme = useMantineTheme();
  const dark = useComputedColorScheme('light') === 'dark';
  return useMemo(
    () => ({
      dark,
      color: (name, light, darkShade = light) => theme.colors[name]?.[dark ? darkShade : light] ?? theme.black,
    }),
    [theme, dark],
  );
}
