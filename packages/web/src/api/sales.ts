import { type CreateSaleRequest, pageOf, Sale, type SalesQuery } from '@pulse/contracts';
import { http, type Output } from './client.ts';

const SalePage = pageOf(Sale);

export type SalePageData = Output<typeof SalePage>;
export type SalesQueryParams = Partial<Output<typeof SalesQuery>>;

export function findSales(query: SalesQueryParams, signal?: AbortSignal): Promise<SalePageData> {
  return http.get('/api/sales', SalePage, { query, signal });
}

export function createSale(body: Output<typeof CreateSaleRequest>): Promise<Sale> {
  return http.post('/api/sales', Sale, body);
}
