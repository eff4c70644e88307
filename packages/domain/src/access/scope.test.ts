import { describe, expect, it } from 'vitest';
import { resolveScope, subtreeOf, type UnitNode, wouldCreateCycle } from './scope.ts';

const units: UnitNode[] = [
  { id: 'dir', parentId: null, kind: 'directorate', headUserId: 'director' },
  { id: 'msk', parentId: 'dir', kind: 'department', headUserId: 'head' },
  { id: 'msk-a', parentId: 'msk', kind: 'team', headUserId: 'lead-a' },
  { id: 'msk-b', parentId: 'msk', kind: 'team', headUserId: null },
  { id: 'reg', parentId: 'dir', kind: 'department', headUserId: 'head2' },
];

describe('resolveScope', () => {
  it('gives the commercial director the whole organisation', () => {
    const scope = resolveScope({ id: 'director', role: 'commercial_director', unitId: 'dir' }, units);
    expect(scope.kind).toBe('organisation');
    expect(scope.unitIds).toHaveLength(5);
  });
  it('gives a head of sales the subtree of the department they head, not a sibling department', () => {
    const scope = resolveScope({ id: 'head', role: 'head_of_sales', unitId: 'msk' }, units);
    expect(scope).toEqual({ kind: 'subtree', unitIds: ['msk', 'msk-a', 'msk-b'] });
  });
  it('calls the scope a team when the head leads only a team', () => {
    expect(resolveScope({ id: 'lead-a', role: 'head_of_sales', unitId: 'msk-a' }, units)).toEqual({
      kind: 'team',
      unitIds: ['msk-a'],
    });
  });
  it('falls back to the own unit subtree for a head who heads no unit yet', () => {
    expect(resolveScope({ id: 'new-head', role: 'head_of_sales', unitId: 'msk-b' }, units).unitIds).toEqual(['msk-b']);
  });
  it('limits a sales manager to their own work', () => {
    expect(resolveScope({ id: 'rep', role: 'sales_manager', unitId: 'msk-a' }, units)).toEqual({
      kind: 'own',
      unitIds: ['msk-a'],
    });
  });
  it('gives a lead-generation specialist without a unit nothing beyond their own records', () => {
    expect(resolveScope({ id: 'lg', role: 'lead_generation', unitId: null }, units)).toEqual({
      kind: 'own',
      unitIds: [],
    });
  });
});

describe('subtreeOf', () => {
  it('lists a unit and all its descendants once', () => {
    expect(subtreeOf(units, ['dir', 'msk']).sort()).toEqual(['dir', 'msk', 'msk-a', 'msk-b', 'reg']);
  });
});

describe('wouldCreateCycle', () => {
  it('refuses to move a unit under its own descendant', () =>
    expect(wouldCreateCycle(units, 'msk', 'msk-a')).toBe(true));
  it('refuses to make a unit its own parent', () => expect(wouldCreateCycle(units, 'msk', 'msk')).toBe(true));
  it('allows moving a team to another department', () => expect(wouldCreateCycle(units, 'msk-a', 'reg')).toBe(false));
  it('allows making a unit a root', () => expect(wouldCreateCycle(units, 'msk-a', null)).toBe(false));
});
