import { z } from 'zod';
import { Day, Id } from './common.ts';
import { DealChannel } from './deals.ts';
import { PlanDimension, PlanLineKind } from './plans.ts';
import { Minor } from './sales-fields.ts';

// Plan versus fact of a plan's lines on a day, with the two period-end forecasts. Money is in
// whole minor units of the plan's currency; the fact may be negative (refunds).

const SignedMinor = z.number().int();
const ScenarioFigures = z.object({ pessimisticMinor: Minor, realisticMinor: Minor, optimisticMinor: Minor });
/** Where a figure lands against the line's three period plans. */
export const ScenarioLanding = z.enum(['below-pessimistic', 'pessimistic', 'realistic', 'optimistic']);

export const PlanProgressQuery = z
  .object({
    date: Day.optional().describe("The day to report on (its sales count); default today in the organisation's zone"),
  })
  .strict();
export const PlanProgressDailyQuery = z.object({ lineId: Id }).strict();

/** One line of the plan on the day. */
export const PlanLineProgress = z.object({
  lineId: Id,
  parentId: Id.nullable(),
  dimension: PlanDimension,
  kind: PlanLineKind,
  unitId: Id.nullable(),
  userId: Id.nullable(),
  productGroupId: Id.nullable(),
  channel: DealChannel.nullable(),
  /** The line's plans for the whole period. */
  period: ScenarioFigures,
  /** The plans up to and including the day (days split by working days of the work calendar). */
  planToDate: ScenarioFigures,
  factToDateMinor: SignedMinor,
  /** How many sales lines make up the fact. */
  salesCount: z.number().int(),
  /** fact / realistic plan to date; null while that plan is 0. */
  attainment: z.number().nullable(),
  runRate: z.object({ forecastMinor: SignedMinor.nullable(), scenario: ScenarioLanding.nullable() }),
  pipeline: z.object({
    forecastMinor: SignedMinor,
    weightedMinor: Minor,
    /** Open deals expected to close in the period that the weighted sum counts. */
    dealsCounted: z.number().int(),
    scenario: ScenarioLanding,
  }),
  /**
   * Query strings for GET /api/sales and GET /api/deals that list what the figures count, where
   * those filters can express the line (a rep, a channel); null otherwise.
   */
  drillDown: z.object({ sales: z.string(), deals: z.string() }).nullable(),
  /**
   * Won deals against the line's deals plan (the plan's deals target split down the tree); null
   * when the plan has no deals target. A deal counts on the local day it was won, once, under
   * its owner, its channel and the direction with most of its lines' amount.
   */
  deals: z
    .object({
      period: z.number().int(),
      planToDate: z.number().int(),
      wonToDate: z.number().int(),
      /** won / plan to date; null while that plan is 0. */
      attainment: z.number().nullable(),
    })
    .nullable(),
});
export type PlanLineProgress = z.infer<typeof PlanLineProgress>;

export const PlanProgress = z.object({
  planId: Id,
  currency: z.string(),
  asOf: Day,
  periodStart: Day,
  periodEnd: Day,
  elapsedWorkingDays: z.number().int(),
  totalWorkingDays: z.number().int(),
  /** Parents before children; a partial view holds only your part of the structure. */
  lines: z.array(PlanLineProgress),
});
export type PlanProgress = z.infer<typeof PlanProgress>;

/** A line's cumulative series, one point per day of the period up to today (plans for every day). */
export const PlanProgressDaily = z.object({
  planId: Id,
  lineId: Id,
  currency: z.string(),
  days: z.array(
    ScenarioFigures.extend({
      day: Day,
      /** Cumulative fact to the day; null for days after today. */
      factMinor: SignedMinor.nullable(),
    }),
  ),
});
export type PlanProgressDaily = z.infer<typeof PlanProgressDaily>;

// SMART goals: a rep's goals for one month of an approved plan, from their plan line and the
// reverse funnel over their own history (the team's where the rep's is thin).

export const SmartMetric = z.enum([
  'revenue',
  'deals-won',
  'opportunities-opened',
  'meetings-per-day',
  'calls-per-day',
]);
export type SmartMetric = z.infer<typeof SmartMetric>;
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "A month, 'YYYY-MM'");

export const GeneratePlanGoalsRequest = z.object({ month: Month }).strict();
export const PlanGoalsQuery = z
  .object({ planId: Id.optional(), month: Month.optional(), userId: Id.optional() })
  .strict();
export const AdjustPlanGoalRequest = z
  .object({
    target: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    reason: z.string().trim().min(1).max(1000),
  })
  .strict();

const FunnelFigures = z.object({
  averageDeal: z.number(),
  winRate: z.number(),
  opportunitiesPerMeeting: z.number(),
  meetingsPerCall: z.number(),
});
const FigureSources = z.object({
  averageDeal: z.enum(['rep', 'team']),
  winRate: z.enum(['rep', 'team']),
  opportunitiesPerMeeting: z.enum(['rep', 'team']),
  meetingsPerCall: z.enum(['rep', 'team']),
});

export const PlanGoal = z.object({
  id: Id,
  planId: Id,
  /** Relevant: the rep's line of the plan. */
  planLineId: Id,
  user: z.object({ id: Id, fullName: z.string() }),
  /** Time-bound: the month, first and last day. */
  from: Day,
  to: Day,
  /** Specific. */
  metric: SmartMetric,
  /** Measurable: minor units for revenue, a whole count otherwise (per working day for *-per-day). */
  target: z.number().int(),
  generatedTarget: z.number().int(),
  /** Why the head changed the target; null while it is the generated one. */
  reason: z.string().nullable(),
  /** Achievable: false when the month's revenue goal exceeds the rep's best month × (1 + margin). */
  achievable: z.boolean(),
  achievabilityLimitMinor: Minor.nullable(),
  funnel: z.object({
    figures: FunnelFigures,
    sources: FigureSources,
    repHistoryThin: z.boolean(),
    workingDays: z.number().int(),
  }),
  version: z.number().int(),
  /** What the viewer may do with this goal: adjust it (the head over the rep, the director, an administrator; not one's own). */
  permissions: z.object({ adjust: z.boolean() }),
});
export type PlanGoal = z.infer<typeof PlanGoal>;
export const PlanGoalList = z.object({ items: z.array(PlanGoal) });

/** A goal with the fact so far this month. */
export const MyGoal = PlanGoal.extend({
  /**
   * This month to today: revenue from sales (minor units), deals won, deals opened, or calls and
   * meetings logged as done (in all: compare with target × elapsed working days).
   */
  factSoFar: z.number().int(),
});
export const MyGoals = z.object({
  month: Month,
  asOf: Day,
  elapsedWorkingDays: z.number().int(),
  workingDays: z.number().int(),
  items: z.array(MyGoal),
});
export type MyGoals = z.infer<typeof MyGoals>;
