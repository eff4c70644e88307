import { z } from 'zod';
import { Day, Id, NonEmptyName, PageQuery } from './common.ts';

// Products, pipelines, deals and sales lines. Money is always an integer number of minor units
// (kopecks) with the organisation's currency beside it; days are 'YYYY-MM-DD'.

/** An amount of money in minor units: a whole number, 0 or more, exactly representable. */
const Minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Optional free text: trimmed, and an empty string means "none". */
const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable();
const hasDecimals = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals === value;
/** Units sold: more than 0, at most 3 decimals (the numeric(14, 3) column). */
const Quantity = z
  .number()
  .gt(0)
  .max(99_999_999_999)
  .refine((v) => hasDecimals(v, 3), 'At most 3 decimal places');
/** A discount off a line, 0–100 %, at most 2 decimals. */
const Discount = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => hasDecimals(v, 2), 'At most 2 decimal places');
const Flag = z.enum(['true', 'false']);
const SortOrder = z.enum(['asc', 'desc']);

export const DealChannel = z.enum(['direct', 'dealer', 'distributor', 'retail']);
export type DealChannel = z.infer<typeof DealChannel>;
export const DealStatus = z.enum(['open', 'won', 'lost']);
export type DealStatus = z.infer<typeof DealStatus>;
export const StageKind = z.enum(['open', 'won', 'lost']);
export type StageKind = z.infer<typeof StageKind>;

/** Small reference lists (groups, pipelines, lost reasons, competitors) come whole, not paged. */
export const ReferenceListQuery = z.object({ active: z.enum(['true', 'false', 'all']).default('true') }).strict();

// ---------------------------------------------------------------- products

export const ProductGroup = z.object({
  id: Id,
  parentId: Id.nullable(),
  name: z.string(),
  /** Marked a priority direction of the department itself. */
  isPriority: z.boolean(),
  /** Itself or a parent group is a priority direction. */
  inPriorityDirection: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductGroup = z.infer<typeof ProductGroup>;
export const CreateProductGroupRequest = z
  .object({ name: NonEmptyName, parentId: Id.nullable().default(null), isPriority: z.boolean().default(false) })
  .strict();
export const UpdateProductGroupRequest = z
  .object({ name: NonEmptyName, parentId: Id.nullable(), isPriority: z.boolean() })
  .partial()
  .strict();

export const Product = z.object({
  id: Id,
  groupId: Id.nullable(),
  groupName: z.string().nullable(),
  name: z.string(),
  sku: z.string().nullable(),
  unit: z.string(),
  priceMinor: Minor,
  currency: z.string(),
  isPriority: z.boolean(),
  /** The product or one of its groups is a priority direction. */
  inPriorityDirection: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof Product>;
export const ProductSort = z.enum(['name', 'price', 'created']);
export const ProductsQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  /** A group and every group below it. */
  groupId: Id.optional(),
  priority: Flag.optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  sort: ProductSort.default('name'),
  order: SortOrder.optional(),
}).strict();
export const CreateProductRequest = z
  .object({
    name: z.string().trim().min(1).max(300),
    groupId: Id.nullable().default(null),
    sku: Text(100).default(null),
    unit: z.string().trim().min(1).max(20).default('шт'),
    priceMinor: Minor.default(0),
    isPriority: z.boolean().default(false),
  })
  .strict();
/** `active: false` deactivates a product: it stays on old deals and sales, new lines cannot use it. */
export const UpdateProductRequest = z
  .object({
    name: z.string().trim().min(1).max(300),
    groupId: Id.nullable(),
    sku: Text(100),
    unit: z.string().trim().min(1).max(20),
    priceMinor: Minor,
    isPriority: z.boolean(),
    active: z.boolean(),
  })
  .partial()
  .strict();

// ---------------------------------------------------------------- pipelines

export const PipelineStage = z.object({
  id: Id,
  pipelineId: Id,
  name: z.string(),
  position: z.number().int(),
  kind: StageKind,
  /** Chance, in per cent, that a deal at this stage is won. */
  probability: z.number().int(),
  /** An open deal longer than this in the stage is rotting; null for no limit. */
  rottingDays: z.number().int().nullable(),
  archived: z.boolean(),
});
export type PipelineStage = z.infer<typeof PipelineStage>;
export const Pipeline = z.object({
  id: Id,
  name: z.string(),
  position: z.number().int(),
  isDefault: z.boolean(),
  archived: z.boolean(),
  /** In order, archived ones included (flagged). */
  stages: z.array(PipelineStage),
});
export type Pipeline = z.infer<typeof Pipeline>;
export const PipelinesQuery = z.object({ archived: z.enum(['true', 'false', 'all']).default('false') }).strict();

const StageFields = {
  name: NonEmptyName,
  kind: StageKind,
  probability: z.number().int().min(0).max(100),
  rottingDays: z.number().int().min(1).max(3650).nullable(),
};
export const StageInput = z
  .object({ ...StageFields, kind: StageKind.default('open'), rottingDays: StageFields.rottingDays.default(null) })
  .strict();
/** A new pipeline with its stages in order: exactly one won stage and at least one lost one. */
export const CreatePipelineRequest = z
  .object({ name: NonEmptyName, isDefault: z.boolean().default(false), stages: z.array(StageInput).min(3).max(30) })
  .strict();
/** `isDefault: true` makes this the pipeline new deals go to; `archived` hides it from new deals. */
export const UpdatePipelineRequest = z
  .object({
    name: NonEmptyName,
    position: z.number().int().min(0).max(1000),
    isDefault: z.literal(true),
    archived: z.boolean(),
  })
  .partial()
  .strict();
export const PipelineStageParams = z.object({ id: Id, stageId: Id }).strict();
/** `position` (0-based) places the stage; by default an open stage goes after the last open one. */
export const CreateStageRequest = StageInput.extend({ position: z.number().int().min(0).max(100).optional() }).strict();
export const UpdateStageRequest = z
  .object({ ...StageFields, archived: z.boolean() })
  .partial()
  .strict();
/** Every stage of the pipeline, each once, in the new order. */
export const ReorderStagesRequest = z.object({ stageIds: z.array(Id).min(1).max(100) }).strict();

export const LostReason = z.object({ id: Id, name: z.string(), position: z.number().int(), active: z.boolean() });
export type LostReason = z.infer<typeof LostReason>;
export const CreateLostReasonRequest = z
  .object({ name: NonEmptyName, position: z.number().int().min(0).max(1000).optional() })
  .strict();
export const UpdateLostReasonRequest = z
  .object({ name: NonEmptyName, position: z.number().int().min(0).max(1000), active: z.boolean() })
  .partial()
  .strict();

export const Competitor = z.object({ id: Id, name: z.string(), active: z.boolean() });
export type Competitor = z.infer<typeof Competitor>;
export const CreateCompetitorRequest = z.object({ name: NonEmptyName }).strict();
export const UpdateCompetitorRequest = z.object({ name: NonEmptyName, active: z.boolean() }).partial().strict();

// ---------------------------------------------------------------- deals

/** A line of a deal as sent: the unit price defaults to the catalog price. */
export const DealLineInput = z
  .object({
    productId: Id,
    quantity: Quantity,
    unitPriceMinor: Minor.optional(),
    discountPercent: Discount.default(0),
  })
  .strict();
export const DealLine = z.object({
  id: Id,
  productId: Id,
  productName: z.string(),
  quantity: z.number(),
  unitPriceMinor: Minor,
  discountPercent: z.number(),
  /** quantity × price × (1 − discount), rounded once to a minor unit. */
  amountMinor: Minor,
});
export type DealLine = z.infer<typeof DealLine>;

export const Deal = z.object({
  id: Id,
  title: z.string(),
  pipelineId: Id,
  pipelineName: z.string(),
  stageId: Id,
  stageName: z.string(),
  status: DealStatus,
  probability: z.number().int(),
  companyId: Id.nullable(),
  companyName: z.string().nullable(),
  contactId: Id.nullable(),
  contactName: z.string().nullable(),
  ownerId: Id,
  ownerName: z.string(),
  amountMinor: Minor,
  currency: z.string(),
  expectedCloseDate: z.string().nullable(),
  channel: DealChannel.nullable(),
  territory: z.string().nullable(),
  source: z.string().nullable(),
  nextStep: z.string().nullable(),
  lostReasonId: Id.nullable(),
  lostReasonName: z.string().nullable(),
  lostComment: z.string().nullable(),
  competitorId: Id.nullable(),
  competitorName: z.string().nullable(),
  leadId: Id.nullable(),
  stageEnteredAt: z.string(),
  closedAt: z.string().nullable(),
  /** Open and in its stage longer than the stage's rotting limit. */
  isRotting: z.boolean(),
  /** Open with no open task and no planned activity ahead. */
  noNextStep: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Deal = z.infer<typeof Deal>;

export const DealStageChange = z.object({
  id: Id,
  fromStageId: Id.nullable(),
  fromStageName: z.string().nullable(),
  toStageId: Id,
  toStageName: z.string(),
  changedAt: z.string(),
  changedBy: z.object({ id: Id, fullName: z.string() }).nullable(),
});
export type DealStageChange = z.infer<typeof DealStageChange>;
/** One deal with its lines and every stage it went through, oldest first. */
export const DealDetails = Deal.extend({ lines: z.array(DealLine), stageHistory: z.array(DealStageChange) });
export type DealDetails = z.infer<typeof DealDetails>;

export const DealSort = z.enum(['amount', 'expectedClose', 'updated', 'created', 'title']);
export const DealsQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  ownerId: Id.optional(),
  pipelineId: Id.optional(),
  stageId: Id.optional(),
  status: DealStatus.optional(),
  companyId: Id.optional(),
  contactId: Id.optional(),
  channel: DealChannel.optional(),
  territory: z.string().trim().max(200).optional(),
  expectedCloseFrom: Day.optional(),
  expectedCloseTo: Day.optional(),
  amountMin: z.coerce.number().pipe(Minor).optional(),
  amountMax: z.coerce.number().pipe(Minor).optional(),
  rotting: Flag.optional(),
  noNextStep: Flag.optional(),
  sort: DealSort.default('updated'),
  order: SortOrder.optional(),
}).strict();

/** What a stage change may carry: a lost stage needs a reason from the list. */
const ClosingFields = {
  lostReasonId: Id.nullable().optional(),
  lostComment: Text(2000).optional(),
  competitorId: Id.nullable().optional(),
};
const DealFields = {
  title: z.string().trim().min(1).max(300),
  companyId: Id.nullable(),
  contactId: Id.nullable(),
  ownerId: Id,
  amountMinor: Minor,
  lines: z.array(DealLineInput).max(200),
  expectedCloseDate: Day.nullable(),
  channel: DealChannel.nullable(),
  territory: Text(200),
  source: Text(100),
  nextStep: Text(500),
};
/**
 * A new deal. The pipeline defaults to the organisation's default one and the stage to its
 * first open stage; the owner to the author. With lines, the amount is their total.
 */
export const CreateDealRequest = z
  .object({
    ...DealFields,
    ...ClosingFields,
    pipelineId: Id.optional(),
    stageId: Id.optional(),
    companyId: DealFields.companyId.default(null),
    contactId: DealFields.contactId.default(null),
    ownerId: Id.optional(),
    amountMinor: Minor.optional(),
    lines: DealFields.lines.default([]),
    expectedCloseDate: DealFields.expectedCloseDate.default(null),
    channel: DealFields.channel.default(null),
    territory: DealFields.territory.default(null),
    source: DealFields.source.default(null),
    nextStep: DealFields.nextStep.default(null),
  })
  .strict();
/**
 * Changes to a deal read at `version`. `lines` replaces every line; moving to another pipeline
 * sends `pipelineId` and a `stageId` of it together.
 */
export const UpdateDealRequest = z
  .object({
    ...DealFields,
    ...ClosingFields,
    pipelineId: Id,
    stageId: Id,
  })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict()
  .superRefine((body, issue) => {
    if (body.pipelineId !== undefined && body.stageId === undefined) {
      issue.addIssue({ code: 'custom', path: ['stageId'], message: 'Send the stage of the new pipeline' });
    }
    if (body.stageId !== undefined && body.pipelineId === undefined) {
      issue.addIssue({ code: 'custom', path: ['pipelineId'], message: 'Send the pipeline with the stage' });
    }
  });
export const MoveDealStageRequest = z
  .object({ stageId: Id, version: z.number().int().min(1), ...ClosingFields })
  .strict();

/** A deal card on the board. */
export const BoardDeal = Deal.pick({
  id: true,
  title: true,
  amountMinor: true,
  currency: true,
  companyId: true,
  companyName: true,
  ownerId: true,
  ownerName: true,
  expectedCloseDate: true,
  stageEnteredAt: true,
  nextStep: true,
  isRotting: true,
  noNextStep: true,
  version: true,
});
export type BoardDeal = z.infer<typeof BoardDeal>;
export const BoardColumn = z.object({
  stage: PipelineStage,
  /** Open deals in the stage that you may see. */
  count: z.number().int(),
  amountMinor: Minor,
  /** Σ amount × probability / 100, each deal rounded to a minor unit. */
  weightedAmountMinor: Minor,
  /** The first `perStage` deals, longest in the stage first. */
  deals: z.array(BoardDeal),
});
export const PipelineBoard = z.object({
  pipelineId: Id,
  pipelineName: z.string(),
  currency: z.string(),
  columns: z.array(BoardColumn),
});
export type PipelineBoard = z.infer<typeof PipelineBoard>;
export const BoardQuery = z
  .object({ perStage: z.coerce.number().int().min(1).max(200).default(50), ownerId: Id.optional() })
  .strict();

// ---------------------------------------------------------------- sales lines

export const Sale = z.object({
  id: Id,
  saleDate: z.string(),
  companyId: Id.nullable(),
  companyName: z.string().nullable(),
  productId: Id.nullable(),
  productName: z.string().nullable(),
  /** The won deal the line came from; null for a line entered directly. */
  dealId: Id.nullable(),
  quantity: z.number(),
  amountMinor: Minor,
  currency: z.string(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  channel: DealChannel.nullable(),
  territory: z.string().nullable(),
  externalRef: z.string().nullable(),
  createdAt: z.string(),
});
export type Sale = z.infer<typeof Sale>;
export const SalesQuery = PageQuery.extend({
  from: Day.optional(),
  to: Day.optional(),
  ownerId: Id.optional(),
  companyId: Id.optional(),
  productId: Id.optional(),
  dealId: Id.optional(),
  channel: DealChannel.optional(),
  territory: z.string().trim().max(200).optional(),
  order: SortOrder.default('desc'),
}).strict();
/** A sales line of a department that sells outside deals; `externalRef` is unique per organisation. */
export const CreateSaleRequest = z
  .object({
    saleDate: Day,
    companyId: Id.nullable().default(null),
    productId: Id.nullable().default(null),
    quantity: Quantity.default(1),
    amountMinor: Minor,
    ownerId: Id.optional(),
    channel: DealChannel.nullable().default(null),
    territory: Text(200).default(null),
    externalRef: Text(200).default(null),
  })
  .strict();
