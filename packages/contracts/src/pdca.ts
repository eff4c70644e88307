import { z } from 'zod';
import { Day, Id } from './common.ts';

// The monthly PDCA cycle of an approved plan: Plan (the month's plan approved), Do (goals
// issued to the reps), Check (a review of the deviations with the head's comment), Act
// (corrective actions, each a task of its owner, checked at a later review).

const PersonRef = z.object({ id: Id, fullName: z.string() });

/** Who did a stage and when; null while it is not done. */
export const PdcaStageDone = z.object({ by: PersonRef, at: z.string() }).nullable();

export const PdcaStage = z.enum(['plan', 'do', 'check', 'act']);
export type PdcaStage = z.infer<typeof PdcaStage>;

/**
 * What the asking user may do in the cycle, decided by the cycle's policy (pdca.policy.ts) while
 * the plan is approved (a plan in revision pauses its cycles: all false). Which stage is open is
 * `currentStage`; these say who may act on it.
 */
export const PdcaPermissions = z.object({
  /** Plan: approve the month's plan. */
  approveMonth: z.boolean(),
  /** Do: generate (or refresh) the reps' goals of the month and issue them. */
  issueGoals: z.boolean(),
  /** Check: review the month. */
  review: z.boolean(),
  /** Act: add and edit the month's corrective actions. */
  addAction: z.boolean(),
  /** Check last month's actions at this review. */
  checkAction: z.boolean(),
  /**
   * Generate (or refresh) the month's goals: of every rep for the plan's owner; of their own
   * reps for a head who sees only part of the plan (they cannot issue them: that is issueGoals).
   */
  generateGoals: z.boolean(),
});
export type PdcaPermissions = z.infer<typeof PdcaPermissions>;

/** One month of a plan as a cycle: each stage done or not, and the stage it waits on. */
export const PdcaCycle = z.object({
  id: Id,
  planId: Id,
  month: z.string().describe('YYYY-MM'),
  monthStart: Day,
  planApproved: PdcaStageDone,
  goalsIssued: PdcaStageDone,
  reviewed: PdcaStageDone,
  /** Reps with goals generated for the month (the plan's goals); issuing them is the Do stage. */
  goalRepCount: z.number().int(),
  /** Act is done once the review has at least one corrective action. */
  actionCount: z.number().int(),
  /** The stage to do next; null once all four are done. */
  currentStage: PdcaStage.nullable(),
  permissions: PdcaPermissions,
});
export type PdcaCycle = z.infer<typeof PdcaCycle>;

export const PdcaCyclesQuery = z.object({ planId: Id }).strict();
export const PdcaCycles = z.object({ items: z.array(PdcaCycle) });
export type PdcaCycles = z.infer<typeof PdcaCycles>;

export const PdcaDimension = z.enum(['rep', 'direction', 'channel']);

/** Fact against the month's realistic plan for one rep, direction or channel. */
export const PdcaDeviation = z.object({
  dimension: PdcaDimension,
  /** The rep's user id, the product group id or the channel; null: the rest / no channel. */
  key: z.string().nullable(),
  label: z.string(),
  planMinor: z.number().int(),
  factMinor: z.number().int(),
  /** fact − plan. */
  deviationMinor: z.number().int(),
  /** deviation / plan × 100, one decimal; null when the plan is zero. */
  deviationPercent: z.number().nullable(),
});
export type PdcaDeviation = z.infer<typeof PdcaDeviation>;

export const PdcaDeviations = z.object({
  cycleId: Id,
  month: z.string(),
  currency: z.string(),
  planMinor: z.number().int().describe("The plan's realistic total for the month"),
  factMinor: z.number().int(),
  /** Largest absolute deviation first. */
  items: z.array(PdcaDeviation),
});
export type PdcaDeviations = z.infer<typeof PdcaDeviations>;

/** How an action's task stands against its due day. */
export const PdcaTaskState = z.enum(['done-on-time', 'done-late', 'open', 'overdue', 'cancelled']);

export const PdcaCheckResult = z.enum(['effective', 'partly', 'not-effective']);

export const PdcaAction = z.object({
  id: Id,
  cycleId: Id,
  title: z.string(),
  owner: PersonRef,
  dueDay: Day,
  taskId: Id,
  taskState: PdcaTaskState,
  check: z.object({ result: PdcaCheckResult, note: z.string().nullable(), by: PersonRef, at: z.string() }).nullable(),
  version: z.number().int(),
});
export type PdcaAction = z.infer<typeof PdcaAction>;

/** One screen: the stages, the top deviations, this month's actions and last month's to check. */
export const PdcaCycleDetails = PdcaCycle.extend({
  reviewComment: z.string().nullable(),
  deviations: PdcaDeviations.omit({ items: true }).extend({ top: z.array(PdcaDeviation) }),
  actions: z.array(PdcaAction),
  previousActions: z.array(PdcaAction),
});
export type PdcaCycleDetails = z.infer<typeof PdcaCycleDetails>;

export const PdcaCycleParams = z.object({ cycleId: Id }).strict();
export const PdcaReviewRequest = z.object({ comment: z.string().trim().min(1).max(5000) }).strict();
export const CreatePdcaActionRequest = z
  .object({
    title: z.string().trim().min(1).max(300),
    ownerId: Id.describe("A person in the plan's scope; the action becomes their task"),
    dueDay: Day,
  })
  .strict();
export const UpdatePdcaActionRequest = z
  .object({
    version: z.number().int().min(1),
    title: z.string().trim().min(1).max(300).optional(),
    ownerId: Id.optional(),
    dueDay: Day.optional(),
  })
  .strict();
export const CheckPdcaActionRequest = z
  .object({ result: PdcaCheckResult, note: z.string().trim().max(5000).optional() })
  .strict();
