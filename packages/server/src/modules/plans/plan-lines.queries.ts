import type { WeightMethod } from '@pulse/domain';
import { type SqlBool, sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import type { MonthFigures, PlanFigures } from './plan-split.ts';
import type { Channel, LineKind, PlanLineDraft } from './plan-structure.ts';

/** A stored line with the name of what it stands for. */
export interface StoredLine extends PlanLineDraft {
  label: string | null;
  /** The year figures (the sums of the line's months); deals and margin null when the plan has no such target. */
  years: {
    pessimisticMinor: number;
    realisticMinor: number;
    optimisticMinor: number;
    deals: number | null;
    marginMinor: number | null;
  };
}

/** The plan's lines, parents before children. */
export async function findPlanLines(tx: Tx, orgId: string, planId: string): Promise<StoredLine[]> {
  const rows = await tx
    .selectFrom('plan_lines as l')
    .leftJoin('units as u', (j) => j.onRef('u.org_id', '=', 'l.org_id').onRef('u.unit_id', '=', 'l.unit_id'))
    .leftJoin('users as p', (j) => j.onRef('p.org_id', '=', 'l.org_id').onRef('p.user_id', '=', 'l.user_id'))
    .leftJoin('product_groups as g', (j) =>
      j.onRef('g.org_id', '=', 'l.org_id').onRef('g.group_id', '=', 'l.product_group_id'),
    )
    .selectAll('l')
    .select(['u.name as unit_name', 'p.full_name as user_name', 'g.name as group_name'])
    .where('l.org_id', '=', orgId)
    .where('l.plan_id', '=', planId)
    .orderBy('l.position')
    .execute();
  return rows.map((row) => ({
    id: row.plan_line_id,
    parentId: row.parent_line_id,
    dimension: row.dimension as StoredLine['dimension'],
    kind: row.kind as LineKind,
    isRep: row.kind === 'rep',
    position: row.position,
    unitId: row.unit_id,
    userId: row.user_id,
    productGroupId: row.product_group_id,
    channel: row.channel as Channel | null,
    split: row.split_method as WeightMethod,
    weight: row.weight,
    lastYearMinor: row.last_year_minor,
    hireDay: row.hire_day,
    leaveDay: row.leave_day,
    bottomUpMinor: row.bottom_up_minor,
    label: row.unit_name ?? row.user_name ?? row.group_name,
    years: {
      pessimisticMinor: row.pessimistic_minor,
      realisticMinor: row.realistic_minor,
      optimisticMinor: row.optimistic_minor,
      deals: row.deals,
      marginMinor: row.margin_minor,
    },
  }));
}

/** Each line's months in the three scenarios, and deals and margin, in the order of `months` ('YYYY-MM'). */
export async function findPlanLineMonths(
  tx: Tx,
  orgId: string,
  planId: string,
  months: readonly string[],
  lineIds?: readonly string[],
): Promise<PlanFigures> {
  let query = tx.selectFrom('plan_line_months');
  // Some lines only (a dashboard's): their months, not the whole plan's.
  if (lineIds) query = query.where(sql<SqlBool>`plan_line_id = ANY(${[...lineIds]}::uuid[])`);
  const rows = await query
    .select([
      'plan_line_id',
      'month_start',
      'pessimistic_minor',
      'realistic_minor',
      'optimistic_minor',
      'deals',
      'margin_minor',
    ])
    .where('org_id', '=', orgId)
    .where('plan_id', '=', planId)
    .execute();
  const index = new Map(months.map((month, i) => [month, i]));
  const result = { pessimistic: new Map(), realistic: new Map(), optimistic: new Map() };
  // A target's months are stored for every line or for none (the split writes them together).
  const deals: MonthFigures | null = rows.some((row) => row.deals !== null) ? new Map() : null;
  const margin: MonthFigures | null = rows.some((row) => row.margin_minor !== null) ? new Map() : null;
  const put = (figures: MonthFigures, lineId: string, i: number, value: number) => {
    const line = figures.get(lineId) ?? months.map(() => 0);
    line[i] = value;
    figures.set(lineId, line);
  };
  for (const row of rows) {
    const i = index.get(row.month_start.slice(0, 7));
    if (i === undefined) continue;
    put(result.pessimistic, row.plan_line_id, i, row.pessimistic_minor);
    put(result.realistic, row.plan_line_id, i, row.realistic_minor);
    put(result.optimistic, row.plan_line_id, i, row.optimistic_minor);
    if (deals) put(deals, row.plan_line_id, i, row.deals ?? 0);
    if (margin) put(margin, row.plan_line_id, i, row.margin_minor ?? 0);
  }
  return { ...result, deals, margin };
}

export async function planHasLines(tx: Tx, orgId: string, planId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('plan_lines')
    .select('plan_line_id')
    .where('org_id', '=', orgId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deletePlanLines(tx: Tx, orgId: string, planId: string): Promise<void> {
  await tx.deleteFrom('plan_line_months').where('org_id', '=', orgId).where('plan_id', '=', planId).execute();
  await tx.deleteFrom('plan_lines').where('org_id', '=', orgId).where('plan_id', '=', planId).execute();
}

const CHUNK = 1000;

/**
 * Replaces the plan's lines and months. Lines keep their ids across a replacement, so a client's
 * reference to a line stays good as long as the unit, person, group or channel stays in the plan.
 */
export async function replacePlanLines(
  tx: Tx,
  orgId: string,
  planId: string,
  lines: readonly PlanLineDraft[],
  figures: PlanFigures,
  months: readonly string[],
): Promise<void> {
  await deletePlanLines(tx, orgId, planId);
  const sum = (values: readonly number[] | undefined) => (values ?? []).reduce((total, value) => total + value, 0);
  const lineRows = lines.map((line) => ({
    org_id: orgId,
    plan_line_id: line.id,
    plan_id: planId,
    parent_line_id: line.parentId,
    dimension: line.dimension,
    kind: line.kind,
    position: line.position,
    unit_id: line.unitId,
    user_id: line.userId,
    product_group_id: line.productGroupId,
    channel: line.channel,
    split_method: line.split,
    weight: line.weight,
    last_year_minor: line.lastYearMinor,
    hire_day: line.hireDay,
    leave_day: line.leaveDay,
    pessimistic_minor: sum(figures.pessimistic.get(line.id)),
    realistic_minor: sum(figures.realistic.get(line.id)),
    optimistic_minor: sum(figures.optimistic.get(line.id)),
    bottom_up_minor: line.bottomUpMinor,
    deals: figures.deals ? sum(figures.deals.get(line.id)) : null,
    margin_minor: figures.margin ? sum(figures.margin.get(line.id)) : null,
  }));
  // Parents come first, so every chunk's parents are already stored.
  for (let i = 0; i < lineRows.length; i += CHUNK) {
    await tx
      .insertInto('plan_lines')
      .values(lineRows.slice(i, i + CHUNK))
      .execute();
  }
  const monthRows = lines.flatMap((line) =>
    months.map((month, i) => ({
      org_id: orgId,
      plan_id: planId,
      plan_line_id: line.id,
      month_start: `${month}-01`,
      pessimistic_minor: figures.pessimistic.get(line.id)?.[i] ?? 0,
      realistic_minor: figures.realistic.get(line.id)?.[i] ?? 0,
      optimistic_minor: figures.optimistic.get(line.id)?.[i] ?? 0,
      deals: figures.deals ? (figures.deals.get(line.id)?.[i] ?? 0) : null,
      margin_minor: figures.margin ? (figures.margin.get(line.id)?.[i] ?? 0) : null,
    })),
  );
  for (let i = 0; i < monthRows.length; i += CHUNK) {
    await tx
      .insertInto('plan_line_months')
      .values(monthRows.slice(i, i + CHUNK))
      .execute();
  }
}

/** Sets one line's bottom-up figure, or (no line given) clears every line's. */
export async function setBottomUp(
  tx: Tx,
  orgId: string,
  planId: string,
  change: { lineId: string; bottomUpMinor: number | null } | null,
): Promise<void> {
  let query = tx
    .updateTable('plan_lines')
    .set({ bottom_up_minor: change?.bottomUpMinor ?? null })
    .where('org_id', '=', orgId)
    .where('plan_id', '=', planId);
  if (change) query = query.where('plan_line_id', '=', change.lineId);
  await query.execute();
}
