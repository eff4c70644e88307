import type { PlanLine, PlanLines } from '@pulse/contracts';
import { type BottomUpComparison, type NodeDifference, PlanError } from '@pulse/domain';
import type { Actor } from '../access/actor.ts';
import type { Ctx } from './plan-context.ts';
import type { StoredLine } from './plan-lines.queries.ts';
import type { LoadedPlan } from './plan-records.ts';
import { type PlanFigures, type ScenarioMonths, splitOf } from './plan-split.ts';
import { presentPlan } from './present-plan.ts';

/** The tree as the API shows it: the whole of it, or for a partial view only the actor's part. */
export function presentLines(
  ctx: Ctx,
  plan: LoadedPlan,
  lines: readonly StoredLine[],
  figures: PlanFigures,
  comparison: BottomUpComparison,
  organisationName: string,
  equalMonths: ReadonlyMap<string, readonly string[]> = new Map(),
): PlanLines {
  const differences = new Map(comparison.nodes.map((node) => [node.id, node]));
  const children = new Map<string, StoredLine[]>();
  for (const line of lines) {
    if (line.parentId !== null) children.set(line.parentId, [...(children.get(line.parentId) ?? []), line]);
  }
  const visible = plan.access === 'full' ? lines : partOf(ctx.actor, lines);
  return {
    plan: presentPlan(ctx, plan),
    lines: visible.map((line) =>
      presentLine(line, {
        children: children.get(line.id) ?? [],
        figures,
        difference: differences.get(line.id),
        months: plan.period.months,
        organisationName,
        equalMonths: equalMonths.get(line.id) ?? [],
      }),
    ),
    reconciled: comparison.nodes.every((node) => node.differenceMinor === 0),
  };
}

function presentLine(
  line: StoredLine,
  context: {
    children: readonly StoredLine[];
    figures: PlanFigures;
    difference: NodeDifference | undefined;
    months: readonly string[];
    organisationName: string;
    equalMonths: readonly string[];
  },
): PlanLine {
  const { figures, difference } = context;
  const at = (scenario: keyof ScenarioMonths, i: number) => figures[scenario].get(line.id)?.[i] ?? 0;
  const target = (months: PlanFigures['deals'], i: number) => (months ? (months.get(line.id)?.[i] ?? 0) : null);
  return {
    id: line.id,
    parentId: line.parentId,
    dimension: line.dimension,
    kind: line.kind,
    unitId: line.unitId,
    userId: line.userId,
    productGroupId: line.productGroupId,
    channel: line.channel,
    label: line.label ?? defaultLabel(line, context.organisationName),
    split: context.children.length === 0 ? null : splitSummary(line, context.children, context.equalMonths),
    weight: line.weight,
    lastYearMinor: line.lastYearMinor,
    hireDay: line.hireDay,
    leaveDay: line.leaveDay,
    ...line.years,
    months: context.months.map((month, i) => ({
      month,
      pessimisticMinor: at('pessimistic', i),
      realisticMinor: at('realistic', i),
      optimisticMinor: at('optimistic', i),
      deals: target(figures.deals, i),
      marginMinor: target(figures.margin, i),
    })),
    bottomUpMinor: line.bottomUpMinor,
    bottomUpTotalMinor: difference?.bottomUpMinor ?? line.years.realisticMinor,
    differenceMinor: difference?.differenceMinor ?? 0,
  };
}

function defaultLabel(line: StoredLine, organisationName: string): string {
  if (line.kind === 'organisation') return organisationName;
  if (line.kind === 'channel') return line.channel ?? '';
  return line.kind === 'total' ? 'total' : 'other';
}

function splitSummary(
  line: StoredLine,
  children: readonly StoredLine[],
  equalMonths: readonly string[],
): PlanLine['split'] {
  const equalWeightMonths = [...equalMonths];
  try {
    const { method, appliedMethod, fallback } = splitOf(line, children);
    return { method, appliedMethod, fallback, equalWeightMonths };
  } catch (error) {
    // Stored trees were split by these very rules; should one no longer pass, still show it.
    if (error instanceof PlanError) {
      return { method: line.split, appliedMethod: line.split, fallback: null, equalWeightMonths };
    }
    throw error;
  }
}

/**
 * What someone who is only included in a plan sees of its tree: a head, the units of their
 * subtree and the people in them; anyone, their own line.
 */
export function partOf(actor: Actor, lines: readonly StoredLine[]): StoredLine[] {
  const reach = new Set(actor.scope.kind === 'own' ? [] : actor.scope.unitIds);
  const byId = new Map(lines.map((line) => [line.id, line]));
  return lines.filter((line) => {
    if (line.dimension !== 'structure') return false;
    if (line.kind === 'rep') {
      return line.userId === actor.userId || reach.has(byId.get(line.parentId ?? '')?.unitId ?? '');
    }
    return line.kind === 'unit' && reach.has(line.unitId ?? '');
  });
}
