import { describe, expect, it } from 'vitest';
import {
  bucketFullLabel,
  bucketLabel,
  cardPeriodFromUrl,
  cardPeriodToUrl,
  defaultGrain,
  type FigureFormat,
  formatAdvantage,
  formatKpiFigure,
  presetRange,
} from './rep-card-values.ts';

const format: FigureFormat = {
  locale: 'en',
  money: (minor) => `RUB ${minor / 100}`,
  duration: (ms) => `${Math.round(ms / 60_000)} min`,
  none: '—',
};

describe('formatKpiFigure', () => {
  it('shows an absent figure as a dash, never 0', () => expect(formatKpiFigure('count', null, format)).toBe('—'));
  it('shows money through the money formatter', () =>
    expect(formatKpiFigure('minor', 350_000, format)).toBe('RUB 3500'));
  it('shows milliseconds as a duration', () => expect(formatKpiFigure('milliseconds', 900_000, format)).toBe('15 min'));
  it('shows seconds as a duration too', () => expect(formatKpiFigure('seconds', 600, format)).toBe('10 min'));
  it('shows percents with one decimal and a % sign', () =>
    expect(formatKpiFigure('percent', 200 / 3, format)).toBe('66.7 %'));
  it('shows counts as numbers', () => expect(formatKpiFigure('count', 1.5, format)).toBe('1.5'));
  it('groups thousands in the locale', () => expect(formatKpiFigure('count', 12_000, format)).toBe('12,000'));
});

describe('formatAdvantage', () => {
  it('signs a lead', () => expect(formatAdvantage(0.25, 'en')).toBe('+25%'));
  it('signs a lag', () => expect(formatAdvantage(-0.5, 'en')).toBe('-50%'));
  it('rounds to whole percents', () => expect(formatAdvantage(2 / 3, 'en')).toBe('+67%'));
});

describe('presetRange', () => {
  it('gives this month up to today', () =>
    expect(presetRange('thisMonth', '2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-15' }));
  it('gives the whole of last month, across a year end', () =>
    expect(presetRange('lastMonth', '2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' }));
  it('gives last month of a leap February', () =>
    expect(presetRange('lastMonth', '2028-03-05')).toEqual({ from: '2028-02-01', to: '2028-02-29' }));
  it('gives 90 days ending today', () =>
    expect(presetRange('last90', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' }));
});

describe('defaultGrain', () => {
  it('charts a month by day', () => expect(defaultGrain({ from: '2026-03-01', to: '2026-03-31' })).toBe('day'));
  it('charts 90 days by week', () => expect(defaultGrain({ from: '2026-01-01', to: '2026-03-31' })).toBe('week'));
  it('charts a year by month', () => expect(defaultGrain({ from: '2026-01-01', to: '2026-12-31' })).toBe('month'));
});

describe('bucket labels', () => {
  const week = { key: '2026-W10', from: '2026-03-02', to: '2026-03-08' };
  it('names a week by its first day on the axis', () => expect(bucketLabel(week, 'week', 'en')).toBe('Mar 2'));
  it('names a month by month and year', () =>
    expect(bucketLabel({ key: '2026-03', from: '2026-03-01', to: '2026-03-31' }, 'month', 'en')).toBe('Mar 2026'));
  it('gives a week in full as its first and last day', () =>
    expect(bucketFullLabel(week, 'en')).toBe('Mar 2 – Mar 8, 2026'));
  it('gives a day in full as the day', () =>
    expect(bucketFullLabel({ key: '2026-03-02', from: '2026-03-02', to: '2026-03-02' }, 'en')).toBe('Mar 2, 2026'));
});

describe('the card period in the URL', () => {
  const today = '2026-11-25';
  const read = (query: string) => cardPeriodFromUrl(new URLSearchParams(query), today);

  it('opens this month by day when the URL says nothing', () =>
    expect(read('')).toEqual({ preset: 'thisMonth', range: { from: '2026-11-01', to: today }, grain: 'day' }));
  it('opens a preset with its days worked out from today', () =>
    expect(read('period=last90')).toEqual({
      preset: 'last90',
      range: { from: '2026-08-28', to: today },
      grain: 'week',
    }));
  it('opens custom days with the grain asked for', () =>
    expect(read('period=custom&from=2026-01-01&to=2026-06-30&grain=day')).toEqual({
      preset: 'custom',
      range: { from: '2026-01-01', to: '2026-06-30' },
      grain: 'day',
    }));
  it('treats an unknown preset as this month and an unknown grain as the default', () =>
    expect(read('period=forever&grain=hour')).toEqual(read('')));
  it('leaves impossible custom days empty for the page to ask again', () =>
    expect(read('period=custom&from=2026-02-30&to=soon').range).toEqual({ from: '', to: '' }));
  it('writes only what differs from the defaults and reads back the same period', () => {
    expect(cardPeriodToUrl(read('')).toString()).toBe('');
    expect(cardPeriodToUrl(read('period=lastMonth')).toString()).toBe('period=lastMonth');
    for (const query of ['period=last90&grain=month', 'period=custom&from=2026-03-01&to=2026-03-31&grain=week']) {
      expect(cardPeriodToUrl(read(query)).toString()).toBe(query);
      expect(read(cardPeriodToUrl(read(query)).toString())).toEqual(read(query));
    }
  });
});
