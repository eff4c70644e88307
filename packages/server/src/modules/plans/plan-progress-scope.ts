import type { OpenDeal } from '@pulse/domain';
import type { StoredLine } from './plan-lines.queries.ts';
import type { OpenDealRow, SalesCell, WonDealRow } from './plan-progress.queries.ts';
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

/**
 * What a line counts: whether a sale or deal of given traits is its, and — for a rep or unit line
 * below the root — the owners it is bounded by (null: any owner). A line only ever matches its
 * owners' items, so callers look those up by owner instead of testing every item of the plan
 * against each of an organisation plan's hundreds of lines.
 */
export interface LineScope {
  matches: (traits: Traits) => boolean;
  owners: readonly string[] | null;
}

/** Each line's scope, by line id. */
export function lineScopes(lines: readonly StoredLine[]): Map<string, LineScope> {
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
  const scopes = new Map<string, LineScope>();
  for (const line of lines) {
    if (line.parentId === null) {
      scopes.set(line.id, { matches: () => true, owners: null });
    } else if (line.kind === 'rep') {
      const owner = line.userId;
      scopes.set(line.id, {
        matches: (t) => t.ownerId !== null && t.ownerId === owner,
        owners: owner ? [owner] : [],
      });
    } else if (line.kind === 'unit') {
      const reps = repsUnder(line);
      scopes.set(line.id, { matches: (t) => t.ownerId !== null && reps.has(t.ownerId), owners: [...reps] });
    } else if (line.kind === 'direction') {
      const key = line.productGroupId ?? 'other';
      scopes.set(line.id, { matches: (t) => t.direction === key, owners: null });
    } else if (line.kind === 'channel') {
      scopes.set(line.id, { matches: (t) => t.channel === line.channel, owners: null });
    } else {
      scopes.set(line.id, { matches: () => true, owners: null });
    }
  }
  return scopes;
}

/**
 * Some structure lines of a plan, as a view that shows only them asks: the rep lines of these
 * people, the unit lines of these units, and the organisation's line when `organisation`.
 */
export interface LinePick {
  userIds: ReadonlySet<string>;
  unitIds: ReadonlySet<string>;
  organisation: boolean;
}

export function isPicked(line: StoredLine, pick: LinePick): boolean {
  if (line.dimension !== 'structure') return false;
  if (line.kind === 'rep') return line.userId !== null && pick.userIds.has(line.userId);
  if (line.kind === 'unit') return line.unitId !== null && pick.unitIds.has(line.unitId);
  return line.kind === 'organisation' && pick.organisation;
}

/** Every owner the lines count, or null when one of them is not bounded by owner (it counts all). */
export function ownersOfLines(lines: readonly StoredLine[], scopes: ReadonlyMap<string, LineScope>): string[] | null {
  const owners = new Set<string>();
  for (const line of lines) {
    const scope = scopes.get(line.id);
    if (!scope) continue;
    if (scope.owners === null) return null;
    for (const owner of scope.owners) owners.add(owner);
  }
  return [...owners];
}

/** The items a line may count: its owners' when it is bounded by owner, else all of them. */
export function candidatesOf<T>(scope: LineScope, byOwner: ReadonlyMap<string, T[]>, all: readonly T[]): readonly T[] {
  if (scope.owners === null) return all;
  if (scope.owners.length === 1) return byOwner.get(scope.owners[0] as string) ?? [];
  return scope.owners.flatMap((owner) => byOwner.get(owner) ?? []);
}

/** A won deal's traits: its owner, channel and main product group's direction. */
export function traitsOfDeal(deal: WonDealRow, direction: (groupId: string | null) => string): Traits {
  return { ownerId: deal.ownerId, channel: deal.channel, direction: direction(deal.groupId) };
}

/** A sales cell's traits. */
export function traitsOfSale(cell: SalesCell, direction: (groupId: string | null) => string): Traits {
  return { ownerId: cell.ownerId, channel: cell.channel, direction: direction(cell.groupId) };
}

/** Items by their owner; items without one are left out (no rep line takes them). */
export function groupByOwner<T>(items: readonly T[], ownerOf: (item: T) => string | null): Map<string, T[]> {
  const byOwner = new Map<string, T[]>();
  for (const item of items) {
    const owner = ownerOf(item);
    if (owner === null) continue;
    const list = byOwner.get(owner);
    if (list) list.push(item);
    else byOwner.set(owner, [item]);
  }
  return byOwner;
}

/**
 * An open deal as the lines take it: whole (its traits with direction "other", which only
 * direction lines look at), and in parts by direction — its lines' product groups, and "other"
 * for the rest of the amount beyond the lines (no parts when asked without directions).
 */
export interface DealShares {
  deal: OpenDealRow;
  whole: Traits;
  parts: { traits: Traits; amountMinor: number }[];
}

export function dealShares(
  deal: OpenDealRow,
  direction: (groupId: string | null) => string,
  options: { byDirection: boolean } = { byDirection: true },
): DealShares {
  const base = { ownerId: deal.ownerId, channel: deal.channel };
  const whole = { ...base, direction: 'other' };
  // Without direction lines (the structure lines alone) nobody asks for the parts.
  if (!options.byDirection) return { deal, whole, parts: [] };
  const inLines = deal.lines.reduce((sum, part) => sum + part.amountMinor, 0);
  return {
    deal,
    whole,
    parts: [
      ...deal.lines.map((part) => ({
        traits: { ...base, direction: direction(part.groupId) },
        amountMinor: part.amountMinor,
      })),
      { traits: { ...base, direction: 'other' }, amountMinor: Math.max(0, deal.amountMinor - inLines) },
    ],
  };
}

/** The line's share of each open deal: the whole deal, except on a direction line, which counts the deal's parts of its direction. */
export function openDealsOf(
  line: StoredLine,
  deals: readonly DealShares[],
  matches: (traits: Traits) => boolean,
): OpenDeal[] {
  const result: OpenDeal[] = [];
  for (const { deal, whole, parts } of deals) {
    let amountMinor = 0;
    if (line.kind === 'direction') {
      amountMinor = parts.filter((part) => matches(part.traits)).reduce((s, p) => s + p.amountMinor, 0);
      if (amountMinor === 0) continue;
    } else if (matches(whole)) {
      amountMinor = deal.amountMinor;
    } else {
      continue;
    }
    result.push({ amountMinor, probability: deal.probability, expectedCloseDay: deal.expectedCloseDay });
  }
  return result;
}
