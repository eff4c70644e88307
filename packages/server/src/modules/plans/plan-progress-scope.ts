import type { StoredLine } from './plan-lines.queries.ts';
import { directionOfGroup } from './plan-structure.ts';

// Which sales and deals a plan line counts:
// - structure: a rep line its owner's; a unit line those of the reps below it in the plan (the
//   people as the plan was decomposed, wherever they work today); the root all of the scope.
// - direction: the nearest priority group above the product (itself included), else "other";
//   the root all of the scope.
// - channel: the sale's or deal's channel; the root all of the scope (channel or none).

/** What a sale or deal is, as far as the lines tell them apart. */
export interface Traits {
  ownerId: string | null;
  channel: string | null;
  /** The nearest priority product group, or 'other'. */
  direction: string;
}

/** The direction key of every product group: its nearest priority ancestor, or 'other'. */
export function directionsOf(
  groups: readonly { group_id: string; parent_id: string | null; is_priority: boolean }[],
): (groupId: string | null) => string {
  const byId = new Map(groups.map((g) => [g.group_id, { parentId: g.parent_id, isPriority: g.is_priority }]));
  const memo = new Map<string | null, string>();
  return (groupId) => {
    let key = memo.get(groupId);
    if (key === undefined) {
      key = directionOfGroup(groupId, byId);
      memo.set(groupId, key);
    }
    return key;
  };
}

/** For each line, whether it counts a sale or deal of given traits. */
export function lineMatchers(lines: readonly StoredLine[]): Map<string, (traits: Traits) => boolean> {
  const children = new Map<string, StoredLine[]>();
  for (const line of lines) {
    if (line.parentId !== null) children.set(line.parentId, [...(children.get(line.parentId) ?? []), line]);
  }
  const repsUnder = (line: StoredLine): Set<string> => {
    const reps = new Set<string>();
    const stack = [line];
    for (let next = stack.pop(); next; next = stack.pop()) {
      if (next.kind === 'rep' && next.userId) reps.add(next.userId);
      stack.push(...(children.get(next.id) ?? []));
    }
    return reps;
  };
  const matchers = new Map<string, (traits: Traits) => boolean>();
  for (const line of lines) {
    if (line.parentId === null) {
      matchers.set(line.id, () => true);
    } else if (line.kind === 'rep') {
      matchers.set(line.id, (t) => t.ownerId !== null && t.ownerId === line.userId);
    } else if (line.kind === 'unit') {
      const reps = repsUnder(line);
      matchers.set(line.id, (t) => t.ownerId !== null && reps.has(t.ownerId));
    } else if (line.kind === 'direction') {
      const key = line.productGroupId ?? 'other';
      matchers.set(line.id, (t) => t.direction === key);
    } else if (line.kind === 'channel') {
      matchers.set(line.id, (t) => t.channel === line.channel);
    } else {
      matchers.set(line.id, () => true);
    }
  }
  return matchers;
}
