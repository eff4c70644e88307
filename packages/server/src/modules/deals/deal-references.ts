import { dealTotal, lineAmount } from '@pulse/domain';
import { forbidden, unprocessable } from '../../http/errors.ts';
import { isAssignableBy } from '../access/record-scope.ts';
import { canReassign } from './deals.policy.ts';
import type { Ctx } from './use-case-context.ts';

// Checks of what a deal or sales line refers to: the owner, the client, the products, the
// reasons. A reference the request got wrong is a 422 naming the field.

/** A deal line as sent, before the catalog fills in what was left out. */
export interface LineInput {
  productId: string;
  quantity: number;
  unitPriceMinor?: number;
  discountPercent: number;
}
/** A deal line ready to store, with its exact amount. */
export interface PricedLine {
  productId: string;
  quantity: number;
  unitPriceMinor: number;
  discountPercent: number;
  amountMinor: number;
}

/**
 * Prices the lines from the catalog (a missing unit price is the product's price) and totals
 * them exactly. Deactivated products are refused unless the deal already had them.
 */
export async function priceLines(
  { tx, actor }: Ctx,
  lines: readonly LineInput[],
  keptProductIds: ReadonlySet<string> = new Set(),
): Promise<{ lines: PricedLine[]; totalMinor: number }> {
  const ids = [...new Set(lines.map((l) => l.productId))];
  const products =
    ids.length === 0
      ? []
      : await tx
          .selectFrom('products')
          .select(['product_id', 'price_minor', 'active'])
          .where('org_id', '=', actor.orgId)
          .where('product_id', 'in', ids)
          .execute();
  const byId = new Map(products.map((p) => [p.product_id, p]));
  const priced = lines.map((line, i) => {
    const product = byId.get(line.productId);
    const path = `body.lines.${i}.productId`;
    if (!product) throw unprocessable('The product does not exist', [{ path, message: 'Unknown product' }]);
    if (!product.active && !keptProductIds.has(line.productId)) {
      throw unprocessable('The product is deactivated', [{ path, message: 'Deactivated product' }]);
    }
    const item = {
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor ?? product.price_minor,
      discountPercent: line.discountPercent,
    };
    return { productId: line.productId, ...item, amountMinor: exact(() => lineAmount(item), `body.lines.${i}`) };
  });
  return { lines: priced, totalMinor: exact(() => dealTotal(priced), 'body.lines') };
}

/** The domain refuses amounts beyond exact integers with a RangeError; the client hears 422. */
function exact(compute: () => number, path: string): number {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) throw unprocessable('The amount is too large', [{ path, message: error.message }]);
    throw error;
  }
}

/**
 * The owner a record gets when `requested` differs from `current`: only a head, the director or
 * an administrator reassigns (403), and only to an active person in their reach (422).
 */
export async function resolveOwner(ctx: Ctx, requested: string | undefined, current: string): Promise<string> {
  if (requested === undefined || requested === current) return current;
  const { tx, actor } = ctx;
  if (!canReassign(actor)) throw forbidden('Only a head of sales, the director or an administrator reassigns');
  const user = await tx
    .selectFrom('users')
    .select(['user_id', 'unit_id', 'active'])
    .where('org_id', '=', actor.orgId)
    .where('user_id', '=', requested)
    .executeTakeFirst();
  if (!user || !isAssignableBy(actor, { userId: user.user_id, unitId: user.unit_id, active: user.active })) {
    throw unprocessable('The new owner must be an active person in your reach', [
      { path: 'body.ownerId', message: 'Not assignable' },
    ]);
  }
  return requested;
}

/** A company to link: it must exist here and not be merged away. */
export async function assertCompany({ tx, actor }: Ctx, companyId: string | null | undefined): Promise<void> {
  if (!companyId) return;
  const company = await tx
    .selectFrom('companies')
    .select(['merged_into_id'])
    .where('org_id', '=', actor.orgId)
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  if (!company) throw unprocessable('The company does not exist', [{ path: 'body.companyId', message: 'Unknown' }]);
  if (company.merged_into_id) {
    throw unprocessable('The company was merged into another one; link that one', [
      { path: 'body.companyId', message: 'Merged company' },
    ]);
  }
}

/** A contact to link: it must exist, and work at the deal's company when both are set. */
export async function assertContact(
  { tx, actor }: Ctx,
  contactId: string | null | undefined,
  companyId: string | null,
): Promise<void> {
  if (!contactId) return;
  const contact = await tx
    .selectFrom('contacts')
    .select(['company_id', 'merged_into_id'])
    .where('org_id', '=', actor.orgId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  if (!contact || contact.merged_into_id) {
    throw unprocessable('The contact does not exist', [{ path: 'body.contactId', message: 'Unknown' }]);
  }
  if (companyId && contact.company_id && contact.company_id !== companyId) {
    throw unprocessable('The contact works at another company', [
      { path: 'body.contactId', message: 'Contact of another company' },
    ]);
  }
}

export async function assertCompetitor({ tx, actor }: Ctx, competitorId: string | null | undefined): Promise<void> {
  if (!competitorId) return;
  const row = await tx
    .selectFrom('competitors')
    .select('active')
    .where('org_id', '=', actor.orgId)
    .where('competitor_id', '=', competitorId)
    .executeTakeFirst();
  if (!row?.active) {
    throw unprocessable('Pick a competitor from the list', [{ path: 'body.competitorId', message: 'Unknown' }]);
  }
}

export async function assertLostReason({ tx, actor }: Ctx, lostReasonId: string): Promise<void> {
  const row = await tx
    .selectFrom('lost_reasons')
    .select('active')
    .where('org_id', '=', actor.orgId)
    .where('lost_reason_id', '=', lostReasonId)
    .executeTakeFirst();
  if (!row?.active) {
    throw unprocessable('Pick a lost reason from the list', [{ path: 'body.lostReasonId', message: 'Unknown' }]);
  }
}

export async function assertProduct({ tx, actor }: Ctx, productId: string | null): Promise<void> {
  if (!productId) return;
  const row = await tx
    .selectFrom('products')
    .select('product_id')
    .where('org_id', '=', actor.orgId)
    .where('product_id', '=', productId)
    .executeTakeFirst();
  if (!row) throw unprocessable('The product does not exist', [{ path: 'body.productId', message: 'Unknown' }]);
}
