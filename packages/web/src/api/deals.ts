import {
  type CreateDealRequest,
  Deal,
  DealDetails,
  type DealsQuery,
  type MoveDealStageRequest,
  pageOf,
  type UpdateDealRequest,
} from '@pulse/contracts';
import { http, type Output } from './client.ts';

const DealPage = pageOf(Deal);

export type DealPageData = Output<typeof DealPage>;
export type DealsQueryParams = Partial<Output<typeof DealsQuery>>;
export type CreateDealBody = Output<typeof CreateDealRequest>;
export type UpdateDealBody = Output<typeof UpdateDealRequest>;
export type MoveDealStageBody = Output<typeof MoveDealStageRequest>;

export function findDeals(query: DealsQueryParams, signal?: AbortSignal): Promise<DealPageData> {
  return http.get('/api/deals', DealPage, { query, signal });
}

export function getDeal(id: string, signal?: AbortSignal): Promise<DealDetails> {
  return http.get(`/api/deals/${id}`, DealDetails, { signal });
}

export function createDeal(body: CreateDealBody): Promise<DealDetails> {
  return http.post('/api/deals', DealDetails, body);
}

export function updateDeal(id: string, body: UpdateDealBody): Promise<DealDetails> {
  return http.patch(`/api/deals/${id}`, DealDetails, body);
}

/** Moves a deal to a stage of its pipeline; a lost stage needs a lost reason. */
export function moveDealStage(id: string, body: MoveDealStageBody): Promise<DealDetails> {
  return http.post(`/api/deals/${id}/stage`, DealDetails, body);
}
