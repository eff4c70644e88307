import type { Pipeline, StageKind } from '@pulse/contracts';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors.ts';
import { auditChange } from '../audit/record-audit.ts';
import { canManagePipelines } from './deals.policy.ts';
import { findStageRows, getPipelineRow, getStageRow, type StageRow, stageHasDeals } from './pipelines.queries.ts';
import { assertStageSet, getPipeline, presentStage } from './pipelines.service.ts';
import type { Ctx } from './use-case-context.ts';

// Stages are edited one at a time; after each change the pipeline must still keep the rule of
// assertStageSet, and positions stay 0..n-1 in order.

/** Adds a stage; without a position an open stage goes after the last open one, others at the end. */
export async function createStage(
  ctx: Ctx,
  pipelineId: string,
  input: { name: string; kind: StageKind; probability: number; rottingDays: number | null; position?: number },
): Promise<Pipeline> {
  const { tx, actor } = ctx;
  if (!canManagePipelines(actor)) throw forbidden();
  const stages = await loadStages(ctx, pipelineId);
  const lastOpen = stages.findLastIndex((s) => s.kind === 'open');
  const position = Math.min(input.position ?? (input.kind === 'open' ? lastOpen + 1 : stages.length), stages.length);
  assertStageSet([...stages.map(asRuleInput), { kind: input.kind, archived: false }], 'body.kind');
  const row = await tx
    .insertInto('stages')
    .values({
      org_id: actor.orgId,
      pipeline_id: pipelineId,
      name: input.name,
      position,
      kind: input.kind,
      probability: input.probability,
      rotting_days: input.rottingDays,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const order = stages.map((s) => s.stage_id);
  order.splice(position, 0, row.stage_id);
  await writeOrder(ctx, order);
  await auditChange(ctx, {
    action: 'create',
    entity: 'stage',
    entityId: row.stage_id,
    before: null,
    after: stageFields({ ...row, position }),
  });
  return getPipeline(ctx, pipelineId);
}

/**
 * Edits a stage. Its kind cannot change once deals used it (their status follows the kind: 409);
 * archiving keeps it on old deals and out of new moves.
 */
export async function updateStage(
  ctx: Ctx,
  pipelineId: string,
  stageId: string,
  input: { name?: string; kind?: StageKind; probability?: number; rottingDays?: number | null; archived?: boolean },
): Promise<Pipeline> {
  const { tx, actor } = ctx;
  if (!canManagePipelines(actor)) throw forbidden();
  const stages = await loadStages(ctx, pipelineId);
  const before = stages.find((s) => s.stage_id === stageId);
  if (!before) throw notFound('Stage');
  const kind = input.kind ?? before.kind;
  if (kind !== before.kind && (await stageHasDeals(tx, actor.orgId, stageId))) {
    throw conflict('Deals have used this stage, so its kind cannot change; add a new stage instead', [
      { path: 'body.kind', message: 'Stage has deals' },
    ]);
  }
  const archived = input.archived ?? before.archived_at !== null;
  assertStageSet(
    stages.map((s) => (s.stage_id === stageId ? { kind, archived } : asRuleInput(s))),
    input.archived !== undefined && input.kind === undefined ? 'body.archived' : 'body.kind',
  );
  const after = await tx
    .updateTable('stages')
    .set({
      name: input.name ?? before.name,
      kind,
      probability: input.probability ?? before.probability,
      rotting_days: input.rottingDays === undefined ? before.rotting_days : input.rottingDays,
      archived_at: archived ? (before.archived_at ?? ctx.deps.now()) : null,
    })
    .where('org_id', '=', actor.orgId)
    .where('stage_id', '=', stageId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditChange(ctx, {
    action: 'update',
    entity: 'stage',
    entityId: stageId,
    before: stageFields(before),
    after: stageFields(after),
  });
  return getPipeline(ctx, pipelineId);
}

/** Deletes a stage no deal ever entered (409 otherwise: archive it instead). */
export async function deleteStage(ctx: Ctx, pipelineId: string, stageId: string): Promise<Pipeline> {
  const { tx, actor } = ctx;
  if (!canManagePipelines(actor)) throw forbidden();
  const stages = await loadStages(ctx, pipelineId);
  const before = stages.find((s) => s.stage_id === stageId);
  if (!before) throw notFound('Stage');
  if (await stageHasDeals(tx, actor.orgId, stageId)) {
    throw conflict('Deals have used this stage; archive it instead');
  }
  assertStageSet(stages.filter((s) => s.stage_id !== stageId).map(asRuleInput), 'params.stageId');
  await tx.deleteFrom('stages').where('org_id', '=', actor.orgId).where('stage_id', '=', stageId).execute();
  await writeOrder(
    ctx,
    stages.filter((s) => s.stage_id !== stageId).map((s) => s.stage_id),
  );
  await auditChange(ctx, {
    action: 'delete',
    entity: 'stage',
    entityId: stageId,
    before: stageFields(before),
    after: null,
  });
  return getPipeline(ctx, pipelineId);
}

/** Puts the stages in the given order; the list must name every stage of the pipeline once. */
export async function reorderStages(ctx: Ctx, pipelineId: string, stageIds: string[]): Promise<Pipeline> {
  const { actor } = ctx;
  if (!canManagePipelines(actor)) throw forbidden();
  const stages = await loadStages(ctx, pipelineId);
  const known = new Set(stages.map((s) => s.stage_id));
  const sent = new Set(stageIds);
  if (sent.size !== stageIds.length || sent.size !== known.size || stageIds.some((id) => !known.has(id))) {
    throw unprocessable('Send every stage of this pipeline exactly once', [
      { path: 'body.stageIds', message: 'Not the stages of this pipeline' },
    ]);
  }
  const before = { stageIds: stages.map((s) => s.stage_id) };
  await writeOrder(ctx, stageIds);
  await auditChange(ctx, { action: 'update', entity: 'pipeline', entityId: pipelineId, before, after: { stageIds } });
  return getPipeline(ctx, pipelineId);
}

async function loadStages({ tx, actor }: Ctx, pipelineId: string): Promise<StageRow[]> {
  if (!(await getPipelineRow(tx, actor.orgId, pipelineId))) throw notFound('Pipeline');
  return findStageRows(tx, actor.orgId, [pipelineId]);
}

async function writeOrder({ tx, actor }: Ctx, stageIds: readonly string[]): Promise<void> {
  for (const [position, stageId] of stageIds.entries()) {
    await tx
      .updateTable('stages')
      .set({ position })
      .where('org_id', '=', actor.orgId)
      .where('stage_id', '=', stageId)
      .where('position', '<>', position)
      .execute();
  }
}

/** A stage id from the request that must be a live stage of the given pipeline (422 otherwise). */
export async function getLiveStageOf(ctx: Ctx, pipelineId: string, stageId: string, path: string): Promise<StageRow> {
  const stage = await getStageRow(ctx.tx, ctx.actor.orgId, stageId);
  if (!stage) throw unprocessable('The stage does not exist', [{ path, message: 'Unknown stage' }]);
  if (stage.pipeline_id !== pipelineId) {
    throw unprocessable('The stage belongs to another pipeline', [{ path, message: 'Stage of another pipeline' }]);
  }
  if (stage.archived_at !== null) {
    throw unprocessable('The stage is archived', [{ path, message: 'Archived stage' }]);
  }
  return stage;
}

const asRuleInput = (s: StageRow) => ({ kind: s.kind, archived: s.archived_at !== null });
const stageFields = (s: StageRow) => ({ ...presentStage(s) });
