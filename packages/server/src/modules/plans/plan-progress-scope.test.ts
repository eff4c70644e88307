import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredLine } from './plan-lines.queries.ts';
import { candidatesOf, groupByOwner, lineScopes, type Traits } from './plan-progress-scope.ts';

// Plan progress looks up a rep or unit line's sales and deals by owner instead of testing every
// item of the plan against every line. The lookup must pick exactly what the line's matcher counts.

const OWNERS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];

function line(id: string, parentId: string | null, fields: Partial<StoredLine>): StoredLine {
  return {
    id,
    parentId,
    dimension: 'structure',
    isRep: fields.kind === 'rep',
    split: 'equal',
    weight: null,
    lastYearMinor: 0,
    hireDay: null,
    leaveDay: null,
    kind: 'unit',
    position: 0,
    unitId: null,
    userId: null,
    productGroupId: null,
    channel: null,
    bottomUpMinor: null,
    label: null,
    years: { pessimisticMinor: 0, realisticMinor: 0, optimisticMinor: 0, deals: null, marginMinor: null },
    ...fields,
  };
}

/** A structure tree: the root, units under it (nested by the given parent index), reps under units. */
const tree = fc
  .record({
    units: fc.array(fc.nat(), { maxLength: 5 }),
    reps: fc.array(fc.record({ unit: fc.nat(), owner: fc.option(fc.constantFrom(...OWNERS), { nil: null }) }), {
      maxLength: 10,
    }),
  })
  .map(({ units, reps }) => {
    const lines = [line('root', null, { kind: 'organisation' })];
    units.forEach((parent, i) => {
      lines.push(line(`unit${i}`, i === 0 ? 'root' : `unit${parent % i}`, { kind: 'unit' }));
    });
    reps.forEach((rep, i) => {
      const parentId = units.length === 0 ? 'root' : `unit${rep.unit % units.length}`;
      lines.push(line(`rep${i}`, parentId, { kind: 'rep', userId: rep.owner }));
    });
    lines.push(line('direct', 'root', { kind: 'channel', dimension: 'channel', channel: 'direct' }));
    return lines;
  });

const item = fc.record({
  ownerId: fc.option(fc.constantFrom(...OWNERS, 'stranger'), { nil: null }),
  channel: fc.option(fc.constantFrom('direct', 'dealer'), { nil: null }),
  direction: fc.constantFrom('other', 'g1'),
});

describe('plan line scopes', () => {
  it("finds by owner exactly the items each line's matcher counts", () => {
    fc.assert(
      fc.property(tree, fc.array(item, { maxLength: 30 }), (lines, items: Traits[]) => {
        const byOwner = groupByOwner(items, (traits) => traits.ownerId);
        for (const [id, scope] of lineScopes(lines)) {
          const looked = candidatesOf(scope, byOwner, items).filter(scope.matches);
          expect(new Set(looked), id).toEqual(new Set(items.filter(scope.matches)));
          expect(looked.length, id).toBe(items.filter(scope.matches).length);
        }
      }),
    );
  });

  it('bounds a unit line by the reps below it and a rep line by its rep; the root and channel lines by no one', () => {
    const lines = [
      line('root', null, { kind: 'organisation' }),
      line('team', 'root', { kind: 'unit' }),
      line('anna', 'team', { kind: 'rep', userId: 'u1' }),
      line('boris', 'team', { kind: 'rep', userId: 'u2' }),
      line('vera', 'root', { kind: 'rep', userId: 'u3' }),
      line('direct', 'root', { kind: 'channel', dimension: 'channel', channel: 'direct' }),
    ];
    const scopes = lineScopes(lines);
    expect(scopes.get('root')?.owners).toBeNull();
    expect(scopes.get('direct')?.owners).toBeNull();
    expect([...(scopes.get('team')?.owners ?? [])].sort()).toEqual(['u1', 'u2']);
    expect(scopes.get('vera')?.owners).toEqual(['u3']);
  });
});
