import { type SqlBool, sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { afterCursor, type KeysetSort, orderBy, sortKey } from '../../http/keyset.ts';
import type { Actor } from '../access/actor.ts';
import { ownerInScope } from '../access/record-scope.ts';

function saleSelect(tx: Tx, orgId: string) {
  return tx
    .selectFrom('sales as sl')
    .leftJoin('companies as c', (j) =>
      j.onRef('c.org_id', '=', 'sl.org_id').onRef('c.company_id', '=', 'sl.company_id'),
    )
    .leftJoin('products as pr', (j) =>
      j.onRef('pr.org_id', '=', 'sl.org_id').onRef('pr.product_id', '=', 'sl.product_id'),
    )
    .leftJoin('users as o', (j) => j.onRef('o.org_id', '=', 'sl.org_id').onRef('o.user_id', '=', 'sl.owner_id'))
    .selectAll('sl')
    .select([
      'c.name as company_name',
      'pr.name as product_name',
      'o.full_name as owner_name',
      'o.unit_id as owner_unit_id',
    ])
    .where('sl.org_id', '=', orgId);
}
export type SaleRow = Awaited<ReturnType<typeof getSaleRow>> & {};

export function getSaleRow(tx: Tx, orgId: string, saleId: string) {
  return saleSelect(tx, orgId).where('sl.sale_id', '=', saleId).executeTakeFirst();
}

export interface SaleFilter {
  from?: string;
  to?: string;
  ownerId?: string;
  companyId?: string;
  productId?: string;
  dealId?: string;
  channel?: string;
  territory?: string;
}

/** Sales lines whose owner the actor may see, by day (keyset on day and id). */
export function findSaleRows(
  tx: Tx,
  actor: Actor,
  filter: SaleFilter & { order: 'asc' | 'desc'; cursor?: string; limit: number },
) {
  const sort: KeysetSort = {
    expression: sql.ref('sl.sale_date'),
    kind: 'date',
    idColumn: 'sl.sale_id',
    order: filter.order,
  };
  let query = saleSelect(tx, actor.orgId)
    .select([sortKey(sort).as('sort_key'), 'sl.sale_id as id_key'])
    .where(ownerInScope(actor, 'sl.owner_id'));
  if (filter.from) query = query.where('sl.sale_date', '>=', filter.from);
  if (filter.to) query = query.where('sl.sale_date', '<=', filter.to);
  if (filter.ownerId) query = query.where('sl.owner_id', '=', filter.ownerId);
  if (filter.companyId) query = query.where('sl.company_id', '=', filter.companyId);
  if (filter.productId) query = query.where('sl.product_id', '=', filter.productId);
  if (filter.dealId) query = query.where('sl.deal_id', '=', filter.dealId);
  if (filter.channel) query = query.where('sl.channel', '=', filter.channel);
  if (filter.territory) query = query.where(sql<SqlBool>`lower(sl.territory) = lower(${filter.territory})`);
  return query
    .where(afterCursor(sort, filter.cursor))
    .orderBy(orderBy(sort))
    .limit(filter.limit + 1)
    .execute();
}
