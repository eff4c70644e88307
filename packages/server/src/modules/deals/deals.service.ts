import type { DealChannel, DealDetails } from '@pulse/contracts';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors.ts';
import { auditChange } from '../audit/record-audit.ts';
import { newPipelineStage, resolveInitialStage } from './deal-placement.ts';
import {
  assertCompany,
  assertCompetitor,
  assertContact,
  assertLostReason,
  type LineInput,
  type PricedLine,
  priceLines,
  resolveOwner,
} from './deal-references.ts';
import {
  type ClosingInput,
  clearDealSales,
  enterStage,
  recordStageChange,
  type StageEntry,
  syncDealSales,
} from './deal-stage.ts';
import { canCreateDeals, canEditDeal, canViewDeal } from './deals.policy.ts';
import { type DealRow, findDealLineRows, findStageChangeRows, getDealRow } from './deals.queries.ts';
import { auditedDeal, presentDeal, presentDealLine, presentStageChange } from './present-deal.ts';
import { getLiveStageOf } from './stages.service.ts';
import { type Ctx, getOrgMoneySettings } from './use-case-context.ts';

/** One deal in the actor's scope with its lines and stage history (404 outside it). */
export async function getDeal(ctx: Ctx, dealId: string): Promise<DealDetails> {
  return detailsOf(ctx, await getVisibleDealRow(ctx, dealId));
}

interface DealInput extends ClosingInput {
  title: string;
  pipelineId?: string;
  stageId?: string;
  companyId: string | null;
  contactId: string | null;
  ownerId?: string;
  amountMinor?: number;
  lines: LineInput[];
  expectedCloseDate: string | null;
  channel: DealChannel | null;
  territory: string | null;
  source: string | null;
  nextStep: string | null;
  competitorId?: string | null;
  /** The lead the deal was converted from. */
  leadId?: string | null;
}

/**
 * A deal opened by a lead's conversion is owned by the person the lead was handed to: the
 * hand-off chose them, so the actor's right to reassign is not asked again.
 */
export interface CreateDealOptions {
  ownerFromHandOff?: boolean;
}

/** A new deal in its first stage (recorded in the history); won on creation, it books its sales. */
export async function createDeal(
  ctx: Ctx,
  input: DealInput,
  { ownerFromHandOff = false }: CreateDealOptions = {},
): Promise<DealDetails> {
  const { tx, actor } = ctx;
  if (!canCreateDeals(actor)) throw forbidden();
  const ownerId =
    ownerFromHandOff && input.ownerId ? input.ownerId : await resolveOwner(ctx, input.ownerId, actor.userId);
  const stage = await resolveInitialStage(ctx, input.pipelineId, input.stageId);
  await assertCompany(ctx, input.companyId);
  await assertContact(ctx, input.contactId, input.companyId);
  await assertCompetitor(ctx, input.competitorId);
  const priced = await priceLines(ctx, input.lines);
  const amountMinor = amountOf(priced.lines, priced.totalMinor, input.amountMinor, 0);
  const entry = await enterStage(ctx, stage, input, null);
  const { currency } = await getOrgMoneySettings(tx, actor.orgId);
  const now = ctx.deps.now();
  const { deal_id: dealId } = await tx
    .insertInto('deals')
    .values({
      org_id: actor.orgId,
      title: input.title,
      ...entry,
      company_id: input.companyId,
      contact_id: input.contactId,
      owner_id: ownerId,
      amount_minor: amountMinor,
      currency,
      expected_close_date: input.expectedCloseDate,
      channel: input.channel,
      territory: input.territory,
      source: input.source,
      next_step: input.nextStep,
      competitor_id: input.competitorId ?? null,
      lead_id: input.leadId ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('deal_id')
    .executeTakeFirstOrThrow();
  await insertLines(ctx, dealId, priced.lines);
  await recordStageChange(ctx, dealId, null, stage.stage_id);
  await syncDealSales(ctx, dealId);
  const deal = await detailsOf(ctx, await requireDealRow(ctx, dealId));
  await auditChange(ctx, {
    action: 'create',
    entity: 'deal',
    entityId: dealId,
    before: null,
    after: auditedDeal(deal),
  });
  return deal;
}

/**
 * Edits a deal read at `input.version` (409 when someone changed it since). `lines` replaces
 * every line; `pipelineId` + `stageId` move it, to another pipeline too, by the stage rules.
 */
export async function updateDeal(
  ctx: Ctx,
  dealId: string,
  input: Partial<Omit<DealInput, 'lines'>> & { lines?: LineInput[]; version: number },
): Promise<DealDetails> {
  const { tx, actor } = ctx;
  const row = await getEditableDealRow(ctx, dealId, input.version);
  const before = await detailsOf(ctx, row);
  const ownerId = await resolveOwner(ctx, input.ownerId, before.ownerId);
  const companyId = input.companyId === undefined ? before.companyId : input.companyId;
  const contactId = input.contactId === undefined ? before.contactId : input.contactId;
  if (input.companyId !== undefined) await assertCompany(ctx, input.companyId);
  if (input.companyId !== undefined || input.contactId !== undefined) await assertContact(ctx, contactId, companyId);
  if (input.competitorId !== undefined) await assertCompetitor(ctx, input.competitorId);

  let newLines: PricedLine[] | null = null;
  let amountMinor = before.amountMinor;
  if (input.lines !== undefined) {
    const priced = await priceLines(ctx, input.lines, new Set(before.lines.map((l) => l.productId)));
    newLines = priced.lines;
    amountMinor = amountOf(priced.lines, priced.totalMinor, input.amountMinor, before.amountMinor);
  } else if (input.amountMinor !== undefined) {
    amountMinor = amountOf(before.lines, before.amountMinor, input.amountMinor, before.amountMinor);
  }

  let entry: StageEntry | null = null;
  const { pipelineId, stageId } = input;
  if (
    pipelineId !== undefined &&
    stageId !== undefined &&
    (stageId !== before.stageId || pipelineId !== before.pipelineId)
  ) {
    entry = await enterStage(ctx, await newPipelineStage(ctx, pipelineId, stageId, before.pipelineId), input, row);
  }
  const lost = entry ? {} : await lostFieldsUpdate(ctx, before, input);

  if (newLines) {
    // Sales lines point at deal lines, so they go first; syncDealSales books them again below.
    await clearDealSales(ctx, dealId);
    await tx.deleteFrom('deal_lines').where('org_id', '=', actor.orgId).where('deal_id', '=', dealId).execute();
    await insertLines(ctx, dealId, newLines);
  }
  const updated = await tx
    .updateTable('deals')
    .set({
      title: input.title ?? before.title,
      company_id: companyId,
      contact_id: contactId,
      owner_id: ownerId,
      amount_minor: amountMinor,
      expected_close_date: input.expectedCloseDate === undefined ? before.expectedCloseDate : input.expectedCloseDate,
      channel: input.channel === undefined ? before.channel : input.channel,
      territory: input.territory === undefined ? before.territory : input.territory,
      source: input.source === undefined ? before.source : input.source,
      next_step: input.nextStep === undefined ? before.nextStep : input.nextStep,
      competitor_id: input.competitorId === undefined ? before.competitorId : input.competitorId,
      ...lost,
      ...entry,
      version: input.version + 1,
      updated_at: ctx.deps.now(),
    })
    .where('org_id', '=', actor.orgId)
    .where('deal_id', '=', dealId)
    .where('version', '=', input.version)
    .returning('deal_id')
    .executeTakeFirst();
  if (!updated) throw staleVersion();
  if (entry) await recordStageChange(ctx, dealId, before.stageId, entry.stage_id);
  return finishUpdate(ctx, dealId, before);
}

/** Moves a deal to another stage of its pipeline (POST /api/deals/:id/stage). */
export async function moveDealStage(
  ctx: Ctx,
  dealId: string,
  input: ClosingInput & { stageId: string; version: number; competitorId?: string | null },
): Promise<DealDetails> {
  const { tx, actor } = ctx;
  const row = await getEditableDealRow(ctx, dealId, input.version);
  if (input.stageId === row.stage_id) {
    throw unprocessable('The deal is already in this stage', [{ path: 'body.stageId', message: 'Same stage' }]);
  }
  const stage = await getLiveStageOf(ctx, row.pipeline_id, input.stageId, 'body.stageId');
  if (input.competitorId !== undefined) await assertCompetitor(ctx, input.competitorId);
  const entry = await enterStage(ctx, stage, input, row);
  const before = await detailsOf(ctx, row);
  const updated = await tx
    .updateTable('deals')
    .set({
      ...entry,
      competitor_id: input.competitorId === undefined ? row.competitor_id : input.competitorId,
      version: input.version + 1,
      updated_at: ctx.deps.now(),
    })
    .where('org_id', '=', actor.orgId)
    .where('deal_id', '=', dealId)
    .where('version', '=', input.version)
    .returning('deal_id')
    .executeTakeFirst();
  if (!updated) throw staleVersion();
  await recordStageChange(ctx, dealId, row.stage_id, stage.stage_id);
  return finishUpdate(ctx, dealId, before);
}

async function finishUpdate(ctx: Ctx, dealId: string, before: DealDetails): Promise<DealDetails> {
  await syncDealSales(ctx, dealId);
  const after = await detailsOf(ctx, await requireDealRow(ctx, dealId));
  await auditChange(ctx, {
    action: 'update',
    entity: 'deal',
    entityId: dealId,
    before: auditedDeal(before),
    after: auditedDeal(after),
  });
  return after;
}

async function getVisibleDealRow(ctx: Ctx, dealId: string): Promise<DealRow> {
  const row = await getDealRow(ctx.tx, ctx.actor.orgId, dealId, ctx.deps.now());
  if (!row || !canViewDeal(ctx.actor, { ownerId: row.owner_id, ownerUnitId: row.owner_unit_id })) {
    throw notFound('Deal');
  }
  return row;
}

/** The deal, if the actor may change it (403) and read it at the current version (409). */
async function getEditableDealRow(ctx: Ctx, dealId: string, version: number): Promise<DealRow> {
  const row = await getVisibleDealRow(ctx, dealId);
  if (!canEditDeal(ctx.actor, { ownerId: row.owner_id, ownerUnitId: row.owner_unit_id })) {
    throw forbidden('Only the owner, their head or an administrator changes this deal');
  }
  if (row.version !== version) throw staleVersion();
  return row;
}

async function requireDealRow(ctx: Ctx, dealId: string): Promise<DealRow> {
  const row = await getDealRow(ctx.tx, ctx.actor.orgId, dealId, ctx.deps.now());
  if (!row) throw notFound('Deal');
  return row;
}

const staleVersion = () =>
  conflict('The deal was changed since you read it; reload it and try again', [
    { path: 'body.version', message: 'Stale version' },
  ]);

async function detailsOf(ctx: Ctx, row: DealRow): Promise<DealDetails> {
  const [lines, history] = [
    await findDealLineRows(ctx.tx, ctx.actor.orgId, row.deal_id),
    await findStageChangeRows(ctx.tx, ctx.actor.orgId, row.deal_id),
  ];
  return {
    ...presentDeal(row),
    lines: lines.map(presentDealLine),
    stageHistory: history.map(presentStageChange),
  };
}

/** With lines the amount is their exact total; a different amount sent beside them is a 422. */
function amountOf(
  lines: readonly unknown[],
  totalMinor: number,
  requested: number | undefined,
  fallback: number,
): number {
  if (lines.length === 0) return requested ?? fallback;
  if (requested !== undefined && requested !== totalMinor) {
    throw unprocessable(`A deal with lines is worth their total, ${totalMinor}`, [
      { path: 'body.amountMinor', message: 'Differs from the total of the lines' },
    ]);
  }
  return totalMinor;
}

async function insertLines(ctx: Ctx, dealId: string, lines: readonly PricedLine[]): Promise<void> {
  if (lines.length === 0) return;
  await ctx.tx
    .insertInto('deal_lines')
    .values(
      lines.map((line, position) => ({
        org_id: ctx.actor.orgId,
        deal_id: dealId,
        product_id: line.productId,
        quantity: line.quantity,
        unit_price_minor: line.unitPriceMinor,
        discount_percent: line.discountPercent,
        amount_minor: line.amountMinor,
        position,
      })),
    )
    .execute();
}

/** A lost reason or comment edited on a deal that stays where it is: only a lost deal has them. */
async function lostFieldsUpdate(
  ctx: Ctx,
  before: DealDetails,
  input: ClosingInput,
): Promise<{ lost_reason_id?: string; lost_comment?: string | null }> {
  if (input.lostReasonId === undefined && input.lostComment === undefined) return {};
  const path = input.lostReasonId !== undefined ? 'body.lostReasonId' : 'body.lostComment';
  if (before.status !== 'lost') {
    throw unprocessable('Only a lost deal has a lost reason', [{ path, message: 'The deal is not lost' }]);
  }
  if (input.lostReasonId === null) {
    throw unprocessable('A lost deal needs a lost reason from the list', [{ path, message: 'Required' }]);
  }
  if (input.lostReasonId !== undefined) await assertLostReason(ctx, input.lostReasonId);
  return {
    ...(input.lostReasonId !== undefined ? { lost_reason_id: input.lostReasonId } : {}),
    ...(input.lostComment !== undefined ? { lost_comment: input.lostComment } : {}),
  };
}
