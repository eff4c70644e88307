import { type Expression, type SqlBool, sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { afterCursor, type KeysetSort, orderBy, sortKey } from '../../http/keyset.ts';
import type { Actor } from '../access/actor.ts';
import { ownerInScope } from '../access/record-scope.ts';
import { containsPattern } from './use-case-context.ts';

// Every query here reads deals as `d` joined to their stage `s`, so the rotting and next-step
// conditions below can be used in lists, filters and the board alike.

/** An open deal longer in its stage than the stage's rotting limit (calendar days). */
export function isRottingSql(now: Date): Expression<SqlBool> {
  return sql<SqlBool>`(d.status = 'open' AND s.rotting_days IS NOT NULL
    AND d.stage_entered_at < ${now}::timestamptz - make_interval(days => s.rotting_days))`;
}

/**
 * An open deal with nothing planned: no open task and no planned activity still ahead. Tasks
 * and activities belong to the activities module; they are only read here. Each is an index probe
 * per deal (`OFFSET 0` keeps PostgreSQL from hashing every open task of the organisation instead,
 * which on dataset M costs more than the whole 50-row page).
 */
export function noNextStepSql(now: Date): Expression<SqlBool> {
  return sql<SqlBool>`(d.status = 'open'
    AND NOT EXISTS (SELECT 1 FROM tasks t
      WHERE t.org_id = d.org_id AND t.deal_id = d.deal_id AND t.status = 'open' OFFSET 0)
    AND NOT EXISTS (SELECT 1 FROM activities a
      WHERE a.org_id = d.org_id AND a.deal_id = d.deal_id AND a.status = 'planned'
        AND a.occurred_at > ${now}::timestamptz OFFSET 0))`;
}

/** Deals with the names a client shows beside them and the two flags. */
export function dealSelect(tx: Tx, orgId: string, now: Date) {
  return tx
    .selectFrom('deals as d')
    .innerJoin('stages as s', (j) => j.onRef('s.org_id', '=', 'd.org_id').onRef('s.stage_id', '=', 'd.stage_id'))
    .innerJoin('pipelines as p', (j) =>
      j.onRef('p.org_id', '=', 'd.org_id').onRef('p.pipeline_id', '=', 'd.pipeline_id'),
    )
    .innerJoin('users as o', (j) => j.onRef('o.org_id', '=', 'd.org_id').onRef('o.user_id', '=', 'd.owner_id'))
    .leftJoin('companies as c', (j) => j.onRef('c.org_id', '=', 'd.org_id').onRef('c.company_id', '=', 'd.company_id'))
    .leftJoin('contacts as ct', (j) =>
      j.onRef('ct.org_id', '=', 'd.org_id').onRef('ct.contact_id', '=', 'd.contact_id'),
    )
    .leftJoin('lost_reasons as lr', (j) =>
      j.onRef('lr.org_id', '=', 'd.org_id').onRef('lr.lost_reason_id', '=', 'd.lost_reason_id'),
    )
    .leftJoin('competitors as cp', (j) =>
      j.onRef('cp.org_id', '=', 'd.org_id').onRef('cp.competitor_id', '=', 'd.competitor_id'),
    )
    .selectAll('d')
    .select([
      's.name as stage_name',
      's.probability',
      'p.name as pipeline_name',
      'o.full_name as owner_name',
      'o.unit_id as owner_unit_id',
      'c.name as company_name',
      'ct.full_name as contact_name',
      'lr.name as lost_reason_name',
      'cp.name as competitor_name',
      sql<boolean>`${isRottingSql(now)}`.as('is_rotting'),
      sql<boolean>`${noNextStepSql(now)}`.as('no_next_step'),
    ])
    .where('d.org_id', '=', orgId);
}
export type DealRow = Awaited<ReturnType<typeof getDealRow>> & {};

export function getDealRow(tx: Tx, orgId: string, dealId: string, now: Date) {
  return dealSelect(tx, orgId, now).where('d.deal_id', '=', dealId).executeTakeFirst();
}

export interface DealFilter {
  q?: string;
  ownerId?: string;
  pipelineId?: string;
  stageId?: string;
  status?: 'open' | 'won' | 'lost';
  companyId?: string;
  contactId?: string;
  channel?: string;
  territory?: string;
  expectedCloseFrom?: string;
  expectedCloseTo?: string;
  closedFrom?: string;
  closedTo?: string;
  amountMin?: number;
  amountMax?: number;
  rotting?: 'true' | 'false';
  noNextStep?: 'true' | 'false';
}

/** A page of the deals the actor may see, in the given keyset order. */
export function findDealRows(
  tx: Tx,
  actor: Actor,
  now: Date,
  filter: DealFilter & { sort: KeysetSort; cursor?: string; limit: number },
) {
  let query = dealSelect(tx, actor.orgId, now)
    .select([sortKey(filter.sort).as('sort_key'), 'd.deal_id as id_key'])
    .where(ownerInScope(actor, 'd.owner_id'));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    query = query.where((eb) => eb.or([eb('d.title', 'ilike', pattern), eb('c.name', 'ilike', pattern)]));
  }
  if (filter.ownerId) query = query.where('d.owner_id', '=', filter.ownerId);
  if (filter.pipelineId) query = query.where('d.pipeline_id', '=', filter.pipelineId);
  if (filter.stageId) query = query.where('d.stage_id', '=', filter.stageId);
  if (filter.status) query = query.where('d.status', '=', filter.status);
  if (filter.companyId) query = query.where('d.company_id', '=', filter.companyId);
  if (filter.contactId) query = query.where('d.contact_id', '=', filter.contactId);
  if (filter.channel) query = query.where('d.channel', '=', filter.channel);
  if (filter.territory) query = query.where(sql<SqlBool>`lower(d.territory) = lower(${filter.territory})`);
  if (filter.expectedCloseFrom) query = query.where('d.expected_close_date', '>=', filter.expectedCloseFrom);
  if (filter.expectedCloseTo) query = query.where('d.expected_close_date', '<=', filter.expectedCloseTo);
  if (filter.closedFrom) query = query.where('d.closed_at', '>=', new Date(filter.closedFrom));
  if (filter.closedTo) query = query.where('d.closed_at', '<', new Date(filter.closedTo));
  if (filter.amountMin !== undefined) query = query.where('d.amount_minor', '>=', filter.amountMin);
  if (filter.amountMax !== undefined) query = query.where('d.amount_minor', '<=', filter.amountMax);
  if (filter.rotting) {
    const rotting = isRottingSql(now);
    query = query.where(filter.rotting === 'true' ? rotting : sql<SqlBool>`NOT ${rotting}`);
  }
  if (filter.noNextStep) {
    const none = noNextStepSql(now);
    query = query.where(filter.noNextStep === 'true' ? none : sql<SqlBool>`NOT ${none}`);
  }
  return query
    .where(afterCursor(filter.sort, filter.cursor))
    .orderBy(orderBy(filter.sort))
    .limit(filter.limit + 1)
    .execute();
}

export function findDealLineRows(tx: Tx, orgId: string, dealId: string) {
  return tx
    .selectFrom('deal_lines as dl')
    .innerJoin('products as pr', (j) =>
      j.onRef('pr.org_id', '=', 'dl.org_id').onRef('pr.product_id', '=', 'dl.product_id'),
    )
    .selectAll('dl')
    .select('pr.name as product_name')
    .where('dl.org_id', '=', orgId)
    .where('dl.deal_id', '=', dealId)
    .orderBy('dl.position')
    .orderBy('dl.deal_line_id')
    .execute();
}
export type DealLineRow = Awaited<ReturnType<typeof findDealLineRows>>[number];

/** The deal's stage history, oldest first. */
export function findStageChangeRows(tx: Tx, orgId: string, dealId: string) {
  return (
    tx
      .selectFrom('deal_stage_changes as ch')
      .innerJoin('stages as ts', (j) =>
        j.onRef('ts.org_id', '=', 'ch.org_id').onRef('ts.stage_id', '=', 'ch.to_stage_id'),
      )
      .leftJoin('stages as fs', (j) =>
        j.onRef('fs.org_id', '=', 'ch.org_id').onRef('fs.stage_id', '=', 'ch.from_stage_id'),
      )
      .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'ch.org_id').onRef('u.user_id', '=', 'ch.changed_by'))
      .selectAll('ch')
      .select(['ts.name as to_stage_name', 'fs.name as from_stage_name', 'u.full_name as changed_by_name'])
      .where('ch.org_id', '=', orgId)
      .where('ch.deal_id', '=', dealId)
      .orderBy('ch.changed_at')
      // A deal's first entry has no "from"; it leads even when a move shares its instant.
      .orderBy(sql`ch.from_stage_id IS NOT NULL`)
      .orderBy('ch.change_id')
      .execute()
  );
}
export type StageChangeRow = Awaited<ReturnType<typeof findStageChangeRows>>[number];
