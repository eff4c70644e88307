import { z } from 'zod';
import { Day, Id, Instant, PageQuery } from './common.ts';
import { PipelineStage } from './pipelines.ts';
import { Discount, Flag, Minor, Quantity, SortOrder, Text } from './sales-fields.ts';

// Deals, their product lines, stage moves and the pipeline board. Amounts are in minor units;
// days are 'YYYY-MM-DD'.

export const DealChannel = z.enum(['direct', 'dealer', 'distributor', 'retail']);
export type DealChannel = z.infer<typeof DealChannel>;
export const DealStatus = z.enum(['open', 'won', 'lost']);
export type DealStatus = z.infer<typeof DealStatus>;

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
  /** Closed (won or lost) at or after this instant. */
  closedFrom: Instant.optional(),
  /** Closed before this instant. */
  closedTo: Instant.optional(),
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
