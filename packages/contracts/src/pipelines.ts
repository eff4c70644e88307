import { z } from 'zod';
import { Id, NonEmptyName } from './common.ts';

// Sales pipelines and their stages, in order; each stage is open, won or lost.

export const StageKind = z.enum(['open', 'won', 'lost']);
export type StageKind = z.infer<typeof StageKind>;

export const PipelineStage = z.object({
  id: Id,
  pipelineId: Id,
  name: z.string(),
  position: z.number().int(),
  kind: StageKind,
  /** Chance, in per cent, that a deal at this stage is won. */
  probability: z.number().int(),
  /** An open deal longer than this in the stage is rotting; null for no limit. */
  rottingDays: z.number().int().nullable(),
  archived: z.boolean(),
});
export type PipelineStage = z.infer<typeof PipelineStage>;
export const Pipeline = z.object({
  id: Id,
  name: z.string(),
  position: z.number().int(),
  isDefault: z.boolean(),
  archived: z.boolean(),
  /** In order, archived ones included (flagged). */
  stages: z.array(PipelineStage),
});
export type Pipeline = z.infer<typeof Pipeline>;
export const PipelinesQuery = z.object({ archived: z.enum(['true', 'false', 'all']).default('false') }).strict();

const StageFields = {
  name: NonEmptyName,
  kind: StageKind,
  probability: z.number().int().min(0).max(100),
  rottingDays: z.number().int().min(1).max(3650).nullable(),
};
export const StageInput = z
  .object({ ...StageFields, kind: StageKind.default('open'), rottingDays: StageFields.rottingDays.default(null) })
  .strict();
/** A new pipeline with its stages in order: exactly one won stage and at least one lost one. */
export const CreatePipelineRequest = z
  .object({ name: NonEmptyName, isDefault: z.boolean().default(false), stages: z.array(StageInput).min(3).max(30) })
  .strict();
/** `isDefault: true` makes this the pipeline new deals go to; `archived` hides it from new deals. */
export const UpdatePipelineRequest = z
  .object({
    name: NonEmptyName,
    position: z.number().int().min(0).max(1000),
    isDefault: z.literal(true),
    archived: z.boolean(),
  })
  .partial()
  .strict();
export const PipelineStageParams = z.object({ id: Id, stageId: Id }).strict();
/** `position` (0-based) places the stage; by default an open stage goes after the last open one. */
export const CreateStageRequest = StageInput.extend({ position: z.number().int().min(0).max(100).optional() }).strict();
export const UpdateStageRequest = z
  .object({ ...StageFields, archived: z.boolean() })
  .partial()
  .strict();
/** Every stage of the pipeline, each once, in the new order. */
export const ReorderStagesRequest = z.object({ stageIds: z.array(Id).min(1).max(100) }).strict();
