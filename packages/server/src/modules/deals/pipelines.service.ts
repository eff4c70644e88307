import { type Pipeline, type PipelineStage, StageKind } from '@pulse/contracts';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors.ts';
import { auditChange } from '../audit/record-audit.ts';
import { canManagePipelines } from './deals.policy.ts';
import {
  findPipelineRows,
  findStageRows,
  getPipelineRow,
  type PipelineRow,
  pipelineHasDeals,
  type StageRow,
} from './pipelines.queries.ts';
import type { Ctx } from './use-case-context.ts';

export async function listPipelines(
  { tx, actor }: Ctx,
  query: { archived: 'true' | 'false' | 'all' },
): Promise<Pipeline[]> {
  const pipelines = await findPipelineRows(tx, actor.orgId, query.archived);
  const stages = await findStageRows(
    tx,
    actor.orgId,
    pipelines.map((p) => p.pipeline_id),
  );
  return pipelines.map((p) => presentPipeline(p, stages));
}

export async function getPipeline({ tx, actor }: Ctx, pipelineId: string): Promise<Pipeline> {
  const row = await getPipelineRow(tx, actor.orgId, pipelineId);
  if (!row) throw notFound('Pipeline');
  return presentPipeline(row, await findStageRows(tx, actor.orgId, [pipelineId]));
}

/** A pipeline with its stages in the given order; see {@link assertStageSet} for the rules. */
export async function createPipeline(
  ctx: Ctx,
  input: {
    name: string;
    isDefault: boolean;
    stages: { name: string; kind: StageKind; probability: number; rottingDays: number | null }[];
  },
): Promise<Pipeline> {
  const { tx, actor } = ctx;
  if (!canManagePipelines(actor)) throw forbidden();
  assertStageSet(
    input.stages.map((s) => ({ kind: s.kind, archived: false })),
    'body.stages',
  );
  const now = ctx.deps.now();
  if (input.isDefault) await clearDefault(ctx);
  const last = await tx
    .selectFrom('pipelines')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('org_id', '=', actor.orgId)
    .executeTakeFirst();
  const row = await tx
    .insertInto('pipelines')
    .values({
      org_id: actor.orgId,
      name: input.name,
      position: (last?.position ?? -1) + 1,
      is_default: input.isDefault,
      created_at: now,
      updated_at: now,
    })
    .returning('pipeline_id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('stages')
    .values(
      input.stages.map((s, position) => ({
        org_id: actor.orgId,
        pipeline_id: row.pipeline_id,
        name: s.name,
        position,
        kind: s.kind,
        probability: s.probability,
        rotting_days: s.rottingDays,
      })),
    )
    .execute();
  const pipeline = await getPipeline(ctx, row.pipeline_id);
  await auditChange(ctx, {
    action: 'create',
    entity: 'pipeline',
    entityId: pipeline.id,
    before: null,
    after: pipelineFields(pipeline),
  });
  return pipeline;
}

/**
 * Renames, reorders, archives or makes a pipeline the default. The default pipeline cannot be
 * archived (new deals go there); make another the default first.
 */
export async function updatePipeline(
  ctx: Ctx,
  pipelineId: string,
  input: { name?: string; position?: number; isDefault?: true; archived?: boolean },
): Promise<Pipeline> {
  const { tx, actor } = ctx;
  if (!canManagePipelines(actor)) throw forbidden();
  const before = await getPipeline(ctx, pipelineId);
  const archived = input.archived ?? before.archived;
  const isDefault = input.isDefault ?? before.isDefault;
  if (archived && isDefault) {
    throw unprocessable('The default pipeline cannot be archived; make another pipeline the default first', [
      { path: input.archived ? 'body.archived' : 'body.isDefault', message: 'Default pipeline' },
    ]);
  }
  const now = ctx.deps.now();
  if (input.isDefault && !before.isDefault) await clearDefault(ctx);
  await tx
    .updateTable('pipelines')
    .set({
      name: input.name ?? before.name,
      position: input.position ?? before.position,
      is_default: isDefault,
      archived_at: archived ? (before.archived ? undefined : now) : null,
      updated_at: now,
    })
    .where('org_id', '=', actor.orgId)
    .where('pipeline_id', '=', pipelineId)
    .execute();
  const after = await getPipeline(ctx, pipelineId);
  await auditChange(ctx, {
    action: 'update',
    entity: 'pipeline',
    entityId: pipelineId,
    before: pipelineFields(before),
    after: pipelineFields(after),
  });
  return after;
}

/** Deletes a pipeline no deal ever used, with its stages; otherwise archive it (409). */
export async function deletePipeline(ctx: Ctx, pipelineId: string): Promise<void> {
  const { tx, actor } = ctx;
  if (!canManagePipelines(actor)) throw forbidden();
  const before = await getPipeline(ctx, pipelineId);
  if (before.isDefault) {
    throw unprocessable('The default pipeline cannot be deleted; make another pipeline the default first');
  }
  if (await pipelineHasDeals(tx, actor.orgId, pipelineId)) {
    throw conflict('The pipeline has deals; archive it instead');
  }
  await tx.deleteFrom('stages').where('org_id', '=', actor.orgId).where('pipeline_id', '=', pipelineId).execute();
  await tx.deleteFrom('pipelines').where('org_id', '=', actor.orgId).where('pipeline_id', '=', pipelineId).execute();
  await auditChange(ctx, {
    action: 'delete',
    entity: 'pipeline',
    entityId: pipelineId,
    before: pipelineFields(before),
    after: null,
  });
}

/**
 * The rule every pipeline keeps among its stages in use: exactly one won stage (where sales
 * come from), at least one lost stage and at least one open stage. Archived stages do not count.
 */
export function assertStageSet(stages: readonly { kind: string; archived: boolean }[], path: string): void {
  const live = stages.filter((s) => !s.archived);
  const count = (kind: StageKind) => live.filter((s) => s.kind === kind).length;
  const problems = [
    count('won') !== 1 && 'exactly one won stage',
    count('lost') < 1 && 'at least one lost stage',
    count('open') < 1 && 'at least one open stage',
  ].filter((p): p is string => p !== false);
  if (problems.length > 0) {
    throw unprocessable(`A pipeline needs ${problems.join(', ')}`, [{ path, message: problems.join('; ') }]);
  }
}

async function clearDefault({ tx, actor, deps }: Ctx): Promise<void> {
  // The partial unique index allows one default per organisation, so the old one goes first.
  await tx
    .updateTable('pipelines')
    .set({ is_default: false, updated_at: deps.now() })
    .where('org_id', '=', actor.orgId)
    .where('is_default', '=', true)
    .execute();
}

export function presentStage(row: StageRow): PipelineStage {
  return {
    id: row.stage_id,
    pipelineId: row.pipeline_id,
    name: row.name,
    position: row.position,
    kind: StageKind.parse(row.kind),
    probability: row.probability,
    rottingDays: row.rotting_days,
    archived: row.archived_at !== null,
  };
}

function presentPipeline(row: PipelineRow, stages: readonly StageRow[]): Pipeline {
  return {
    id: row.pipeline_id,
    name: row.name,
    position: row.position,
    isDefault: row.is_default,
    archived: row.archived_at !== null,
    stages: stages.filter((s) => s.pipeline_id === row.pipeline_id).map(presentStage),
  };
}

const pipelineFields = (p: Pipeline) => ({
  name: p.name,
  position: p.position,
  isDefault: p.isDefault,
  archived: p.archived,
  stages: p.stages.map((s) => ({ id: s.id, name: s.name, kind: s.kind, probability: s.probability })),
});
