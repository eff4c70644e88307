import type { Product, ProductGroup } from '@pulse/contracts';
import { sql } from 'kysely';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors.ts';
import type { KeysetSort } from '../../http/keyset.ts';
import { keysetPage } from '../../http/keyset.ts';
import { auditChange } from '../audit/record-audit.ts';
import { canManageCatalog } from './deals.policy.ts';
import {
  findProductGroupRows,
  findProductRows,
  getProductGroupRow,
  getProductRow,
  type ProductGroupRow,
  type ProductRow,
} from './products.queries.ts';
import { type Ctx, getOrgMoneySettings } from './use-case-context.ts';

// ---------------------------------------------------------------- groups

export async function listProductGroups({ tx, actor }: Ctx): Promise<ProductGroup[]> {
  const groups = await findProductGroupRows(tx, actor.orgId);
  const priority = priorityGroupIds(groups);
  return groups.map((g) => presentGroup(g, priority));
}

export async function getProductGroup({ tx, actor }: Ctx, groupId: string): Promise<ProductGroup> {
  const groups = await findProductGroupRows(tx, actor.orgId);
  const group = groups.find((g) => g.group_id === groupId);
  if (!group) throw notFound('Product group');
  return presentGroup(group, priorityGroupIds(groups));
}

export async function createProductGroup(
  ctx: Ctx,
  input: { name: string; parentId: string | null; isPriority: boolean },
): Promise<ProductGroup> {
  const { tx, actor } = ctx;
  if (!canManageCatalog(actor)) throw forbidden();
  if (input.parentId && !(await getProductGroupRow(tx, actor.orgId, input.parentId))) {
    throw unprocessable('The parent group does not exist', [{ path: 'body.parentId', message: 'Unknown group' }]);
  }
  const now = ctx.deps.now();
  const row = await tx
    .insertInto('product_groups')
    .values({
      org_id: actor.orgId,
      name: input.name,
      parent_id: input.parentId,
      is_priority: input.isPriority,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditChange(ctx, {
    action: 'create',
    entity: 'product_group',
    entityId: row.group_id,
    before: null,
    after: groupFields(row),
  });
  return getProductGroup(ctx, row.group_id);
}

export async function updateProductGroup(
  ctx: Ctx,
  groupId: string,
  input: { name?: string; parentId?: string | null; isPriority?: boolean },
): Promise<ProductGroup> {
  const { tx, actor } = ctx;
  if (!canManageCatalog(actor)) throw forbidden();
  const groups = await findProductGroupRows(tx, actor.orgId);
  const before = groups.find((g) => g.group_id === groupId);
  if (!before) throw notFound('Product group');
  if (input.parentId) {
    if (!groups.some((g) => g.group_id === input.parentId)) {
      throw unprocessable('The parent group does not exist', [{ path: 'body.parentId', message: 'Unknown group' }]);
    }
    if (groupSubtree(groups, groupId).includes(input.parentId)) {
      throw unprocessable('A group cannot be moved under itself or its own sub-group', [
        { path: 'body.parentId', message: 'Would create a cycle' },
      ]);
    }
  }
  const after = await tx
    .updateTable('product_groups')
    .set({
      name: input.name ?? before.name,
      parent_id: input.parentId === undefined ? before.parent_id : input.parentId,
      is_priority: input.isPriority ?? before.is_priority,
      updated_at: ctx.deps.now(),
    })
    .where('org_id', '=', actor.orgId)
    .where('group_id', '=', groupId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditChange(ctx, {
    action: 'update',
    entity: 'product_group',
    entityId: groupId,
    before: groupFields(before),
    after: groupFields(after),
  });
  return getProductGroup(ctx, groupId);
}

/** Deletes an empty group; one holding products (active or not) or sub-groups is refused with 409. */
export async function deleteProductGroup(ctx: Ctx, groupId: string): Promise<void> {
  const { tx, actor } = ctx;
  if (!canManageCatalog(actor)) throw forbidden();
  const before = await getProductGroupRow(tx, actor.orgId, groupId);
  if (!before) throw notFound('Product group');
  const child = await tx
    .selectFrom('product_groups')
    .select('group_id')
    .where('org_id', '=', actor.orgId)
    .where('parent_id', '=', groupId)
    .executeTakeFirst();
  if (child) throw conflict('The group has sub-groups; move or delete them first');
  const product = await tx
    .selectFrom('products')
    .select('product_id')
    .where('org_id', '=', actor.orgId)
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  if (product) throw conflict('The group has products; move them to another group first');
  await tx.deleteFrom('product_groups').where('org_id', '=', actor.orgId).where('group_id', '=', groupId).execute();
  await auditChange(ctx, {
    action: 'delete',
    entity: 'product_group',
    entityId: groupId,
    before: groupFields(before),
    after: null,
  });
}

/** Groups that are a priority direction themselves or lie under one. */
export function priorityGroupIds(groups: readonly ProductGroupRow[]): Set<string> {
  const byId = new Map(groups.map((g) => [g.group_id, g]));
  const result = new Set<string>();
  for (const group of groups) {
    let cursor: ProductGroupRow | undefined = group;
    for (let depth = 0; cursor && depth < groups.length; depth += 1) {
      if (cursor.is_priority) {
        result.add(group.group_id);
        break;
      }
      cursor = cursor.parent_id ? byId.get(cursor.parent_id) : undefined;
    }
  }
  return result;
}

/** A group and every group below it. */
function groupSubtree(groups: readonly ProductGroupRow[], rootId: string): string[] {
  const found = [rootId];
  for (let i = 0; i < found.length; i += 1) {
    for (const g of groups) if (g.parent_id === found[i] && !found.includes(g.group_id)) found.push(g.group_id);
  }
  return found;
}

function presentGroup(row: ProductGroupRow, priority: Set<string>): ProductGroup {
  return {
    id: row.group_id,
    parentId: row.parent_id,
    name: row.name,
    isPriority: row.is_priority,
    inPriorityDirection: priority.has(row.group_id),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const groupFields = (row: ProductGroupRow) => ({
  name: row.name,
  parentId: row.parent_id,
  isPriority: row.is_priority,
});

// ---------------------------------------------------------------- products

const PRODUCT_SORTS = {
  name: { expression: sql`lower(p.name)`, kind: 'text', defaultOrder: 'asc' },
  price: { expression: sql.ref('p.price_minor'), kind: 'integer', defaultOrder: 'asc' },
  created: { expression: sql.ref('p.created_at'), kind: 'timestamp', defaultOrder: 'desc' },
} as const;

export async function listProducts(
  { tx, actor }: Ctx,
  query: {
    cursor?: string;
    limit: number;
    q?: string;
    groupId?: string;
    priority?: 'true' | 'false';
    active: 'true' | 'false' | 'all';
    sort: keyof typeof PRODUCT_SORTS;
    order?: 'asc' | 'desc';
  },
): Promise<{ items: Product[]; nextCursor: string | null }> {
  const groups = await findProductGroupRows(tx, actor.orgId);
  const priority = priorityGroupIds(groups);
  const { currency } = await getOrgMoneySettings(tx, actor.orgId);
  const chosen = PRODUCT_SORTS[query.sort];
  const sort: KeysetSort = {
    expression: chosen.expression,
    kind: chosen.kind,
    idColumn: 'p.product_id',
    order: query.order ?? chosen.defaultOrder,
  };
  const rows = await findProductRows(tx, actor.orgId, {
    q: query.q,
    groupIds: query.groupId ? groupSubtree(groups, query.groupId) : undefined,
    priority: query.priority ? { value: query.priority === 'true', groupIds: [...priority] } : undefined,
    active: query.active,
    sort,
    cursor: query.cursor,
    limit: query.limit,
  });
  return keysetPage(rows, query.limit, (row) => presentProduct(row, priority, currency));
}

export async function getProduct({ tx, actor }: Ctx, productId: string): Promise<Product> {
  const row = await getProductRow(tx, actor.orgId, productId);
  if (!row) throw notFound('Product');
  const priority = priorityGroupIds(await findProductGroupRows(tx, actor.orgId));
  const { currency } = await getOrgMoneySettings(tx, actor.orgId);
  return presentProduct(row, priority, currency);
}

interface ProductInput {
  name: string;
  groupId: string | null;
  sku: string | null;
  unit: string;
  priceMinor: number;
  isPriority: boolean;
}

export async function createProduct(ctx: Ctx, input: ProductInput): Promise<Product> {
  const { tx, actor } = ctx;
  if (!canManageCatalog(actor)) throw forbidden();
  await assertProductReferences(ctx, null, input);
  const now = ctx.deps.now();
  const row = await tx
    .insertInto('products')
    .values({
      org_id: actor.orgId,
      name: input.name,
      group_id: input.groupId,
      sku: input.sku,
      unit: input.unit,
      price_minor: input.priceMinor,
      is_priority: input.isPriority,
      created_at: now,
      updated_at: now,
    })
    .returning('product_id')
    .executeTakeFirstOrThrow();
  const product = await getProduct(ctx, row.product_id);
  await auditChange(ctx, {
    action: 'create',
    entity: 'product',
    entityId: product.id,
    before: null,
    after: productFields(product),
  });
  return product;
}

export async function updateProduct(
  ctx: Ctx,
  productId: string,
  input: Partial<ProductInput> & { active?: boolean },
): Promise<Product> {
  const { tx, actor } = ctx;
  if (!canManageCatalog(actor)) throw forbidden();
  const before = await getProduct(ctx, productId);
  await assertProductReferences(ctx, productId, input);
  await tx
    .updateTable('products')
    .set({
      name: input.name ?? before.name,
      group_id: input.groupId === undefined ? before.groupId : input.groupId,
      sku: input.sku === undefined ? before.sku : input.sku,
      unit: input.unit ?? before.unit,
      price_minor: input.priceMinor ?? before.priceMinor,
      is_priority: input.isPriority ?? before.isPriority,
      active: input.active ?? before.active,
      updated_at: ctx.deps.now(),
    })
    .where('org_id', '=', actor.orgId)
    .where('product_id', '=', productId)
    .execute();
  const after = await getProduct(ctx, productId);
  await auditChange(ctx, {
    action: 'update',
    entity: 'product',
    entityId: productId,
    before: productFields(before),
    after: productFields(after),
  });
  return after;
}

async function assertProductReferences(
  { tx, actor }: Ctx,
  productId: string | null,
  input: { groupId?: string | null; sku?: string | null },
): Promise<void> {
  if (input.groupId && !(await getProductGroupRow(tx, actor.orgId, input.groupId))) {
    throw unprocessable('The product group does not exist', [{ path: 'body.groupId', message: 'Unknown group' }]);
  }
  if (input.sku) {
    const taken = await tx
      .selectFrom('products')
      .select('product_id')
      .where('org_id', '=', actor.orgId)
      .where('sku', '=', input.sku)
      .executeTakeFirst();
    if (taken && taken.product_id !== productId) {
      throw conflict('Another product has this SKU', [{ path: 'body.sku', message: 'Taken' }]);
    }
  }
}

function presentProduct(row: ProductRow, priority: Set<string>, currency: string): Product {
  return {
    id: row.product_id,
    groupId: row.group_id,
    groupName: row.group_name,
    name: row.name,
    sku: row.sku,
    unit: row.unit,
    priceMinor: row.price_minor,
    currency,
    isPriority: row.is_priority,
    inPriorityDirection: row.is_priority || (row.group_id !== null && priority.has(row.group_id)),
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const productFields = (p: Product) => ({
  name: p.name,
  groupId: p.groupId,
  sku: p.sku,
  unit: p.unit,
  priceMinor: p.priceMinor,
  isPriority: p.isPriority,
  active: p.active,
});
