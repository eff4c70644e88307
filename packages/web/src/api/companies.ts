import {
  ClientDuplicates,
  type ClientMergeRequest,
  type ClientVersionRequest,
  type CompaniesQuery,
  Company,
  CompanyCreated,
  CompanySummary,
  type CreateCompanyRequest,
  pageOf,
  type UpdateCompanyRequest,
} from '@pulse/contracts';
import { http, type Output } from './client.ts';

const CompanyPage = pageOf(CompanySummary);

export type CompanyPageData = Output<typeof CompanyPage>;
export type CompanyCreatedData = Output<typeof CompanyCreated>;
export type CompaniesQueryParams = Partial<Output<typeof CompaniesQuery>>;
/** What a create form sends: the contract's parsed output (defaults filled in). */
export type CreateCompanyBody = CreateCompanyRequest;
export type UpdateCompanyBody = UpdateCompanyRequest;
export type ClientDuplicatesData = Output<typeof ClientDuplicates>;

export function findCompanies(query: CompaniesQueryParams, signal?: AbortSignal): Promise<CompanyPageData> {
  return http.get('/api/companies', CompanyPage, { query, signal });
}

export function getCompany(id: string, signal?: AbortSignal): Promise<Company> {
  return http.get(`/api/companies/${id}`, Company, { signal });
}

export function createCompany(body: CreateCompanyBody): Promise<CompanyCreatedData> {
  return http.post('/api/companies', CompanyCreated, body);
}

export function updateCompany(id: string, body: UpdateCompanyBody): Promise<Company> {
  return http.patch(`/api/companies/${id}`, Company, body);
}

export function archiveCompany(id: string, body: Output<typeof ClientVersionRequest>): Promise<Company> {
  return http.post(`/api/companies/${id}/archive`, Company, body);
}

export function unarchiveCompany(id: string, body: Output<typeof ClientVersionRequest>): Promise<Company> {
  return http.post(`/api/companies/${id}/unarchive`, Company, body);
}

export function findCompanyDuplicates(id: string, signal?: AbortSignal): Promise<ClientDuplicatesData> {
  return http.get(`/api/companies/${id}/duplicates`, ClientDuplicates, { signal });
}

/** Merges `otherId` into the company `id`; the survivor comes back. */
export function mergeCompany(id: string, body: Output<typeof ClientMergeRequest>): Promise<Company> {
  return http.post(`/api/companies/${id}/merge`, Company, body);
}
