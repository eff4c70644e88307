import { z } from 'zod';
import { Day, Id, PageQuery } from './common.ts';
import { DealChannel } from './deals.ts';
import { Minor, Quantity, SortOrder, Text } from './sales-fields.ts';

// Sales lines: written when a deal is won, or entered directly by a department that sells
// outside deals. Amounts are in minor units; days are 'YYYY-MM-DD'.

/** What the asking user may do with a sales line, decided by the server's sales-line policy. */
export const SalePermissions = z.object({
  /** A line entered directly, by its owner, their head, the commercial director or an administrator. */
  delete: z.boolean(),
});
export type SalePermissions = z.infer<typeof SalePermissions>;

export const Sale = z.object({
  id: Id,
  saleDate: z.string(),
  companyId: Id.nullable(),
  companyName: z.string().nullable(),
  productId: Id.nullable(),
  productName: z.string().nullable(),
  /** The won deal the line came from; null for a line entered directly. */
  dealId: Id.nullable(),
  quantity: z.number(),
  amountMinor: Minor,
  currency: z.string(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  channel: DealChannel.nullable(),
  territory: z.string().nullable(),
  externalRef: z.string().nullable(),
  createdAt: z.string(),
  permissions: SalePermissions,
});
export type Sale = z.infer<typeof Sale>;
export const SalesQuery = PageQuery.extend({
  from: Day.optional(),
  to: Day.optional(),
  ownerId: Id.optional(),
  companyId: Id.optional(),
  productId: Id.optional(),
  dealId: Id.optional(),
  channel: DealChannel.optional(),
  territory: z.string().trim().max(200).optional(),
  order: SortOrder.default('desc'),
}).strict();
/** A sales line of a department that sells outside deals; `externalRef` is unique per organisation. */
export const CreateSaleRequest = z
  .object({
    saleDate: Day,
    companyId: Id.nullable().default(null),
    productId: Id.nullable().default(null),
    quantity: Quantity.default(1),
    amountMinor: Minor,
    ownerId: Id.optional(),
    channel: DealChannel.nullable().default(null),
    territory: Text(200).default(null),
    externalRef: Text(200).default(null),
  })
  .strict();
