import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { afterCursor, type KeysetSort, orderBy, sortKey } from '../../http/keyset.ts';
import { containsPattern } from './use-case-context.ts';

export function findProductGroupRows(tx: Tx, orgId: string) {
  return tx
    .selectFrom('product_groups')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy(sql`lower(name)`)
    .orderBy('group_id')
    .execute();
}
export type ProductGroupRow = Awaited<ReturnType<typeof findProductGroupRows>>[number];

export function getProductGroupRow(tx: Tx, orgId: string, groupId: string) {
  return tx
    .selectFrom('product_groups')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('group_id', '=', groupId)
    .executeTakeFirst();
}

function productSelect(tx: Tx, orgId: string) {
  return tx
    .selectFrom('products as p')
    .leftJoin('product_groups as g', (join) =>
      join.onRef('g.org_id', '=', 'p.org_id').onRef('g.group_id', '=', 'p.group_id'),
    )
    .selectAll('p')
    .select('g.name as group_name')
    .where('p.org_id', '=', orgId);
}
export type ProductRow = Awaited<ReturnType<typeof getProductRow>> & {};

export function getProductRow(tx: Tx, orgId: string, productId: string) {
  return productSelect(tx, orgId).where('p.product_id', '=', productId).executeTakeFirst();
}

/** A page of products; `groupIds` and `priorityGroupIds` come from the group tree. */
export function findProductRows(
  tx: Tx,
  orgId: string,
  filter: {
    q?: string;
    groupIds?: string[];
    priority?: { value: boolean; groupIds: string[] };
    active: 'true' | 'false' | 'all';
    sort: KeysetSort;
    cursor?: string;
    limit: number;
  },
) {
  let query = productSelect(tx, orgId).select([sortKey(filter.sort).as('sort_key'), 'p.product_id as id_key']);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    query = query.where((eb) => eb.or([eb('p.name', 'ilike', pattern), eb('p.sku', 'ilike', pattern)]));
  }
  if (filter.groupIds) query = query.where(sql<boolean>`p.group_id = ANY(${filter.groupIds}::uuid[])`);
  if (filter.priority) {
    const { value, groupIds } = filter.priority;
    // COALESCE: a product without a group compares NULL, and NOT NULL would drop it from both lists.
    const inDirection = sql<boolean>`(p.is_priority OR COALESCE(p.group_id = ANY(${groupIds}::uuid[]), false))`;
    query = query.where(value ? inDirection : sql<boolean>`NOT ${inDirection}`);
  }
  if (filter.active !== 'all') query = query.where('p.active', '=', filter.active === 'true');
  return query
    .where(afterCursor(filter.sort, filter.cursor))
    .orderBy(orderBy(filter.sort))
    .limit(filter.limit + 1)
    .execute();
}
