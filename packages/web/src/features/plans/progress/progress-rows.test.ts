import type { PlanLineProgress } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import {
  defaultProgressDay,
  drillDownLinks,
  formatAttainment,
  lineLabels,
  planToDate,
  progressRows,
} from './progress-rows.ts';

function line(lineId: string, parentId: string | null, extra: Partial<PlanLineProgress> = {}): PlanLineProgress {
  return {
    lineId,
    parentId,
    dimension: 'structure',
    kind: 'unit',
    unitId: null,
    userId: null,
    productGroupId: null,
    channel: null,
    period: { pessimisticMinor: 80, realisticMinor: 100, optimisticMinor: 120 },
    planToDate: { pessimisticMinor: 8, realisticMinor: 10, optimisticMinor: 12 },
    factToDateMinor: 9,
    salesCount: 1,
    attainment: 0.9,
    runRate: { forecastMinor: 90, scenario: 'pessimistic' },
    pipeline: { forecastMinor: 95, weightedMinor: 5, dealsCounted: 1, scenario: 'pessimistic' },
    drillDown: null,
    deals: null,
    ...extra,
  };
}

describe('progressRows', () => {
  const lines = [
    line('org', null),
    line('team-a', 'org'),
    line('rep-1', 'team-a', { kind: 'rep' }),
    line('team-b', 'org'),
    line('web', null, { dimension: 'channel', kind: 'channel' }),
  ];
  const labels = lineLabels([
    { id: 'org', label: 'Org' },
    { id: 'team-a', label: 'A' },
    { id: 'rep-1', label: 'Rep' },
    { id: 'team-b', label: 'B' },
  ]);

  it('lists one dimension, each parent followed by its children, with depth', () => {
    expect(progressRows(lines, labels, 'structure').map((r) => [r.label, r.depth])).toEqual([
      ['Org', 0],
      ['A', 1],
      ['Rep', 2],
      ['B', 1],
    ]);
  });
  it('starts a line whose parent is out of view at depth 0', () => {
    expect(progressRows(lines.slice(2), labels, 'structure').map((r) => r.depth)).toEqual([0, 0]);
  });
});

describe('planToDate', () => {
  it('reads the chosen scenario', () => {
    expect(planToDate(line('x', null), 'pessimistic')).toBe(8);
    expect(planToDate(line('x', null), 'realistic')).toBe(10);
    expect(planToDate(line('x', null), 'optimistic')).toBe(12);
  });
});

describe('formatAttainment', () => {
  it('shows a whole percentage in the locale', () => {
    expect(formatAttainment(0.874, 'en')).toBe('87%');
    expect(formatAttainment(1.25, 'ru').replace(/[\u00a0\u202f]/g, ' ')).toBe('125 %');
  });
  it('shows a dash while the plan to date is zero', () => expect(formatAttainment(null, 'en')).toBe('—'));
});

describe('drillDownLinks', () => {
  it("opens the web's sales and deals lists with the server's filters", () => {
    const rep = line('r', null, { drillDown: { sales: 'ownerId=u&from=a&to=b', deals: 'ownerId=u&status=open' } });
    expect(drillDownLinks(rep)).toEqual({
      sales: '/sales?ownerId=u&from=a&to=b',
      deals: '/deals?ownerId=u&status=open',
    });
  });
  it('has none for a line the list filters cannot express', () => expect(drillDownLinks(line('x', null))).toBeNull());
});

describe('defaultProgressDay', () => {
  it('is today inside the period', () =>
    expect(defaultProgressDay('2027-03-15', '2027-01-01', '2027-12-31')).toBe('2027-03-15'));
  it('is the first day before the period starts', () =>
    expect(defaultProgressDay('2026-11-25', '2027-01-01', '2027-12-31')).toBe('2027-01-01'));
  it('is the last day after the period ends', () =>
    expect(defaultProgressDay('2028-02-01', '2027-01-01', '2027-12-31')).toBe('2027-12-31'));
});
