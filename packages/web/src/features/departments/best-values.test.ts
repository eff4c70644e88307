import type { DashboardPlan, DepartmentRow, KpiCell } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import { bestIndexes, kpiRows, planRows } from './best-values.ts';

const cell = (value: number | null): KpiCell => ({
  value,
  absentReason: value === null ? 'no-data' : null,
  target: null,
  greenAt: null,
  amberAt: null,
  light: null,
  drillDown: null,
});

const plan = (attainment: number | null, forecastMinor: number, currency = 'RUB'): DashboardPlan => ({
  planId: 'p',
  lineId: 'l',
  currency,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  asOf: '2026-11-25',
  planToDateMinor: 100,
  factToDateMinor: 90,
  attainment,
  forecastMinor,
  forecastScenario: 'realistic',
});

const department = (name: string, values: Record<string, number | null>, p: DashboardPlan | null = null) =>
  ({
    unitId: name,
    name,
    headUserId: null,
    memberCount: 3,
    kpis: Object.fromEntries(Object.entries(values).map(([id, value]) => [id, cell(value)])),
    plan: p,
  }) as DepartmentRow;

describe('bestIndexes', () => {
  it('takes the highest when higher is better and the lowest when lower is', () => {
    expect([...bestIndexes([3, 9, 5], 'higher')]).toEqual([1]);
    expect([...bestIndexes([3, 9, 5], 'lower')]).toEqual([0]);
  });

  it('marks every department that ties for best', () => {
    expect([...bestIndexes([7, 2, 7], 'higher')].sort()).toEqual([0, 2]);
  });

  it('ignores absent figures and needs two figures to compare', () => {
    expect([...bestIndexes([null, 4, 1], 'lower')]).toEqual([2]);
    expect(bestIndexes([null, 4, null], 'higher').size).toBe(0);
    expect(bestIndexes([5], 'higher').size).toBe(0);
    expect(bestIndexes([], 'higher').size).toBe(0);
  });
});

describe('kpiRows', () => {
  it('lines the departments up per KPI with the leader by the KPI direction', () => {
    const rows = kpiRows(
      ['revenue', 'response-time'],
      [
        department('North', { revenue: 500, 'response-time': 90_000 }),
        department('South', { revenue: 800, 'response-time': 30_000 }),
      ],
      { revenue: 'higher', 'response-time': 'lower' },
    );
    expect(rows.map((row) => [row.kpiId, row.cells.map((c) => c?.value), [...row.best]])).toEqual([
      ['revenue', [500, 800], [1]],
      ['response-time', [90_000, 30_000], [1]],
    ]);
  });
});

describe('planRows', () => {
  it('leads on attainment and forecast', () => {
    const result = planRows([
      department('A', {}, plan(0.8, 900)),
      department('B', {}, plan(1.1, 700)),
      department('C', {}),
    ]);
    expect([...result.attainment]).toEqual([1]);
    expect([...result.forecast]).toEqual([0]);
  });

  it('does not compare forecasts in different currencies', () => {
    const result = planRows([department('A', {}, plan(0.8, 900, 'RUB')), department('B', {}, plan(0.9, 700, 'EUR'))]);
    expect(result.forecast.size).toBe(0);
    expect([...result.attainment]).toEqual([1]);
  });
});
