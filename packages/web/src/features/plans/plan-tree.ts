import type { PlanLine, PlanMonth } from '@pulse/contracts';

/** The three versions of a plan; the tabs switch which one the tables show. */
export const SCENARIOS = ['pessimistic', 'realistic', 'optimistic'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** The trees a plan is decomposed through, as the server names their dimension. */
export const DIMENSIONS = ['structure', 'direction', 'channel'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

type Figures = Pick<PlanMonth, 'pessimisticMinor' | 'realisticMinor' | 'optimisticMinor'>;

/** A line's (or a month's) figure in one scenario. */
export function scenarioMinor(figures: Figures, scenario: Scenario): number {
  if (scenario === 'pessimistic') return figures.pessimisticMinor;
  if (scenario === 'optimistic') return figures.optimisticMinor;
  return figures.realisticMinor;
}

/** A line of the tree-table: the line, how deep it sits, whether it has children. */
export interface TreeRow {
  line: PlanLine;
  depth: number;
  hasChildren: boolean;
}

/**
 * One tree of the decomposition in reading order: each parent followed by its children, each
 * child in the order the server sent it, with its depth for indentation. A line whose parent is
 * not among the lines (a partial view) starts at depth 0.
 */
export function flattenTree(lines: readonly PlanLine[], dimension: Dimension): TreeRow[] {
  const ofTree = lines.filter((line) => line.dimension === dimension);
  const ids = new Set(ofTree.map((line) => line.id));
  const children = new Map<string | null, PlanLine[]>();
  for (const line of ofTree) {
    const parent = line.parentId !== null && ids.has(line.parentId) ? line.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), line]);
  }
  const rows: TreeRow[] = [];
  const visit = (line: PlanLine, depth: number) => {
    const kids = children.get(line.id) ?? [];
    rows.push({ line, depth, hasChildren: kids.length > 0 });
    for (const kid of kids) visit(kid, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return rows;
}

/** Month-by-month and year totals of the top rows of a tree, in one scenario. */
export function treeTotals(rows: readonly TreeRow[], scenario: Scenario): { months: number[]; year: number } {
  const roots = rows.filter((row) => row.depth === 0);
  const width = Math.max(0, ...roots.map((row) => row.line.months.length));
  const months = Array.from({ length: width }, (_, i) =>
    roots.reduce((sum, row) => sum + (row.line.months[i] ? scenarioMinor(row.line.months[i], scenario) : 0), 0),
  );
  const year = roots.reduce((sum, row) => sum + scenarioMinor(row.line, scenario), 0);
  return { months, year };
}

/**
 * The year deals and margin of the top rows of a tree; null for a measure the plan has no
 * target for (the server sends null on every line then).
 */
export function targetTotals(rows: readonly TreeRow[]): { deals: number | null; marginMinor: number | null } {
  const roots = rows.filter((row) => row.depth === 0);
  const total = (pick: (line: PlanLine) => number | null) =>
    roots.some((row) => pick(row.line) !== null) ? roots.reduce((sum, row) => sum + (pick(row.line) ?? 0), 0) : null;
  return { deals: total((line) => line.deals), marginMinor: total((line) => line.marginMinor) };
}

/** The lines whose bottom-up figure differs from the top-down one (the ones to reconcile). */
export function unreconciledLines(lines: readonly PlanLine[]): PlanLine[] {
  return lines.filter((line) => line.bottomUpMinor !== null && line.differenceMinor !== 0);
}
