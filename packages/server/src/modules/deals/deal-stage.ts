import { localDay } from '@pulse/domain';
import { unprocessable } from '../../http/errors.ts';
import { auditChange } from '../audit/record-audit.ts';
import { assertLostReason } from './deal-references.ts';
import type { StageRow } from './pipelines.queries.ts';
import { type Ctx, getOrgMoneySettings } from './use-case-context.ts';

// What happens when a deal enters a stage: its status follows the stage's kind, a lost stage
// needs a reason from the list, won and lost close the deal, and the change is stored so time in
// stage and conversion can be computed exactly. Sales lines follow a won deal.

/** The deal columns that entering a stage sets. */
export interface StageEntry {
  pipeline_id: string;
  stage_id: string;
  status: 'open' | 'won' | 'lost';
  stage_entered_at: Date;
  closed_at: Date | null;
  lost_reason_id: string | null;
  lost_comment: string | null;
}

/** A lost reason and comment as the request sent them (undefined = not sent). */
export interface ClosingInput {
  lostReasonId?: string | null;
  lostComment?: string | null;
}

export async function enterStage(
  ctx: Ctx,
  stage: StageRow,
  closing: ClosingInput,
  current: { status: string; closed_at: Date | null } | null,
): Promise<StageEntry> {
  const now = ctx.deps.now();
  const kind = stage.kind === 'won' || stage.kind === 'lost' ? stage.kind : 'open';
  let lost = { lost_reason_id: null as string | null, lost_comment: null as string | null };
  if (kind === 'lost') {
    if (!closing.lostReasonId) {
      throw unprocessable('A lost deal needs a lost reason from the list', [
        { path: 'body.lostReasonId', message: 'Required for a lost stage' },
      ]);
    }
    await assertLostReason(ctx, closing.lostReasonId);
    lost = { lost_reason_id: closing.lostReasonId, lost_comment: closing.lostComment ?? null };
  } else if (closing.lostReasonId || closing.lostComment) {
    throw unprocessable('Only a lost deal has a lost reason', [
      { path: closing.lostReasonId ? 'body.lostReasonId' : 'body.lostComment', message: 'Not a lost stage' },
    ]);
  }
  // Moving between two closed stages of the same kind (another pipeline's) keeps the close date.
  const closedAt = kind === 'open' ? null : current?.status === kind ? current.closed_at : now;
  return {
    pipeline_id: stage.pipeline_id,
    stage_id: stage.stage_id,
    status: kind,
    stage_entered_at: now,
    closed_at: closedAt,
    ...lost,
  };
}

/** Stores one move in the deal's stage history (from null on creation). */
export async function recordStageChange(
  ctx: Ctx,
  dealId: string,
  fromStageId: string | null,
  toStageId: string,
): Promise<void> {
  await ctx.tx
    .insertInto('deal_stage_changes')
    .values({
      org_id: ctx.actor.orgId,
      deal_id: dealId,
      from_stage_id: fromStageId,
      to_stage_id: toStageId,
      changed_at: ctx.deps.now(),
      changed_by: ctx.actor.userId,
    })
    .execute();
}

/** Removes the sales lines a won deal created (each deletion audited). */
export async function clearDealSales(ctx: Ctx, dealId: string): Promise<void> {
  const { tx, actor } = ctx;
  const rows = await tx
    .deleteFrom('sales')
    .where('org_id', '=', actor.orgId)
    .where('deal_id', '=', dealId)
    .returningAll()
    .execute();
  for (const row of rows) {
    await auditChange(ctx, {
      action: 'delete',
      entity: 'sale',
      entityId: row.sale_id,
      before: { ...saleFields(row), dealId: row.deal_id },
      after: null,
    });
  }
}

/**
 * Makes the deal's sales lines match the deal: none unless it is won; when won, one per deal
 * line, or one for the whole amount (no product) when it has no lines, dated the local day of
 * the win in the organisation's time zone. Lines already matching are left alone.
 */
export async function syncDealSales(ctx: Ctx, dealId: string): Promise<void> {
  const { tx, actor } = ctx;
  const deal = await tx
    .selectFrom('deals')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('deal_id', '=', dealId)
    .executeTakeFirstOrThrow();
  const existing = await tx
    .selectFrom('sales')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('deal_id', '=', dealId)
    .orderBy('deal_line_id')
    .execute();
  let wanted: SaleFields[] = [];
  if (deal.status === 'won' && deal.closed_at) {
    const { timeZone } = await getOrgMoneySettings(tx, actor.orgId);
    const lines = await tx
      .selectFrom('deal_lines')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .where('deal_id', '=', dealId)
      .orderBy('deal_line_id')
      .execute();
    const common = {
      saleDate: localDay(deal.closed_at, timeZone),
      companyId: deal.company_id,
      currency: deal.currency,
      ownerId: deal.owner_id,
      channel: deal.channel,
      territory: deal.territory,
    };
    wanted =
      lines.length > 0
        ? lines.map((l) => ({
            ...common,
            productId: l.product_id,
            dealLineId: l.deal_line_id,
            quantity: Number(l.quantity),
            amountMinor: l.amount_minor,
          }))
        : [{ ...common, productId: null, dealLineId: null, quantity: 1, amountMinor: deal.amount_minor }];
  }
  if (JSON.stringify(existing.map(saleFields)) === JSON.stringify(wanted)) return;
  await clearDealSales(ctx, dealId);
  for (const sale of wanted) {
    const row = await tx
      .insertInto('sales')
      .values({
        org_id: actor.orgId,
        sale_date: sale.saleDate,
        company_id: sale.companyId,
        product_id: sale.productId,
        deal_id: dealId,
        deal_line_id: sale.dealLineId,
        quantity: sale.quantity,
        amount_minor: sale.amountMinor,
        currency: sale.currency,
        owner_id: sale.ownerId,
        channel: sale.channel,
        territory: sale.territory,
        created_by: actor.userId,
        created_at: ctx.deps.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditChange(ctx, {
      action: 'create',
      entity: 'sale',
      entityId: row.sale_id,
      before: null,
      after: { ...saleFields(row), dealId },
    });
  }
}

type SaleFields = ReturnType<typeof saleFields>;

/** A sales line's business fields, in one key order (the comparison above relies on it). */
export function saleFields(row: {
  sale_date: string;
  company_id: string | null;
  currency: string;
  owner_id: string | null;
  channel: string | null;
  territory: string | null;
  product_id: string | null;
  deal_line_id: string | null;
  quantity: string;
  amount_minor: number;
}) {
  return {
    saleDate: row.sale_date,
    companyId: row.company_id,
    currency: row.currency,
    ownerId: row.owner_id,
    channel: row.channel,
    territory: row.territory,
    productId: row.product_id,
    dealLineId: row.deal_line_id,
    quantity: Number(row.quantity),
    amountMinor: row.amount_minor,
  };
}
