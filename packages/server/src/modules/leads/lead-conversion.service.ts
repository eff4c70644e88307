import type { ConvertedLead, ConvertLeadRequest } from '@pulse/contracts';
import { unprocessable } from '../../http/errors.ts';
import { canViewOwnedBy } from '../access/record-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import {
  getFirstOpenStage,
  getLiveCompany,
  getLiveContact,
  getOpenPipeline,
  getStage,
  insertChannels,
  relinkLeadHistory,
} from './lead-conversion.queries.ts';
import { FieldChecks, phoneRegion } from './lead-input.ts';
import { assertNotConverted, type Ctx, loadLeadForChange, presentLeadById, saveLead } from './lead-write.ts';
import { getLeadSettings, type LeadRow } from './leads.queries.ts';

/** A lead is converted once qualified, usually by the sales manager it was handed to. */
const CONVERTIBLE_STATUSES = ['qualified', 'handed_off'];

type CompanyInput = ConvertLeadRequest['company'];
type NewCompanyInput = Exclude<CompanyInput, { id: string }>;
type ContactInput = NonNullable<ConvertLeadRequest['contact']>;
type NewContactInput = Exclude<ContactInput, { id: string }>;
type DealInput = NonNullable<ConvertLeadRequest['deal']>;
/** Fields of a new record after the checks the contract cannot make. */
type Checked = { inn: string | null; kpp: string | null; phone: string | null };

/**
 * Converts a qualified lead into a client and a deal, in one transaction: links the company
 * and contact named by id (or creates them), opens the deal (owned by the lead's assignee, or
 * the actor) in the pipeline's first open stage unless another is given, moves the lead's
 * activities and tasks onto the deal, and keeps the lead, marked converted, as its history.
 */
export async function convertLead(ctx: Ctx, leadId: string, input: ConvertLeadRequest): Promise<ConvertedLead> {
  const { tx, actor } = ctx;
  const lead = await loadLeadForChange(ctx, leadId, input.version);
  assertNotConverted(lead);
  if (!CONVERTIBLE_STATUSES.includes(lead.status)) {
    throw unprocessable(`Only a qualified lead can be converted; this one is ${lead.status}`);
  }
  const settings = await getLeadSettings(tx, actor.orgId);
  const checks = new FieldChecks(phoneRegion(settings.country));
  // Every field is checked before anything is written, so one 400 names all bad fields.
  const company = input.company;
  const companyPlan =
    'id' in company
      ? ({ kind: 'link', id: company.id } as const)
      : ({
          kind: 'create',
          input: company,
          checked: {
            inn: checks.inn(company.inn, 'body.company.inn'),
            kpp: checks.kpp(company.kpp, 'body.company.kpp'),
            phone: checks.phone(company.phone, 'body.company.phone'),
          },
        } as const);
  const contact = input.contact;
  const contactPlan =
    contact === null
      ? null
      : 'id' in contact
        ? ({ kind: 'link', id: contact.id } as const)
        : ({
            kind: 'create',
            input: contact,
            checked: { inn: null, kpp: null, phone: checks.phone(contact.phone, 'body.contact.phone') },
          } as const);
  checks.done();

  const ownerId = lead.assignee_id ?? actor.userId;
  const companyId =
    companyPlan.kind === 'link'
      ? await linkCompany(ctx, companyPlan.id)
      : await createCompany(ctx, lead, ownerId, companyPlan.input, companyPlan.checked);
  let contactId: string | null = null;
  if (contactPlan) {
    contactId =
      contactPlan.kind === 'link'
        ? await linkContact(ctx, contactPlan.id, companyId)
        : await createContact(ctx, lead, ownerId, companyId, contactPlan.input, contactPlan.checked);
  }
  const dealId = input.deal
    ? await openDeal(ctx, lead, { ownerId, companyId, contactId, currency: settings.currency }, input.deal)
    : null;
  await relinkLeadHistory(tx, actor.orgId, leadId, { dealId, companyId, contactId });
  await saveLead(ctx, lead, {
    status: 'converted',
    converted_at: ctx.deps.now(),
    company_id: companyId,
    contact_id: contactId,
    deal_id: dealId,
  });
  return { lead: await presentLeadById(ctx, leadId), companyId, contactId, dealId };
}

async function linkCompany(ctx: Ctx, id: string): Promise<string> {
  const row = await getLiveCompany(ctx.tx, ctx.actor.orgId, id);
  if (!row || !canViewOwnedBy(ctx.actor, { ownerId: row.owner_id, ownerUnitId: row.owner_unit_id })) {
    throw unprocessable('The company does not exist or is outside your scope', [
      { path: 'body.company.id', message: 'Unknown company' },
    ]);
  }
  return row.company_id;
}

async function linkContact(ctx: Ctx, id: string, companyId: string): Promise<string> {
  const row = await getLiveContact(ctx.tx, ctx.actor.orgId, id);
  if (!row || !canViewOwnedBy(ctx.actor, { ownerId: row.owner_id, ownerUnitId: row.owner_unit_id })) {
    throw unprocessable('The contact does not exist or is outside your scope', [
      { path: 'body.contact.id', message: 'Unknown contact' },
    ]);
  }
  if (row.company_id !== null && row.company_id !== companyId) {
    throw unprocessable('The contact works for another company', [
      { path: 'body.contact.id', message: 'Belongs to another company' },
    ]);
  }
  return row.contact_id;
}

async function createCompany(
  ctx: Ctx,
  lead: LeadRow,
  ownerId: string,
  input: NewCompanyInput,
  checked: Checked,
): Promise<string> {
  const { tx, actor, deps } = ctx;
  const now = deps.now();
  const row = await tx
    .insertInto('companies')
    .values({
      org_id: actor.orgId,
      name: input.name,
      legal_name: input.legalName ?? null,
      inn: checked.inn,
      kpp: checked.kpp,
      industry: input.industry ?? null,
      region: input.region ?? null,
      city: input.city ?? null,
      source: lead.source,
      owner_id: ownerId,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const phone = checked.phone && input.phone ? { e164: checked.phone, raw: input.phone } : null;
  await insertChannels(tx, actor.orgId, { company_id: row.company_id }, { phone, email: input.email ?? null });
  await audit(ctx, 'company', row.company_id, {
    name: row.name,
    legalName: row.legal_name,
    inn: row.inn,
    kpp: row.kpp,
    industry: row.industry,
    region: row.region,
    city: row.city,
    source: row.source,
    ownerId: row.owner_id,
    phones: phone ? [phone.e164] : [],
    emails: input.email ? [input.email] : [],
    leadId: lead.lead_id,
  });
  return row.company_id;
}

async function createContact(
  ctx: Ctx,
  lead: LeadRow,
  ownerId: string,
  companyId: string,
  input: NewContactInput,
  checked: Checked,
): Promise<string> {
  const { tx, actor, deps } = ctx;
  const now = deps.now();
  const row = await tx
    .insertInto('contacts')
    .values({
      org_id: actor.orgId,
      company_id: companyId,
      full_name: input.fullName,
      position: input.position ?? null,
      owner_id: ownerId,
      source: lead.source,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const phone = checked.phone && input.phone ? { e164: checked.phone, raw: input.phone } : null;
  await insertChannels(tx, actor.orgId, { contact_id: row.contact_id }, { phone, email: input.email ?? null });
  await audit(ctx, 'contact', row.contact_id, {
    fullName: row.full_name,
    position: row.position,
    companyId: row.company_id,
    ownerId: row.owner_id,
    source: row.source,
    phones: phone ? [phone.e164] : [],
    emails: input.email ? [input.email] : [],
    leadId: lead.lead_id,
  });
  return row.contact_id;
}

async function openDeal(
  ctx: Ctx,
  lead: LeadRow,
  links: { ownerId: string; companyId: string; contactId: string | null; currency: string },
  input: DealInput,
): Promise<string> {
  const { tx, actor, deps } = ctx;
  const { pipelineId, stageId } = await resolveStage(ctx, input);
  const now = deps.now();
  const row = await tx
    .insertInto('deals')
    .values({
      org_id: actor.orgId,
      title: input.title,
      pipeline_id: pipelineId,
      stage_id: stageId,
      status: 'open',
      company_id: links.companyId,
      contact_id: links.contactId,
      owner_id: links.ownerId,
      amount_minor: input.amountMinor,
      currency: links.currency,
      expected_close_date: input.expectedCloseDate ?? null,
      source: lead.source,
      lead_id: lead.lead_id,
      stage_entered_at: now,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('deal_stage_changes')
    .values({
      org_id: actor.orgId,
      deal_id: row.deal_id,
      from_stage_id: null,
      to_stage_id: stageId,
      changed_at: now,
      changed_by: actor.userId,
    })
    .execute();
  await audit(ctx, 'deal', row.deal_id, {
    title: row.title,
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    status: row.status,
    companyId: row.company_id,
    contactId: row.contact_id,
    ownerId: row.owner_id,
    amountMinor: row.amount_minor,
    currency: row.currency,
    expectedCloseDate: row.expected_close_date,
    source: row.source,
    leadId: row.lead_id,
  });
  return row.deal_id;
}

/** The deal's pipeline and open stage: as given, checked to belong together, or the defaults. */
async function resolveStage(ctx: Ctx, input: DealInput): Promise<{ pipelineId: string; stageId: string }> {
  const { tx, actor } = ctx;
  const stage = input.stageId ? await getStage(tx, actor.orgId, input.stageId) : null;
  if (input.stageId && !stage) {
    throw unprocessable('The stage does not exist', [{ path: 'body.deal.stageId', message: 'Unknown stage' }]);
  }
  const pipeline = await getOpenPipeline(tx, actor.orgId, input.pipelineId ?? stage?.pipeline_id ?? null);
  if (!pipeline) {
    const named = input.pipelineId ?? stage?.pipeline_id;
    throw unprocessable(named ? 'The pipeline does not exist or is archived' : 'There is no default pipeline', [
      { path: 'body.deal.pipelineId', message: named ? 'Unknown or archived pipeline' : 'Name a pipeline' },
    ]);
  }
  if (stage) {
    if (stage.pipeline_id !== pipeline.pipeline_id) {
      throw unprocessable('The stage belongs to another pipeline', [
        { path: 'body.deal.stageId', message: 'Stage of another pipeline' },
      ]);
    }
    if (stage.kind !== 'open' || stage.archived_at !== null) {
      throw unprocessable('A new deal starts in an open stage', [
        { path: 'body.deal.stageId', message: 'Not an open stage' },
      ]);
    }
    return { pipelineId: pipeline.pipeline_id, stageId: stage.stage_id };
  }
  const first = await getFirstOpenStage(tx, actor.orgId, pipeline.pipeline_id);
  if (!first) {
    throw unprocessable('The pipeline has no open stage', [{ path: 'body.deal.pipelineId', message: 'No open stage' }]);
  }
  return { pipelineId: pipeline.pipeline_id, stageId: first.stage_id };
}

function audit(ctx: Ctx, entity: 'company' | 'contact' | 'deal', entityId: string, after: Record<string, unknown>) {
  return recordAudit(ctx.tx, {
    orgId: ctx.actor.orgId,
    actorUserId: ctx.actor.userId,
    action: 'create',
    entity,
    entityId,
    before: null,
    after,
    at: ctx.deps.now(),
  });
}
