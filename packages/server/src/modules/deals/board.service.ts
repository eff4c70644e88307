import type { BoardDeal, PipelineBoard } from '@pulse/contracts';
import { type SqlBool, sql } from 'kysely';
import { notFound } from '../../http/errors.ts';
import { ownerInScope } from '../access/record-scope.ts';
import { dealSelect } from './deals.queries.ts';
import { findStageRows, getPipelineRow } from './pipelines.queries.ts';
import { presentStage } from './pipelines.service.ts';
import { type Ctx, getOrgMoneySettings } from './use-case-context.ts';

/**
 * The pipeline as columns of open deals you may see: per stage the count, the total and the
 * weighted total (each deal's amount × probability / 100, rounded half up to a minor unit, then
 * summed), and the first `perStage` deals, longest in the stage first. An archived stage shows
 * only while open deals still sit in it.
 */
export async function getPipelineBoard(
  ctx: Ctx,
  pipelineId: string,
  query: { perStage: number; ownerId?: string },
): Promise<PipelineBoard> {
  const { tx, actor, deps } = ctx;
  const pipeline = await getPipelineRow(tx, actor.orgId, pipelineId);
  if (!pipeline) throw notFound('Pipeline');
  const now = deps.now();
  const stages = await findStageRows(tx, actor.orgId, [pipelineId]);
  const scope = sql<SqlBool>`(d.pipeline_id = ${pipelineId} AND d.status = 'open'
    AND ${ownerInScope(actor, 'd.owner_id')}
    AND ${query.ownerId ? sql`d.owner_id = ${query.ownerId}` : sql`true`})`;

  const totals = await tx
    .selectFrom('deals as d')
    .innerJoin('stages as s', (j) => j.onRef('s.org_id', '=', 'd.org_id').onRef('s.stage_id', '=', 'd.stage_id'))
    .select([
      'd.stage_id',
      sql<number>`count(*)::int`.as('count'),
      sql<string>`COALESCE(sum(d.amount_minor), 0)`.as('amount'),
      sql<string>`COALESCE(sum(round(d.amount_minor * s.probability / 100.0)), 0)`.as('weighted'),
    ])
    .where('d.org_id', '=', actor.orgId)
    .where(scope)
    .groupBy('d.stage_id')
    .execute();

  const ranked = dealSelect(tx, actor.orgId, now)
    .select(sql<number>`row_number() OVER (PARTITION BY d.stage_id ORDER BY d.stage_entered_at, d.deal_id)`.as('rank'))
    .where(scope);
  const cards = await tx
    .selectFrom(ranked.as('r'))
    .selectAll()
    .where('r.rank', '<=', query.perStage)
    .orderBy('r.rank')
    .execute();

  const { currency } = await getOrgMoneySettings(tx, actor.orgId);
  const columns = stages
    .map((stage) => {
      const total = totals.find((t) => t.stage_id === stage.stage_id);
      return {
        stage: presentStage(stage),
        count: total?.count ?? 0,
        // sum() of bigint is numeric, which pg hands over as an exact decimal string.
        amountMinor: Number(total?.amount ?? 0),
        weightedAmountMinor: Number(total?.weighted ?? 0),
        deals: cards.filter((c) => c.stage_id === stage.stage_id).map(presentCard),
      };
    })
    .filter((column) => !column.stage.archived || column.count > 0);
  return { pipelineId, pipelineName: pipeline.name, currency, columns };
}

function presentCard(row: {
  deal_id: string;
  title: string;
  amount_minor: number;
  currency: string;
  company_id: string | null;
  company_name: string | null;
  owner_id: string;
  owner_name: string;
  expected_close_date: string | null;
  stage_entered_at: Date;
  next_step: string | null;
  is_rotting: boolean;
  no_next_step: boolean;
  version: number;
}): BoardDeal {
  return {
    id: row.deal_id,
    title: row.title,
    amountMinor: row.amount_minor,
    currency: row.currency,
    companyId: row.company_id,
    companyName: row.company_name,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    expectedCloseDate: row.expected_close_date,
    stageEnteredAt: row.stage_entered_at.toISOString(),
    nextStep: row.next_step,
    isRotting: row.is_rotting,
    noNextStep: row.no_next_step,
    version: row.version,
  };
}
