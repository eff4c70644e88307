import { type SqlBool, sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';

// Sales lines read for planning: the fact table, in the plan's currency, of the owners in the
// plan's scope (every line, owned or not, for an organisation plan).

/** Which sales a plan reads: a date range, a currency, and the scope's units (null: all). */
export interface SalesWindow {
  from: string;
  to: string;
  currency: string;
  /** The scope unit and its subtree; null for the organisation. */
  unitIds: string[] | null;
}

function salesIn(tx: Tx, orgId: string, window: SalesWindow) {
  let query = tx
    .selectFrom('sales as s')
    .leftJoin('users as o', (j) => j.onRef('o.org_id', '=', 's.org_id').onRef('o.user_id', '=', 's.owner_id'))
    .where('s.org_id', '=', orgId)
    .where('s.sale_date', '>=', window.from)
    .where('s.sale_date', '<=', window.to)
    .where('s.currency', '=', window.currency);
  if (window.unitIds !== null) query = query.where(sql<SqlBool>`o.unit_id = ANY(${window.unitIds}::uuid[])`);
  return query;
}

const amount = sql<number>`sum(s.amount_minor)::bigint`;

/** Revenue by calendar month, 'YYYY-MM', oldest first (months without sales are absent). */
export function findMonthlyRevenue(tx: Tx, orgId: string, window: SalesWindow) {
  const month = sql<string>`to_char(s.sale_date, 'YYYY-MM')`;
  return salesIn(tx, orgId, window)
    .select([month.as('month'), amount.as('revenue_minor')])
    .groupBy(month)
    .orderBy(month)
    .execute();
}

/** Revenue by owner, with the owner's current unit. */
export function findRevenueByOwner(tx: Tx, orgId: string, window: SalesWindow) {
  return salesIn(tx, orgId, window)
    .select(['s.owner_id', 'o.unit_id', amount.as('revenue_minor')])
    .groupBy(['s.owner_id', 'o.unit_id'])
    .execute();
}

export function findRevenueByChannel(tx: Tx, orgId: string, window: SalesWindow) {
  return salesIn(tx, orgId, window)
    .select(['s.channel', amount.as('revenue_minor')])
    .groupBy('s.channel')
    .execute();
}

/** Revenue by the product's group (null: no product or no group). */
export function findRevenueByProductGroup(tx: Tx, orgId: string, window: SalesWindow) {
  return salesIn(tx, orgId, window)
    .leftJoin('products as pr', (j) =>
      j.onRef('pr.org_id', '=', 's.org_id').onRef('pr.product_id', '=', 's.product_id'),
    )
    .select(['pr.group_id', amount.as('revenue_minor')])
    .groupBy('pr.group_id')
    .execute();
}

export function findProductGroups(tx: Tx, orgId: string) {
  return tx
    .selectFrom('product_groups')
    .select(['group_id', 'parent_id', 'name', 'is_priority'])
    .where('org_id', '=', orgId)
    .execute();
}

/**
 * People of the scope who may carry plan in the period: in the selling roles or named, working
 * in the scope's units (any unit, or none, for the organisation), hired by the period's end and
 * not deactivated before it began.
 */
export function findPlanPeople(
  tx: Tx,
  orgId: string,
  filter: { roles: readonly string[]; userIds: readonly string[]; unitIds: string[] | null },
) {
  let query = tx
    .selectFrom('users')
    .select(['user_id', 'full_name', 'role', 'unit_id', 'hire_date', 'active', 'deactivated_at'])
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('role', 'in', [...filter.roles]),
        ...(filter.userIds.length > 0 ? [eb('user_id', 'in', [...filter.userIds])] : []),
      ]),
    );
  if (filter.unitIds !== null) query = query.where(sql<SqlBool>`unit_id = ANY(${filter.unitIds}::uuid[])`);
  return query.orderBy('full_name').orderBy('user_id').execute();
}
export type PlanPersonRow = Awaited<ReturnType<typeof findPlanPeople>>[number];
