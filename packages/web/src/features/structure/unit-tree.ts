import type { Unit } from '@pulse/contracts';

/** A unit with its sub-units, sorted by name. */
export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
  depth: number;
}

/**
 * Builds the tree from the flat list the server sends. A unit whose parent is not in the list (outside
 * the caller's scope) is a root. A cycle in bad data would make no root at all, so units never reached
 * from a root are added as roots rather than silently hidden.
 */
export function buildUnitTree(units: readonly Unit[], locale = 'ru'): UnitNode[] {
  const ids = new Set(units.map((unit) => unit.id));
  const byParent = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), unit]);
  }
  const compare = (a: Unit, b: Unit) => a.name.localeCompare(b.name, locale);
  const placed = new Set<string>();

  function grow(unit: Unit, depth: number): UnitNode {
    placed.add(unit.id);
    const children = (byParent.get(unit.id) ?? [])
      .filter((child) => !placed.has(child.id))
      .sort(compare)
      .map((child) => grow(child, depth + 1));
    return { unit, children, depth };
  }

  const roots = [...(byParent.get(null) ?? [])].sort(compare).map((unit) => grow(unit, 0));
  for (const unit of [...units].sort(compare)) {
    if (!placed.has(unit.id)) roots.push(grow(unit, 0));
  }
  return roots;
}

/** The ids of a unit and everything under it: a unit cannot move into its own subtree. */
export function subtreeIds(units: readonly Unit[], rootId: string): Set<string> {
  const result = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && result.has(unit.parentId) && !result.has(unit.id)) {
        result.add(unit.id);
        grew = true;
      }
    }
  }
  return result;
}

/** All members of a subtree, for the counts shown next to each unit. */
export function subtreeMemberCount(node: UnitNode): number {
  return node.children.reduce((sum, child) => sum + subtreeMemberCount(child), node.unit.memberCount);
}

/** The tree in display order, for selects that indent units by depth. */
export function flattenTree(nodes: readonly UnitNode[]): UnitNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}
