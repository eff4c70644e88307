import type { PlanTreeNode } from './decompose-plan.ts';
import { PlanError } from './plan-error.ts';
import { checkMinor, sumMinor } from './plan-math.ts';

/** One node of a {@link BottomUpComparison}. */
export interface NodeDifference {
  id: string;
  /** Whether the node is a leaf (a rep, a direction): the level where edits are made. */
  isLeaf: boolean;
  /** The figure the top-down decomposition gave the node. */
  topDownMinor: number;
  /** The sum of the node's leaves as edited (unedited leaves keep their top-down figure). */
  bottomUpMinor: number;
  /** bottomUp − topDown: positive when the edits ask for more than was handed down. */
  differenceMinor: number;
}

/** Outcome of {@link compareBottomUp}. */
export interface BottomUpComparison {
  /**
   * True when every node above the leaves has a difference of 0: the edits only move plan
   * between siblings, so every team, department and the whole still get exactly what the
   * top-down plan gave them. Edited leaves keep showing their own difference.
   */
  reconciled: boolean;
  /** Every node of the tree, parents before children, in the tree's order. */
  nodes: NodeDifference[];
}

/**
 * Compares bottom-up edits of leaf figures (a rep's goal raised, a team's rep lowered) with the
 * top-down decomposition: each node's bottom-up figure is the sum of its leaves, edited or not,
 * and its difference is reported until someone reconciles it — by changing the edits so each
 * parent's leaves add back up to it, or by re-decomposing from a new total.
 * @param leafEdits edited figures by leaf id, in minor units, 0 or more.
 * @throws PlanError `unknown_node` for an id that is not a leaf of the tree,
 *   `negative_amount` / `invalid_amount` for a bad figure.
 */
export function compareBottomUp(
  topDown: PlanTreeNode,
  leafEdits: Readonly<Record<string, number>>,
): BottomUpComparison {
  const leaves = new Set<string>();
  collectLeaves(topDown, leaves);
  for (const [id, value] of Object.entries(leafEdits)) {
    if (!leaves.has(id)) throw new PlanError('unknown_node', `${id} is not a leaf of this plan`, { id });
    checkMinor(value, `edit of ${id}`);
  }
  const nodes: NodeDifference[] = [];
  walk(topDown, leafEdits, nodes);
  return { reconciled: nodes.every((node) => node.isLeaf || node.differenceMinor === 0), nodes };
}

/** Appends the node and its subtree to `out` (preorder) and returns the node's bottom-up figure. */
function walk(node: PlanTreeNode, edits: Readonly<Record<string, number>>, out: NodeDifference[]): number {
  const isLeaf = node.children.length === 0;
  const entry: NodeDifference = {
    id: node.id,
    isLeaf,
    topDownMinor: node.planMinor,
    bottomUpMinor: 0,
    differenceMinor: 0,
  };
  out.push(entry);
  entry.bottomUpMinor = isLeaf
    ? Object.hasOwn(edits, node.id)
      ? (edits[node.id] ?? node.planMinor)
      : node.planMinor
    : sumMinor(node.children.map((child) => walk(child, edits, out)));
  entry.differenceMinor = entry.bottomUpMinor - entry.topDownMinor;
  return entry.bottomUpMinor;
}

function collectLeaves(node: PlanTreeNode, into: Set<string>): void {
  if (node.children.length === 0) into.add(node.id);
  for (const child of node.children) collectLeaves(child, into);
}
