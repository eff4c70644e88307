import type { Unit } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import { buildUnitTree, subtreeIds, subtreeMemberCount } from './unit-tree.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
function unit(n: number, parent: number | null, name: string, memberCount = 0): Unit {
  return {
    id: id(n),
    parentId: parent === null ? null : id(parent),
    name,
    kind: 'team',
    headUserId: null,
    memberCount,
  };
}

describe('buildUnitTree', () => {
  it('nests units under their parents at any depth', () => {
    const tree = buildUnitTree([unit(1, null, 'Sales'), unit(2, 1, 'East'), unit(3, 2, 'Team A')]);
    expect(tree.map((n) => n.unit.name)).toEqual(['Sales']);
    expect(tree[0]?.children[0]?.children[0]?.unit.name).toBe('Team A');
    expect(tree[0]?.children[0]?.children[0]?.depth).toBe(2);
  });
  it('makes a unit whose parent is out of scope a root', () => {
    const tree = buildUnitTree([unit(2, 1, 'East'), unit(3, 2, 'Team A')]);
    expect(tree.map((n) => n.unit.name)).toEqual(['East']);
  });
  it('sorts siblings by name', () => {
    const tree = buildUnitTree([unit(1, null, 'B'), unit(2, null, 'A')]);
    expect(tree.map((n) => n.unit.name)).toEqual(['A', 'B']);
  });
  it('still shows units caught in a parent cycle', () => {
    const tree = buildUnitTree([unit(1, 2, 'X'), unit(2, 1, 'Y')]);
    expect(tree.length).toBe(1);
    expect(tree[0]?.children.length).toBe(1);
  });
});

describe('subtreeIds', () => {
  it('includes the unit and all its descendants but not its siblings', () => {
    const units = [unit(1, null, 'A'), unit(2, 1, 'B'), unit(3, 2, 'C'), unit(4, null, 'D')];
    expect([...subtreeIds(units, id(1))].sort()).toEqual([id(1), id(2), id(3)]);
  });
});

describe('subtreeMemberCount', () => {
  it('adds the members of every descendant', () => {
    const [root] = buildUnitTree([unit(1, null, 'A', 2), unit(2, 1, 'B', 3), unit(3, 2, 'C', 4)]);
    expect(root && subtreeMemberCount(root)).toBe(9);
  });
});
