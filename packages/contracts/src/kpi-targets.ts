import { z } from 'zod';
import { Day, Id, PageQuery } from './common.ts';

// The KPI catalog as the web sees it, and KPI targets with red / amber / green thresholds:
// per KPI, for a rep or a unit, per day, week or month, set by hand or taken from the plan's
// SMART goals. The ids mirror the domain's catalog (the server checks the two lists are equal
// at compile time); contracts depend on zod alone.

/** Every KPI id of the catalog, in the order the dashboard shows them. */
export const KpiCatalogId = z.enum([
  'tasks-on-time',
  'calls-outbound',
  'calls-inbound',
  'talk-time',
  'meetings-held',
  'leads-new',
  'leads-qualified',
  'response-time',
  'lead-to-won-time',
  'deals-won',
  'revenue',
  'average-deal',
  'win-rate',
  'stage-conversion',
  'pipeline-coverage',
  'quality-score',
]);
export type KpiCatalogId = z.infer<typeof KpiCatalogId>;

export const KpiCatalogUnit = z.enum(['count', 'percent', 'seconds', 'milliseconds', 'minor', 'ratio', 'score']);
export type KpiCatalogUnit = z.infer<typeof KpiCatalogUnit>;

/** One KPI: its unit, which way is better, and whether a target can be set for it. */
export const KpiCatalogEntry = z.object({
  id: KpiCatalogId,
  unit: KpiCatalogUnit,
  direction: z.enum(['higher', 'lower']),
  /** sum / ratio: rolled up per day; period / snapshot: computed when asked; none: no data yet. */
  source: z.enum(['sum', 'ratio', 'period', 'snapshot', 'none']),
  /** Whether the KPI can have a target per day. */
  dailyTarget: z.boolean(),
  /** Whether the KPI can have a target at all (a KPI with no data source cannot). */
  targetable: z.boolean(),
  /** Whether values are whole numbers (counts, seconds, milliseconds, minor units). */
  whole: z.boolean(),
  /** Amber starts at target × this when thresholds are left to the defaults. */
  defaultAmberShare: z.number(),
});
export type KpiCatalogEntry = z.infer<typeof KpiCatalogEntry>;

export const KpiCatalog = z.object({ items: z.array(KpiCatalogEntry) });
export type KpiCatalog = z.infer<typeof KpiCatalog>;

export const KpiTargetGrain = z.enum(['day', 'week', 'month']);
export type KpiTargetGrain = z.infer<typeof KpiTargetGrain>;

export const KpiTargetSource = z.enum(['manual', 'smart-goal']);
export type KpiTargetSource = z.infer<typeof KpiTargetSource>;

/** A KPI value or threshold, in the KPI's unit (minor units for money, milliseconds for times). */
const Figure = z.number().min(0).max(1e15);
const Version = z.number().int().min(1).max(2_147_483_647);
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "A month, 'YYYY-MM'");
/** Any string here: an unknown KPI id is refused with a 422 that names it, not a 400. */
const KpiIdInput = z.string().min(1).max(64);

/**
 * A target of one KPI for a rep (`userId`) or a unit (`unitId`), applying to every `grain`
 * period inside `periodFrom`…`periodTo` (a week runs Monday to Sunday; a month-grain span
 * starts on a 1st and ends on a month's last day).
 */
export const KpiTarget = z.object({
  id: Id,
  kpiId: KpiCatalogId,
  userId: Id.nullable(),
  unitId: Id.nullable(),
  subjectName: z.string(),
  grain: KpiTargetGrain,
  periodFrom: Day,
  periodTo: Day,
  target: z.number(),
  greenAt: z.number(),
  amberAt: z.number(),
  source: KpiTargetSource,
  /** The SMART goal a `smart-goal` target was taken from. */
  goalId: Id.nullable(),
  createdBy: z.object({ id: Id, fullName: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type KpiTarget = z.infer<typeof KpiTarget>;

export const KpiTargetsQuery = PageQuery.extend({
  userId: Id.optional(),
  /** The unit's own targets and those of the people of its subtree. */
  unitId: Id.optional(),
  kpiId: KpiIdInput.optional(),
  /** Targets whose span touches from…to. */
  from: Day.optional(),
  to: Day.optional(),
}).strict();
export type KpiTargetsQuery = z.infer<typeof KpiTargetsQuery>;

export const KpiTargetPage = z.object({ items: z.array(KpiTarget), nextCursor: z.string().nullable() });
export type KpiTargetPage = z.infer<typeof KpiTargetPage>;

const oneSubject = (value: { userId?: string | null; unitId?: string | null }, ctx: z.RefinementCtx) => {
  if (value.userId && value.unitId) {
    ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'A target is for a person or a unit, not both' });
  }
};

export const CreateKpiTargetRequest = z
  .object({
    kpiId: KpiIdInput,
    userId: Id.optional(),
    unitId: Id.optional(),
    grain: KpiTargetGrain,
    periodFrom: Day,
    periodTo: Day,
    target: Figure,
    /** Left out: green at the target. */
    greenAt: Figure.optional(),
    /** Left out: 80 % of the target (120 % when lower is better). */
    amberAt: Figure.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    oneSubject(value, ctx);
    if (!value.userId && !value.unitId) {
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'A target needs a person or a unit' });
    }
  });
export type CreateKpiTargetRequest = z.infer<typeof CreateKpiTargetRequest>;

/** Changes to a target read at `version`. Editing a target taken from a goal makes it manual. */
export const UpdateKpiTargetRequest = z
  .object({
    version: Version,
    grain: KpiTargetGrain.optional(),
    periodFrom: Day.optional(),
    periodTo: Day.optional(),
    target: Figure.optional(),
    greenAt: Figure.optional(),
    amberAt: Figure.optional(),
  })
  .strict();
export type UpdateKpiTargetRequest = z.infer<typeof UpdateKpiTargetRequest>;

export const DeleteKpiTargetQuery = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

export const KpiTargetsFromGoalsRequest = z
  .object({
    month: Month,
    /** Only the reps of this unit's subtree (within the caller's scope). */
    unitId: Id.optional(),
  })
  .strict();
export type KpiTargetsFromGoalsRequest = z.infer<typeof KpiTargetsFromGoalsRequest>;

/** A goal that gave no target, and why. */
export const KpiGoalSkip = z.object({
  goalId: Id,
  userId: Id,
  userName: z.string(),
  metric: z.string(),
  /** metric_without_kpi: no KPI measures it; manual_target_exists: a manual target covers it. */
  reason: z.enum(['metric_without_kpi', 'manual_target_exists']),
  kpiId: KpiCatalogId.nullable(),
});
export type KpiGoalSkip = z.infer<typeof KpiGoalSkip>;

export const KpiTargetsFromGoalsResult = z.object({
  month: Month,
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Earlier goal targets of the month no goal backs any more. */
  removed: z.number().int(),
  /** The month's goal targets as they now stand. */
  items: z.array(KpiTarget),
  skipped: z.array(KpiGoalSkip),
});
export type KpiTargetsFromGoalsResult = z.infer<typeof KpiTargetsFromGoalsResult>;
