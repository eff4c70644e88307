import type { PlanLine, PlanLineProgress } from '@pulse/contracts';
import type { Dimension, Scenario } from '../plan-tree.ts';

/** Where a figure lands against the three period plans, as the server names it. */
export type Landing = NonNullable<PlanLineProgress['runRate']['scenario']>;

/** A badge colour per landing: red below the pessimistic plan, then orange, blue, green. */
export const LANDING_COLOR: Record<Landing, string> = {
  'below-pessimistic': 'red',
  pessimistic: 'orange',
  realistic: 'blue',
  optimistic: 'teal',
};

/** A row of the plan-versus-fact table: the line, its name from the plan's tree, its depth. */
export interface ProgressRow {
  line: PlanLineProgress;
  label: string;
  depth: number;
}

/**
 * One dimension's lines in reading order with their depth: the server sends parents before
 * children; a child sits one deeper than its parent, and a line whose parent is not in the view
 * (a partial view) starts at depth 0.
 */
export function progressRows(
  lines: readonly PlanLineProgress[],
  labels: ReadonlyMap<string, string>,
  dimension: Dimension,
): ProgressRow[] {
  const ofTree = lines.filter((line) => line.dimension === dimension);
  const ids = new Set(ofTree.map((line) => line.lineId));
  const children = new Map<string | null, PlanLineProgress[]>();
  for (const line of ofTree) {
    const parent = line.parentId !== null && ids.has(line.parentId) ? line.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), line]);
  }
  const rows: ProgressRow[] = [];
  const visit = (line: PlanLineProgress, depth: number) => {
    rows.push({ line, label: labels.get(line.lineId) ?? '', depth });
    for (const kid of children.get(line.lineId) ?? []) visit(kid, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return rows;
}

/** Line names by id from the plan's tree ('other' stays a key for the caller to translate). */
export function lineLabels(lines: readonly Pick<PlanLine, 'id' | 'label'>[]): Map<string, string> {
  return new Map(lines.map((line) => [line.id, line.label]));
}

/** The plan to date of a line in one scenario. */
export function planToDate(line: PlanLineProgress, scenario: Scenario): number {
  if (scenario === 'pessimistic') return line.planToDate.pessimisticMinor;
  if (scenario === 'optimistic') return line.planToDate.optimisticMinor;
  return line.planToDate.realisticMinor;
}

/** Attainment as a whole percentage in the locale ('87 %'); a dash while the plan to date is 0. */
export function formatAttainment(attainment: number | null, locale: string): string {
  if (attainment === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(attainment);
}

/** In-app links to the sales and open deals behind a line's fact and pipeline forecast. */
export function drillDownLinks(line: PlanLineProgress): { sales: string; deals: string } | null {
  if (!line.drillDown) return null;
  return { sales: `/sales?${line.drillDown.sales}`, deals: `/deals?${line.drillDown.deals}` };
}

/** The day the page opens on: today, kept inside the plan's period (a plan for next year opens on its first day). */
export function defaultProgressDay(today: string, periodStart: string, periodEnd: string): string {
  if (today < periodStart) return periodStart;
  if (today > periodEnd) return periodEnd;
  return today;
}
