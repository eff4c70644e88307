import { describe, expect, it } from 'vitest';
import { seriesSummary } from '../../shared/charts/chart-option.ts';
import { type RepChartText, repChartOption, repChartSummary, repChartTooltip } from './rep-card-chart.ts';

const buckets = [
  { key: '2026-W10', from: '2026-03-02', to: '2026-03-08' },
  { key: '2026-W11', from: '2026-03-09', to: '2026-03-15' },
];
const text: RepChartText = {
  rep: 'Anna',
  team: 'Team median',
  value: (v) => (v === null ? '—' : `${v} calls`),
  axis: (v) => String(v),
  bucket: (b) => b.from,
  bucketFull: (b) => `${b.from}…${b.to}`,
};
const colors = { rep: '#00f', team: '#888' };

describe('repChartOption', () => {
  it('draws the rep and the team median bucket by bucket, absent figures as gaps', () => {
    const option = repChartOption(
      buckets,
      { kpiId: 'response-time', rep: [600, null], teamMedian: [1800, 3600] },
      text,
      colors,
    );
    expect(seriesSummary(option)).toBe('rep:line:1 team:line:2');
    expect(option.xAxis).toMatchObject({ data: ['2026-03-02', '2026-03-09'] });
    expect(option.yAxis).not.toHaveProperty('minInterval');
  });
  it('steps a count axis by whole numbers', () => {
    const option = repChartOption(
      buckets,
      { kpiId: 'calls-outbound', rep: [1, 0], teamMedian: [0, 1] },
      text,
      colors,
      1,
    );
    expect(option.yAxis).toMatchObject({ minInterval: 1 });
  });
});

describe('repChartTooltip', () => {
  it('names the bucket and gives both figures exactly', () => {
    const html = repChartTooltip(
      buckets,
      { kpiId: 'calls-outbound', rep: [5, 5], teamMedian: [2, null] },
      text,
      colors,
      0,
    );
    expect(html).toContain('2026-03-02…2026-03-08');
    expect(html).toContain('Anna: <b>5 calls</b>');
    expect(html).toContain('Team median: <b>2 calls</b>');
    expect(
      repChartTooltip(buckets, { kpiId: 'calls-outbound', rep: [5, 5], teamMedian: [2, null] }, text, colors, 1),
    ).toContain('Team median: <b>—</b>');
  });
  it('is empty outside the buckets', () =>
    expect(repChartTooltip(buckets, { kpiId: 'calls-outbound', rep: [], teamMedian: [] }, text, colors, 5)).toBe(''));
});

describe('repChartSummary', () => {
  it('reads the last bucket the rep has a figure for', () =>
    expect(repChartSummary('Calls', { kpiId: 'calls-outbound', rep: [3, null], teamMedian: [2, 4] }, text)).toBe(
      'Calls. Anna: 3 calls; Team median: 2 calls',
    ));
  it('is the title alone when the rep has no figure', () =>
    expect(repChartSummary('Calls', { kpiId: 'calls-outbound', rep: [null], teamMedian: [2] }, text)).toBe('Calls'));
});
