import type { LineSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { seriesSummary } from '../../../shared/charts/chart-option.ts';
import {
  type DailyPoint,
  forecastSeries,
  type ProgressChartColors,
  type ProgressChartText,
  progressChartOption,
  progressSummary,
  progressTooltip,
} from './progress-chart.ts';

function day(d: string, p: number, r: number, o: number, fact: number | null): DailyPoint {
  return { day: d, pessimisticMinor: p, realisticMinor: r, optimisticMinor: o, factMinor: fact };
}

const days = [
  day('2027-01-01', 0, 0, 0, 0),
  day('2027-01-02', 50, 100, 150, 80),
  day('2027-01-03', 100, 200, 300, null),
];

const text: ProgressChartText = {
  plan: 'Plan',
  band: 'Band',
  fact: 'Fact',
  pessimistic: 'Pess',
  optimistic: 'Opt',
  runRate: 'Run-rate',
  pipeline: 'Pipeline',
  money: (minor) => `${minor / 100} ₽`,
  axisMoney: (minor) => `${minor}`,
  day: (d) => `day ${d}`,
  dayShort: (d) => d.slice(8),
};
const colors: ProgressChartColors = { plan: '#00f', band: '#ccf', fact: '#0a0', runRate: '#a0a', pipeline: '#f0f' };

function series(option: ReturnType<typeof progressChartOption>, id: string): LineSeriesOption {
  const found = (option.series as LineSeriesOption[]).find((s) => s.id === id);
  if (!found) throw new Error(`no series ${id}`);
  return found;
}

describe('progressChartOption', () => {
  const option = progressChartOption(days, { runRate: 120, pipeline: 600 }, text, colors);

  it('draws the realistic plan across the whole period and the fact only up to its last day', () => {
    expect(series(option, 'plan').data).toEqual([0, 100, 200]);
    expect(series(option, 'fact').data).toEqual([0, 80, null]);
  });
  it('fills the band from pessimistic to optimistic as a stack on an invisible pessimistic base', () => {
    const base = series(option, 'pessimistic');
    const band = series(option, 'band');
    expect(base.data).toEqual([0, 50, 100]);
    expect(band.data).toEqual([0, 100, 200]);
    expect(base.stack).toBe(band.stack);
    expect(band.areaStyle?.color).toBe('#ccf');
    expect(base.areaStyle).toBeUndefined();
  });
  it('puts the days on the axis and names the legend entries, the base left out', () => {
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['2027-01-01', '2027-01-02', '2027-01-03'] });
    const legend = option.legend as { data: { name: string }[] };
    expect(legend.data.map((item) => item.name)).toEqual(['Plan', 'Band', 'Fact', 'Run-rate', 'Pipeline']);
  });
  it('has one series per piece of information', () => {
    expect(seriesSummary(option)).toBe(
      'pessimistic:line:3 band:line:3 plan:line:3 fact:line:2 runRate:line:2 pipeline:line:2',
    );
  });
  it('leaves out a forecast the server could not make', () => {
    const without = progressChartOption(days, { runRate: null, pipeline: 10 }, text, colors);
    expect(seriesSummary(without)).not.toContain('runRate');
    expect(seriesSummary(without)).toContain('pipeline:line:2');
  });
});

describe('forecastSeries', () => {
  it('runs from the last fact, without a marker there, to the forecast on the last day', () => {
    expect(forecastSeries(days, 120)).toEqual([null, { value: 80, symbol: 'none' }, 120]);
  });
  it('is only the end point before the first sale day', () => {
    const none = days.map((d) => ({ ...d, factMinor: null }));
    expect(forecastSeries(none, 120)).toEqual([null, null, 120]);
  });
  it('is empty for a period without days', () => expect(forecastSeries([], 5)).toEqual([]));
});

describe('progressTooltip', () => {
  it('shows the exact plan, band bounds and fact of the day', () => {
    const html = progressTooltip(days, { runRate: 120, pipeline: 600 }, text, colors, 1);
    expect(html).toContain('day 2027-01-02');
    expect(html).toContain('Plan: <b>1 ₽</b>');
    expect(html).toContain('Pess: <b>0.5 ₽</b>');
    expect(html).toContain('Opt: <b>1.5 ₽</b>');
    expect(html).toContain('Fact: <b>0.8 ₽</b>');
    expect(html).not.toContain('Run-rate');
  });
  it('adds the forecasts on the last day, and no fact where there is none yet', () => {
    const html = progressTooltip(days, { runRate: 120, pipeline: null }, text, colors, 2);
    expect(html).toContain('Run-rate: <b>1.2 ₽</b>');
    expect(html).not.toContain('Pipeline');
    expect(html).not.toContain('Fact');
  });
  it('is empty outside the period', () =>
    expect(progressTooltip(days, { runRate: null, pipeline: null }, text, colors, 7)).toBe(''));
});

describe('progressSummary', () => {
  it('tells the plan for the period and the latest fact', () => {
    expect(progressSummary('Chart', days, text)).toBe('Chart. Plan: 2 ₽; Fact (day 2027-01-02): 0.8 ₽');
  });
  it('is the title alone without days', () => expect(progressSummary('Chart', [], text)).toBe('Chart'));
});
