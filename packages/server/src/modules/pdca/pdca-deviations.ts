import type { PdcaDeviation, PdcaDeviations } from '@pulse/contracts';
import type { Ctx } from '../plans/plan-context.ts';
import {
  findProductGroups,
  findRevenueByChannel,
  findRevenueByOwner,
  findRevenueByProductGroup,
} from '../plans/plan-facts.queries.ts';
import { lastDayOf } from '../plans/plan-period.ts';
import { scopeUnitIds } from '../plans/plan-records.ts';
import { directionOfGroup } from '../plans/plan-structure.ts';
import { findMonthLines, findUserNames, type MonthLineRow } from './pdca.queries.ts';
import type { LoadedCycle } from './pdca-records.ts';

// Check: fact against the month's realistic plan, by rep, direction and channel. The plan is
// the plan line's month; the fact is the month's sales in the plan's currency by owners of the
// scope (as the plan's seasonality reads them): rep = the sale's owner, direction = the
// product's group or the nearest ancestor that is a priority direction of the plan (the rest
// otherwise), channel = the sale's channel.

const CHANNEL_LABELS: Record<string, string> = {
  direct: 'Direct',
  dealer: 'Dealer',
  distributor: 'Distributor',
  retail: 'Retail',
};
const REST_LABEL = 'Other products';
const NO_OWNER_LABEL = 'No owner';
const NO_CHANNEL_LABEL = 'No channel';

interface Bucket {
  label: string;
  planMinor: number;
  factMinor: number;
}

export async function computeDeviations(ctx: Ctx, cycle: LoadedCycle): Promise<PdcaDeviations> {
  const { tx, actor } = ctx;
  const { row, plan, part } = cycle;
  const month = row.month_start.slice(0, 7);
  const scope = scopeUnitIds(plan.units, plan.row.scope_unit_id);
  const window = {
    from: row.month_start,
    to: lastDayOf(month),
    currency: plan.row.currency,
    unitIds: part === null ? scope : part.filter((unitId) => scope === null || scope.includes(unitId)),
  };
  const allLines = await findMonthLines(tx, actor.orgId, plan.row.plan_id, row.month_start);
  if (part !== null) return partDeviations(ctx, cycle, month, window, allLines);
  const [lines, byOwner, byGroup, byChannel, groups] = [
    allLines,
    await findRevenueByOwner(tx, actor.orgId, window),
    await findRevenueByProductGroup(tx, actor.orgId, window),
    await findRevenueByChannel(tx, actor.orgId, window),
    await findProductGroups(tx, actor.orgId),
  ];
  const ofKind = (kind: string) => lines.filter((line) => line.kind === kind);

  const reps = bucketsOf(ofKind('rep'), (line) => [line.user_id, line.full_name ?? '']);
  for (const sale of byOwner) {
    add(reps, sale.owner_id, Number(sale.revenue_minor), sale.owner_id === null ? NO_OWNER_LABEL : '');
  }
  await nameReps(ctx, reps);

  const directionLines = ofKind('direction');
  const directions = bucketsOf(directionLines, (line) => [line.product_group_id, line.group_name ?? REST_LABEL]);
  // The plan's own direction lines decide, not today's priority flags: the plan was split by those.
  const tree = new Map(
    groups.map((g) => [g.group_id, { parentId: g.parent_id, isPriority: directions.has(g.group_id) }]),
  );
  const directionOf = (groupId: string | null): string | null => {
    const key = directionOfGroup(groupId, tree);
    return key === 'other' ? null : key;
  };
  for (const sale of byGroup) add(directions, directionOf(sale.group_id), Number(sale.revenue_minor), REST_LABEL);

  const channels = bucketsOf(ofKind('channel'), (line) => [line.channel, CHANNEL_LABELS[line.channel ?? ''] ?? '']);
  for (const sale of byChannel) {
    add(channels, sale.channel, Number(sale.revenue_minor), CHANNEL_LABELS[sale.channel ?? ''] ?? NO_CHANNEL_LABEL);
  }

  const items = sortItems([
    ...itemsOf('rep', reps),
    ...itemsOf('direction', directions),
    ...itemsOf('channel', channels),
  ]);
  const root = lines.find((line) => line.dimension === 'structure' && line.parent_line_id === null);
  return {
    cycleId: row.cycle_id,
    month,
    currency: plan.row.currency,
    planMinor: root ? root.realistic_minor : 0,
    factMinor: byOwner.reduce((sum, sale) => sum + Number(sale.revenue_minor), 0),
    items,
  };
}

/**
 * A head's part of a plan that includes them in part: their reps' lines against the sales of
 * their units. Directions and channels are split for the whole plan only, so the part has no
 * plan of its own to set their sales against, and they are left out; the part's plan is the sum
 * of its highest unit lines (or, with none, of its reps').
 */
async function partDeviations(
  ctx: Ctx,
  cycle: LoadedCycle,
  month: string,
  window: { from: string; to: string; currency: string; unitIds: string[] | null },
  lines: MonthLineRow[],
): Promise<PdcaDeviations> {
  const { tx, actor } = ctx;
  const units = new Set(window.unitIds ?? []);
  const byId = new Map(lines.map((line) => [line.plan_line_id, line]));
  const unitOfParent = (line: MonthLineRow) => byId.get(line.parent_line_id ?? '')?.unit_id ?? '';
  const structure = lines.filter((line) => line.dimension === 'structure');
  const repLines = structure.filter(
    (line) => line.kind === 'rep' && (line.user_id === actor.userId || units.has(unitOfParent(line))),
  );
  const tops = structure.filter(
    (line) => line.kind === 'unit' && units.has(line.unit_id ?? '') && !units.has(unitOfParent(line)),
  );
  const byOwner = window.unitIds?.length ? await findRevenueByOwner(tx, actor.orgId, window) : [];
  const reps = bucketsOf(repLines, (line) => [line.user_id, line.full_name ?? '']);
  for (const sale of byOwner) {
    add(reps, sale.owner_id, Number(sale.revenue_minor), sale.owner_id === null ? NO_OWNER_LABEL : '');
  }
  await nameReps(ctx, reps);
  return {
    cycleId: cycle.row.cycle_id,
    month,
    currency: cycle.plan.row.currency,
    planMinor: (tops.length > 0 ? tops : repLines).reduce((sum, line) => sum + line.realistic_minor, 0),
    factMinor: byOwner.reduce((sum, sale) => sum + Number(sale.revenue_minor), 0),
    items: sortItems(itemsOf('rep', reps)),
  };
}

/** Names the reps who sold without a plan line of their own. */
async function nameReps(ctx: Ctx, reps: Map<string | null, Bucket>): Promise<void> {
  const unnamed = [...reps.entries()].filter(([id, b]) => id !== null && b.label === '').map(([id]) => id as string);
  for (const user of await findUserNames(ctx.tx, ctx.actor.orgId, unnamed)) {
    const bucket = reps.get(user.user_id);
    if (bucket) bucket.label = user.full_name;
  }
}

/** Largest absolute deviation first. */
function sortItems(items: PdcaDeviation[]): PdcaDeviation[] {
  return items.sort(
    (a, b) =>
      Math.abs(b.deviationMinor) - Math.abs(a.deviationMinor) ||
      a.dimension.localeCompare(b.dimension) ||
      a.label.localeCompare(b.label),
  );
}

function bucketsOf(
  lines: MonthLineRow[],
  keyOf: (line: MonthLineRow) => [string | null, string],
): Map<string | null, Bucket> {
  const buckets = new Map<string | null, Bucket>();
  for (const line of lines) {
    const [key, label] = keyOf(line);
    const bucket = buckets.get(key) ?? { label, planMinor: 0, factMinor: 0 };
    bucket.planMinor += line.realistic_minor;
    buckets.set(key, bucket);
  }
  return buckets;
}

/** Adds a fact; a key the plan has no line for gets a bucket named `label`. */
function add(buckets: Map<string | null, Bucket>, key: string | null, amount: number, label: string): void {
  const bucket = buckets.get(key) ?? { label, planMinor: 0, factMinor: 0 };
  bucket.factMinor += amount;
  buckets.set(key, bucket);
}

function itemsOf(dimension: PdcaDeviation['dimension'], buckets: Map<string | null, Bucket>): PdcaDeviation[] {
  return [...buckets.entries()].map(([key, b]) => {
    const deviationMinor = b.factMinor - b.planMinor;
    return {
      dimension,
      key,
      label: b.label,
      planMinor: b.planMinor,
      factMinor: b.factMinor,
      deviationMinor,
      deviationPercent: b.planMinor === 0 ? null : Math.round((deviationMinor * 1000) / b.planMinor) / 10,
    };
  });
}
