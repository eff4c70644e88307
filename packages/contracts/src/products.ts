import { z } from 'zod';
import { Id, NonEmptyName, PageQuery } from './common.ts';
import { Flag, Minor, SortOrder, Text } from './sales-fields.ts';

// The product catalog: product groups (a tree) and products. Prices are in minor units.

export const ProductGroup = z.object({
  id: Id,
  parentId: Id.nullable(),
  name: z.string(),
  /** Marked a priority direction of the department itself. */
  isPriority: z.boolean(),
  /** Itself or a parent group is a priority direction. */
  inPriorityDirection: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductGroup = z.infer<typeof ProductGroup>;
export const CreateProductGroupRequest = z
  .object({ name: NonEmptyName, parentId: Id.nullable().default(null), isPriority: z.boolean().default(false) })
  .strict();
export const UpdateProductGroupRequest = z
  .object({ name: NonEmptyName, parentId: Id.nullable(), isPriority: z.boolean() })
  .partial()
  .strict();

export const Product = z.object({
  id: Id,
  groupId: Id.nullable(),
  groupName: z.string().nullable(),
  name: z.string(),
  sku: z.string().nullable(),
  unit: z.string(),
  priceMinor: Minor,
  currency: z.string(),
  isPriority: z.boolean(),
  /** The product or one of its groups is a priority direction. */
  inPriorityDirection: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof Product>;
export const ProductSort = z.enum(['name', 'price', 'created']);
export const ProductsQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  /** A group and every group below it. */
  groupId: Id.optional(),
  priority: Flag.optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  sort: ProductSort.default('name'),
  order: SortOrder.optional(),
}).strict();
export const CreateProductRequest = z
  .object({
    name: z.string().trim().min(1).max(300),
    groupId: Id.nullable().default(null),
    sku: Text(100).default(null),
    unit: z.string().trim().min(1).max(20).default('шт'),
    priceMinor: Minor.default(0),
    isPriority: z.boolean().default(false),
  })
  .strict();
/** `active: false` deactivates a product: it stays on old deals and sales, new lines cannot use it. */
export const UpdateProductRequest = z
  .object({
    name: z.string().trim().min(1).max(300),
    groupId: Id.nullable(),
    sku: Text(100),
    unit: z.string().trim().min(1).max(20),
    priceMinor: Minor,
    isPriority: z.boolean(),
    active: z.boolean(),
  })
  .partial()
  .strict();
