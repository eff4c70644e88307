import type { ProductGroup } from '@pulse/contracts';

/** A group with its depth in the tree, for an indented list. */
export interface GroupRow {
  group: ProductGroup;
  depth: number;
}

/**
 * The groups as a tree read top to bottom: each group followed by its sub-groups, siblings by
 * name. A group whose parent is missing (or a cycle) is shown at the top level rather than lost.
 */
export function groupTree(groups: readonly ProductGroup[], locale = 'ru'): GroupRow[] {
  const ids = new Set(groups.map((group) => group.id));
  const children = new Map<string | null, ProductGroup[]>();
  for (const group of groups) {
    const parent = group.parentId && ids.has(group.parentId) ? group.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), group]);
  }
  const rows: GroupRow[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    const siblings = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, locale));
    for (const group of siblings) {
      if (seen.has(group.id)) continue;
      seen.add(group.id);
      rows.push({ group, depth });
      walk(group.id, depth + 1);
    }
  };
  walk(null, 0);
  // Groups caught in a cycle never hang from the root: list them at the top level.
  for (const group of groups) if (!seen.has(group.id)) rows.push({ group, depth: 0 });
  return rows;
}

/** A group and every group below it: the parents it may not be moved under. */
export function subtreeIds(groups: readonly ProductGroup[], rootId: string): Set<string> {
  const found = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const group of groups) {
      if (group.parentId && found.has(group.parentId) && !found.has(group.id)) {
        found.add(group.id);
        grew = true;
      }
    }
  }
  return found;
}
