import { makeWorkCalendar, PlanError } from '@pulse/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptBottomUp,
  type MonthFigures,
  type PlanFigures,
  type PlanTotals,
  type ScenarioMonths,
  type SplitLine,
  splitTopDown,
  withScenarios,
} from './plan-split.ts';

const calendar = makeWorkCalendar({ timeZone: 'Europe/Moscow' });
const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
const METHODS = ['equal', 'last-year', 'manual'] as const;

interface UnitSpec {
  split: (typeof METHODS)[number];
  weight: number;
  lastYear: number;
  reps: { hire: number | null; leave: number | null; weight: number; lastYear: number }[];
  units: UnitSpec[];
}

const repSpec = fc.record({
  hire: fc.option(fc.integer({ min: 0, max: 364 }), { nil: null }),
  leave: fc.option(fc.integer({ min: 0, max: 364 }), { nil: null }),
  weight: fc.integer({ min: 0, max: 5 }),
  lastYear: fc.integer({ min: 0, max: 1_000_000 }),
});
/** A unit with up to two sub-units per level, three levels deep at most. */
function unitAt(depth: number): fc.Arbitrary<UnitSpec> {
  return fc.record({
    split: fc.constantFrom(...METHODS),
    weight: fc.integer({ min: 0, max: 5 }),
    lastYear: fc.integer({ min: 0, max: 1_000_000 }),
    reps: fc.array(repSpec, { maxLength: 3 }),
    units: depth === 0 ? fc.constant([]) : fc.array(unitAt(depth - 1), { maxLength: 2 }),
  });
}
const unitSpec = unitAt(3);
const flatSpec = fc.record({
  split: fc.constantFrom(...METHODS),
  parts: fc.array(fc.record({ weight: fc.integer({ min: 0, max: 5 }), lastYear: fc.integer({ min: 0, max: 1e6 }) }), {
    minLength: 1,
    maxLength: 5,
  }),
});

/** The lines of a random organisation: a structure tree and two flat trees. */
function linesOf(
  root: UnitSpec,
  flats: { split: (typeof METHODS)[number]; parts: { weight: number; lastYear: number }[] }[],
) {
  const lines: SplitLine[] = [];
  let next = 0;
  const base = { isRep: false, hireDay: null, leaveDay: null } as const;
  const addUnit = (unit: UnitSpec, parentId: string | null) => {
    const id = `u${next++}`;
    lines.push({
      ...base,
      id,
      parentId,
      dimension: 'structure',
      split: unit.split,
      weight: unit.weight,
      lastYearMinor: unit.lastYear,
    });
    for (const child of unit.units) addUnit(child, id);
    for (const rep of unit.reps) {
      const [hire, leave] =
        rep.hire !== null && rep.leave !== null && rep.leave < rep.hire ? [rep.leave, rep.hire] : [rep.hire, rep.leave];
      lines.push({
        id: `r${next++}`,
        parentId: id,
        dimension: 'structure',
        isRep: true,
        split: 'equal',
        weight: rep.weight,
        lastYearMinor: rep.lastYear,
        hireDay: hire === null ? null : day(hire),
        leaveDay: leave === null ? null : day(leave),
      });
    }
  };
  addUnit(root, null);
  flats.forEach((flat, f) => {
    const id = `t${f}`;
    const dimension = f === 0 ? 'direction' : 'channel';
    lines.push({ ...base, id, parentId: null, dimension, split: flat.split, weight: null, lastYearMinor: 0 });
    for (const [i, part] of flat.parts.entries()) {
      lines.push({
        ...base,
        id: `${id}p${i}`,
        parentId: id,
        dimension,
        split: 'equal',
        weight: part.weight,
        lastYearMinor: part.lastYear,
      });
    }
  });
  return lines;
}

const totalsSpec = fc
  .record({
    realistic: fc.integer({ min: 0, max: 1e12 }),
    pessimisticShare: fc.integer({ min: 0, max: 100 }),
    optimisticExtra: fc.integer({ min: 0, max: 1e9 }),
    coefficients: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 12, maxLength: 12 }),
    // Deals are small whole numbers, where rounding bites hardest; margin is any amount of kopecks.
    deals: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    margin: fc.option(fc.integer({ min: 0, max: 1e12 }), { nil: null }),
  })
  .filter((t) => t.coefficients.some((c) => c > 0))
  .map(
    (t): PlanTotals => ({
      realisticMinor: t.realistic,
      pessimisticMinor: Math.floor((t.realistic * t.pessimisticShare) / 100),
      optimisticMinor: t.realistic + t.optimisticExtra,
      dealsTarget: t.deals,
      marginTargetMinor: t.margin,
      coefficients: t.coefficients,
      months: MONTHS,
    }),
  );

/** Splits that a real plan would refuse (nobody works that month, all hand weights zero) are skipped. */
function refusedByTheRules(work: () => void): boolean {
  try {
    work();
    return false;
  } catch (error) {
    if (error instanceof PlanError && ['no_capacity', 'weights_sum_to_zero'].includes(error.code)) return true;
    throw error;
  }
}

function expectExact(lines: readonly SplitLine[], months: PlanFigures, totals: PlanTotals): void {
  expect(months.deals === null).toBe(totals.dealsTarget == null);
  expect(months.margin === null).toBe(totals.marginTargetMinor == null);
  for (const [figures, total] of [
    [months.pessimistic, totals.pessimisticMinor],
    [months.realistic, totals.realisticMinor],
    [months.optimistic, totals.optimisticMinor],
    [months.deals, totals.dealsTarget ?? 0],
    [months.margin, totals.marginTargetMinor ?? 0],
  ] as const) {
    if (figures === null) continue;
    for (const line of lines) {
      const own = figures.get(line.id) ?? [];
      expect(own).toHaveLength(12);
      for (const value of own) expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
      if (line.parentId === null) expect(own.reduce((a, b) => a + b, 0)).toBe(total);
      const children = lines.filter((child) => child.parentId === line.id);
      if (children.length === 0) continue;
      own.forEach((value, m) => {
        expect(children.reduce((sum, child) => sum + (figures.get(child.id)?.[m] ?? 0), 0)).toBe(value);
      });
    }
  }
}

describe('splitTopDown', () => {
  it('sums exactly at every level, every month and every scenario, for random trees, weights and amounts', () => {
    fc.assert(
      fc.property(unitSpec, fc.array(flatSpec, { minLength: 2, maxLength: 2 }), totalsSpec, (root, flats, totals) => {
        const lines = linesOf(root, flats);
        let months: PlanFigures | null = null;
        fc.pre(!refusedByTheRules(() => (months = splitTopDown(lines, totals, calendar))));
        expectExact(lines, months as unknown as PlanFigures, totals);
      }),
      { numRuns: 150 },
    );
  });
});

describe('acceptBottomUp', () => {
  it('keeps every typed figure exactly and still sums exactly at every level', () => {
    fc.assert(
      fc.property(
        unitSpec,
        fc.array(flatSpec, { minLength: 2, maxLength: 2 }),
        totalsSpec,
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 20 }),
        (root, flats, totals, typed) => {
          const lines = linesOf(root, flats);
          let months: ScenarioMonths | null = null;
          fc.pre(!refusedByTheRules(() => (months = splitTopDown(lines, totals, calendar))));
          const leaves = lines.filter(
            (line) => line.dimension === 'structure' && !lines.some((child) => child.parentId === line.id),
          );
          const edits = new Map(leaves.flatMap((leaf, i) => (typed[i] === undefined ? [] : [[leaf.id, typed[i]]])));
          const { realistic, realisticMinor } = acceptBottomUp(
            lines,
            (months as unknown as ScenarioMonths).realistic,
            edits,
          );
          for (const [id, value] of edits) expect((realistic.get(id) ?? []).reduce((a, b) => a + b, 0)).toBe(value);
          const after = {
            ...totals,
            realisticMinor,
            pessimisticMinor: Math.floor(realisticMinor / 2),
            optimisticMinor: realisticMinor * 2,
          };
          expectExact(lines, withScenarios(lines, realistic, after), after);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('deals and margin', () => {
  // A team of three reps weighted 1/1/1 with a flat 12 000 000,00 ₽ plan, 100 deals and
  // 1 000 000,00 ₽ of margin: each line's year first, then its months.
  const base = {
    parentId: 't',
    dimension: 'structure' as const,
    isRep: true,
    split: 'equal' as const,
    lastYearMinor: 0,
  };
  const lines: SplitLine[] = [
    { ...base, id: 't', parentId: null, isRep: false, weight: null, hireDay: null, leaveDay: null },
    { ...base, id: 'anna', weight: null, hireDay: null, leaveDay: null },
    { ...base, id: 'boris', weight: null, hireDay: null, leaveDay: null },
    { ...base, id: 'vera', weight: null, hireDay: null, leaveDay: null },
  ];
  const totals: PlanTotals = {
    realisticMinor: 1_200_000_000,
    pessimisticMinor: 1_000_000_000,
    optimisticMinor: 1_400_000_000,
    dealsTarget: 100,
    marginTargetMinor: 100_000_000,
    coefficients: Array(12).fill(1),
    months: MONTHS,
  };
  const year = (figures: MonthFigures | null, id: string) => (figures?.get(id) ?? []).reduce((a, b) => a + b, 0);

  it('gives 34/33/33 deals and exact kopecks of margin, every month adding up', () => {
    const figures = splitTopDown(lines, totals, calendar);
    expect(['anna', 'boris', 'vera'].map((id) => year(figures.deals, id))).toEqual([34, 33, 33]);
    expect(['anna', 'boris', 'vera'].map((id) => year(figures.margin, id))).toEqual([
      33_333_334, 33_333_333, 33_333_333,
    ]);
    expect(figures.deals?.get('t')).toEqual([9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8]);
    expectExact(lines, figures, totals);
  });
  it('has none without targets, and follows new targets over the same realistic lines', () => {
    const none = splitTopDown(lines, { ...totals, dealsTarget: null, marginTargetMinor: undefined }, calendar);
    expect([none.deals, none.margin]).toEqual([null, null]);
    const again = withScenarios(lines, none.realistic, { ...totals, dealsTarget: 7 });
    expect(['anna', 'boris', 'vera'].map((id) => year(again.deals, id))).toEqual([3, 2, 2]);
    expectExact(lines, again, { ...totals, dealsTarget: 7 });
  });
});
