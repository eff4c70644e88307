import type { Tx } from '../../db/tenant.ts';

export function findPipelineRows(tx: Tx, orgId: string, archived: 'true' | 'false' | 'all') {
  let query = tx.selectFrom('pipelines').selectAll().where('org_id', '=', orgId);
  if (archived !== 'all') query = query.where('archived_at', archived === 'true' ? 'is not' : 'is', null);
  return query.orderBy('position').orderBy('name').orderBy('pipeline_id').execute();
}
export type PipelineRow = Awaited<ReturnType<typeof findPipelineRows>>[number];

export function getPipelineRow(tx: Tx, orgId: string, pipelineId: string) {
  return tx
    .selectFrom('pipelines')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('pipeline_id', '=', pipelineId)
    .executeTakeFirst();
}

export function getDefaultPipelineRow(tx: Tx, orgId: string) {
  return tx
    .selectFrom('pipelines')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('is_default', '=', true)
    .executeTakeFirst();
}

/** Stages of the given pipelines, each pipeline's in order. */
export function findStageRows(tx: Tx, orgId: string, pipelineIds: string[]) {
  if (pipelineIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('stages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('pipeline_id', 'in', pipelineIds)
    .orderBy('pipeline_id')
    .orderBy('position')
    .orderBy('stage_id')
    .execute();
}
export type StageRow = Awaited<ReturnType<typeof getStageRow>> & {};

export function getStageRow(tx: Tx, orgId: string, stageId: string) {
  return tx
    .selectFrom('stages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('stage_id', '=', stageId)
    .executeTakeFirst();
}

/** Whether any deal sits in, or ever passed through, one of the stages. */
export async function stageHasDeals(tx: Tx, orgId: string, stageId: string): Promise<boolean> {
  const inStage = await tx
    .selectFrom('deals')
    .select('deal_id')
    .where('org_id', '=', orgId)
    .where('stage_id', '=', stageId)
    .executeTakeFirst();
  if (inStage) return true;
  const history = await tx
    .selectFrom('deal_stage_changes')
    .select('change_id')
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('to_stage_id', '=', stageId), eb('from_stage_id', '=', stageId)]))
    .executeTakeFirst();
  return history !== undefined;
}

export async function pipelineHasDeals(tx: Tx, orgId: string, pipelineId: string): Promise<boolean> {
  const deal = await tx
    .selectFrom('deals')
    .select('deal_id')
    .where('org_id', '=', orgId)
    .where('pipeline_id', '=', pipelineId)
    .executeTakeFirst();
  return deal !== undefined;
}
