import { PlanError } from './plan-error.ts';
import { checkMinor, sumMinor } from './plan-math.ts';
import { type PlanSplit, splitPlan, type WeightMethod } from './split-plan.ts';

/** A node of the structure a plan is decomposed over: organisation, department, team or rep. */
export interface PlanTreeInput {
  id: string;
  /** How this node's plan is divided among its children; 'equal' when omitted. */
  split?: WeightMethod;
  /**
   * Last year's fact, read when the parent splits by 'last-year'. For a node with children it
   * defaults to the sum of theirs; give it to override (say, a team whose leavers' sales are
   * not under any current rep).
   */
  lastYearMinor?: number;
  /** Hand weight, read when the parent splits 'manual'. */
  weight?: number;
  children?: readonly PlanTreeInput[];
}

/** A node of a decomposed plan. Its children's `planMinor` sum exactly to its own. */
export interface PlanTreeNode {
  id: string;
  planMinor: number;
  /** How the children were split (method asked, method applied, fallback); null for a leaf. */
  split: Omit<PlanSplit, 'parts'> | null;
  children: PlanTreeNode[];
}

/**
 * Decomposes a plan top-down through a tree, splitting each node's plan among its children by
 * that node's method ({@link splitPlan}). Any whole measure goes down the same way — revenue or
 * margin in minor units, or a count of deals (100 deals over three equal reps: 34, 33, 33). At every level the children sum exactly to their
 * parent, so the leaves sum to the root. A 'last-year' split where no child has history falls
 * back to equal and says so in that node's `split.fallback`.
 * @throws PlanError `duplicate_id` when an id appears twice anywhere in the tree, and whatever
 *   {@link splitPlan} throws, for the first node that breaks a rule.
 */
export function decomposePlan(totalMinor: number, root: PlanTreeInput): PlanTreeNode {
  checkMinor(totalMinor, 'totalMinor');
  checkUniqueIds(root);
  return decompose(totalMinor, root);
}

function decompose(planMinor: number, node: PlanTreeInput): PlanTreeNode {
  const children = node.children ?? [];
  if (children.length === 0) return { id: node.id, planMinor, split: null, children: [] };
  const parts = children.map((child) => ({
    id: child.id,
    lastYearMinor: lastYearOf(child),
    ...(child.weight === undefined ? {} : { weight: child.weight }),
  }));
  const { parts: shares, ...split } = splitPlan(planMinor, parts, node.split ?? 'equal');
  return {
    id: node.id,
    planMinor,
    split,
    children: children.map((child, i) => decompose(shares[i]?.planMinor ?? 0, child)),
  };
}

function lastYearOf(node: PlanTreeInput): number {
  if (node.lastYearMinor !== undefined) return checkMinor(node.lastYearMinor, `lastYearMinor of ${node.id}`);
  return sumMinor((node.children ?? []).map(lastYearOf));
}

function checkUniqueIds(root: PlanTreeInput): void {
  const seen = new Set<string>();
  const stack = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (seen.has(node.id)) {
      throw new PlanError('duplicate_id', `Node ${node.id} appears twice in the tree`, { id: node.id });
    }
    seen.add(node.id);
    stack.push(...(node.children ?? []));
  }
}
