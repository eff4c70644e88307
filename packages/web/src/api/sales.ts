import { type CreateSaleRequest, Ok, pageOf, Sale, type SalesQuery } from '@pulse/contracts';
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

/** Deletes a line entered directly; a won deal's line is refused with 409. */
export async function deleteSale(id: string): Promise<void> {
  await http.delete(`/api/sales/${id}`, Ok);
}
