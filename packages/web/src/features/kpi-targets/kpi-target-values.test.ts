import { describe, expect, it } from 'vitest';
import { defaultAmber, figureText, formatFigure, monthSpan, parseFigure, weekOf } from './kpi-target-values.ts';

describe('parseFigure', () => {
  it('reads money in major units', () => expect(parseFigure('minor', '1 250,50', 'RUB')).toBe(125_050));
  it('reads minutes into milliseconds and seconds', () => {
    expect(parseFigure('milliseconds', '1,5', 'RUB')).toBe(90_000);
    expect(parseFigure('seconds', '90', 'RUB')).toBe(5400);
  });
  it('refuses a fraction of a count', () => expect(parseFigure('count', '2.5', 'RUB')).toBeNull());
  it('keeps fractions of percents and ratios', () => {
    expect(parseFigure('percent', '32,5', 'RUB')).toBe(32.5);
    expect(parseFigure('ratio', '2.25', 'RUB')).toBe(2.25);
  });
  it('refuses text, negative numbers and nothing', () => {
    expect(parseFigure('count', 'ten', 'RUB')).toBeNull();
    expect(parseFigure('count', '-1', 'RUB')).toBeNull();
    expect(parseFigure('count', '', 'RUB')).toBeNull();
  });
});

describe('figureText', () => {
  it('round-trips each unit through its box', () => {
    expect(parseFigure('minor', figureText('minor', 125_050, 'RUB'), 'RUB')).toBe(125_050);
    expect(parseFigure('milliseconds', figureText('milliseconds', 600_000, 'RUB'), 'RUB')).toBe(600_000);
    expect(figureText('count', 7, 'RUB')).toBe('7');
  });
});

describe('formatFigure', () => {
  it('shows times in minutes and percents with a sign', () => {
    expect(formatFigure('milliseconds', 90_000, 'en', 'RUB')).toBe('1.5');
    expect(formatFigure('percent', 32.5, 'en', 'RUB')).toBe('32.5 %');
  });
});

describe('defaultAmber', () => {
  const calls = { unit: 'count', whole: true, defaultAmberShare: 0.8 } as const;
  const response = { unit: 'milliseconds', whole: true, defaultAmberShare: 1.2 } as const;
  it('is 80 % of green, whole, when higher is better', () => expect(defaultAmber(calls, 7)).toBe(6));
  it('is 120 % of green when lower is better', () => expect(defaultAmber(response, 600_000)).toBe(720_000));
  it('stays within 100 for percents', () =>
    expect(defaultAmber({ unit: 'percent', whole: false, defaultAmberShare: 1.2 }, 90)).toBe(100));
});

describe('weekOf and monthSpan', () => {
  it('runs a week Monday to Sunday', () => {
    expect(weekOf('2026-03-04')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(weekOf('2026-03-08')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
  });
  it('ends February on its last day', () =>
    expect(monthSpan('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' }));
});
