import type { PlanLines } from '@pulse/contracts';
import { compareBottomUp, PlanError, type PlanTreeNode, resolveScenarios, type WeightMethod } from '@pulse/domain';
import { notFound } from '../../http/errors.ts';
import { auditChange } from '../audit/record-audit.ts';
import { type Ctx, refuse } from './plan-context.ts';
import {
  type DecomposeOptions,
  decomposeFromStructure,
  loadEqualWeightMonths,
  loadTree,
  respread,
  storeLines,
} from './plan-decomposition.ts';
import { storedEntry } from './plan-input.ts';
import { type StoredLine, setBottomUp } from './plan-lines.queries.ts';
import { getEditablePlan, getVisiblePlan, type LoadedPlan, saveAtNextVersion, totalsOf } from './plan-records.ts';
import { acceptBottomUp, type PlanFigures, withScenarios } from './plan-split.ts';
import { getOrgPlanSettings } from './plans.queries.ts';
import { presentLines } from './present-lines.ts';

/** The plan's tree with months, scenarios and bottom-up differences (a partial view: the actor's part). */
export async function listPlanLines(ctx: Ctx, planId: string): Promise<PlanLines> {
  const plan = await getVisiblePlan(ctx, planId);
  const { lines, figures } = await loadTree(ctx, plan);
  const { name } = await getOrgPlanSettings(ctx.tx, ctx.actor.orgId);
  const equalMonths = await loadEqualWeightMonths(ctx, plan, lines, figures);
  return presentLines(ctx, plan, lines, figures, compare(lines), name, equalMonths);
}

/** Decomposes the plan afresh from the organisation's structure and last year's sales. */
export async function decomposePlan(
  ctx: Ctx,
  planId: string,
  input: DecomposeOptions & { version: number },
): Promise<PlanLines> {
  const plan = await getEditablePlan(ctx, planId, input.version);
  const before = await loadTree(ctx, plan);
  await saveAtNextVersion(ctx, plan, { decomposed_at: ctx.deps.now() });
  const after = await getVisiblePlan(ctx, planId);
  await decomposeFromStructure(ctx, after, input);
  const result = await listPlanLines(ctx, planId);
  await auditChange(ctx, {
    action: 'update',
    entity: 'plan',
    entityId: planId,
    before: { version: plan.row.version, lines: before.lines.length, methods: input.methods ?? null },
    after: { version: after.row.version, lines: result.lines.length, methods: input.methods ?? null },
  });
  return result;
}

/**
 * Changes one line: the method its children are split by, its hand weight, or its bottom-up
 * figure. A new method or weight re-spreads the tree top-down; a bottom-up figure is kept beside
 * the top-down one, and the answer shows every line's difference until someone reconciles.
 */
export async function updatePlanLine(
  ctx: Ctx,
  planId: string,
  lineId: string,
  input: { version: number; split?: WeightMethod; weight?: number | null; bottomUpMinor?: number | null },
): Promise<PlanLines> {
  const plan = await getEditablePlan(ctx, planId, input.version);
  const { lines } = await loadTree(ctx, plan);
  const line = lines.find((candidate) => candidate.id === lineId);
  if (!line) throw notFound('Plan line');
  const isParent = lines.some((candidate) => candidate.parentId === lineId);
  const before = lineFields(line);
  if (input.split !== undefined && !isParent) {
    refuse('no_parts', 'This line has no children to split its plan among', 'body.split');
  }
  if (input.weight !== undefined && line.parentId === null) {
    refuse('unknown_node', 'The top line of a tree carries the whole plan and takes no weight', 'body.weight');
  }
  if (input.weight != null && !(input.weight >= 0)) {
    throw new PlanError('negative_weight', `Weight ${input.weight} is negative`, { field: 'weight' });
  }
  if (input.bottomUpMinor != null) {
    if (line.dimension !== 'structure' || isParent) {
      refuse(
        'unknown_node',
        'Bottom-up figures are typed for people (and units without people); directions and channels take hand weights',
        'body.bottomUpMinor',
      );
    }
    if (input.bottomUpMinor < 0) {
      throw new PlanError('negative_amount', `Invalid figure ${input.bottomUpMinor}: an amount cannot be negative`, {
        field: 'bottomUpMinor',
      });
    }
  }
  if (input.split !== undefined) line.split = input.split;
  if (input.weight !== undefined) line.weight = input.weight;
  if (input.bottomUpMinor !== undefined) line.bottomUpMinor = input.bottomUpMinor;

  await saveAtNextVersion(ctx, plan, {});
  if (input.split !== undefined || input.weight !== undefined) await respread(ctx, plan, lines);
  else await setBottomUp(ctx.tx, ctx.actor.orgId, planId, { lineId, bottomUpMinor: line.bottomUpMinor });
  await auditChange(ctx, { action: 'update', entity: 'plan_line', entityId: lineId, before, after: lineFields(line) });
  return listPlanLines(ctx, planId);
}

/**
 * Ends the bottom-up differences. `top-down` drops the typed figures. `bottom-up` makes them the
 * plan: each typed leaf keeps its figure exactly, parents become the sums of their children, the
 * realistic total becomes their sum (typed, no longer last year × growth), and the other
 * scenarios and the flat trees follow.
 */
export async function reconcilePlan(
  ctx: Ctx,
  planId: string,
  input: { version: number; accept: 'top-down' | 'bottom-up' },
): Promise<PlanLines> {
  const plan = await getEditablePlan(ctx, planId, input.version);
  const { lines, figures } = await loadTree(ctx, plan);
  if (lines.length === 0) refuse('not_decomposed', 'Decompose the plan first; there is nothing to reconcile');
  const edits = new Map(lines.flatMap((line) => (line.bottomUpMinor === null ? [] : [[line.id, line.bottomUpMinor]])));
  for (const line of lines) line.bottomUpMinor = null;
  if (input.accept === 'top-down') {
    await saveAtNextVersion(ctx, plan, {});
    await setBottomUp(ctx.tx, ctx.actor.orgId, planId, null);
  } else {
    await acceptEdits(ctx, plan, lines, figures, edits);
  }
  await auditChange(ctx, {
    action: 'update',
    entity: 'plan',
    entityId: planId,
    before: { version: plan.row.version, bottomUpLines: edits.size, realisticMinor: plan.row.realistic_minor },
    after: {
      version: plan.row.version + 1,
      accepted: input.accept,
      bottomUpLines: 0,
      realisticMinor: await realisticOf(ctx, planId),
    },
  });
  return listPlanLines(ctx, planId);
}

async function acceptEdits(
  ctx: Ctx,
  plan: LoadedPlan,
  lines: StoredLine[],
  figures: PlanFigures,
  edits: ReadonlyMap<string, number>,
): Promise<void> {
  const { realistic, realisticMinor } = acceptBottomUp(lines, figures.realistic, edits);
  const scenarios = resolveScenarios({
    realisticMinor,
    pessimistic: storedEntry(plan.row, 'pessimistic'),
    optimistic: storedEntry(plan.row, 'optimistic'),
  });
  await saveAtNextVersion(ctx, plan, {
    realistic_minor: scenarios.realisticMinor,
    realistic_basis: 'manual',
    growth_bp: null,
    last_year_fact_minor: null,
    pessimistic_minor: scenarios.pessimisticMinor,
    optimistic_minor: scenarios.optimisticMinor,
  });
  const totals = { ...totalsOf(plan.row, plan.period), ...scenarios };
  await storeLines(ctx, plan, lines, withScenarios(lines, realistic, totals));
}

async function realisticOf(ctx: Ctx, planId: string): Promise<number> {
  return (await getVisiblePlan(ctx, planId)).row.realistic_minor;
}

/** Every structure line's bottom-up figure against its top-down one (the year, realistic). */
export function compare(lines: readonly StoredLine[]) {
  const structure = lines.filter((line) => line.dimension === 'structure');
  const root = structure.find((line) => line.parentId === null);
  if (!root) return { reconciled: true, nodes: [] };
  const node = (line: StoredLine): PlanTreeNode => ({
    id: line.id,
    planMinor: line.years.realisticMinor,
    split: null,
    children: structure.filter((child) => child.parentId === line.id).map(node),
  });
  const edits = Object.fromEntries(
    structure.flatMap((line) => (line.bottomUpMinor === null ? [] : [[line.id, line.bottomUpMinor]])),
  );
  return compareBottomUp(node(root), edits);
}

const lineFields = (line: StoredLine) => ({
  split: line.split,
  weight: line.weight,
  bottomUpMinor: line.bottomUpMinor,
});
