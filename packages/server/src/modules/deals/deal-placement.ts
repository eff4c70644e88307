import { unprocessable } from '../../http/errors.ts';
import { getDefaultPipelineRow, getPipelineRow, type StageRow } from './pipelines.queries.ts';
import { getLiveStageOf } from './stages.service.ts';
import type { Ctx } from './use-case-context.ts';

// Where a deal is placed: the stage a new deal starts in, and the stage a PATCH moves it to in
// another pipeline. Moves inside the pipeline are deals.service.ts's moveDealStage.

/** The stage a new deal starts in: the one sent, else the first open stage of the pipeline. */
export async function resolveInitialStage(ctx: Ctx, pipelineId?: string, stageId?: string): Promise<StageRow> {
  const { tx, actor } = ctx;
  let pipeline = pipelineId ? await getPipelineRow(tx, actor.orgId, pipelineId) : undefined;
  if (pipelineId && !pipeline) {
    throw unprocessable('The pipeline does not exist', [{ path: 'body.pipelineId', message: 'Unknown pipeline' }]);
  }
  if (!pipeline && stageId) {
    const stage = await tx
      .selectFrom('stages')
      .select('pipeline_id')
      .where('org_id', '=', actor.orgId)
      .where('stage_id', '=', stageId)
      .executeTakeFirst();
    if (stage) pipeline = await getPipelineRow(tx, actor.orgId, stage.pipeline_id);
  }
  pipeline ??= await getDefaultPipelineRow(tx, actor.orgId);
  if (!pipeline) {
    throw unprocessable('Choose a pipeline: the organisation has no default one', [
      { path: 'body.pipelineId', message: 'Required' },
    ]);
  }
  if (pipeline.archived_at) {
    throw unprocessable('The pipeline is archived', [{ path: 'body.pipelineId', message: 'Archived pipeline' }]);
  }
  if (stageId) return getLiveStageOf(ctx, pipeline.pipeline_id, stageId, 'body.stageId');
  const first = await tx
    .selectFrom('stages')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('pipeline_id', '=', pipeline.pipeline_id)
    .where('kind', '=', 'open')
    .where('archived_at', 'is', null)
    .orderBy('position')
    .executeTakeFirst();
  if (!first) throw unprocessable('The pipeline has no open stage', [{ path: 'body.pipelineId', message: 'No stage' }]);
  return first;
}

/**
 * The stage a PATCH moves the deal to: a live stage of the pipeline sent with it. Deals may go on
 * moving inside an archived pipeline, but none may join one.
 */
export async function newPipelineStage(
  ctx: Ctx,
  pipelineId: string,
  stageId: string,
  currentPipelineId: string,
): Promise<StageRow> {
  const pipeline = await getPipelineRow(ctx.tx, ctx.actor.orgId, pipelineId);
  if (!pipeline || (pipeline.archived_at && pipelineId !== currentPipelineId)) {
    throw unprocessable('Choose an active pipeline', [{ path: 'body.pipelineId', message: 'Unknown or archived' }]);
  }
  return getLiveStageOf(ctx, pipelineId, stageId, 'body.stageId');
}
