import { describe, expect, it } from 'vitest';
import {
  bandPath,
  type ChartBox,
  chartGeometry,
  chartScale,
  type DailyPoint,
  formatAxisMoney,
  linePath,
  niceTicks,
} from './progress-chart.ts';

// A 100 × 100 plot with no padding keeps the numbers easy to check by hand.
const BOX: ChartBox = { width: 100, height: 100, pad: { top: 0, right: 0, bottom: 0, left: 0 } };

function day(d: string, p: number, r: number, o: number, fact: number | null): DailyPoint {
  return { day: d, pessimisticMinor: p, realisticMinor: r, optimisticMinor: o, factMinor: fact };
}

describe('chartScale', () => {
  it('maps the first day to the left edge and the last to the right', () => {
    const scale = chartScale(BOX, 5, [0, 200]);
    expect(scale.x(0)).toBe(0);
    expect(scale.x(4)).toBe(100);
    expect(scale.x(2)).toBe(50);
  });
  it('puts 0 at the bottom and the largest value at the top', () => {
    const scale = chartScale(BOX, 2, [50, 200]);
    expect(scale.y(0)).toBe(100);
    expect(scale.y(200)).toBe(0);
    expect(scale.y(100)).toBe(50);
  });
  it('includes a negative fact (refunds) below zero', () => {
    const scale = chartScale(BOX, 2, [-100, 100]);
    expect(scale.y(-100)).toBe(100);
    expect(scale.y(0)).toBe(50);
  });
  it('never divides by zero for an all-zero series or a single day', () => {
    const scale = chartScale(BOX, 1, [0, 0]);
    expect(Number.isFinite(scale.y(0))).toBe(true);
    expect(scale.x(0)).toBe(0);
  });
});

describe('linePath', () => {
  it('moves to the first point and draws lines to the rest, rounded to 0.1', () => {
    expect(
      linePath([
        { x: 0, y: 10 },
        { x: 33.333, y: 5 },
      ]),
    ).toBe('M0,10 L33.3,5');
  });
  it('is empty for no points', () => expect(linePath([])).toBe(''));
});

describe('bandPath', () => {
  it('goes along the upper series, back along the lower one, and closes', () => {
    const lower = [
      { x: 0, y: 90 },
      { x: 100, y: 50 },
    ];
    const upper = [
      { x: 0, y: 80 },
      { x: 100, y: 10 },
    ];
    expect(bandPath(lower, upper)).toBe('M0,80 L100,10 L100,50 L0,90 Z');
  });
  it('is empty when a series is', () => expect(bandPath([], [{ x: 0, y: 0 }])).toBe(''));
});

describe('chartGeometry', () => {
  const days = [
    day('2027-01-01', 0, 0, 0, 0),
    day('2027-01-02', 50, 100, 150, 80),
    day('2027-01-03', 100, 200, 300, null),
  ];

  it('draws the fact only up to the last day that has one', () => {
    const g = chartGeometry(BOX, days, { runRate: null, pipeline: null });
    expect(g.fact).toBe('M0,100 L50,73.3');
    expect(g.factEnd).toEqual({ x: 50, y: expect.closeTo(73.33, 1) });
  });
  it('draws the realistic plan across the whole period and the band from pessimistic to optimistic', () => {
    const g = chartGeometry(BOX, days, { runRate: null, pipeline: null });
    expect(g.plan).toBe('M0,100 L50,66.7 L100,33.3');
    expect(g.band).toBe('M0,100 L50,50 L100,0 L100,66.7 L50,83.3 L0,100 Z');
  });
  it('places the forecasts at the period end and stretches the scale to fit them', () => {
    const g = chartGeometry(BOX, days, { runRate: 120, pipeline: 600 });
    expect(g.scale.maxMinor).toBe(600);
    expect(g.forecasts).toEqual([
      { kind: 'runRate', point: { x: 100, y: 80 }, minor: 120 },
      { kind: 'pipeline', point: { x: 100, y: 0 }, minor: 600 },
    ]);
  });
  it('leaves out a forecast the server could not make', () => {
    expect(chartGeometry(BOX, days, { runRate: null, pipeline: 10 }).forecasts.map((f) => f.kind)).toEqual([
      'pipeline',
    ]);
  });
});

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 1000, 4)).toEqual([0, 500, 1000]);
    expect(niceTicks(0, 12_000_000, 4)).toEqual([0, 5_000_000, 10_000_000]);
  });
  it('keeps every tick inside the range', () => {
    expect(niceTicks(-30, 70, 5)).toEqual([-20, 0, 20, 40, 60]);
    expect(niceTicks(-30, 70, 4)).toEqual([0, 50]);
  });
  it('gives the single value of an empty range', () => expect(niceTicks(5, 5, 4)).toEqual([5]));
});

describe('formatAxisMoney', () => {
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  it('shortens millions in Russian with the ruble sign', () => {
    expect(plain(formatAxisMoney(1_200_000_000, 'RUB', 'ru', 2))).toBe('12 млн ₽');
  });
  it('shortens millions in English', () => {
    expect(formatAxisMoney(1_200_000_000, 'USD', 'en', 2)).toBe('$12M');
  });
  it('shows zero as zero', () => expect(plain(formatAxisMoney(0, 'RUB', 'ru', 2))).toBe('0 ₽'));
});
