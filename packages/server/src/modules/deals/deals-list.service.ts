import type { Deal } from '@pulse/contracts';
import { sql } from 'kysely';
import { type KeysetSort, keysetPage } from '../../http/keyset.ts';
import { type DealFilter, findDealRows } from './deals.queries.ts';
import { presentDeal } from './present-deal.ts';
import type { Ctx } from './use-case-context.ts';

// The deal list (GET /api/deals): which columns it sorts by and how a page continues. Creating and
// changing deals is deals.service.ts.

/** The list's sort keys, each with the SQL it orders by, the keyset kind and its default order. */
const DEAL_SORTS = {
  amount: { expression: sql.ref('d.amount_minor'), kind: 'integer', defaultOrder: 'desc' },
  // The keyset needs a value on every row: deals without a date sort after all dated ones.
  expectedClose: {
    expression: sql`COALESCE(d.expected_close_date, DATE '9999-12-31')`,
    kind: 'date',
    defaultOrder: 'asc',
  },
  updated: { expression: sql.ref('d.updated_at'), kind: 'timestamp', defaultOrder: 'desc' },
  created: { expression: sql.ref('d.created_at'), kind: 'timestamp', defaultOrder: 'desc' },
  title: { expression: sql`lower(d.title)`, kind: 'text', defaultOrder: 'asc' },
} as const;

/** A key the deal list sorts by. */
export type DealSort = keyof typeof DEAL_SORTS;

/** Deals in the actor's scope matching the filter, one keyset page (the cursor carries sort value and id). */
export async function listDeals(
  { tx, actor, deps }: Ctx,
  query: DealFilter & { cursor?: string; limit: number; sort: DealSort; order?: 'asc' | 'desc' },
): Promise<{ items: Deal[]; nextCursor: string | null }> {
  const chosen = DEAL_SORTS[query.sort];
  const sort: KeysetSort = {
    expression: chosen.expression,
    kind: chosen.kind,
    idColumn: 'd.deal_id',
    order: query.order ?? chosen.defaultOrder,
  };
  const rows = await findDealRows(tx, actor, deps.now(), { ...query, sort });
  return keysetPage(rows, query.limit, presentDeal);
}
