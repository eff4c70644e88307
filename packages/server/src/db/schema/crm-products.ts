import type { Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';

// The product catalog: product groups (a tree) and products.

export interface ProductGroupsTable {
  org_id: string;
  group_id: Generated<string>;
  parent_id: string | null;
  name: string;
  is_priority: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ProductsTable {
  org_id: string;
  product_id: Generated<string>;
  group_id: string | null;
  name: string;
  sku: string | null;
  unit: Generated<string>;
  price_minor: Generated<number>;
  is_priority: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** Table name → row type, as the SQL migrations name them. */
export interface ProductTables {
  product_groups: ProductGroupsTable;
  products: ProductsTable;
}
