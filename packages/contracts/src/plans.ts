import { z } from 'zod';
import { AuditChange } from './audit.ts';
import { Day, Id, NonEmptyName, PageQuery } from './common.ts';
import { DealChannel } from './deals.ts';
import { Minor } from './sales-fields.ts';

// Sales plans: a plan for a period (a calendar year by default) and a scope (the organisation
// or one unit), in revenue and optionally deals and margin; three scenarios; seasonality; the
// decomposition tree month by month; approval and revisions. Money is in whole minor units of
// the organisation's currency; percentages are whole basis points (10 000 = 100 %).

/**
 * A figure typed by a person. Any whole number passes the contract: a negative one reaches
 * the plan rules, which refuse it with 422 and the reason `negative_amount`.
 */
const TypedMinor = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
/** Basis points as typed; the plan rules check the range (422 `invalid_basis_points`). */
const TypedBasisPoints = z.number().int().min(-1_000_000_000).max(1_000_000_000);
/** The plan's version as last read; a write at an older version is refused with 409. */
const Version = z.number().int().min(1).max(2_147_483_647);

export const PlanStatus = z.enum(['draft', 'approved']);
export type PlanStatus = z.infer<typeof PlanStatus>;

/**
 * What a plan covers, which decides who approves it: `organisation` (no unit, or a
 * directorate) and `department` are approved by the commercial director or an administrator;
 * `team` also by a head of sales whose subtree holds the team.
 */
export const PlanLevel = z.enum(['organisation', 'department', 'team']);
export type PlanLevel = z.infer<typeof PlanLevel>;

/** How a line's plan is divided among its children. */
export const WeightMethod = z.enum(['equal', 'last-year', 'manual']);
export type WeightMethod = z.infer<typeof WeightMethod>;

/** A pessimistic or optimistic plan: an amount, or a percentage of the realistic plan. */
export const ScenarioEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amount'), amountMinor: TypedMinor }).strict(),
  z
    .object({
      kind: z.literal('percent'),
      basisPoints: TypedBasisPoints.describe('Of the realistic plan: 8500 = 85 %'),
    })
    .strict(),
]);
export type ScenarioEntry = z.infer<typeof ScenarioEntry>;

/** The realistic plan: typed, or last year's fact for the same months of the scope × (1 + growth). */
export const RealisticInput = z.discriminatedUnion('basis', [
  z.object({ basis: z.literal('manual'), amountMinor: TypedMinor }).strict(),
  z.object({ basis: z.literal('last-year-growth'), growthBp: TypedBasisPoints.describe('+20 % = 2000') }).strict(),
]);
export type RealisticInput = z.infer<typeof RealisticInput>;

export const SeasonalityBasis = z.enum(['history', 'flat', 'manual']);
/** Why coefficients computed from history came out flat. */
export const FlatSeasonalityReason = z.enum(['fewer-than-12-months', 'calendar-month-missing', 'no-revenue']);

/** Twelve coefficients typed by hand, January first; scaled by the server to sum to 12. */
export const SeasonalityInput = z
  .object({ coefficients: z.array(z.number()).length(12).describe('January first; any scale') })
  .strict();

/**
 * Why a plan request was refused (422): `error.details[].message` carries one of these, and
 * `error.details[].path` the field. The first group are the plan rules of the domain.
 */
export const PlanRefusalReason = z.enum([
  'invalid_amount',
  'negative_amount',
  'invalid_number',
  'negative_weight',
  'weights_sum_to_zero',
  'missing_weight',
  'no_parts',
  'duplicate_id',
  'unknown_node',
  'invalid_period',
  'invalid_coefficients',
  'no_working_days',
  'no_capacity',
  'invalid_basis_points',
  'scenarios_out_of_order',
  'no_funnel_history',
  /** An approved plan of the same scope covers part of the period. */
  'period_overlaps_approved_plan',
  /** A person given as a rep does not work in the plan's scope during its period. */
  'rep_outside_scope',
  /** The scope unit does not exist. */
  'unknown_unit',
  /** Approval needs the plan decomposed first. */
  'not_decomposed',
  /** Approval needs every bottom-up difference reconciled first. */
  'not_reconciled',
]);
export type PlanRefusalReason = z.infer<typeof PlanRefusalReason>;

const Period = {
  year: z.number().int().min(1900).max(2199).optional().describe('A calendar year; or give periodStart and periodEnd'),
  periodStart: Day.optional().describe('The first day of a month'),
  periodEnd: Day.optional().describe('The last day of a month, at most 12 months after periodStart'),
};
const onePeriod = (value: { year?: number; periodStart?: string; periodEnd?: string }, ctx: z.RefinementCtx) => {
  const range = value.periodStart !== undefined || value.periodEnd !== undefined;
  if (value.year !== undefined && range) {
    ctx.addIssue({ code: 'custom', path: ['year'], message: 'Give either year or periodStart and periodEnd' });
  } else if (range && (value.periodStart === undefined || value.periodEnd === undefined)) {
    const missing = value.periodStart === undefined ? 'periodStart' : 'periodEnd';
    ctx.addIssue({ code: 'custom', path: [missing], message: 'Give both periodStart and periodEnd' });
  }
};

export const CreatePlanRequest = z
  .object({
    name: NonEmptyName,
    ...Period,
    scopeUnitId: Id.nullable().default(null).describe('null plans the whole organisation'),
    realistic: RealisticInput,
    pessimistic: ScenarioEntry,
    optimistic: ScenarioEntry,
    dealsTarget: z.number().int().min(0).max(100_000_000).nullable().default(null),
    marginTargetMinor: TypedMinor.nullable().default(null),
    seasonality: SeasonalityInput.optional().describe('Omitted: computed from the sales history of the scope'),
  })
  .strict()
  .superRefine((value, ctx) => {
    onePeriod(value, ctx);
    if (value.year === undefined && value.periodStart === undefined) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'Give year, or periodStart and periodEnd' });
    }
  });
export type CreatePlanRequest = z.infer<typeof CreatePlanRequest>;

export const UpdatePlanRequest = z
  .object({
    version: Version,
    name: NonEmptyName.optional(),
    ...Period,
    scopeUnitId: Id.nullable().optional(),
    realistic: RealisticInput.optional(),
    pessimistic: ScenarioEntry.optional(),
    optimistic: ScenarioEntry.optional(),
    dealsTarget: z.number().int().min(0).max(100_000_000).nullable().optional(),
    marginTargetMinor: TypedMinor.nullable().optional(),
    seasonality: SeasonalityInput.optional(),
  })
  .strict()
  .superRefine(onePeriod);
export type UpdatePlanRequest = z.infer<typeof UpdatePlanRequest>;

export const PlansQuery = PageQuery.extend({
  status: PlanStatus.optional(),
  scopeUnitId: Id.optional(),
  year: z.coerce.number().int().min(1900).max(2199).optional().describe('Plans whose period touches this year'),
}).strict();

/** A write that changes nothing but the plan's state carries only the version it was read at. */
export const PlanVersionRequest = z.object({ version: Version }).strict();
export const RevisePlanRequest = z
  .object({ version: Version, reason: z.string().trim().min(1).max(1000).describe('Why the approved plan changes') })
  .strict();
export const DecomposePlanRequest = z
  .object({
    version: Version,
    methods: z
      .object({ structure: WeightMethod, directions: WeightMethod, channels: WeightMethod })
      .partial()
      .strict()
      .optional()
      .describe('Sets the method of every line of that tree; omitted, each line keeps its own'),
    extraReps: z
      .array(Id)
      .max(1000)
      .optional()
      .describe(
        'People outside the selling roles who carry a plan (a head with key accounts); each must work in the ' +
          "plan's scope (422 rep_outside_scope). Omitted, the previous ones stay.",
      ),
  })
  .strict();
export const PlanLineParams = z.object({ id: Id, lineId: Id }).strict();
export const UpdatePlanLineRequest = z
  .object({
    version: Version,
    split: WeightMethod.optional().describe("How this line's plan is divided among its children"),
    weight: z.number().nullable().optional().describe("This line's hand weight, read when its parent splits by hand"),
    bottomUpMinor: TypedMinor.nullable()
      .optional()
      .describe('A bottom-up figure for the year (people and units without children only); null clears it'),
  })
  .strict();
export const ReconcilePlanRequest = z
  .object({
    version: Version,
    accept: z
      .enum(['top-down', 'bottom-up'])
      .describe('top-down drops the bottom-up figures; bottom-up makes them the plan and its new total'),
  })
  .strict();

const Person = z.object({ id: Id, fullName: z.string() });
const ScenarioEntryView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amount'), amountMinor: Minor }),
  z.object({ kind: z.literal('percent'), basisPoints: z.number().int() }),
]);
const ScenarioFigures = z.object({ pessimisticMinor: Minor, realisticMinor: Minor, optimisticMinor: Minor });
/**
 * The share of the plan's deals and margin targets, split down the tree like realistic revenue;
 * null when the plan has no such target (see `metrics`).
 */
const TargetFigures = z.object({
  deals: z.number().int().min(0).nullable().describe('Deals to win; null when the plan has no deals target'),
  marginMinor: Minor.nullable().describe('Margin in minor units; null when the plan has no margin target'),
});

/** One month of a plan or a line, in the three scenarios, with its deals and margin when planned. */
export const PlanMonth = ScenarioFigures.merge(TargetFigures).extend({ month: z.string().describe("'YYYY-MM'") });
export type PlanMonth = z.infer<typeof PlanMonth>;

export const Plan = z.object({
  id: Id,
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  scope: z.object({ unitId: Id.nullable(), unitName: z.string().nullable(), level: PlanLevel }),
  currency: z.string(),
  metrics: z.array(z.enum(['revenue', 'deals', 'margin'])),
  dealsTarget: z.number().int().nullable(),
  marginTargetMinor: Minor.nullable(),
  realistic: z.object({
    basis: z.enum(['manual', 'last-year-growth']),
    amountMinor: Minor,
    growthBp: z.number().int().nullable(),
    lastYearFactMinor: Minor.nullable(),
  }),
  pessimistic: ScenarioEntryView,
  optimistic: ScenarioEntryView,
  scenarios: ScenarioFigures,
  seasonality: z.object({
    coefficients: z.array(z.number()),
    basis: SeasonalityBasis,
    flatReason: FlatSeasonalityReason.nullable(),
  }),
  status: PlanStatus,
  version: z.number().int(),
  revision: z.number().int(),
  decomposedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: Person.nullable(),
  updatedAt: z.string(),
  updatedBy: Person.nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: Person.nullable(),
  /** `full`: the plan's scope is yours; `partial`: the plan includes you, and you see your part. */
  access: z.enum(['full', 'partial']),
  permissions: z.object({ edit: z.boolean(), approve: z.boolean(), revise: z.boolean(), delete: z.boolean() }),
});
export type Plan = z.infer<typeof Plan>;

export const PlanRevision = z.object({
  id: Id,
  revision: z.number().int(),
  reason: z.string(),
  revisedAt: z.string(),
  revisedBy: Person.nullable(),
  reapprovedAt: z.string().nullable(),
  reapprovedBy: Person.nullable(),
  /** What changed between the approved plan it reopened and its next approval; null until then. */
  changes: z.array(AuditChange).nullable(),
});
export type PlanRevision = z.infer<typeof PlanRevision>;

export const PlanMonthBreakdown = PlanMonth.extend({ workingDays: z.number().int() });
export const PlanDetails = Plan.extend({
  /** The period month by month (from the decomposition once there is one), with working days. */
  months: z.array(PlanMonthBreakdown),
  revisions: z.array(PlanRevision),
});
export type PlanDetails = z.infer<typeof PlanDetails>;

export const PlanDimension = z.enum(['structure', 'direction', 'channel']);
export const PlanLineKind = z.enum(['organisation', 'unit', 'rep', 'total', 'direction', 'channel']);

export const PlanLine = ScenarioFigures.merge(TargetFigures).extend({
  id: Id,
  parentId: Id.nullable(),
  dimension: PlanDimension,
  kind: PlanLineKind,
  unitId: Id.nullable(),
  userId: Id.nullable(),
  productGroupId: Id.nullable(),
  channel: DealChannel.nullable(),
  /** Unit, person, product group or channel name; 'other' for the rest of the products. */
  label: z.string(),
  /** How the children were split; `fallback: 'no-history'` when last year's split found none. Null for a leaf. */
  split: z
    .object({
      method: WeightMethod,
      appliedMethod: WeightMethod,
      fallback: z.enum(['no-history']).nullable(),
      /**
       * Months ('YYYY-MM') in which everyone on the team that month weighed nothing (say, by last
       * year's share once last year's sellers had left), so the month was split equally among
       * the people present, ramp still applied. Empty when there were none.
       */
      equalWeightMonths: z.array(z.string()),
    })
    .nullable(),
  weight: z.number().nullable(),
  lastYearMinor: Minor,
  hireDay: z.string().nullable(),
  leaveDay: z.string().nullable(),
  months: z.array(PlanMonth),
  /** The typed bottom-up figure (leaves only). */
  bottomUpMinor: Minor.nullable(),
  /** The year realistic figure the leaves add up to as edited; equals `realisticMinor` when nothing is edited. */
  bottomUpTotalMinor: Minor,
  /** bottomUpTotalMinor − realisticMinor. */
  differenceMinor: z.number().int(),
});
export type PlanLine = z.infer<typeof PlanLine>;

export const PlanLines = z.object({
  plan: Plan,
  /** Parents before children; a partial view holds only your part. */
  lines: z.array(PlanLine),
  /** True when no line's bottom-up figure differs from its top-down one (approval needs it). */
  reconciled: z.boolean(),
});
export type PlanLines = z.infer<typeof PlanLines>;

export const SeasonalityHistory = z.object({
  /** The months read, oldest first: full months before the period (and before today), up to three years. */
  history: z.array(z.object({ month: z.string(), revenueMinor: Minor })),
  /** The coefficients this history gives, beside the history of each calendar month. */
  computed: z.object({
    coefficients: z.array(z.number()),
    basis: z.enum(['history', 'flat']),
    flatReason: FlatSeasonalityReason.nullable(),
    monthsUsed: z.number().int(),
    months: z.array(
      z.object({
        monthIndex: z.number().int(),
        coefficient: z.number(),
        years: z.number().int(),
        meanRevenueMinor: z.number().nullable(),
      }),
    ),
  }),
  /** The plan's current coefficients, for comparison. */
  current: Plan.shape.seasonality,
});
export type SeasonalityHistory = z.infer<typeof SeasonalityHistory>;
