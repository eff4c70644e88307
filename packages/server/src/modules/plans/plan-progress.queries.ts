import { type SqlBool, sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';

// What plan versus fact reads: the scope's sales lines of the period summed per day, owner,
// channel and product group (few enough rows to assign to every line in memory), and the
// scope's open deals with their stage's probability and their lines' product groups. The scope
// is as for the plan's own history (plan-facts.queries.ts): the owner's unit in the scope's
// subtree, or every sale of the organisation for an organisation plan.

/**
 * Which rows a plan reads: days, currency, the scope's units (null: all) and, when the caller
 * works out only some lines, the owners those lines count (null or absent: every owner).
 */
export interface ProgressWindow {
  from: string;
  to: string;
  currency: string;
  unitIds: string[] | null;
  ownerIds?: readonly string[] | null;
}

/** Sales of one day (or of the whole window), owner, channel and product group. */
export interface SalesCell {
  /** null when the cells are of the whole window (byDay false). */
  day: string | null;
  ownerId: string | null;
  channel: string | null;
  groupId: string | null;
  amountMinor: number;
  count: number;
}

/**
 * The window's sales per owner, channel and product group, and per day when `byDay` (the daily
 * chart); plan versus fact needs no days, and leaving them out makes the cells about four times
 * fewer on a year of a department's sales. With `ownerOnly` the cells are per owner alone (channel
 * and group null): the structure lines tell sales apart by owner only, and the sum is then read
 * from the day index (sales_day_amount_idx) without visiting the sales or their products.
 */
export async function findSalesCells(
  tx: Tx,
  orgId: string,
  window: ProgressWindow,
  options: { byDay: boolean; ownerOnly?: boolean },
): Promise<SalesCell[]> {
  const ownerOnly = options.ownerOnly === true;
  let query = tx
    .selectFrom('sales as s')
    .leftJoin('users as o', (j) => j.onRef('o.org_id', '=', 's.org_id').onRef('o.user_id', '=', 's.owner_id'))
    .where('s.org_id', '=', orgId)
    .where('s.sale_date', '>=', window.from)
    .where('s.sale_date', '<=', window.to)
    .where('s.currency', '=', window.currency);
  if (window.unitIds !== null) query = query.where(sql<SqlBool>`o.unit_id = ANY(${window.unitIds}::uuid[])`);
  if (window.ownerIds) query = query.where(sql<SqlBool>`s.owner_id = ANY(${[...window.ownerIds]}::uuid[])`);
  const day = options.byDay ? sql<string | null>`s.sale_date::text` : sql<string | null>`null::text`;
  const sums = [sql<string>`sum(s.amount_minor)::text`.as('amount'), sql<string>`count(*)::text`.as('lines')];
  const rows = ownerOnly
    ? await query
        .select([
          day.as('day'),
          's.owner_id',
          sql<string | null>`null::text`.as('channel'),
          sql<string | null>`null::uuid`.as('group_id'),
          ...sums,
        ])
        .groupBy([sql`1`, 's.owner_id'])
        .execute()
    : await query
        .leftJoin('products as pr', (j) =>
          j.onRef('pr.org_id', '=', 's.org_id').onRef('pr.product_id', '=', 's.product_id'),
        )
        .select([day.as('day'), 's.owner_id', 's.channel', 'pr.group_id', ...sums])
        .groupBy([sql`1`, 's.owner_id', 's.channel', 'pr.group_id'])
        .execute();
  return rows.map((row) => ({
    day: row.day,
    ownerId: row.owner_id,
    channel: row.channel,
    groupId: row.group_id ?? null,
    amountMinor: Number(row.amount),
    count: Number(row.lines),
  }));
}

/** An open deal of the scope expected to close in the window, with its lines' amounts by product group. */
export interface OpenDealRow {
  dealId: string;
  ownerId: string;
  channel: string | null;
  amountMinor: number;
  probability: number;
  expectedCloseDay: string | null;
  lines: { groupId: string | null; amountMinor: number }[];
}

/** `withLines` false: every deal's `lines` is empty (for callers that do not split deals by direction). */
export async function findOpenDeals(
  tx: Tx,
  orgId: string,
  window: ProgressWindow,
  options: { withLines: boolean },
): Promise<OpenDealRow[]> {
  let query = tx
    .selectFrom('deals as d')
    .innerJoin('stages as st', (j) => j.onRef('st.org_id', '=', 'd.org_id').onRef('st.stage_id', '=', 'd.stage_id'))
    .leftJoin('users as o', (j) => j.onRef('o.org_id', '=', 'd.org_id').onRef('o.user_id', '=', 'd.owner_id'))
    .where('d.org_id', '=', orgId)
    .where('d.status', '=', 'open')
    .where('d.currency', '=', window.currency)
    .where('d.expected_close_date', '>=', window.from)
    .where('d.expected_close_date', '<=', window.to);
  if (window.unitIds !== null) query = query.where(sql<SqlBool>`o.unit_id = ANY(${window.unitIds}::uuid[])`);
  if (window.ownerIds) query = query.where(sql<SqlBool>`d.owner_id = ANY(${[...window.ownerIds]}::uuid[])`);
  const deals = await query
    .select(['d.deal_id', 'd.owner_id', 'd.channel', 'd.amount_minor', 'st.probability', 'd.expected_close_date'])
    .orderBy('d.deal_id')
    .execute();
  if (deals.length === 0) return [];
  const lines = !options.withLines
    ? []
    : await tx
        .selectFrom('deal_lines as l')
        .leftJoin('products as pr', (j) =>
          j.onRef('pr.org_id', '=', 'l.org_id').onRef('pr.product_id', '=', 'l.product_id'),
        )
        .select(['l.deal_id', 'pr.group_id', 'l.amount_minor'])
        .where('l.org_id', '=', orgId)
        .where(sql<SqlBool>`l.deal_id = ANY(${deals.map((deal) => deal.deal_id)}::uuid[])`)
        .execute();
  const linesOf = new Map<string, OpenDealRow['lines']>();
  for (const line of lines) {
    const part = { groupId: line.group_id ?? null, amountMinor: Number(line.amount_minor) };
    const known = linesOf.get(line.deal_id);
    if (known) known.push(part);
    else linesOf.set(line.deal_id, [part]);
  }
  return deals.map((deal) => ({
    dealId: deal.deal_id,
    ownerId: deal.owner_id,
    channel: deal.channel,
    amountMinor: Number(deal.amount_minor),
    probability: deal.probability,
    expectedCloseDay: deal.expected_close_date,
    lines: linesOf.get(deal.deal_id) ?? [],
  }));
}

/** A won deal of the scope, with the product group carrying most of its lines' amount. */
export interface WonDealRow {
  ownerId: string;
  channel: string | null;
  closedAt: Date;
  /** null when the deal has no line with a product group (it counts under "other"). */
  groupId: string | null;
}

/**
 * The scope's deals won between two instants (the caller narrows them to local days). A deal
 * counts once, whatever its currency: the deals plan is a count. Its direction is the product
 * group with the largest share of its lines (ties: the lowest group id, so it is stable); with
 * `withGroup` false every group is null (for callers that count no direction lines).
 */
export async function findWonDeals(
  tx: Tx,
  orgId: string,
  window: { from: Date; to: Date; unitIds: string[] | null; ownerIds?: readonly string[] | null },
  options: { withGroup: boolean },
): Promise<WonDealRow[]> {
  let query = tx
    .selectFrom('deals as d')
    .leftJoin('users as o', (j) => j.onRef('o.org_id', '=', 'd.org_id').onRef('o.user_id', '=', 'd.owner_id'))
    .where('d.org_id', '=', orgId)
    .where('d.status', '=', 'won')
    .where('d.closed_at', '>=', window.from)
    .where('d.closed_at', '<', window.to);
  if (window.unitIds !== null) query = query.where(sql<SqlBool>`o.unit_id = ANY(${window.unitIds}::uuid[])`);
  if (window.ownerIds) query = query.where(sql<SqlBool>`d.owner_id = ANY(${[...window.ownerIds]}::uuid[])`);
  const rows = await query
    .select([
      'd.owner_id',
      'd.channel',
      'd.closed_at',
      options.withGroup
        ? sql<string | null>`(
        SELECT pr.group_id FROM deal_lines l
        JOIN products pr ON pr.org_id = l.org_id AND pr.product_id = l.product_id
        WHERE l.org_id = d.org_id AND l.deal_id = d.deal_id AND pr.group_id IS NOT NULL
        GROUP BY pr.group_id ORDER BY sum(l.amount_minor) DESC, pr.group_id LIMIT 1
      )`.as('group_id')
        : sql<string | null>`null::uuid`.as('group_id'),
    ])
    .execute();
  return rows.flatMap((row) =>
    row.closed_at === null
      ? []
      : [{ ownerId: row.owner_id, channel: row.channel, closedAt: row.closed_at, groupId: row.group_id }],
  );
}
