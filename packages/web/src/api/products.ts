import {
  type CreateProductGroupRequest,
  type CreateProductRequest,
  Ok,
  Product,
  ProductGroup,
  type ProductsQuery,
  pageOf,
  type UpdateProductGroupRequest,
  type UpdateProductRequest,
} from '@pulse/contracts';
import { http, type Output } from './client.ts';

const ProductPage = pageOf(Product);
const ProductGroupList = pageOf(ProductGroup).pick({ items: true });

export type ProductPageData = Output<typeof ProductPage>;
export type ProductsQueryParams = Partial<Output<typeof ProductsQuery>>;
export type CreateProductBody = Output<typeof CreateProductRequest>;
export type UpdateProductBody = Output<typeof UpdateProductRequest>;
export type CreateProductGroupBody = Output<typeof CreateProductGroupRequest>;
export type UpdateProductGroupBody = Output<typeof UpdateProductGroupRequest>;

export function findProducts(query: ProductsQueryParams, signal?: AbortSignal): Promise<ProductPageData> {
  return http.get('/api/products', ProductPage, { query, signal });
}

export function getProduct(id: string, signal?: AbortSignal): Promise<Product> {
  return http.get(`/api/products/${id}`, Product, { signal });
}

export function createProduct(body: CreateProductBody): Promise<Product> {
  return http.post('/api/products', Product, body);
}

export function updateProduct(id: string, body: UpdateProductBody): Promise<Product> {
  return http.patch(`/api/products/${id}`, Product, body);
}

export async function findProductGroups(signal?: AbortSignal): Promise<ProductGroup[]> {
  return (await http.get('/api/product-groups', ProductGroupList, { signal })).items;
}

export function createProductGroup(body: CreateProductGroupBody): Promise<ProductGroup> {
  return http.post('/api/product-groups', ProductGroup, body);
}

export function updateProductGroup(id: string, body: UpdateProductGroupBody): Promise<ProductGroup> {
  return http.patch(`/api/product-groups/${id}`, ProductGroup, body);
}

/** Deletes an empty group; one holding products or sub-groups is refused with 409. */
export async function deleteProductGroup(id: string): Promise<void> {
  await http.delete(`/api/product-groups/${id}`, Ok);
}
