import {
  type Deal,
  DealChannel,
  type DealDetails,
  type DealLine,
  type DealStageChange,
  DealStatus,
} from '@pulse/contracts';
import type { DealLineRow, DealRow, StageChangeRow } from './deals.queries.ts';

const iso = (value: Date) => value.toISOString();

export function presentDeal(row: DealRow): Deal {
  return {
    id: row.deal_id,
    title: row.title,
    pipelineId: row.pipeline_id,
    pipelineName: row.pipeline_name,
    stageId: row.stage_id,
    stageName: row.stage_name,
    status: DealStatus.parse(row.status),
    probability: row.probability,
    companyId: row.company_id,
    companyName: row.company_name,
    contactId: row.contact_id,
    contactName: row.contact_name,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    amountMinor: row.amount_minor,
    currency: row.currency,
    expectedCloseDate: row.expected_close_date,
    channel: DealChannel.nullable().parse(row.channel),
    territory: row.territory,
    source: row.source,
    nextStep: row.next_step,
    lostReasonId: row.lost_reason_id,
    lostReasonName: row.lost_reason_name,
    lostComment: row.lost_comment,
    competitorId: row.competitor_id,
    competitorName: row.competitor_name,
    leadId: row.lead_id,
    stageEnteredAt: iso(row.stage_entered_at),
    closedAt: row.closed_at && iso(row.closed_at),
    isRotting: row.is_rotting,
    noNextStep: row.no_next_step,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function presentDealLine(row: DealLineRow): DealLine {
  return {
    id: row.deal_line_id,
    productId: row.product_id,
    productName: row.product_name,
    // numeric columns arrive as exact decimal strings; three decimals fit a double exactly enough.
    quantity: Number(row.quantity),
    unitPriceMinor: row.unit_price_minor,
    discountPercent: Number(row.discount_percent),
    amountMinor: row.amount_minor,
  };
}

export function presentStageChange(row: StageChangeRow): DealStageChange {
  return {
    id: row.change_id,
    fromStageId: row.from_stage_id,
    fromStageName: row.from_stage_name,
    toStageId: row.to_stage_id,
    toStageName: row.to_stage_name,
    changedAt: iso(row.changed_at),
    changedBy: row.changed_by && row.changed_by_name ? { id: row.changed_by, fullName: row.changed_by_name } : null,
  };
}

/** What the audit log keeps of a deal: its business fields and lines, not names or flags. */
export function auditedDeal(deal: DealDetails): Record<string, unknown> {
  return {
    title: deal.title,
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    status: deal.status,
    companyId: deal.companyId,
    contactId: deal.contactId,
    ownerId: deal.ownerId,
    amountMinor: deal.amountMinor,
    currency: deal.currency,
    expectedCloseDate: deal.expectedCloseDate,
    channel: deal.channel,
    territory: deal.territory,
    source: deal.source,
    nextStep: deal.nextStep,
    lostReasonId: deal.lostReasonId,
    lostComment: deal.lostComment,
    competitorId: deal.competitorId,
    closedAt: deal.closedAt,
    lines: deal.lines.map((l) => ({
      productId: l.productId,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      discountPercent: l.discountPercent,
      amountMinor: l.amountMinor,
    })),
  };
}
