import {
  PlanError,
  type PlanSplit,
  splitFollowing,
  splitPlan,
  splitTeamYear,
  splitYearByMonths,
  type TeamMonthPlan,
  type WeightMethod,
  type WorkCalendar,
} from '@pulse/domain';

// How a plan's figures reach every line, month by month. All arithmetic is the domain's
// (largest-remainder splits, ramp and leavers); this file only decides what is split by what:
//
// - Realistic, top-down: the plan total is spread over the period's months by seasonality, and
//   each month is split down each tree separately. A structure line splits among its children
//   by capacity (splitTeamYear: the method's weight × ramp × days on the team), so new hires
//   ramp and leavers hand their remainder to the team; a unit counts as a member that joins with
//   its first rep and leaves with its last. A month in which everyone present weighs nothing
//   (last year's sellers have left) is split equally among those present; only a month with
//   nobody on the team is refused. Directions and channels split flat (splitPlan).
//   Because every month is split on its own, children's months sum exactly to their parent's,
//   and a line's year is the sum of its months — at every level, by construction.
// - Pessimistic and optimistic follow the realistic lines: each scenario total is split over
//   the months, and then down every tree, with the realistic figures as weights ("the same
//   weights"), so a line's three figures keep the plan's proportions and still sum exactly.
// - Deals and margin targets follow the realistic lines too, but year first (splitFollowing):
//   100 deals over three equal reps are 34/33/33, not what twelve separately rounded months add
//   up to, and every month and every year still sums exactly at every level.
// - Bottom-up accepted: an edited leaf's year is spread over its months in the shape it had,
//   parents become the sums of their children, and the flat trees split the new total again.

export type Dimension = 'structure' | 'direction' | 'channel';

/** A line of the decomposition tree as the split needs it; lists hold parents before children. */
export interface SplitLine {
  id: string;
  parentId: string | null;
  dimension: Dimension;
  isRep: boolean;
  /** How this line's plan is divided among its children. */
  split: WeightMethod;
  /** Hand weight as a child; for a rep, the size of their full goal. */
  weight: number | null;
  lastYearMinor: number;
  hireDay: string | null;
  leaveDay: string | null;
}

/** Line id → one figure per month of the period, in period order. */
export type MonthFigures = Map<string, number[]>;

export interface ScenarioMonths {
  pessimistic: MonthFigures;
  realistic: MonthFigures;
  optimistic: MonthFigures;
}

/** The three revenue scenarios and, when the plan has those targets, deals and margin (else null). */
export interface PlanFigures extends ScenarioMonths {
  deals: MonthFigures | null;
  margin: MonthFigures | null;
}

/** The plan figures the split starts from. */
export interface PlanTotals {
  pessimisticMinor: number;
  realisticMinor: number;
  optimisticMinor: number;
  /** The plan's deals target; null or omitted when it has none. */
  dealsTarget?: number | null;
  /** The plan's margin target in minor units; null or omitted when it has none. */
  marginTargetMinor?: number | null;
  /** Twelve coefficients, January first. */
  coefficients: readonly number[];
  /** The period's months, 'YYYY-MM', in order. */
  months: readonly string[];
}

/** The coefficient of each month of the period. */
export function monthWeights(months: readonly string[], coefficients: readonly number[]): number[] {
  return months.map((month) => coefficients[Number(month.slice(5, 7)) - 1] ?? 0);
}

/** An amount over the period's months by seasonality: exact, largest remainder. */
export function splitByMonths(
  totalMinor: number,
  months: readonly string[],
  coefficients: readonly number[],
): number[] {
  const weights = monthWeights(months, coefficients);
  if (weights.length === 12) return splitYearByMonths(totalMinor, weights);
  return amountsOf(
    splitPlan(
      totalMinor,
      months.map((id, i) => ({ id, weight: weights[i] ?? 0 })),
      'manual',
    ),
  );
}

/** The plan itself by month, before (or without) a decomposition; deals and margin null without a target. */
export function planMonths(totals: PlanTotals): {
  pessimistic: number[];
  realistic: number[];
  optimistic: number[];
  deals: number[] | null;
  margin: number[] | null;
} {
  const realistic = splitByMonths(totals.realisticMinor, totals.months, totals.coefficients);
  const weights = monthWeights(totals.months, totals.coefficients);
  const follow = (target: number | null | undefined) =>
    target == null ? null : splitLike(target, [realistic, weights], realistic.length);
  return {
    realistic,
    pessimistic: splitLike(totals.pessimisticMinor, [realistic, weights], realistic.length),
    optimistic: splitLike(totals.optimisticMinor, [realistic, weights], realistic.length),
    deals: follow(totals.dealsTarget),
    margin: follow(totals.marginTargetMinor),
  };
}

/** How a line's children were split, and the weight each carries (method weights, before capacity). */
export function splitOf(
  line: Pick<SplitLine, 'split'>,
  children: readonly SplitLine[],
): Omit<PlanSplit, 'parts'> & { weights: number[] } {
  const parts = children.map((child) => ({
    id: child.id,
    lastYearMinor: child.lastYearMinor,
    ...(child.weight === null ? {} : { weight: child.weight }),
  }));
  const { parts: _amounts, ...split } = splitPlan(0, parts, line.split);
  const weights = children.map((child) =>
    split.appliedMethod === 'equal' ? 1 : split.appliedMethod === 'manual' ? (child.weight ?? 0) : child.lastYearMinor,
  );
  return { ...split, weights };
}

/** Every line's months top-down from the plan totals (see the notes at the top). */
export function splitTopDown(lines: readonly SplitLine[], totals: PlanTotals, calendar: WorkCalendar): PlanFigures {
  const tree = treeOf(lines);
  const realistic: MonthFigures = new Map();
  const rootMonths = splitByMonths(totals.realisticMinor, totals.months, totals.coefficients);
  for (const root of tree.roots) {
    realistic.set(root.id, [...rootMonths]);
    if (root.dimension === 'structure') splitStructure(root, tree, realistic, totals.months, calendar);
    else splitFlat(root, tree, realistic);
  }
  return withScenarios(lines, realistic, totals);
}

/**
 * The realistic months with the bottom-up figures made the plan: each edited leaf's year spread
 * over its months in the shape it had, parents the sums of their children, the flat trees split
 * from the new total. Returns the months and the new realistic total; the other scenarios
 * follow with {@link withScenarios} once their totals are resolved from it.
 */
export function acceptBottomUp(
  lines: readonly SplitLine[],
  realistic: MonthFigures,
  edits: ReadonlyMap<string, number>,
): { realistic: MonthFigures; realisticMinor: number } {
  const tree = treeOf(lines);
  const root = tree.roots.find((line) => line.dimension === 'structure');
  if (!root) throw new PlanError('no_parts', 'The plan has no structure to reconcile');
  const rootBefore = realistic.get(root.id) ?? [];
  const settled: MonthFigures = new Map();
  const settle = (line: SplitLine): number[] => {
    const children = tree.children.get(line.id) ?? [];
    const before = realistic.get(line.id) ?? [];
    const edit = edits.get(line.id);
    let months: number[];
    if (children.length > 0) {
      const parts = children.map(settle);
      months = before.map((_, i) => addMinor(parts.map((part) => part[i] ?? 0)));
    } else {
      months = edit === undefined ? [...before] : splitLike(edit, [before, rootBefore], before.length);
    }
    settled.set(line.id, months);
    return months;
  };
  const rootMonths = settle(root);
  for (const flatRoot of tree.roots) {
    if (flatRoot.dimension === 'structure') continue;
    settled.set(flatRoot.id, [...rootMonths]);
    splitFlat(flatRoot, tree, settled);
  }
  return { realistic: settled, realisticMinor: addMinor(rootMonths) };
}

/** Pessimistic and optimistic months, and deals and margin, beside the given realistic ones. */
export function withScenarios(lines: readonly SplitLine[], realistic: MonthFigures, totals: PlanTotals): PlanFigures {
  const target = (value: number | null | undefined) =>
    value == null ? null : followRealistic(lines, realistic, value, totals, byRealisticYears);
  return {
    realistic,
    pessimistic: followRealistic(lines, realistic, totals.pessimisticMinor, totals, byRealisticMonths),
    optimistic: followRealistic(lines, realistic, totals.optimisticMinor, totals, byRealisticMonths),
    deals: target(totals.dealsTarget),
    margin: target(totals.marginTargetMinor),
  };
}

export interface Tree {
  roots: SplitLine[];
  children: Map<string, SplitLine[]>;
}

export function treeOf(lines: readonly SplitLine[]): Tree {
  const roots: SplitLine[] = [];
  const children = new Map<string, SplitLine[]>();
  for (const line of lines) {
    if (line.parentId === null) roots.push(line);
    else children.set(line.parentId, [...(children.get(line.parentId) ?? []), line]);
  }
  return { roots, children };
}

function splitStructure(
  line: SplitLine,
  tree: Tree,
  out: MonthFigures,
  months: readonly string[],
  calendar: WorkCalendar,
): void {
  const children = tree.children.get(line.id) ?? [];
  if (children.length === 0) return;
  const own = out.get(line.id) ?? [];
  const year = splitChildren(line, children, own, tree, months, calendar);
  children.forEach((child, i) => {
    out.set(
      child.id,
      year.map((month) => month.members[i]?.planMinor ?? 0),
    );
    splitStructure(child, tree, out, months, calendar);
  });
}

/**
 * A structure line's months split among its children by capacity. A month in which nobody on
 * the team works is refused with the team's line id and the month (a caller names the team).
 */
export function splitChildren(
  line: SplitLine,
  children: readonly SplitLine[],
  own: readonly number[],
  tree: Tree,
  months: readonly string[],
  calendar: WorkCalendar,
): TeamMonthPlan[] {
  const { weights } = splitOf(line, children);
  const members = children.map((child, i) => ({ id: child.id, weight: weights[i] ?? 0, ...datesOf(child, tree) }));
  try {
    return splitTeamYear({
      months: months.map((month, i) => ({ month, teamPlanMinor: own[i] ?? 0 })),
      members,
      calendar,
    });
  } catch (error) {
    if (error instanceof PlanError && error.code === 'no_capacity') {
      const month = String(error.details.month);
      throw new PlanError('no_capacity', `Nobody works in ${month} on the team of line ${line.id} to carry its plan`, {
        id: line.id,
        month,
      });
    }
    throw error;
  }
}

/**
 * The days a member is on the team: a rep's own; a unit's from its first rep's hire to its last
 * rep's leaving, so a team nobody has joined yet (or everyone has left) carries no plan that
 * month, and a team made only of new hires ramps as they do.
 */
function datesOf(line: SplitLine, tree: Tree): { hireDay: string | null; leaveDay: string | null } {
  if (line.isRep) return { hireDay: line.hireDay, leaveDay: line.leaveDay };
  const reps: SplitLine[] = [];
  const stack = [...(tree.children.get(line.id) ?? [])];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next.isRep) reps.push(next);
    stack.push(...(tree.children.get(next.id) ?? []));
  }
  if (reps.length === 0) return { hireDay: null, leaveDay: null };
  const hires = reps.map((rep) => rep.hireDay);
  const leaves = reps.map((rep) => rep.leaveDay);
  return {
    hireDay: hires.every((day) => day !== null) ? (hires.sort()[0] ?? null) : null,
    leaveDay: leaves.every((day) => day !== null) ? (leaves.sort().at(-1) ?? null) : null,
  };
}

function splitFlat(line: SplitLine, tree: Tree, out: MonthFigures): void {
  const children = tree.children.get(line.id) ?? [];
  if (children.length === 0) return;
  const parts = children.map((child) => ({
    id: child.id,
    lastYearMinor: child.lastYearMinor,
    ...(child.weight === null ? {} : { weight: child.weight }),
  }));
  const rows = (out.get(line.id) ?? []).map((amount) => amountsOf(splitPlan(amount, parts, line.split)));
  children.forEach((child, i) => {
    out.set(
      child.id,
      rows.map((row) => row[i] ?? 0),
    );
    splitFlat(child, tree, out);
  });
}

/** How a parent's months are divided among its children, in the shape of their realistic figures. */
type DivideChildren = (own: readonly number[], children: readonly SplitLine[], realistic: MonthFigures) => number[][];

/** Month by month, by the children's realistic months (their years where a month has none). */
const byRealisticMonths: DivideChildren = (own, children, realistic) => {
  const childRealistic = children.map((child) => realistic.get(child.id) ?? []);
  const childYears = childRealistic.map(addMinor);
  const rows = own.map((amount, m) =>
    splitLike(amount, [childRealistic.map((months) => months[m] ?? 0), childYears], children.length),
  );
  return children.map((_, i) => rows.map((row) => row[i] ?? 0));
};

/** Each child's year first, then its months (splitFollowing). */
const byRealisticYears: DivideChildren = (own, children, realistic) => {
  const parts = splitFollowing(
    own,
    children.map((child) => ({ id: child.id, reference: realistic.get(child.id) ?? own.map(() => 0) })),
  );
  return children.map((_, i) => parts[i]?.months ?? own.map(() => 0));
};

/** A total over the months like the realistic root, then down every tree, each parent by `divide`. */
function followRealistic(
  lines: readonly SplitLine[],
  realistic: MonthFigures,
  total: number,
  totals: PlanTotals,
  divide: DivideChildren,
): MonthFigures {
  const tree = treeOf(lines);
  const out: MonthFigures = new Map();
  const structureRoot = tree.roots.find((line) => line.dimension === 'structure') ?? tree.roots[0];
  if (!structureRoot) return out;
  const rootMonths = splitLike(
    total,
    [realistic.get(structureRoot.id) ?? [], monthWeights(totals.months, totals.coefficients)],
    totals.months.length,
  );
  const follow = (line: SplitLine): void => {
    const children = tree.children.get(line.id) ?? [];
    if (children.length === 0) return;
    const parts = divide(out.get(line.id) ?? [], children, realistic);
    children.forEach((child, i) => {
      out.set(child.id, parts[i] ?? []);
      follow(child);
    });
  };
  for (const root of tree.roots) {
    out.set(root.id, [...rootMonths]);
    follow(root);
  }
  return out;
}

/**
 * An amount split exactly in proportion to the first of the candidate weight lists that has
 * any weight, or equally when none has (an amount of 0 then splits into zeros).
 */
function splitLike(amountMinor: number, candidates: readonly (readonly number[])[], size: number): number[] {
  for (const weights of candidates) {
    if (weights.length === size && weights.some((weight) => weight > 0)) {
      return amountsOf(
        splitPlan(
          amountMinor,
          weights.map((weight, i) => ({ id: String(i), weight })),
          'manual',
        ),
      );
    }
  }
  return amountsOf(
    splitPlan(
      amountMinor,
      Array.from({ length: size }, (_, i) => ({ id: String(i) })),
      'equal',
    ),
  );
}

function amountsOf(split: PlanSplit): number[] {
  return split.parts.map((part) => part.planMinor);
}

/** Exact sum of minor units; refuses a sum beyond exactly representable whole numbers. */
export function addMinor(values: readonly number[]): number {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (!Number.isSafeInteger(total)) {
    throw new PlanError('invalid_amount', `The sum ${total} exceeds the largest exactly representable whole number`);
  }
  return total;
}
