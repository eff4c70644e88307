import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { seriesSummary } from '../../shared/charts/chart-option.ts';
import {
  coefficientAxisMax,
  type SeasonalityChartText,
  type SeasonalityPoint,
  seasonalityChartOption,
  seasonalityTooltip,
} from './seasonality-chart.ts';

const text: SeasonalityChartText = {
  revenue: 'Revenue',
  coefficient: 'Coefficient',
  none: '—',
  money: (minor) => `${minor / 100} ₽`,
  axisMoney: (minor) => String(minor),
  number: (value) => value.toFixed(2),
};
const colors = { bars: '#aaf', line: '#f80', reference: '#888' };
const points: SeasonalityPoint[] = [
  { label: 'Jan', revenueMinor: 10_000, coefficient: 0.8 },
  { label: 'Feb', revenueMinor: null, coefficient: 1.25 },
  { label: 'Mar', revenueMinor: 20_000, coefficient: 0.95 },
];

describe('seasonalityChartOption', () => {
  const option = seasonalityChartOption(points, text, colors);
  const [bars, line] = option.series as [BarSeriesOption, LineSeriesOption];

  it('draws a bar per month with history and the coefficient line beside them', () => {
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['Jan', 'Feb', 'Mar'] });
    expect(bars.data).toEqual([10_000, null, 20_000]);
    expect(line.data).toEqual([0.8, 1.25, 0.95]);
    expect(seriesSummary(option)).toBe('history:bar:2 coefficient:line:3');
  });
  it('puts money and coefficients on axes of their own', () => {
    expect(bars.yAxisIndex).toBe(0);
    expect(line.yAxisIndex).toBe(1);
    expect((option.yAxis as { max?: number }[])[1]?.max).toBe(1.5);
  });
  it('marks an average month, 1.0, on the coefficient axis', () => {
    expect(line.markLine?.data).toEqual([{ yAxis: 1 }]);
    expect(line.markLine?.label?.formatter).toBe('1.00');
  });
});

describe('coefficientAxisMax', () => {
  it('is at least 1.5 and otherwise the next half above the largest coefficient', () => {
    expect(coefficientAxisMax(points)).toBe(1.5);
    expect(coefficientAxisMax([{ label: 'x', revenueMinor: null, coefficient: 1.6 }])).toBe(2);
    expect(coefficientAxisMax([])).toBe(1.5);
  });
});

describe('seasonalityTooltip', () => {
  it('shows the exact mean revenue and coefficient of the month', () => {
    const html = seasonalityTooltip(points, text, colors, 0);
    expect(html).toContain('Jan');
    expect(html).toContain('Revenue: <b>100 ₽</b>');
    expect(html).toContain('Coefficient: <b>0.80</b>');
  });
  it('says there is no history for a month without any', () => {
    expect(seasonalityTooltip(points, text, colors, 1)).toContain('Revenue: <b>—</b>');
  });
  it('is empty outside the year', () => expect(seasonalityTooltip(points, text, colors, 12)).toBe(''));
});
