import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decomposePlan, type PlanTreeInput, type PlanTreeNode } from './decompose-plan.ts';
import { PlanError } from './plan-error.ts';
import type { WeightMethod } from './split-plan.ts';

const organisation: PlanTreeInput = {
  id: 'org',
  split: 'last-year',
  children: [
    {
      id: 'moscow',
      split: 'equal',
      children: [
        {
          id: 'moscow-1',
          split: 'manual',
          children: [
            { id: 'ivanova', weight: 2, lastYearMinor: 400_000_000 },
            { id: 'petrov', weight: 1, lastYearMinor: 100_000_000 },
            { id: 'sidorov', weight: 1, lastYearMinor: 100_000_000 },
          ],
        },
        { id: 'moscow-2', children: [] },
      ],
    },
    {
      id: 'spb',
      lastYearMinor: 300_000_000,
      children: [
        {
          id: 'spb-1',
          split: 'last-year',
          children: [{ id: 'orlova' }, { id: 'lebedev' }, { id: 'kozlov' }],
        },
      ],
    },
  ],
};

function find(node: PlanTreeNode, id: string): PlanTreeNode | undefined {
  if (node.id === id) return node;
  for (const child of node.children) {
    const found = find(child, id);
    if (found !== undefined) return found;
  }
  return undefined;
}

describe('decomposePlan', () => {
  it('decomposes 12 000 000.00 RUB through departments, teams and reps (hand-worked)', () => {
    const plan = decomposePlan(1_200_000_000, organisation);
    // Moscow's last year is its leaves' 6 000 000.00; SPb's is given as 3 000 000.00 → 2 : 1.
    expect(find(plan, 'moscow')?.planMinor).toBe(800_000_000);
    expect(find(plan, 'spb')?.planMinor).toBe(400_000_000);
    // Moscow splits equally between its teams; moscow-1 by hand 2 : 1 : 1.
    expect(find(plan, 'moscow-2')?.planMinor).toBe(400_000_000);
    expect(find(plan, 'ivanova')?.planMinor).toBe(200_000_000);
    expect(find(plan, 'petrov')?.planMinor).toBe(100_000_000);
    // spb-1 has no rep history: equal, flagged; 400 000 000 / 3 → 133 333 334 + 133 333 333 × 2.
    const spbTeam = find(plan, 'spb-1');
    expect(spbTeam?.split).toEqual({ method: 'last-year', appliedMethod: 'equal', fallback: 'no-history' });
    expect(spbTeam?.children.map((rep) => rep.planMinor)).toEqual([133_333_334, 133_333_333, 133_333_333]);
    expect(find(plan, 'orlova')?.split).toBeNull();
  });
  it('refuses an id used twice anywhere in the tree', () => {
    const tree = {
      id: 'org',
      children: [
        { id: 'a', children: [{ id: 'x' }] },
        { id: 'b', children: [{ id: 'x' }] },
      ],
    };
    expect(() => decomposePlan(100, tree)).toThrow(
      expect.objectContaining({ code: 'duplicate_id', details: { id: 'x' } }),
    );
  });
  it('refuses hand weights summing to zero at any level, and a negative plan', () => {
    const tree = { id: 'org', children: [{ id: 't', split: 'manual' as const, children: [{ id: 'r', weight: 0 }] }] };
    expect(() => decomposePlan(100, tree)).toThrow(expect.objectContaining({ code: 'weights_sum_to_zero' }));
    expect(() => decomposePlan(-1, { id: 'org' })).toThrow(expect.objectContaining({ code: 'negative_amount' }));
  });

  interface RandomNode {
    split: WeightMethod;
    lastYearMinor: number | undefined;
    weight: number;
    children: readonly RandomNode[];
  }
  const { node: nodeArb } = fc.letrec<{ node: RandomNode }>((tie) => ({
    node: fc.record({
      split: fc.constantFrom<WeightMethod>('equal', 'last-year', 'manual'),
      lastYearMinor: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1e10 })), { nil: undefined }),
      weight: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
      children: fc.oneof(
        { depthSize: 'small', maxDepth: 4, depthIdentifier: 'tree' },
        fc.constant<RandomNode[]>([]),
        fc.array(tie('node'), { minLength: 1, maxLength: 5 }),
      ),
    }),
  }));
  function withIds(node: RandomNode, id: string): PlanTreeInput {
    return {
      id,
      split: node.split,
      weight: node.weight,
      ...(node.lastYearMinor === undefined ? {} : { lastYearMinor: node.lastYearMinor }),
      children: node.children.map((child, i) => withIds(child, `${id}.${i}`)),
    };
  }
  const hasZeroManualSplit = (node: RandomNode): boolean =>
    (node.split === 'manual' && node.children.length > 0 && node.children.every((child) => child.weight === 0)) ||
    node.children.some(hasZeroManualSplit);
  function checkSums(node: PlanTreeNode): void {
    expect(Number.isSafeInteger(node.planMinor) && node.planMinor >= 0).toBe(true);
    if (node.children.length === 0) return;
    expect(node.children.reduce((sum, child) => sum + child.planMinor, 0)).toBe(node.planMinor);
    node.children.forEach(checkSums);
  }
  const leafSum = (node: PlanTreeNode): number =>
    node.children.length === 0 ? node.planMinor : node.children.reduce((sum, child) => sum + leafSum(child), 0);

  it('sums exactly at every level for random trees, methods, weights and amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), nodeArb, (total, random) => {
        const tree = withIds(random, 'root');
        if (hasZeroManualSplit(random)) {
          expect(() => decomposePlan(total, tree)).toThrow(PlanError);
          return;
        }
        const plan = decomposePlan(total, tree);
        expect(plan.planMinor).toBe(total);
        checkSums(plan);
        expect(leafSum(plan)).toBe(total);
      }),
      { numRuns: 300 },
    );
  });
});

describe('decomposePlan over deals and margin', () => {
  // The same tree and weights carry every measure: a count of deals as well as kopecks.
  const team: PlanTreeInput = {
    id: 'team',
    split: 'manual',
    children: [
      { id: 'anna', weight: 1 },
      { id: 'boris', weight: 1 },
      { id: 'vera', weight: 1 },
    ],
  };
  const leaves = (node: PlanTreeNode) => node.children.map((child) => child.planMinor);

  it('splits 100 deals over three reps weighted 1/1/1 into 34, 33 and 33', () => {
    expect(leaves(decomposePlan(100, team))).toEqual([34, 33, 33]);
  });
  it('splits 1 000 000,00 ₽ of margin into exact kopecks, the odd one to the first rep', () => {
    expect(leaves(decomposePlan(100_000_000, team))).toEqual([33_333_334, 33_333_333, 33_333_333]);
  });
});
