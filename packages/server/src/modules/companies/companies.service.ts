import type {
  ClientDuplicate,
  CompaniesQuery,
  Company,
  CompanySummary,
  CreateCompanyRequest,
  UpdateCompanyRequest,
} from '@pulse/contracts';
import type { Updateable } from 'kysely';
import type { CompaniesTable } from '../../db/schema.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { keysetPage } from '../../http/keyset.ts';
import {
  assertNotMerged,
  assertOwnerChange,
  assertTaxIds,
  assertVersion,
  auditClient,
  type Ctx,
  canCreateClients,
  staleVersion,
} from './client-context.ts';
import { type ClientSettings, loadClientSettings } from './client-settings.ts';
import { canEditClient } from './companies.policy.ts';
import {
  type CompanyRow,
  countOpenDeals,
  findCompanies,
  findCompanyContacts,
  getCompanyRow,
} from './companies.queries.ts';
import { findCompanyLinks } from './company-links.ts';
import { loadContactPoints, normalizePhones, replaceContactPoints, uniqueEmails } from './contact-points.ts';
import { findCompanyDuplicates } from './duplicates.ts';
import { clientSearch, listOrder } from './list-filters.ts';
import { auditedCompany, presentCompany, presentCompanySummary } from './present-company.ts';

export async function listCompanies(
  { tx, actor, deps }: Ctx,
  query: CompaniesQuery,
): Promise<{ items: CompanySummary[]; nextCursor: string | null }> {
  const settings = await loadClientSettings(tx, actor.orgId, deps.now());
  const rows = await findCompanies(tx, actor, settings, {
    ...query,
    ...clientSearch(query.q, settings.region),
    order: listOrder(query.sort, query.order),
  });
  return keysetPage(rows, query.limit, presentCompanySummary);
}

export async function getCompany(ctx: Ctx, companyId: string): Promise<Company> {
  const settings = await loadClientSettings(ctx.tx, ctx.actor.orgId, ctx.deps.now());
  return presentOne(ctx, await loadVisible(ctx, settings, companyId));
}

/**
 * How a client record is created for a lead's conversion (contacts.service.ts takes it too): its
 * owner was chosen by the lead's hand-off, not by the actor, so the actor's right to assign
 * owners is not asked again, and the new record is read back even where the actor's own scope
 * would not show it (a lead-generation specialist converting a lead handed to a manager).
 */
export interface CreateClientOptions {
  ownerFromHandOff?: boolean;
}

/** The actor reading past their scope: only for what they have just created for someone else. */
export function readingAnywhere(ctx: Ctx): Ctx {
  return { ...ctx, actor: { ...ctx.actor, scope: { kind: 'organisation', unitIds: [] } } };
}

/**
 * A new company. Duplicates (same INN, e-mail, phone, similar name) come back with it; an exact
 * INN duplicate is refused with 409 (the duplicates in `details[].duplicates`) unless the client
 * says `allowDuplicate`.
 */
export async function createCompany(
  ctx: Ctx,
  input: CreateCompanyRequest,
  { ownerFromHandOff = false }: CreateClientOptions = {},
): Promise<{ company: Company; duplicates: ClientDuplicate[] }> {
  const { tx, actor, deps } = ctx;
  assertTaxIds(input);
  const settings = await loadClientSettings(tx, actor.orgId, deps.now());
  const phones = normalizePhones(input.phones, settings.region);
  const emails = uniqueEmails(input.emails);
  if (!canCreateClients(actor)) throw forbidden();
  const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId;
  if (!ownerFromHandOff) await assertOwnerChange(ctx, ownerId);
  const duplicates = await findCompanyDuplicates(tx, actor.orgId, {
    id: null,
    name: input.name,
    inn: input.inn,
    phones: phones.map((p) => p.e164),
    emails: emails.map((e) => e.email),
  });
  const sameInn = duplicates.filter((d) => d.reasons.includes('inn'));
  if (sameInn.length > 0 && !input.allowDuplicate) {
    throw conflict('A company with this INN already exists; open it, or send allowDuplicate to create another', [
      {
        path: 'body.inn',
        message: `Same INN as ${sameInn.map((d) => `company ${d.id} «${d.name}»`).join(', ')}`,
        duplicates: sameInn,
      },
    ]);
  }
  const { phones: _p, emails: _e, allowDuplicate: _a, ownerId: _o, ...fields } = input;
  const now = deps.now();
  const row = await tx
    .insertInto('companies')
    .values({
      org_id: actor.orgId,
      ...columnsOf(fields),
      name: input.name,
      owner_id: ownerId,
      created_at: now,
      updated_at: now,
    })
    .returning('company_id')
    .executeTakeFirstOrThrow();
  await replaceContactPoints(tx, actor.orgId, { companyId: row.company_id }, { phones, emails });
  const reader = ownerFromHandOff ? readingAnywhere(ctx) : ctx;
  const company = await presentOne(ctx, await loadVisible(reader, settings, row.company_id));
  await auditClient(ctx, 'create', 'company', company.id, null, auditedCompany(company));
  return { company, duplicates };
}

/** Changes the fields sent; phones and e-mails, when sent, replace the lists. */
export async function updateCompany(ctx: Ctx, companyId: string, input: UpdateCompanyRequest): Promise<Company> {
  const { tx, actor, deps } = ctx;
  assertTaxIds(input);
  const settings = await loadClientSettings(tx, actor.orgId, deps.now());
  const phones = input.phones && normalizePhones(input.phones, settings.region);
  const emails = input.emails && uniqueEmails(input.emails);
  const row = await loadEditable(ctx, settings, companyId);
  assertVersion(row.version, input.version);
  assertNotMerged(row);
  if (input.ownerId !== undefined && input.ownerId !== row.owner_id) await assertOwnerChange(ctx, input.ownerId);
  const before = await presentOne(ctx, row);
  const { phones: _p, emails: _e, version, ...fields } = input;
  await bumpVersion(ctx, companyId, version, columnsOf(fields));
  await replaceContactPoints(tx, actor.orgId, { companyId }, { phones, emails });
  const after = await presentOne(ctx, await loadVisible(ctx, settings, companyId));
  await auditClient(ctx, 'update', 'company', companyId, auditedCompany(before), auditedCompany(after));
  return after;
}

/** Archives (hides from lists by default) or restores a company; merged ones stay archived. */
export async function setCompanyArchived(
  ctx: Ctx,
  companyId: string,
  input: { version: number },
  archived: boolean,
): Promise<Company> {
  const settings = await loadClientSettings(ctx.tx, ctx.actor.orgId, ctx.deps.now());
  const row = await loadEditable(ctx, settings, companyId);
  assertVersion(row.version, input.version);
  if (!archived) assertNotMerged(row);
  if ((row.archived_at !== null) === archived) return presentOne(ctx, row);
  const before = await presentOne(ctx, row);
  await bumpVersion(ctx, companyId, input.version, { archived_at: archived ? ctx.deps.now() : null });
  const after = await presentOne(ctx, await loadVisible(ctx, settings, companyId));
  await auditClient(ctx, 'update', 'company', companyId, auditedCompany(before), auditedCompany(after));
  return after;
}

/** Deletes a company nothing refers to; one with deals, contacts or history is archived instead (409). */
export async function deleteCompany(ctx: Ctx, companyId: string): Promise<void> {
  const { tx, actor } = ctx;
  const settings = await loadClientSettings(tx, actor.orgId, ctx.deps.now());
  const row = await loadEditable(ctx, settings, companyId);
  const links = await findCompanyLinks(tx, actor.orgId, companyId);
  if (links.length > 0) {
    throw conflict(`The company has ${links.join(', ')}; archive it instead of deleting`, [
      { path: 'id', message: `Linked: ${links.join(', ')}` },
    ]);
  }
  const before = await presentOne(ctx, row);
  await replaceContactPoints(tx, actor.orgId, { companyId }, { phones: [], emails: [] });
  await tx.deleteFrom('companies').where('org_id', '=', actor.orgId).where('company_id', '=', companyId).execute();
  await auditClient(ctx, 'delete', 'company', companyId, auditedCompany(before), null);
}

/** Companies that look like this one: same INN, e-mail, phone, or a similar name. */
export async function findDuplicatesOfCompany(ctx: Ctx, companyId: string): Promise<{ items: ClientDuplicate[] }> {
  const { tx, actor } = ctx;
  const settings = await loadClientSettings(tx, actor.orgId, ctx.deps.now());
  const row = await loadVisible(ctx, settings, companyId);
  const points = await loadContactPoints(tx, actor.orgId, { companyId });
  const items = await findCompanyDuplicates(tx, actor.orgId, {
    id: companyId,
    name: row.name,
    inn: row.inn,
    phones: points.phones.map((p) => p.e164),
    emails: points.emails.map((e) => e.email),
  });
  return { items };
}

/** A company the actor sees, or 404 (missing, another organisation's, out of scope). */
export async function loadVisible(ctx: Ctx, settings: ClientSettings, companyId: string): Promise<CompanyRow> {
  const row = await getCompanyRow(ctx.tx, ctx.actor, settings, companyId);
  if (!row) throw notFound('Company');
  return row;
}

/** A company the actor sees (404) and may change (403). */
export async function loadEditable(ctx: Ctx, settings: ClientSettings, companyId: string): Promise<CompanyRow> {
  const row = await loadVisible(ctx, settings, companyId);
  if (!canEditClient(ctx.actor, { ownerId: row.owner_id, ownerUnitId: row.owner_unit_id })) throw forbidden();
  return row;
}

export async function presentOne(ctx: Ctx, row: CompanyRow): Promise<Company> {
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

/** Writes the change if the row is still at `version` (409 otherwise), moving it one version on. */
export async function bumpVersion(
  ctx: Ctx,
  companyId: string,
  version: number,
  columns: Omit<Updateable<CompaniesTable>, 'org_id' | 'company_id' | 'version'>,
): Promise<void> {
  const updated = await ctx.tx
    .updateTable('companies')
    .set((eb) => ({ ...columns, version: eb('version', '+', 1), updated_at: ctx.deps.now() }))
    .where('org_id', '=', ctx.actor.orgId)
    .where('company_id', '=', companyId)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw staleVersion();
}
