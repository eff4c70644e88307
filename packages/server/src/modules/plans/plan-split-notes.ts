import { PlanError, type WorkCalendar } from '@pulse/domain';
import { type MonthFigures, type SplitLine, splitChildren, treeOf } from './plan-split.ts';

// The note the decomposition editor shows beside a split: which months went to the people
// present in equal shares because none of them had any weight (see splitTeamMonth).

/**
 * The months in which each structure line split its plan equally among the members present,
 * because every one of them weighed nothing (say, by last year's share after last year's sellers
 * left): line id → months, for lines with any. Worked out again from the stored lines and their
 * realistic months, the way the top-down split did it.
 */
export function equalWeightMonths(
  lines: readonly SplitLine[],
  realistic: MonthFigures,
  months: readonly string[],
  calendar: WorkCalendar,
): Map<string, string[]> {
  const tree = treeOf(lines);
  const out = new Map<string, string[]>();
  for (const line of lines) {
    const children = tree.children.get(line.id) ?? [];
    if (line.dimension !== 'structure' || children.length === 0) continue;
    try {
      const year = splitChildren(line, children, realistic.get(line.id) ?? [], tree, months, calendar);
      const equal = year.filter((month) => month.equalWeights).map((month) => month.month);
      if (equal.length > 0) out.set(line.id, equal);
    } catch (error) {
      // A bottom-up edit may leave figures the top-down split would refuse; there is no note then.
      if (!(error instanceof PlanError)) throw error;
    }
  }
  return out;
}
