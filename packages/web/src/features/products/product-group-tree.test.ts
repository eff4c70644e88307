import type { ProductGroup } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import { groupTree, subtreeIds } from './product-group-tree.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
function group(n: number, name: string, parent: number | null = null): ProductGroup {
  return {
    id: id(n),
    parentId: parent === null ? null : id(parent),
    name,
    isPriority: false,
    inPriorityDirection: false,
    createdAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-10T09:00:00.000Z',
  };
}

const pumps = group(1, 'Насосы');
const valves = group(2, 'Арматура');
const dosing = group(3, 'Дозирующие', 1);
const booster = group(4, 'Бустерные', 1);
const parts = group(5, 'Запчасти', 4);

describe('groupTree', () => {
  it('puts each group right after its parent, siblings by name', () =>
    expect(groupTree([pumps, valves, dosing, booster, parts]).map((row) => [row.group.name, row.depth])).toEqual([
      ['Арматура', 0],
      ['Насосы', 0],
      ['Бустерные', 1],
      ['Запчасти', 2],
      ['Дозирующие', 1],
    ]));

  it('shows a group whose parent is not in the list at the top level', () =>
    expect(groupTree([dosing]).map((row) => row.depth)).toEqual([0]));

  it('keeps groups caught in a cycle instead of dropping them', () =>
    expect(groupTree([group(6, 'А', 7), group(7, 'Б', 6)])).toHaveLength(2));
});

describe('subtreeIds', () => {
  it('holds the group and everything below it', () =>
    expect(subtreeIds([pumps, valves, dosing, booster, parts], id(1))).toEqual(new Set([id(1), id(3), id(4), id(5)])));

  it('holds only the group itself when it has no sub-groups', () =>
    expect(subtreeIds([pumps, valves], id(2))).toEqual(new Set([id(2)])));
});
