import { z } from 'zod';
import { Id, NonEmptyName } from './common.ts';

// Reference lists a lost deal is closed with: lost reasons and competitors.

/** Lost reasons and competitors are short lists: they come whole, not paged. */
export const ReferenceListQuery = z.object({ active: z.enum(['true', 'false', 'all']).default('true') }).strict();

export const LostReason = z.object({ id: Id, name: z.string(), position: z.number().int(), active: z.boolean() });
export type LostReason = z.infer<typeof LostReason>;
export const CreateLostReasonRequest = z
  .object({ name: NonEmptyName, position: z.number().int().min(0).max(1000).optional() })
  .strict();
export const UpdateLostReasonRequest = z
  .object({ name: NonEmptyName, position: z.number().int().min(0).max(1000), active: z.boolean() })
  .partial()
  .strict();

export const Competitor = z.object({ id: Id, name: z.string(), active: z.boolean() });
export type Competitor = z.infer<typeof Competitor>;
export const CreateCompetitorRequest = z.object({ name: NonEmptyName }).strict();
export const UpdateCompetitorRequest = z.object({ name: NonEmptyName, active: z.boolean() }).partial().strict();
