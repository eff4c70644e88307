import { DealChannel, type Sale, type SalePermissions } from '@pulse/contracts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { keysetPage } from '../../http/keyset.ts';
import type { Actor } from '../access/actor.ts';
import { auditChange } from '../audit/record-audit.ts';
import { assertCompany, assertProduct, resolveOwner } from './deal-references.ts';
import { saleFields } from './deal-stage.ts';
import { canCreateSales, canEditSale, canViewSale } from './deals.policy.ts';
import { findSaleRows, getSaleRow, type SaleFilter, type SaleRow } from './sales.queries.ts';
import { type Ctx, getOrgMoneySettings } from './use-case-context.ts';

// Sales lines are the fact table plans and analysis read. Won deals book theirs (deal-stage.ts);
// departments that sell outside deals enter them here. Lines follow their owner as deals do.

export async function listSales(
  { tx, actor }: Ctx,
  query: SaleFilter & { order: 'asc' | 'desc'; cursor?: string; limit: number },
): Promise<{ items: Sale[]; nextCursor: string | null }> {
  const rows = await findSaleRows(tx, actor, query);
  return keysetPage(rows, query.limit, (row) => presentSale(row, actor));
}

export async function createSale(
  ctx: Ctx,
  input: {
    saleDate: string;
    companyId: string | null;
    productId: string | null;
    quantity: number;
    amountMinor: number;
    ownerId?: string;
    channel: DealChannel | null;
    territory: string | null;
    externalRef: string | null;
  },
): Promise<Sale> {
  const { tx, actor } = ctx;
  if (!canCreateSales(actor)) throw forbidden();
  const ownerId = await resolveOwner(ctx, input.ownerId, actor.userId);
  await assertCompany(ctx, input.companyId);
  await assertProduct(ctx, input.productId);
  if (input.externalRef) {
    const taken = await tx
      .selectFrom('sales')
      .select('sale_id')
      .where('org_id', '=', actor.orgId)
      .where('external_ref', '=', input.externalRef)
      .executeTakeFirst();
    if (taken) {
      throw conflict('A sales line with this external reference exists', [
        { path: 'body.externalRef', message: 'Taken' },
      ]);
    }
  }
  const { currency } = await getOrgMoneySettings(tx, actor.orgId);
  const row = await tx
    .insertInto('sales')
    .values({
      org_id: actor.orgId,
      sale_date: input.saleDate,
      company_id: input.companyId,
      product_id: input.productId,
      quantity: input.quantity,
      amount_minor: input.amountMinor,
      currency,
      owner_id: ownerId,
      channel: input.channel,
      territory: input.territory,
      external_ref: input.externalRef,
      created_by: actor.userId,
      created_at: ctx.deps.now(),
    })
    .returning('sale_id')
    .executeTakeFirstOrThrow();
  const sale = await getSaleRow(tx, actor.orgId, row.sale_id);
  if (!sale) throw notFound('Sales line');
  await auditChange(ctx, {
    action: 'create',
    entity: 'sale',
    entityId: sale.sale_id,
    before: null,
    after: audited(sale),
  });
  return presentSale(sale, actor);
}

/** Deletes a line entered directly; a won deal's lines leave only when the deal is reopened (409). */
export async function deleteSale(ctx: Ctx, saleId: string): Promise<void> {
  const { tx, actor } = ctx;
  const row = await getSaleRow(tx, actor.orgId, saleId);
  const owner = { ownerId: row?.owner_id ?? null, ownerUnitId: row?.owner_unit_id ?? null };
  if (!row || !canViewSale(actor, owner)) throw notFound('Sales line');
  if (!canEditSale(actor, owner)) throw forbidden();
  if (!isDirectSale(row)) throw conflict('This line belongs to a won deal; move the deal out of won to remove it');
  await tx.deleteFrom('sales').where('org_id', '=', actor.orgId).where('sale_id', '=', saleId).execute();
  await auditChange(ctx, { action: 'delete', entity: 'sale', entityId: saleId, before: audited(row), after: null });
}

const audited = (row: SaleRow) => ({ ...saleFields(row), externalRef: row.external_ref });

/** Only a line entered directly is deleted here; a won deal's lines go when the deal is reopened. */
const isDirectSale = (row: Pick<SaleRow, 'deal_id'>) => row.deal_id === null;

/** What the actor may do with a line they see: the same checks `deleteSale` makes. */
function salePermissions(actor: Actor, row: SaleRow): SalePermissions {
  const owner = { ownerId: row.owner_id, ownerUnitId: row.owner_unit_id };
  return { delete: canEditSale(actor, owner) && isDirectSale(row) };
}

function presentSale(row: SaleRow, actor: Actor): Sale {
  return {
    id: row.sale_id,
    saleDate: row.sale_date,
    companyId: row.company_id,
    companyName: row.company_name,
    productId: row.product_id,
    productName: row.product_name,
    dealId: row.deal_id,
    quantity: Number(row.quantity),
    amountMinor: row.amount_minor,
    currency: row.currency,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    channel: DealChannel.nullable().parse(row.channel),
    territory: row.territory,
    externalRef: row.external_ref,
    createdAt: row.created_at.toISOString(),
    permissions: salePermissions(actor, row),
  };
}
