import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';

// What the live KPIs read for the people in scope: stage entries of the period from the stage
// history (deal_stage_changes_at_idx, then the deal by key), the people's open deals
// (deals_owner_idx), their rep lines in approved plans (plan_lines_user_idx) and their sales
// (sales_owner_idx).

/** One recorded stage entry of a deal that entered an open stage in the period. */
export interface StageEntryRow {
  deal_id: string;
  owner_id: string;
  stage_id: string;
  pipeline_id: string;
  position: number;
  kind: string;
  changed_at: Date;
}

/**
 * The whole stage history (every entry, also after the period) of the people's deals that entered
 * an open stage in [from, to): later entries decide whether they advanced.
 */
export async function findStageHistories(
  tx: Tx,
  orgId: string,
  ownerIds: readonly string[],
  range: { from: Date; to: Date },
): Promise<StageEntryRow[]> {
  if (ownerIds.length === 0) return [];
  // Each deal and each history is read by key (OFFSET 0 keeps the planner from hashing every
  // deal, or every stage change, of the organisation instead).
  const { rows } = await sql<StageEntryRow>`
    SELECT en.deal_id, en.owner_id, c.to_stage_id AS stage_id, s.pipeline_id, s.position, s.kind, c.changed_at
    FROM (
      SELECT DISTINCT e.deal_id, d.owner_id
      FROM deal_stage_changes e
      JOIN stages es ON es.org_id = e.org_id AND es.stage_id = e.to_stage_id
      JOIN LATERAL (
        SELECT d.owner_id FROM deals d
        WHERE d.org_id = e.org_id AND d.deal_id = e.deal_id AND d.owner_id = ANY(${[...ownerIds]}::uuid[])
        OFFSET 0
      ) d ON true
      WHERE e.org_id = ${orgId} AND e.changed_at >= ${range.from} AND e.changed_at < ${range.to} AND es.kind = 'open'
    ) en
    JOIN LATERAL (
      SELECT h.to_stage_id, h.changed_at FROM deal_stage_changes h
      WHERE h.org_id = ${orgId} AND h.deal_id = en.deal_id
      OFFSET 0
    ) c ON true
    JOIN stages s ON s.org_id = ${orgId} AND s.stage_id = c.to_stage_id
    ORDER BY en.deal_id, c.changed_at`.execute(tx);
  return rows.map((row) => ({ ...row, changed_at: new Date(row.changed_at) }));
}

/** Every stage of the organisation's pipelines, in pipeline then stage order. */
export async function findStages(tx: Tx, orgId: string) {
  return tx
    .selectFrom('stages as s')
    .innerJoin('pipelines as p', (j) =>
      j.onRef('p.org_id', '=', 's.org_id').onRef('p.pipeline_id', '=', 's.pipeline_id'),
    )
    .select([
      's.stage_id',
      's.pipeline_id',
      's.name',
      's.position',
      's.kind',
      's.archived_at',
      'p.archived_at as pipeline_archived_at',
    ])
    .where('s.org_id', '=', orgId)
    .orderBy('p.position')
    .orderBy('p.pipeline_id')
    .orderBy('s.position')
    .execute();
}

/** An open deal of one of the people, expected to close in the period, in the currency. */
export interface OpenDealRow {
  deal_id: string;
  owner_id: string;
  amount_minor: number;
  probability: number;
  expected_close_date: string;
}

export async function findOpenDealsClosingIn(
  tx: Tx,
  orgId: string,
  ownerIds: readonly string[],
  period: { from: string; to: string; currency: string },
): Promise<OpenDealRow[]> {
  if (ownerIds.length === 0) return [];
  const rows = await tx
    .selectFrom('deals as d')
    .innerJoin('stages as s', (j) => j.onRef('s.org_id', '=', 'd.org_id').onRef('s.stage_id', '=', 'd.stage_id'))
    .select(['d.deal_id', 'd.owner_id', 'd.amount_minor', 's.probability', 'd.expected_close_date'])
    .where('d.org_id', '=', orgId)
    .where(sql<boolean>`d.owner_id = ANY(${[...ownerIds]}::uuid[])`)
    .where('d.status', '=', 'open')
    .where('d.currency', '=', period.currency)
    .where('d.expected_close_date', '>=', period.from)
    .where('d.expected_close_date', '<=', period.to)
    .orderBy('d.expected_close_date')
    .orderBy('d.deal_id')
    .execute();
  return rows.map((row) => ({
    deal_id: row.deal_id,
    owner_id: row.owner_id,
    amount_minor: Number(row.amount_minor),
    probability: row.probability,
    expected_close_date: String(row.expected_close_date),
  }));
}

/** A rep line of an approved plan overlapping the period, with its realistic plan for the months the period touches. */
export interface RepPlanRow {
  user_id: string;
  plan_id: string;
  plan_line_id: string;
  scope_unit_id: string | null;
  currency: string;
  approved_at: Date;
  realistic_minor: number;
}

export async function findRepPlans(
  tx: Tx,
  orgId: string,
  userIds: readonly string[],
  period: { from: string; to: string },
): Promise<RepPlanRow[]> {
  if (userIds.length === 0) return [];
  const { rows } = await sql<Omit<RepPlanRow, 'realistic_minor'> & { realistic_minor: string }>`
    SELECT pl.user_id, pl.plan_id, pl.plan_line_id, p.scope_unit_id, p.currency, p.approved_at,
      (SELECT coalesce(sum(m.realistic_minor), 0) FROM plan_line_months m
        WHERE m.org_id = pl.org_id AND m.plan_line_id = pl.plan_line_id
          AND m.month_start >= date_trunc('month', ${period.from}::date)::date
          AND m.month_start <= ${period.to}::date)::text AS realistic_minor
    FROM plan_lines pl
    JOIN plans p ON p.org_id = pl.org_id AND p.plan_id = pl.plan_id
    WHERE pl.org_id = ${orgId} AND pl.user_id = ANY(${[...userIds]}::uuid[]) AND pl.kind = 'rep'
      AND pl.dimension = 'structure' AND p.status = 'approved'
      AND p.period_start <= ${period.to}::date AND p.period_end >= ${period.from}::date`.execute(tx);
  return rows.map((row) => ({ ...row, realistic_minor: Number(row.realistic_minor) }));
}

/** Sales of each person in the days, in the currency. */
export async function findSalesByOwner(
  tx: Tx,
  orgId: string,
  ownerIds: readonly string[],
  period: { from: string; to: string; currency: string },
): Promise<Map<string, number>> {
  if (ownerIds.length === 0 || period.to < period.from) return new Map();
  const rows = await tx
    .selectFrom('sales as s')
    .select(['s.owner_id', sql<string>`sum(s.amount_minor)::text`.as('amount')])
    .where('s.org_id', '=', orgId)
    .where(sql<boolean>`s.owner_id = ANY(${[...ownerIds]}::uuid[])`)
    .where('s.sale_date', '>=', period.from)
    .where('s.sale_date', '<=', period.to)
    .where('s.currency', '=', period.currency)
    .groupBy('s.owner_id')
    .execute();
  return new Map(rows.map((row) => [row.owner_id ?? '', Number(row.amount)]));
}

/** The organisation's currency, for people without a plan. */
export async function getOrgCurrency(tx: Tx, orgId: string): Promise<string> {
  const row = await tx
    .selectFrom('organizations')
    .select('currency')
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return row.currency;
}
