import {
  type ConvertedLead,
  type ConvertLeadRequest,
  CreateCompanyRequest,
  CreateContactRequest,
} from '@pulse/contracts';
import type { z } from 'zod';
import { AppError, unprocessable, validationError } from '../../http/errors.ts';
import { canViewOwnedBy } from '../access/record-scope.ts';
import { createCompany } from '../companies/companies.service.ts';
import { createContact } from '../companies/contacts.service.ts';
import { createDeal } from '../deals/deals.service.ts';
import { getStageRow } from '../deals/pipelines.queries.ts';
import { getLiveCompany, getLiveContact, relinkLeadHistory } from './lead-conversion.queries.ts';
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
/** A part of the conversion body, as the create use case it goes to names it in errors. */
type Part = 'company' | 'contact' | 'deal';

/**
 * The records a conversion creates belong to the person the lead was handed to, whoever
 * converts it: the hand-off chose them (see CreateClientOptions).
 */
const FOR_THE_ASSIGNEE = { ownerFromHandOff: true } as const;

/**
 * Converts a qualified lead into a client and a deal, in one transaction: links the company
 * and contact named by id (or creates them through the same use cases as POST /api/companies
 * and /api/contacts, duplicate refusal and audit included), opens the deal as POST /api/deals
 * does (owned by the lead's assignee, or the actor) in the pipeline's first open stage unless
 * another is given, moves the lead's activities and tasks onto the deal, and keeps the lead,
 * marked converted, as its history.
 */
export async function convertLead(ctx: Ctx, leadId: string, input: ConvertLeadRequest): Promise<ConvertedLead> {
  const { tx, actor } = ctx;
  const lead = await loadLeadForChange(ctx, leadId, input.version);
  assertNotConverted(lead);
  if (!CONVERTIBLE_STATUSES.includes(lead.status)) {
    throw unprocessable(`Only a qualified lead can be converted; this one is ${lead.status}`);
  }
  const settings = await getLeadSettings(tx, actor.orgId);
  // The create use cases check these fields too, but one part at a time; checked here first,
  // one 400 names every bad field of the whole body.
  const checks = new FieldChecks(phoneRegion(settings.country));
  const company = input.company;
  const companyPlan =
    'id' in company
      ? ({ kind: 'link', id: company.id } as const)
      : ({
          kind: 'create',
          input: company,
          inn: checks.inn(company.inn, 'body.company.inn'),
          kpp: checks.kpp(company.kpp, 'body.company.kpp'),
          phone: checks.phone(company.phone, 'body.company.phone'),
        } as const);
  const contact = input.contact;
  const contactPlan =
    contact === null
      ? null
      : 'id' in contact
        ? ({ kind: 'link', id: contact.id } as const)
        : ({ kind: 'create', input: contact, phone: checks.phone(contact.phone, 'body.contact.phone') } as const);
  checks.done();

  const ownerId = lead.assignee_id ?? actor.userId;
  const companyId =
    companyPlan.kind === 'link'
      ? await linkCompany(ctx, companyPlan.id)
      : await asPart('company', async () => {
          const request = parsePart(CreateCompanyRequest, {
            name: companyPlan.input.name,
            legalName: companyPlan.input.legalName ?? null,
            inn: companyPlan.inn,
            kpp: companyPlan.kpp,
            industry: companyPlan.input.industry ?? null,
            region: companyPlan.input.region ?? null,
            city: companyPlan.input.city ?? null,
            source: lead.source,
            ownerId,
            ...channels(companyPlan.phone, companyPlan.input),
            allowDuplicate: companyPlan.input.allowDuplicate,
          });
          return (await createCompany(ctx, request, FOR_THE_ASSIGNEE)).company.id;
        });
  let contactId: string | null = null;
  if (contactPlan) {
    contactId =
      contactPlan.kind === 'link'
        ? await linkContact(ctx, contactPlan.id, companyId)
        : await asPart('contact', async () => {
            const request = parsePart(CreateContactRequest, {
              fullName: contactPlan.input.fullName,
              position: contactPlan.input.position ?? null,
              companyId,
              ownerId,
              source: lead.source,
              ...channels(contactPlan.phone, contactPlan.input),
            });
            return (await createContact(ctx, request, FOR_THE_ASSIGNEE)).contact.id;
          });
  }
  const dealId = input.deal ? await openDeal(ctx, lead, { ownerId, companyId, contactId }, input.deal) : null;
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

/** The one phone and e-mail of the conversion form as the lists a new company or contact has. */
function channels(checkedPhone: string | null, input: NewCompanyInput | NewContactInput) {
  return {
    phones: checkedPhone && input.phone ? [{ number: input.phone }] : [],
    emails: input.email ? [{ email: input.email }] : [],
  };
}

/** Opens the deal through the deal use case; a deal made from a lead starts in an open stage. */
async function openDeal(
  ctx: Ctx,
  lead: LeadRow,
  links: { ownerId: string; companyId: string; contactId: string | null },
  input: DealInput,
): Promise<string> {
  const stage = input.stageId ? await getStageRow(ctx.tx, ctx.actor.orgId, input.stageId) : undefined;
  if (stage && stage.kind !== 'open') {
    throw unprocessable('A new deal starts in an open stage', [
      { path: 'body.deal.stageId', message: 'Not an open stage' },
    ]);
  }
  const deal = await asPart('deal', () =>
    createDeal(
      ctx,
      {
        title: input.title,
        pipelineId: input.pipelineId,
        stageId: input.stageId,
        companyId: links.companyId,
        contactId: links.contactId,
        ownerId: links.ownerId,
        amountMinor: input.amountMinor,
        lines: [],
        expectedCloseDate: input.expectedCloseDate ?? null,
        channel: null,
        territory: null,
        source: lead.source,
        nextStep: null,
        leadId: lead.lead_id,
      },
      FOR_THE_ASSIGNEE,
    ),
  );
  return deal.id;
}

/** The request of a create use case, normalised by its own contract (blank → null and the like). */
function parsePart<S extends z.ZodType>(schema: S, data: z.input<S>): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw validationError('body', parsed.error);
  return parsed.data;
}

/**
 * Runs the create use case of one part of the body. Its errors name the fields of its own
 * request (`body.inn`, `body.phones.0.number`); the client sent them as `body.company.inn` and
 * `body.company.phone`, so the errors are renamed to match what was sent.
 */
async function asPart<T>(part: Part, create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (!(error instanceof AppError) || !error.details) throw error;
    const details = error.details.map((issue) => ({ ...issue, path: partPath(part, issue.path) }));
    const message =
      error.code === 'validation_failed' ? `Invalid body: ${details.map((d) => d.path).join(', ')}` : error.message;
    throw new AppError(error.status, error.code, message, details);
  }
}

/** `body.inn` → `body.company.inn`; the phone and e-mail lists → the form's one phone and e-mail. */
function partPath(part: Part, path: string): string {
  if (!path.startsWith('body.')) return path;
  const field = path
    .slice('body.'.length)
    .replace(/^phones(\..*)?$/, 'phone')
    .replace(/^emails(\..*)?$/, 'email');
  return `body.${part}.${field}`;
}
