import type { WeightMethod } from '@pulse/domain';
import type { Dimension, SplitLine } from './plan-split.ts';
import type { PlanUnit } from './plans.policy.ts';

// The lines a decomposition starts from, read off the organisation as it is today:
// - structure: the plan's scope (the organisation, or a unit) → its units → the people who sell
//   in them. Only units with someone selling somewhere below them appear: a plan share for a
//   unit nobody can carry would have nowhere to go.
// - direction: the priority product groups and "other" (everything else), when any group is a
//   priority; a sale counts towards the nearest priority group above its product.
// - channel: the four sales channels.
// A line that existed before (the same unit, person, group or channel) keeps its id, method,
// hand weight and, if it is still a leaf of the structure, its bottom-up figure.

export const CHANNELS = ['direct', 'dealer', 'distributor', 'retail'] as const;
export type Channel = (typeof CHANNELS)[number];

export type LineKind = 'organisation' | 'unit' | 'rep' | 'total' | 'direction' | 'channel';

/** A line as stored: the split's view of it plus what it stands for. */
export interface PlanLineDraft extends SplitLine {
  kind: LineKind;
  position: number;
  unitId: string | null;
  userId: string | null;
  productGroupId: string | null;
  channel: Channel | null;
  bottomUpMinor: number | null;
}

/** A person who carries plan in the scope, with their days on the team within the period. */
export interface PlanPerson {
  id: string;
  fullName: string;
  unitId: string | null;
  hireDay: string | null;
  leaveDay: string | null;
}

/** Last year's sales of the scope, summed the ways the trees weigh them. */
export interface LastYearFacts {
  total: number;
  byOwner: ReadonlyMap<string, number>;
  /** By the owner's current unit. */
  byOwnerUnit: ReadonlyMap<string, number>;
  /** By priority group id, or 'other'. */
  byDirection: ReadonlyMap<string, number>;
  byChannel: ReadonlyMap<string, number>;
}

export interface BuildTreeInput {
  scopeUnitId: string | null;
  units: ReadonlyMap<string, PlanUnit>;
  people: readonly PlanPerson[];
  priorityGroups: readonly { id: string; name: string }[];
  facts: LastYearFacts;
  /** Lines of the previous decomposition by {@link identityOf}. */
  existing: ReadonlyMap<string, Pick<PlanLineDraft, 'id' | 'split' | 'weight' | 'bottomUpMinor'>>;
  methods: Partial<Record<Dimension, WeightMethod>>;
  newId: () => string;
}

/** What a line stands for, stable across decompositions: 'org', 'unit:<id>', 'rep:<id>', … */
export function identityOf(
  line: Pick<PlanLineDraft, 'kind' | 'dimension' | 'unitId' | 'userId' | 'productGroupId' | 'channel'>,
): string {
  switch (line.kind) {
    case 'organisation':
      return 'org';
    case 'unit':
      return `unit:${line.unitId}`;
    case 'rep':
      return `rep:${line.userId}`;
    case 'total':
      return `${line.dimension}:total`;
    case 'direction':
      return `direction:${line.productGroupId ?? 'other'}`;
    case 'channel':
      return `channel:${line.channel}`;
  }
}

/** The three trees, parents before children (see the notes at the top). */
export function buildPlanTree(input: BuildTreeInput): PlanLineDraft[] {
  const lines: PlanLineDraft[] = [];
  const add = (
    fields: Pick<PlanLineDraft, 'kind' | 'dimension' | 'parentId' | 'lastYearMinor'> &
      Partial<Pick<PlanLineDraft, 'unitId' | 'userId' | 'productGroupId' | 'channel' | 'hireDay' | 'leaveDay'>>,
  ): PlanLineDraft => {
    const line: PlanLineDraft = {
      id: '',
      unitId: null,
      userId: null,
      productGroupId: null,
      channel: null,
      hireDay: null,
      leaveDay: null,
      ...fields,
      isRep: fields.kind === 'rep',
      position: lines.length,
      split: 'equal',
      weight: null,
      bottomUpMinor: null,
    };
    const before = input.existing.get(identityOf(line));
    line.id = before?.id ?? input.newId();
    line.split = input.methods[line.dimension] ?? before?.split ?? 'equal';
    line.weight = before?.weight ?? null;
    line.bottomUpMinor = before?.bottomUpMinor ?? null;
    lines.push(line);
    return line;
  };

  addStructure(input, add);
  if (input.priorityGroups.length > 0) {
    const total = add({ kind: 'total', dimension: 'direction', parentId: null, lastYearMinor: input.facts.total });
    const groups = [...input.priorityGroups].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    for (const group of groups) {
      add({
        kind: 'direction',
        dimension: 'direction',
        parentId: total.id,
        productGroupId: group.id,
        lastYearMinor: input.facts.byDirection.get(group.id) ?? 0,
      });
    }
    add({
      kind: 'direction',
      dimension: 'direction',
      parentId: total.id,
      lastYearMinor: input.facts.byDirection.get('other') ?? 0,
    });
  }
  const total = add({ kind: 'total', dimension: 'channel', parentId: null, lastYearMinor: input.facts.total });
  for (const channel of CHANNELS) {
    add({
      kind: 'channel',
      dimension: 'channel',
      parentId: total.id,
      channel,
      lastYearMinor: input.facts.byChannel.get(channel) ?? 0,
    });
  }

  // Bottom-up figures belong to the leaves of the structure only.
  const parents = new Set(lines.map((line) => line.parentId));
  for (const line of lines) {
    if (line.dimension !== 'structure' || parents.has(line.id)) line.bottomUpMinor = null;
  }
  return lines;
}

function addStructure(
  input: BuildTreeInput,
  add: (
    fields: Pick<PlanLineDraft, 'kind' | 'dimension' | 'parentId' | 'lastYearMinor'> &
      Partial<Pick<PlanLineDraft, 'unitId' | 'userId' | 'hireDay' | 'leaveDay'>>,
  ) => PlanLineDraft,
): void {
  const { units, scopeUnitId, facts } = input;
  const childUnits = new Map<string | null, PlanUnit[]>();
  for (const unit of units.values()) childUnits.set(unit.parentId, [...(childUnits.get(unit.parentId) ?? []), unit]);
  const subtreeSum = (unitId: string): number =>
    (facts.byOwnerUnit.get(unitId) ?? 0) +
    (childUnits.get(unitId) ?? []).reduce((sum, child) => sum + subtreeSum(child.id), 0);

  // Units on the way from some seller up to the scope.
  const staffed = new Set<string>();
  for (const person of input.people) {
    for (let unit = units.get(person.unitId ?? ''); unit; unit = units.get(unit.parentId ?? '')) {
      staffed.add(unit.id);
      if (unit.id === scopeUnitId) break;
    }
  }
  const peopleOf = (unitId: string | null) =>
    input.people
      .filter((person) => person.unitId === unitId || (unitId === null && !units.has(person.unitId ?? '')))
      .sort((a, b) => a.fullName.localeCompare(b.fullName) || a.id.localeCompare(b.id));

  const addUnitChildren = (parent: PlanLineDraft, unitId: string | null) => {
    const children = (childUnits.get(unitId) ?? [])
      .filter((unit) => staffed.has(unit.id))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    for (const unit of children) {
      const line = add({
        kind: 'unit',
        dimension: 'structure',
        parentId: parent.id,
        unitId: unit.id,
        lastYearMinor: subtreeSum(unit.id),
      });
      addUnitChildren(line, unit.id);
    }
    for (const person of peopleOf(unitId)) {
      add({
        kind: 'rep',
        dimension: 'structure',
        parentId: parent.id,
        userId: person.id,
        hireDay: person.hireDay,
        leaveDay: person.leaveDay,
        lastYearMinor: facts.byOwner.get(person.id) ?? 0,
      });
    }
  };

  const root =
    scopeUnitId === null
      ? add({ kind: 'organisation', dimension: 'structure', parentId: null, lastYearMinor: facts.total })
      : add({
          kind: 'unit',
          dimension: 'structure',
          parentId: null,
          unitId: scopeUnitId,
          lastYearMinor: facts.total,
        });
  addUnitChildren(root, scopeUnitId);
}

/** The direction a product group's sales count towards: its nearest priority group, or 'other'. */
export function directionOfGroup(
  groupId: string | null,
  groups: ReadonlyMap<string, { parentId: string | null; isPriority: boolean }>,
): string {
  const seen = new Set<string>();
  for (let id = groupId; id !== null && !seen.has(id); id = groups.get(id)?.parentId ?? null) {
    seen.add(id);
    if (groups.get(id)?.isPriority) return id;
  }
  return 'other';
}
