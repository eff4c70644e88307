import { z } from 'zod';
import { Day, Email, Id, PageQuery } from './common.ts';

/** How a client buys from us; the same four channels run through deals, sales and plans. */
export const CompanyChannel = z.enum(['direct', 'dealer', 'distributor', 'retail']);
export type CompanyChannel = z.infer<typeof CompanyChannel>;
export const CompanySize = z.enum(['micro', 'small', 'medium', 'large', 'enterprise']);
export type CompanySize = z.infer<typeof CompanySize>;
/** Where a client stands in their buying life, computed from its sales lines (never stored). */
export const ClientLifecycle = z.enum(['new', 'active', 'repeat', 'dormant', 'lost']);
export type ClientLifecycle = z.infer<typeof ClientLifecycle>;
export const ClientPhoneLabel = z.enum(['work', 'mobile', 'home', 'fax', 'other']);
export const ClientEmailLabel = z.enum(['work', 'personal', 'other']);

/** Free text that may be cleared: blank becomes null. */
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((value) => (value ? value : null));

/** A phone as typed; the server normalises it to E.164 in the organisation's region (400 when it cannot). */
export const ClientPhoneInput = z
  .object({ number: z.string().trim().min(1).max(100), label: ClientPhoneLabel.default('work') })
  .strict();
export const ClientEmailInput = z.object({ email: Email, label: ClientEmailLabel.default('work') }).strict();
export const ClientPhone = z.object({ id: Id, e164: z.string(), raw: z.string(), label: ClientPhoneLabel });
export type ClientPhone = z.infer<typeof ClientPhone>;
export const ClientEmail = z.object({ id: Id, email: z.string(), label: ClientEmailLabel });
export type ClientEmail = z.infer<typeof ClientEmail>;

/** INN: 10 digits (a company) or 12 (an individual); the checksum is checked by the server. */
const Inn = z
  .string()
  .trim()
  .regex(/^(\d{10}|\d{12})?$/, '10 or 12 digits')
  .nullable()
  .transform((value) => (value ? value : null));
/** KPP: 9 characters; upper-cased here, its shape checked by the server. */
const Kpp = z
  .string()
  .trim()
  .max(9, '9 characters')
  .nullable()
  .transform((value) => (value ? value.toUpperCase() : null));
const Version = z.number().int().min(1);
const CompanyName = z.string().trim().min(1).max(300);
const PersonName = z.string().trim().min(1).max(300);

const companyFields = {
  name: CompanyName,
  legalName: OptionalText(500),
  inn: Inn,
  kpp: Kpp,
  industry: OptionalText(200),
  size: CompanySize.nullable(),
  region: OptionalText(200),
  city: OptionalText(200),
  channel: CompanyChannel.nullable(),
  segment: OptionalText(100),
  source: OptionalText(100),
  /** null leaves the company unowned (heads and above only). */
  ownerId: Id.nullable(),
  isKeyAccount: z.boolean(),
  notes: OptionalText(10_000),
  /** Replaces the whole list when present. */
  phones: z.array(ClientPhoneInput).max(20),
  emails: z.array(ClientEmailInput).max(20),
};

/** New company. The owner defaults to the person creating it. */
export const CreateCompanyRequest = z
  .object({
    name: companyFields.name,
    legalName: companyFields.legalName.default(null),
    inn: companyFields.inn.default(null),
    kpp: companyFields.kpp.default(null),
    industry: companyFields.industry.default(null),
    size: companyFields.size.default(null),
    region: companyFields.region.default(null),
    city: companyFields.city.default(null),
    channel: companyFields.channel.default(null),
    segment: companyFields.segment.default(null),
    source: companyFields.source.default(null),
    ownerId: companyFields.ownerId.optional(),
    isKeyAccount: companyFields.isKeyAccount.default(false),
    notes: companyFields.notes.default(null),
    phones: companyFields.phones.default([]),
    emails: companyFields.emails.default([]),
    /** Create even when a company with the same INN exists (otherwise 409). */
    allowDuplicate: z.boolean().default(false),
  })
  .strict();
export type CreateCompanyRequest = z.infer<typeof CreateCompanyRequest>;

/** Changed fields only, with the `version` the client read (a stale one is 409). */
export const UpdateCompanyRequest = z.object(companyFields).partial().extend({ version: Version }).strict();
export type UpdateCompanyRequest = z.infer<typeof UpdateCompanyRequest>;

/** Archive, unarchive: the version the client read. */
export const ClientVersionRequest = z.object({ version: Version }).strict();
/** Merge `otherId` into the record in the path; `version` is the survivor's. */
export const ClientMergeRequest = z.object({ otherId: Id, version: Version }).strict();

/** Why a record looks like a duplicate, strongest first. */
export const ClientDuplicateReason = z.enum(['inn', 'email', 'phone', 'name']);
export type ClientDuplicateReason = z.infer<typeof ClientDuplicateReason>;
/**
 * A record that may be the same client. Listed across the whole organisation (so nobody
 * creates a client a colleague already works), with no more than it takes to ask about it.
 */
export const ClientDuplicate = z.object({
  id: Id,
  name: z.string(),
  /** The strongest reason; `reasons` lists all. */
  reason: ClientDuplicateReason,
  reasons: z.array(ClientDuplicateReason),
  /** Name similarity 0…1 when `name` is among the reasons. */
  similarity: z.number().nullable(),
  ownerId: Id.nullable(),
  archived: z.boolean(),
});
export type ClientDuplicate = z.infer<typeof ClientDuplicate>;
export const ClientDuplicates = z.object({ items: z.array(ClientDuplicate) });

const recordMeta = {
  ownerId: Id.nullable(),
  archivedAt: z.string().nullable(),
  mergedIntoId: Id.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** A company as lists show it. */
export const CompanySummary = z.object({
  id: Id,
  name: z.string(),
  legalName: z.string().nullable(),
  inn: z.string().nullable(),
  kpp: z.string().nullable(),
  industry: z.string().nullable(),
  size: CompanySize.nullable(),
  region: z.string().nullable(),
  city: z.string().nullable(),
  channel: CompanyChannel.nullable(),
  segment: z.string().nullable(),
  source: z.string().nullable(),
  isKeyAccount: z.boolean(),
  ...recordMeta,
  lifecycle: ClientLifecycle,
  /** Day of the latest purchase up to today, in the organisation's time zone. */
  lastPurchaseDay: Day.nullable(),
  /** The first phone and e-mail, for a list column. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type CompanySummary = z.infer<typeof CompanySummary>;

export const ContactBrief = z.object({
  id: Id,
  fullName: z.string(),
  position: z.string().nullable(),
  isDecisionMaker: z.boolean(),
  archived: z.boolean(),
});

/** One company with its phones, e-mails, contacts and open deals. */
export const Company = CompanySummary.extend({
  notes: z.string().nullable(),
  phones: z.array(ClientPhone),
  emails: z.array(ClientEmail),
  contacts: z.array(ContactBrief),
  openDealCount: z.number().int(),
});
export type Company = z.infer<typeof Company>;
export const CompanyCreated = z.object({ company: Company, duplicates: z.array(ClientDuplicate) });

const yesNo = z.enum(['true', 'false']);
export const ClientListSort = z.enum(['name', 'created', 'updated']);
export const ClientListOrder = z.enum(['asc', 'desc']);
const listFilters = {
  /** Part of a name, an INN, a phone (any spelling) or an e-mail. */
  q: z.string().trim().max(200).optional(),
  /** An owner's id, or 'none' for unowned records. */
  ownerId: z.union([Id, z.literal('none')]).optional(),
  channel: CompanyChannel.optional(),
  region: z.string().trim().max(200).optional(),
  segment: z.string().trim().max(100).optional(),
  lifecycle: ClientLifecycle.optional(),
  keyAccount: yesNo.optional(),
  archived: z.enum(['true', 'false', 'all']).default('false'),
  sort: ClientListSort.default('name'),
  /** Ascending by name, newest first by date, unless stated. */
  order: ClientListOrder.optional(),
};
export const CompaniesQuery = PageQuery.extend(listFilters).strict();
export type CompaniesQuery = z.infer<typeof CompaniesQuery>;

const contactFields = {
  fullName: PersonName,
  position: OptionalText(200),
  isDecisionMaker: z.boolean(),
  companyId: Id.nullable(),
  ownerId: Id.nullable(),
  source: OptionalText(100),
  notes: OptionalText(10_000),
  phones: z.array(ClientPhoneInput).max(20),
  emails: z.array(ClientEmailInput).max(20),
};
export const CreateContactRequest = z
  .object({
    fullName: contactFields.fullName,
    position: contactFields.position.default(null),
    isDecisionMaker: contactFields.isDecisionMaker.default(false),
    companyId: contactFields.companyId.default(null),
    ownerId: contactFields.ownerId.optional(),
    source: contactFields.source.default(null),
    notes: contactFields.notes.default(null),
    phones: contactFields.phones.default([]),
    emails: contactFields.emails.default([]),
  })
  .strict();
export type CreateContactRequest = z.infer<typeof CreateContactRequest>;
export const UpdateContactRequest = z.object(contactFields).partial().extend({ version: Version }).strict();
export type UpdateContactRequest = z.infer<typeof UpdateContactRequest>;

/** A contact as lists show it; company filters (channel, region…) apply through its company. */
export const ContactSummary = z.object({
  id: Id,
  fullName: z.string(),
  position: z.string().nullable(),
  isDecisionMaker: z.boolean(),
  companyId: Id.nullable(),
  companyName: z.string().nullable(),
  source: z.string().nullable(),
  ...recordMeta,
  /** The lifecycle of the contact's company; null without a company. */
  lifecycle: ClientLifecycle.nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type ContactSummary = z.infer<typeof ContactSummary>;
export const Contact = ContactSummary.extend({
  notes: z.string().nullable(),
  phones: z.array(ClientPhone),
  emails: z.array(ClientEmail),
  openDealCount: z.number().int(),
});
export type Contact = z.infer<typeof Contact>;
export const ContactCreated = z.object({ contact: Contact, duplicates: z.array(ClientDuplicate) });
export const ContactsQuery = PageQuery.extend({ ...listFilters, companyId: Id.optional() }).strict();
export type ContactsQuery = z.infer<typeof ContactsQuery>;
