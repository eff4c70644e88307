import type { PlanLine } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import { flattenTree, scenarioMinor, targetTotals, treeTotals, unreconciledLines } from './plan-tree.ts';

function line(id: string, parentId: string | null, realistic: number, extra: Partial<PlanLine> = {}): PlanLine {
  return {
    id,
    parentId,
    dimension: 'structure',
    kind: parentId === null ? 'organisation' : 'rep',
    unitId: null,
    userId: null,
    productGroupId: null,
    channel: null,
    label: id,
    split: null,
    weight: null,
    lastYearMinor: 0,
    hireDay: null,
    leaveDay: null,
    months: [
      {
        month: '2027-01',
        pessimisticMinor: 1,
        realisticMinor: realistic - 10,
        optimisticMinor: 3,
        deals: null,
        marginMinor: null,
      },
      { month: '2027-02', pessimisticMinor: 1, realisticMinor: 10, optimisticMinor: 3, deals: null, marginMinor: null },
    ],
    pessimisticMinor: 2,
    realisticMinor: realistic,
    optimisticMinor: 6,
    deals: null,
    marginMinor: null,
    bottomUpMinor: null,
    bottomUpTotalMinor: realistic,
    differenceMinor: 0,
    ...extra,
  };
}

describe('scenarioMinor', () => {
  it('picks the figure of the chosen scenario', () => {
    const figures = { pessimisticMinor: 1, realisticMinor: 2, optimisticMinor: 3 };
    expect(scenarioMinor(figures, 'pessimistic')).toBe(1);
    expect(scenarioMinor(figures, 'realistic')).toBe(2);
    expect(scenarioMinor(figures, 'optimistic')).toBe(3);
  });
});

describe('flattenTree', () => {
  const lines = [
    line('org', null, 100),
    line('team-a', 'org', 60),
    line('team-b', 'org', 40),
    line('rep-a1', 'team-a', 60),
    line('rep-b1', 'team-b', 40),
    line('online', null, 100, { dimension: 'channel' }),
  ];

  it('lists each parent before its children with their depth', () => {
    expect(flattenTree(lines, 'structure').map((row) => [row.line.id, row.depth, row.hasChildren])).toEqual([
      ['org', 0, true],
      ['team-a', 1, true],
      ['rep-a1', 2, false],
      ['team-b', 1, true],
      ['rep-b1', 2, false],
    ]);
  });
  it('keeps only the tree of the dimension asked for', () => {
    expect(flattenTree(lines, 'channel').map((row) => row.line.id)).toEqual(['online']);
  });
  it('starts a line whose parent is not shown at depth 0 (a partial view)', () => {
    expect(flattenTree([line('rep-a1', 'team-a', 60)], 'structure')[0]?.depth).toBe(0);
  });
});

describe('treeTotals', () => {
  it('adds the top rows month by month and for the year in the chosen scenario', () => {
    const rows = flattenTree([line('org', null, 100), line('rep', 'org', 100)], 'structure');
    expect(treeTotals(rows, 'realistic')).toEqual({ months: [90, 10], year: 100 });
    expect(treeTotals(rows, 'optimistic')).toEqual({ months: [3, 3], year: 6 });
  });
  it('gives zero columns for an empty tree', () => {
    expect(treeTotals([], 'realistic')).toEqual({ months: [], year: 0 });
  });
});

describe('targetTotals', () => {
  it('adds the top rows’ deals and margin, and keeps null for a measure without a target', () => {
    const rows = flattenTree(
      [
        line('org', null, 100, { deals: 100, marginMinor: null }),
        line('rep', 'org', 100, { deals: 34, marginMinor: null }),
      ],
      'structure',
    );
    expect(targetTotals(rows)).toEqual({ deals: 100, marginMinor: null });
    const partial = [
      line('a', null, 1, { deals: 34, marginMinor: 5 }),
      line('b', null, 1, { deals: 33, marginMinor: 7 }),
    ];
    expect(targetTotals(flattenTree(partial, 'structure'))).toEqual({ deals: 67, marginMinor: 12 });
  });
});

describe('unreconciledLines', () => {
  it('lists the lines with a bottom-up figure that differs from the top-down one', () => {
    const edited = line('rep', 'org', 60, { bottomUpMinor: 80, differenceMinor: 20 });
    const agreed = line('rep2', 'org', 40, { bottomUpMinor: 40, differenceMinor: 0 });
    expect(unreconciledLines([line('org', null, 100), edited, agreed]).map((l) => l.id)).toEqual(['rep']);
  });
});
