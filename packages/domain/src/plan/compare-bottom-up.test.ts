import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareBottomUp } from './compare-bottom-up.ts';
import { decomposePlan } from './decompose-plan.ts';

// 9 000 000.00 RUB: two teams equally, three reps in team a and two in team b equally.
const topDown = decomposePlan(900_000_000, {
  id: 'dept',
  children: [
    { id: 'a', children: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }] },
    { id: 'b', children: [{ id: 'b1' }, { id: 'b2' }] },
  ],
});

describe('compareBottomUp', () => {
  it('is reconciled with no edits', () => {
    const result = compareBottomUp(topDown, {});
    expect(result.reconciled).toBe(true);
    expect(result.nodes.map((n) => n.id)).toEqual(['dept', 'a', 'a1', 'a2', 'a3', 'b', 'b1', 'b2']);
  });
  it('shows the difference at the rep, its team and the department (hand-worked)', () => {
    // a1 150 000 000 → 170 000 000: +20 000 000 at a1, a and dept; b is untouched.
    const result = compareBottomUp(topDown, { a1: 170_000_000 });
    expect(result.reconciled).toBe(false);
    const byId = Object.fromEntries(result.nodes.map((n) => [n.id, n]));
    expect(byId.a1).toEqual({
      id: 'a1',
      isLeaf: true,
      topDownMinor: 150_000_000,
      bottomUpMinor: 170_000_000,
      differenceMinor: 20_000_000,
    });
    expect(byId.a?.differenceMinor).toBe(20_000_000);
    expect(byId.dept).toEqual({
      id: 'dept',
      isLeaf: false,
      topDownMinor: 900_000_000,
      bottomUpMinor: 920_000_000,
      differenceMinor: 20_000_000,
    });
    expect(byId.b?.differenceMinor).toBe(0);
  });
  it('is reconciled once a teammate gives up the same amount, the reps still showing their own change', () => {
    const result = compareBottomUp(topDown, { a1: 170_000_000, a2: 130_000_000 });
    expect(result.reconciled).toBe(true);
    expect(result.nodes.find((n) => n.id === 'a1')?.differenceMinor).toBe(20_000_000);
    expect(result.nodes.find((n) => n.id === 'a2')?.differenceMinor).toBe(-20_000_000);
    expect(result.nodes.find((n) => n.id === 'a')?.differenceMinor).toBe(0);
  });
  it('flags a team that is off even when the department nets to zero', () => {
    const result = compareBottomUp(topDown, { a1: 160_000_000, b1: 215_000_000 });
    expect(result.reconciled).toBe(false);
    expect(result.nodes.find((n) => n.id === 'dept')?.differenceMinor).toBe(0);
    expect(result.nodes.find((n) => n.id === 'b')?.differenceMinor).toBe(-10_000_000);
  });
  it('refuses an edit of a team (not a leaf), an unknown id and a negative figure', () => {
    expect(() => compareBottomUp(topDown, { a: 1 })).toThrow(expect.objectContaining({ code: 'unknown_node' }));
    expect(() => compareBottomUp(topDown, { zz: 1 })).toThrow(expect.objectContaining({ code: 'unknown_node' }));
    expect(() => compareBottomUp(topDown, { a1: -1 })).toThrow(expect.objectContaining({ code: 'negative_amount' }));
  });
  it("reports each node's difference as the sum of its edited leaves' differences", () => {
    const leaves = ['a1', 'a2', 'a3', 'b1', 'b2'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...leaves), fc.integer({ min: 0, max: 1e12 })), (edits) => {
        const result = compareBottomUp(topDown, edits);
        const delta = (id: string) =>
          id in edits ? (edits[id] ?? 0) - (id.startsWith('a') ? 150_000_000 : 225_000_000) : 0;
        const diff = (id: string) => result.nodes.find((n) => n.id === id)?.differenceMinor;
        expect(diff('a')).toBe(delta('a1') + delta('a2') + delta('a3'));
        expect(diff('dept')).toBe(leaves.reduce((sum, id) => sum + delta(id), 0));
        const teamsMatch = diff('a') === 0 && diff('b') === 0 && diff('dept') === 0;
        expect(result.reconciled).toBe(teamsMatch);
      }),
    );
  });
});
