import { russianWorkCalendar, splitByPeriod, sumRollups, targetForPeriod } from '@pulse/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLive, kpiCells, leaderboard, NO_LIVE, type StoredTarget, targetFor } from './dashboard-cells.ts';

// The pure assembly of the dashboard's cells. March 2026 has 21 working days, April 22; the
// week to date Mon 30 March – Wed 1 April has 2 working days in March and 1 in April.

const calendar = russianWorkCalendar();
const month = (kpiId: string, from: string, to: string, value: number): StoredTarget => ({
  kpiId,
  grain: 'month',
  from,
  to,
  target: value,
  greenAt: value,
  amberAt: Math.round(value * 0.8),
});
const MARCH = month('revenue', '2026-03-01', '2026-03-31', 2_100_000);
const APRIL = month('revenue', '2026-04-01', '2026-04-30', 2_200_000);
const WEEK = { kind: 'week' as const, from: '2026-03-30', to: '2026-04-01' };

describe('targetFor', () => {
  it('adds up each month’s working-day share of a week that crosses the month’s end', () => {
    // March: 2 100 000 × 2/21 = 200 000; April: 2 200 000 × 1/22 = 100 000.
    expect(targetFor('revenue', [MARCH, APRIL], WEEK, calendar)).toEqual({
      target: 300_000,
      greenAt: 300_000,
      amberAt: 160_000 + 80_000,
    });
  });

  it('gives a month of day targets, changing mid-month, the sum of each day scaled on its own', () => {
    // Day targets for March 2026 in up to four spans with their own values: the month to date is
    // worked out per run of days under one target; the reference scales every day by itself.
    const spans = fc
      .uniqueArray(fc.integer({ min: 2, max: 30 }), { maxLength: 3 })
      .map((cuts) => [...cuts].sort((a, b) => a - b));
    fc.assert(
      fc.property(
        spans,
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 31 }),
        (cuts, values, upTo) => {
          const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}`;
          const starts = [1, ...cuts];
          const rows = starts.map((start, i) => ({
            kpiId: 'revenue',
            grain: 'day' as const,
            from: day(start),
            to: day((starts[i + 1] ?? 32) - 1),
            target: values[i] ?? 0,
            greenAt: values[i] ?? 0,
            amberAt: Math.floor((values[i] ?? 0) / 2),
          }));
          const period = { kind: 'today' as const, from: '2026-03-01', to: day(upTo) };
          const reference = { target: 0, greenAt: 0, amberAt: 0 };
          for (const part of splitByPeriod(period.from, period.to, 'day')) {
            const row = rows.find((r) => r.from <= part.from && r.to >= part.to) as StoredTarget;
            const scaled = (value: number) =>
              targetForPeriod({
                kpi: 'revenue',
                target: { grain: 'day', value },
                from: part.from,
                to: part.to,
                calendar,
              });
            reference.target += scaled(row.target);
            reference.greenAt += scaled(row.greenAt);
            reference.amberAt += scaled(row.amberAt);
          }
          expect(targetFor('revenue', rows, period, calendar)).toEqual(reference);
        },
      ),
    );
  });

  it('has no target when a month of the period has none', () => {
    expect(targetFor('revenue', [MARCH], WEEK, calendar)).toBeNull();
  });

  it('prefers the period’s own grain, then the finer one', () => {
    const day: StoredTarget = {
      ...month('calls-outbound', '2026-03-01', '2026-03-31', 0),
      grain: 'day',
      target: 5,
      greenAt: 5,
      amberAt: 4,
    };
    const monthly = month('calls-outbound', '2026-03-01', '2026-03-31', 210);
    const today = { kind: 'today' as const, from: '2026-03-04', to: '2026-03-04' };
    expect(targetFor('calls-outbound', [monthly, day], today, calendar)?.target).toBe(5);
    const march = { kind: 'month' as const, from: '2026-03-01', to: '2026-03-04' };
    // 210 × 3/21 = 30 from the monthly target, not 5 × 3 from the daily one.
    expect(targetFor('calls-outbound', [monthly, day], march, calendar)?.target).toBe(30);
    expect(targetFor('calls-outbound', [day], { ...march, kind: 'week' }, calendar)?.target).toBe(15);
  });

  it('keeps a ratio target as it is, and never gives the quality score one', () => {
    const rate = month('win-rate', '2026-03-01', '2026-03-31', 30);
    expect(targetFor('win-rate', [rate], { kind: 'week', from: '2026-03-02', to: '2026-03-04' }, calendar)).toEqual({
      target: 30,
      greenAt: 30,
      amberAt: 24,
    });
    const score = month('quality-score', '2026-03-01', '2026-03-31', 4);
    expect(targetFor('quality-score', [score], WEEK, calendar)).toBeNull();
  });
});

describe('kpiCells', () => {
  it('adds the members’ measures first, so a team’s conversion is Σ advanced / Σ entered', () => {
    const a = { stage_entered: 1, stage_advanced: 1 };
    const b = { stage_entered: 3, stage_advanced: 0 };
    const cells = kpiCells({
      measures: sumRollups([a, b]),
      live: addLive([NO_LIVE, NO_LIVE]),
      targets: [],
      period: WEEK,
      calendar,
      userId: null,
      coverage: { from: '2026-04-01', to: '2026-04-30' },
    });
    // (1 + 0) / (1 + 3) = 25 %, not the mean of 100 % and 0 %.
    expect(cells['stage-conversion']).toMatchObject({ value: 25, drillDown: null });
    expect(cells['pipeline-coverage']).toMatchObject({ value: null, absentReason: 'no-data' });
  });
});

describe('leaderboard', () => {
  it('ranks by revenue with shared ranks for ties, then by name', () => {
    const rep = (userId: string, fullName: string, revenueMinor: number) => ({
      userId,
      fullName,
      revenueMinor,
      dealsWon: 0,
      revenueTarget: 200,
      planAttainment: null,
    });
    const ranked = leaderboard([rep('c', 'Cleo', 100), rep('a', 'Ada', 300), rep('b', 'Bob', 100)]);
    expect(ranked.map((r) => [r.rank, r.fullName, r.attainment])).toEqual([
      [1, 'Ada', 150],
      [2, 'Bob', 50],
      [2, 'Cleo', 50],
    ]);
  });
});
