import {
  ClientDuplicates,
  ClientMergeRequest,
  ClientVersionRequest,
  CompaniesQuery,
  Company,
  CompanyCreated,
  CompanySummary,
  CreateCompanyRequest,
  IdParams,
  Ok,
  pageOf,
  UpdateCompanyRequest,
} from '@pulse/contracts';
import { type AnyRoute, sessionRoute } from '../../http/route.ts';
import {
  createCompany,
  deleteCompany,
  findDuplicatesOfCompany,
  getCompany,
  listCompanies,
  mergeCompanies,
  setCompanyArchived,
  updateCompany,
} from './companies.service.ts';
import { contactRoutes } from './contacts.routes.ts';

const tag = 'clients';

const companyOnlyRoutes: AnyRoute[] = [
  sessionRoute({
    method: 'GET',
    url: '/api/companies',
    tag,
    summary: 'Companies in your scope: search, filters (lifecycle too), sorted keyset pages',
    query: CompaniesQuery,
    response: pageOf(CompanySummary),
    handler: ({ query }, ctx) => listCompanies(ctx, query),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/companies/:id',
    tag,
    summary: 'One company with phones, e-mails, contacts, lifecycle and open deals',
    params: IdParams,
    response: Company,
    errors: [404],
    handler: ({ params }, ctx) => getCompany(ctx, params.id),
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/companies',
    tag,
    summary: 'Add a company; returns look-alikes, refuses an exact INN duplicate unless allowDuplicate',
    body: CreateCompanyRequest,
    response: CompanyCreated,
    status: 201,
    errors: [403, 409, 422],
    handler: ({ body }, ctx) => createCompany(ctx, body),
  }),
  sessionRoute({
    method: 'PATCH',
    url: '/api/companies/:id',
    tag,
    summary: 'Edit a company (send the version you read; a stale one is 409)',
    params: IdParams,
    body: UpdateCompanyRequest,
    response: Company,
    errors: [403, 404, 409, 422],
    handler: ({ params, body }, ctx) => updateCompany(ctx, params.id, body),
  }),
  sessionRoute({
    method: 'DELETE',
    url: '/api/companies/:id',
    tag,
    summary: 'Delete a company nothing refers to; one with deals or contacts is archived instead (409)',
    params: IdParams,
    response: Ok,
    errors: [403, 404, 409],
    handler: async ({ params }, ctx) => {
      await deleteCompany(ctx, params.id);
      return { ok: true as const };
    },
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/companies/:id/archive',
    tag,
    summary: 'Archive a company',
    params: IdParams,
    body: ClientVersionRequest,
    response: Company,
    errors: [403, 404, 409],
    handler: ({ params, body }, ctx) => setCompanyArchived(ctx, params.id, body, true),
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/companies/:id/unarchive',
    tag,
    summary: 'Bring an archived company back (not one merged into another)',
    params: IdParams,
    body: ClientVersionRequest,
    response: Company,
    errors: [403, 404, 409, 422],
    handler: ({ params, body }, ctx) => setCompanyArchived(ctx, params.id, body, false),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/companies/:id/duplicates',
    tag,
    summary: 'Companies that look like this one: same INN, e-mail, phone or a similar name',
    params: IdParams,
    response: ClientDuplicates,
    errors: [404],
    handler: ({ params }, ctx) => findDuplicatesOfCompany(ctx, params.id),
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/companies/:id/merge',
    tag,
    summary: 'Merge another company into this one, keeping every linked record and the audit trail',
    params: IdParams,
    body: ClientMergeRequest,
    response: Company,
    errors: [403, 404, 409, 422],
    handler: ({ params, body }, ctx) => mergeCompanies(ctx, params.id, body),
  }),
];

/** Companies and contacts: the client base. */
export const companyRoutes: AnyRoute[] = [...companyOnlyRoutes, ...contactRoutes];
