import { z } from 'zod';
import { Day, Email, Id, Instant, NonEmptyName, PageQuery } from './common.ts';

/** Where a lead came from; 'api' is a lead another system posted. */
export const LeadSource = z.enum([
  'inbound_call',
  'web_form',
  'email',
  'cold_outreach',
  'referral',
  'event',
  'partner',
  'api',
  'other',
]);
export type LeadSource = z.infer<typeof LeadSource>;

/**
 * A lead's life: new → working (being qualified) → qualified or unqualified; a qualified lead is
 * handed off to a sales manager and finally converted into a company, contact and deal.
 */
export const LeadStatus = z.enum(['new', 'working', 'qualified', 'unqualified', 'handed_off', 'converted']);
export type LeadStatus = z.infer<typeof LeadStatus>;

/** A checklist code as stored in answers: lower-case, starts with a letter. */
export const CriterionCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Lower-case letters, digits and _, starting with a letter (up to 40)');

/** One question of the organisation's qualification checklist (BANT by default). */
export const QualificationCriterion = z.object({
  id: Id,
  code: CriterionCode,
  name: z.string(),
  position: z.number().int(),
  /** A lead is qualified when every active required criterion is answered yes. */
  required: z.boolean(),
  active: z.boolean(),
});
export type QualificationCriterion = z.infer<typeof QualificationCriterion>;

export const QualificationCriteriaQuery = z
  .object({ active: z.enum(['true', 'false', 'all']).default('true') })
  .strict();

export const CreateQualificationCriterionRequest = z
  .object({
    code: CriterionCode,
    name: NonEmptyName,
    position: z.number().int().min(0).max(10_000).optional(),
    required: z.boolean().default(true),
  })
  .strict();
/** The code is fixed once created: stored answers are keyed by it. `active: false` deactivates. */
export const UpdateQualificationCriterionRequest = z
  .object({
    name: NonEmptyName,
    position: z.number().int().min(0).max(10_000),
    required: z.boolean(),
    active: z.boolean(),
  })
  .partial()
  .strict();

/** A person a lead points to, by name. */
export const LeadPerson = z.object({ id: Id, fullName: z.string() });

/** A lead as lists show it. Response times are business time of the organisation's calendar. */
export const Lead = z.object({
  id: Id,
  title: z.string(),
  source: LeadSource,
  status: LeadStatus,
  companyName: z.string().nullable(),
  inn: z.string().nullable(),
  contactName: z.string().nullable(),
  /** E.164, e.g. '+74951234567'. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  unitId: Id.nullable(),
  createdBy: LeadPerson.nullable(),
  qualifier: LeadPerson.nullable(),
  assignee: LeadPerson.nullable(),
  arrivedAt: z.string(),
  firstTouchAt: z.string().nullable(),
  /** Business milliseconds from arrival to the first outbound touch; null until touched. */
  responseMs: z.number().int().nullable(),
  /** The same, in whole business minutes. */
  responseMinutes: z.number().int().nullable(),
  /** Business milliseconds waited so far by an untouched open lead; null otherwise. */
  waitingMs: z.number().int().nullable(),
  /** Untouched open lead that has waited beyond the organisation's response target. */
  overdueResponse: z.boolean(),
  unqualifiedReason: z.string().nullable(),
  handedOffAt: z.string().nullable(),
  convertedAt: z.string().nullable(),
  companyId: Id.nullable(),
  contactId: Id.nullable(),
  dealId: Id.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Lead = z.infer<typeof Lead>;

/** One checklist line on a lead: the criterion and the answer given (null when unanswered). */
export const LeadQualificationItem = z.object({
  code: z.string(),
  name: z.string(),
  required: z.boolean(),
  active: z.boolean(),
  answer: z.boolean().nullable(),
});
/** A lead with its qualification answers laid against the checklist. */
export const LeadDetail = Lead.extend({
  qualification: z.array(LeadQualificationItem),
  responseTargetMinutes: z.number().int(),
});
export type LeadDetail = z.infer<typeof LeadDetail>;

export const LeadSort = z.enum(['arrived', 'updated']);
export const LeadsQuery = PageQuery.extend({
  /** Part of the title, company, contact, e-mail or phone. */
  q: z.string().trim().max(200).optional(),
  status: LeadStatus.optional(),
  source: LeadSource.optional(),
  assigneeId: Id.optional(),
  qualifierId: Id.optional(),
  /**
   * The lead's taker: its assignee, or its qualifier while it has none (whom the KPIs credit
   * with a lead's arrival and first touch).
   */
  takerId: Id.optional(),
  unitId: Id.optional(),
  /** 'overdue': untouched open leads waiting beyond the response target. */
  waiting: z.enum(['overdue']).optional(),
  /** Arrived at or after this instant. */
  arrivedFrom: Instant.optional(),
  /** Arrived before this instant. */
  arrivedTo: Instant.optional(),
  /** Handed off (qualified) at or after this instant; before `handedOffTo`. */
  handedOffFrom: Instant.optional(),
  handedOffTo: Instant.optional(),
  /** First touched at or after this instant; before `touchedTo`. */
  touchedFrom: Instant.optional(),
  touchedTo: Instant.optional(),
  sort: LeadSort.default('arrived'),
  order: z.enum(['asc', 'desc']).default('desc'),
}).strict();

const Text = (max: number) => z.string().trim().min(1).max(max);
const LeadFields = {
  title: Text(300),
  source: LeadSource,
  companyName: Text(300).nullable(),
  /** Checked against the INN checksum (10 or 12 digits). */
  inn: z.string().trim().max(20).nullable(),
  contactName: Text(300).nullable(),
  /** As typed; stored as E.164 (the organisation's country is the default region). */
  phone: z.string().trim().max(100).nullable(),
  email: Email.nullable(),
  notes: z.string().max(10_000).nullable(),
  /** The department or team the lead is for. */
  unitId: Id.nullable(),
  /** Who qualifies the lead; a lead-generation specialist who creates a lead qualifies it. */
  qualifierId: Id.nullable(),
  arrivedAt: Instant,
};

export const CreateLeadRequest = z
  .object({
    ...LeadFields,
    companyName: LeadFields.companyName.default(null),
    inn: LeadFields.inn.default(null),
    contactName: LeadFields.contactName.default(null),
    phone: LeadFields.phone.default(null),
    email: LeadFields.email.default(null),
    notes: LeadFields.notes.default(null),
    unitId: LeadFields.unitId.default(null),
    qualifierId: LeadFields.qualifierId.optional(),
    /** Defaults to now. */
    arrivedAt: LeadFields.arrivedAt.optional(),
  })
  .strict();

/** Changes the given fields of a lead read at `version`. */
export const UpdateLeadRequest = z
  .object(LeadFields)
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();

export const PutLeadQualificationRequest = z
  .object({
    answers: z.record(CriterionCode, z.boolean()).refine((a) => Object.keys(a).length <= 100, 'At most 100 answers'),
    version: z.number().int().min(1),
  })
  .strict();

export const DisqualifyLeadRequest = z
  .object({ reason: z.string().trim().min(1).max(500), version: z.number().int().min(1) })
  .strict();

/**
 * Hand-off to a sales manager: `assigneeId` picks them by hand; without it, `unitId` (or the
 * lead's own unit) names the team in which round-robin by open workload picks them.
 */
export const HandOffLeadRequest = z
  .object({ assigneeId: Id.optional(), unitId: Id.optional(), version: z.number().int().min(1) })
  .strict();

const ConvertCompany = z.union([
  z.object({ id: Id }).strict(),
  z
    .object({
      name: Text(300),
      legalName: Text(500).optional(),
      inn: z.string().trim().max(20).optional(),
      kpp: z.string().trim().max(20).optional(),
      industry: Text(200).optional(),
      region: Text(200).optional(),
      city: Text(200).optional(),
      phone: z.string().trim().max(100).optional(),
      email: Email.optional(),
      /** Create it even when a company with the same INN exists (otherwise 409, as on company creation). */
      allowDuplicate: z.boolean().default(false),
    })
    .strict(),
]);
const ConvertContact = z.union([
  z.object({ id: Id }).strict(),
  z
    .object({
      fullName: Text(300),
      position: Text(200).optional(),
      phone: z.string().trim().max(100).optional(),
      email: Email.optional(),
    })
    .strict(),
]);
const ConvertDeal = z
  .object({
    title: Text(300),
    /** Integer minor units (kopecks) in the organisation's currency. */
    amountMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    pipelineId: Id.optional(),
    /** An open stage of the pipeline; the pipeline's first open stage by default. */
    stageId: Id.optional(),
    expectedCloseDate: Day.optional(),
  })
  .strict();

/**
 * Converts a lead: links or creates the company and contact, and opens a deal. New records are
 * created as by POST /api/companies, /api/contacts and /api/deals, so a new company whose INN
 * another company has is refused with 409 (the duplicates in `details[].duplicates`, on
 * `body.company.inn`) unless `company.allowDuplicate`, or the existing one is linked by id.
 */
export const ConvertLeadRequest = z
  .object({
    company: ConvertCompany,
    contact: ConvertContact.nullable().default(null),
    deal: ConvertDeal.nullable().default(null),
    version: z.number().int().min(1),
  })
  .strict();

export const ConvertedLead = z.object({
  lead: LeadDetail,
  companyId: Id,
  contactId: Id.nullable(),
  dealId: Id.nullable(),
});

export type LeadsQuery = z.output<typeof LeadsQuery>;
export type CreateLeadRequest = z.output<typeof CreateLeadRequest>;
export type UpdateLeadRequest = z.output<typeof UpdateLeadRequest>;
export type PutLeadQualificationRequest = z.output<typeof PutLeadQualificationRequest>;
export type DisqualifyLeadRequest = z.output<typeof DisqualifyLeadRequest>;
export type HandOffLeadRequest = z.output<typeof HandOffLeadRequest>;
export type ConvertLeadRequest = z.output<typeof ConvertLeadRequest>;
export type ConvertedLead = z.output<typeof ConvertedLead>;
export type CreateQualificationCriterionRequest = z.output<typeof CreateQualificationCriterionRequest>;
export type UpdateQualificationCriterionRequest = z.output<typeof UpdateQualificationCriterionRequest>;
