import type {
  ClientDuplicate,
  CompaniesQuery,
  Company,
  CompanySummary,
  CreateCompanyRequest,
  UpdateCompanyRequest,
} from '@pulse/contracts';
import { conflict } from '../../http/errors.ts';
import { assertTaxIds, type Ctx } from './client-context.ts';
import { filledFrom, mergeClients } from './client-merge.ts';
import {
  type ClientKind,
  type CreateClientOptions,
  createClient,
  deleteClient,
  findDuplicatesOfClient,
  getClient,
  listClients,
  setClientArchived,
  updateClient,
} from './client-records.ts';
import {
  type CompanyRow,
  countOpenDeals,
  findCompanies,
  findCompanyContacts,
  getCompanyRow,
} from './companies.queries.ts';
import { findCompanyLinks } from './company-links.ts';
import { loadContactPoints } from './contact-points.ts';
import { findCompanyDuplicates } from './duplicates.ts';
import { auditedCompany, presentCompany, presentCompanySummary } from './present-company.ts';

/** Fields the survivor of a merge takes from the other company when it has none of its own. */
const FILLED = [
  'legal_name',
  'inn',
  'kpp',
  'industry',
  'size',
  'region',
  'city',
  'channel',
  'segment',
  'source',
  'owner_id',
  'notes',
] as const;

/** A company for the use cases companies and contacts share (client-records.ts). */
const COMPANY: ClientKind<CompanyRow, Company> = {
  table: 'companies',
  idColumn: 'company_id',
  field: 'companyId',
  entity: 'company',
  noun: 'Company',
  idOf: (row) => row.company_id,
  getRow: getCompanyRow,
  present: presentOne,
  audited: auditedCompany,
  findLinks: findCompanyLinks,
  probe: (row) => ({ name: row.name, inn: row.inn }),
  findDuplicates: findCompanyDuplicates,
  linked: ['contacts', 'deals', 'leads', 'activities', 'tasks', 'sales'],
  survivorTakes: (survivor, other) => ({
    ...filledFrom(survivor, other, FILLED),
    is_key_account: survivor.is_key_account || other.is_key_account,
  }),
};

export function listCompanies(
  ctx: Ctx,
  query: CompaniesQuery,
): Promise<{ items: CompanySummary[]; nextCursor: string | null }> {
  return listClients(ctx, query, findCompanies, presentCompanySummary);
}

export function getCompany(ctx: Ctx, companyId: string): Promise<Company> {
  return getClient(ctx, COMPANY, companyId);
}

/**
 * A new company. Duplicates (same INN, e-mail, phone, similar name) come back with it; an exact
 * INN duplicate is refused with 409 (the duplicates in `details[].duplicates`) unless the client
 * says `allowDuplicate`. Lead conversion creates it for the lead's assignee (CreateClientOptions).
 */
export async function createCompany(
  ctx: Ctx,
  input: CreateCompanyRequest,
  options: CreateClientOptions = {},
): Promise<{ company: Company; duplicates: ClientDuplicate[] }> {
  assertTaxIds(input);
  const { record, duplicates } = await createClient(ctx, COMPANY, input, {
    ...options,
    columns: { ...columnsOf(input), name: input.name },
    vet: async (_reader, _settings, points) => {
      const found = await findCompanyDuplicates(ctx.tx, ctx.actor.orgId, {
        id: null,
        name: input.name,
        inn: input.inn,
        ...points,
      });
      const sameInn = found.filter((d) => d.reasons.includes('inn'));
      if (sameInn.length > 0 && !input.allowDuplicate) {
        throw conflict('A company with this INN already exists; open it, or send allowDuplicate to create another', [
          {
            path: 'body.inn',
            message: `Same INN as ${sameInn.map((d) => `company ${d.id} «${d.name}»`).join(', ')}`,
            duplicates: sameInn,
          },
        ]);
      }
      return found;
    },
  });
  return { company: record, duplicates };
}

/** Changes the fields sent; phones and e-mails, when sent, replace the lists. */
export function updateCompany(ctx: Ctx, companyId: string, input: UpdateCompanyRequest): Promise<Company> {
  assertTaxIds(input);
  return updateClient(ctx, COMPANY, companyId, input, { columns: columnsOf(input) });
}

/** Archives (hides from lists by default) or restores a company; merged ones stay archived. */
export function setCompanyArchived(
  ctx: Ctx,
  companyId: string,
  input: { version: number },
  archived: boolean,
): Promise<Company> {
  return setClientArchived(ctx, COMPANY, companyId, input, archived);
}

/** Deletes a company nothing refers to; one with deals, contacts or history is archived instead (409). */
export function deleteCompany(ctx: Ctx, companyId: string): Promise<void> {
  return deleteClient(ctx, COMPANY, companyId);
}

/** Companies that look like this one: same INN, e-mail, phone, or a similar name. */
export function findDuplicatesOfCompany(ctx: Ctx, companyId: string): Promise<{ items: ClientDuplicate[] }> {
  return findDuplicatesOfClient(ctx, COMPANY, companyId);
}

/**
 * Merges `otherId` into the company in the path: every record linked to the other (contacts,
 * deals, leads, activities, tasks, sales, phones, e-mails, companies merged into it before)
 * moves to the survivor, the survivor's empty fields are filled from the other, and the other
 * is archived with `mergedIntoId`. Both keep their audit trail; each moved record gets an entry.
 */
export function mergeCompanies(
  ctx: Ctx,
  survivorId: string,
  input: { otherId: string; version: number },
): Promise<Company> {
  return mergeClients(ctx, COMPANY, survivorId, input);
}

async function presentOne(ctx: Ctx, row: CompanyRow): Promise<Company> {
  const { tx, actor } = ctx;
  const [points, contacts, openDealCount] = await Promise.all([
    loadContactPoints(tx, actor.orgId, { companyId: row.company_id }),
    findCompanyContacts(tx, actor.orgId, row.company_id),
    countOpenDeals(tx, actor.orgId, { companyId: row.company_id }),
  ]);
  return presentCompany(row, { ...points, contacts, openDealCount });
}

type CompanyFields = Omit<UpdateCompanyRequest, 'phones' | 'emails' | 'version'>;

/** API fields → columns; fields not sent stay undefined and are left as they are. */
function columnsOf(fields: CompanyFields) {
  return {
    name: fields.name,
    legal_name: fields.legalName,
    inn: fields.inn,
    kpp: fields.kpp,
    industry: fields.industry,
    size: fields.size,
    region: fields.region,
    city: fields.city,
    channel: fields.channel,
    segment: fields.segment,
    source: fields.source,
    owner_id: fields.ownerId,
    is_key_account: fields.isKeyAccount,
    notes: fields.notes,
  };
}
