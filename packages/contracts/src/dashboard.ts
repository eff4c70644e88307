import { z } from 'zod';
import { Day, Id, Instant, Locale } from './common.ts';
import { RedFlag } from './daily-control.ts';
import { KpiCatalogId } from './kpi-targets.ts';
import { MyGoals, ScenarioLanding } from './plan-progress.ts';

// The head of sales' Pulse dashboard: per rep and team, each KPI of the catalog against its
// target as a traffic light, the plan's attainment and forecast, a leaderboard and the red
// flags; the same cells for a sales manager's own row (/me), for the departments side by side
// (/departments) and for the head's morning digest (/digest).
//
// Where figures come from:
// - additive KPIs (source sum / ratio in the catalog): the per rep per day rollup (kpi_daily)
//   summed over the period's days, then the catalog's rule (Σ numerator / Σ denominator);
// - stage-conversion: over every open stage of every pipeline, Σ deals that later moved further
//   along / Σ deals that entered the stage in the period (the rep's deals by current owner; the
//   per-stage figures of GET /api/daily-control/live-kpis, added up). Percent 0–100.
// - pipeline-coverage: Σ stage-weighted open deals expected to close in the month of the period's
//   last day / what remains of that month's realistic plan after its sales so far (live-kpis; a
//   day or a week has no plan of its own to cover). A ratio (1 = 100 %); null without a plan or
//   when nothing remains. A team adds up the weighted pipeline and the remainder of members with a plan.
// - quality-score: no source yet (call reviews come later): value null, absentReason 'no-source'.
// A team's (department's, total's) cell is the same rule over its members' SUMMED measures — a
// team's win rate is Σ won / Σ (won + lost) of its members, never the mean of their win rates.

export const DashboardPeriodKind = z.enum(['today', 'week', 'month']);
export type DashboardPeriodKind = z.infer<typeof DashboardPeriodKind>;
export const TrafficLight = z.enum(['green', 'amber', 'red']);
export type TrafficLight = z.infer<typeof TrafficLight>;

/** GET /api/daily-control/dashboard */
export const DashboardQuery = z
  .object({
    /** today: the day; week: Monday to the day; month: the 1st to the day. */
    period: DashboardPeriodKind.default('today'),
    /** The day the period ends on (week and month to date); default today in the organisation's zone. */
    date: Day.optional(),
    /** One unit of the caller's scope and everything under it; default the caller's whole scope. */
    unitId: Id.optional(),
  })
  .strict();
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** GET /api/daily-control/me — always the caller's own figures, up to today. */
export const MyDashboardQuery = z.object({ period: DashboardPeriodKind.default('today') }).strict();
export type MyDashboardQuery = z.infer<typeof MyDashboardQuery>;

/** GET /api/daily-control/departments */
export const DepartmentsDashboardQuery = z
  .object({ period: DashboardPeriodKind.default('today'), date: Day.optional() })
  .strict();
export type DepartmentsDashboardQuery = z.infer<typeof DepartmentsDashboardQuery>;

/** GET /api/daily-control/digest — `date` is the morning the digest is for (default today). */
export const DigestQuery = z.object({ date: Day.optional() }).strict();
export type DigestQuery = z.infer<typeof DigestQuery>;

/** The period the figures cover: local days of the organisation, both ends inclusive. */
export const DashboardPeriod = z.object({
  kind: DashboardPeriodKind,
  from: Day,
  to: Day,
  /** The instant the figures were read at. */
  asOf: Instant,
  /** Working days of the work calendar in from…to (what targets are scaled by). */
  workingDays: z.number().int(),
});
export type DashboardPeriod = z.infer<typeof DashboardPeriod>;

/**
 * A web path with its query string that lists the records a figure counts, with day filters the
 * lists understand, e.g.
 * `/activities?userId=…&kind=call&direction=outbound&status=done&from=2026-11-23&to=2026-11-25`.
 */
export const DrillDown = z.string();

/** Why a cell has no value: no data source exists yet (quality score), or nothing to divide by. */
export const KpiAbsentReason = z.enum(['no-source', 'no-data']);
export type KpiAbsentReason = z.infer<typeof KpiAbsentReason>;

/**
 * One KPI of one rep or team for the period, in the KPI's unit (percent 0–100, minor units,
 * milliseconds, seconds, count, ratio).
 * - `target`, `greenAt`, `amberAt`: the target in force for the period, scaled from its grain by
 *   working days for counts, money and durations (a monthly revenue target on a week to date is
 *   its working-day share); ratios keep their value. A rep's cell uses only a target set for that
 *   rep; a team's (department's, total's) only a target set for that unit. Null when none is set.
 * - `light`: trafficLight(value, greenAt, amberAt); null without a value or a target.
 * - `drillDown`: the records behind the figure; null for team rows (the lists filter by one
 *   person) and for KPIs no list filter can express (stage conversion, quality score).
 */
export const KpiCell = z.object({
  value: z.number().nullable(),
  absentReason: KpiAbsentReason.nullable(),
  target: z.number().nullable(),
  greenAt: z.number().nullable(),
  amberAt: z.number().nullable(),
  light: TrafficLight.nullable(),
  drillDown: DrillDown.nullable(),
});
export type KpiCell = z.infer<typeof KpiCell>;

/** Every KPI id of the catalog → its cell (all keys present). */
export const KpiCells = z.record(KpiCatalogId, KpiCell);
export type KpiCells = z.infer<typeof KpiCells>;

/**
 * A rep's (or unit's) structure line of an approved plan covering the period's last day (the
 * narrowest plan that has the line), as plan versus fact reports it on that day. The figures are
 * over the PLAN's own period to date (periodStart … asOf), not the dashboard period; the forecast
 * is the pipeline forecast for the plan's period end (fact + weighted open deals).
 */
export const DashboardPlan = z.object({
  planId: Id,
  lineId: Id,
  currency: z.string(),
  periodStart: Day,
  periodEnd: Day,
  asOf: Day,
  planToDateMinor: z.number().int(),
  factToDateMinor: z.number().int(),
  /** fact / realistic plan to date (a ratio, 1 = 100 %); null while that plan is 0. */
  attainment: z.number().nullable(),
  forecastMinor: z.number().int(),
  forecastScenario: ScenarioLanding,
});
export type DashboardPlan = z.infer<typeof DashboardPlan>;

export const DashboardRow = z.object({
  userId: Id,
  fullName: z.string(),
  unitId: Id.nullable(),
  kpis: KpiCells,
  plan: DashboardPlan.nullable(),
});
export type DashboardRow = z.infer<typeof DashboardRow>;

/** A unit with the reps directly in it; its cells come from their summed measures. */
export const DashboardTeam = z.object({
  unitId: Id,
  name: z.string(),
  headUserId: Id.nullable(),
  memberIds: z.array(Id),
  kpis: KpiCells,
  plan: DashboardPlan.nullable(),
});
export type DashboardTeam = z.infer<typeof DashboardTeam>;

/** Everyone on the dashboard together; the target and plan are those of the view's root unit (when it has one). */
export const DashboardTotal = z.object({
  unitId: Id.nullable(),
  kpis: KpiCells,
  plan: DashboardPlan.nullable(),
});
export type DashboardTotal = z.infer<typeof DashboardTotal>;

/** Ranked by revenue in the period (ties share a rank: 1, 1, 3), then by name. */
export const LeaderboardEntry = z.object({
  rank: z.number().int(),
  userId: Id,
  fullName: z.string(),
  revenueMinor: z.number().int(),
  /** Revenue / the period's revenue target × 100; null without a target (or a target of 0). */
  attainment: z.number().nullable(),
  /** The rep's plan line attainment (see DashboardPlan), null without a plan. */
  planAttainment: z.number().nullable(),
  dealsWon: z.number().int(),
});
export type LeaderboardEntry = z.infer<typeof LeaderboardEntry>;

export const Dashboard = z.object({
  period: DashboardPeriod,
  /** The KPI ids shown, in order (the catalog's order). */
  kpis: z.array(KpiCatalogId),
  /** One row per measured person in view (sales managers, lead generation, heads), by name. */
  rows: z.array(DashboardRow),
  /** Units of the view with at least one measured person directly in them, in tree order. */
  teams: z.array(DashboardTeam),
  total: DashboardTotal,
  leaderboard: z.array(LeaderboardEntry),
  /** Today's red flags of the people in view (always today's, whatever the period). */
  flags: z.array(RedFlag),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** A sales manager's own figures against their goals. */
export const MyDashboard = z.object({
  period: DashboardPeriod,
  kpis: z.array(KpiCatalogId),
  row: DashboardRow,
  /** This month's SMART goals with the fact so far (as GET /api/plan-goals/mine). */
  goals: MyGoals,
});
export type MyDashboard = z.infer<typeof MyDashboard>;

/** A department (unit of kind 'department'): everyone measured in its subtree. */
export const DepartmentRow = z.object({
  unitId: Id,
  name: z.string(),
  headUserId: Id.nullable(),
  memberCount: z.number().int(),
  kpis: KpiCells,
  plan: DashboardPlan.nullable(),
});
export type DepartmentRow = z.infer<typeof DepartmentRow>;

export const DepartmentsDashboard = z.object({
  period: DashboardPeriod,
  kpis: z.array(KpiCatalogId),
  departments: z.array(DepartmentRow),
});
export type DepartmentsDashboard = z.infer<typeof DepartmentsDashboard>;

/** One KPI of yesterday that is not green. */
export const DigestCell = z.object({
  kpiId: KpiCatalogId,
  value: z.number(),
  target: z.number(),
  light: z.enum(['amber', 'red']),
  drillDown: DrillDown.nullable(),
});
export type DigestCell = z.infer<typeof DigestCell>;

/** A rep with at least one amber or red KPI yesterday; reds first, then ambers, catalog order within. */
export const DigestRep = z.object({
  userId: Id,
  fullName: z.string(),
  unitId: Id.nullable(),
  cells: z.array(DigestCell),
});
export type DigestRep = z.infer<typeof DigestRep>;

/** Plan attainment of the month up to yesterday, for a rep or a unit line. */
export const DigestPlanLine = z.object({
  kind: z.enum(['unit', 'rep']),
  /** The unit's or the rep's id. */
  subjectId: Id,
  name: z.string(),
  planId: Id,
  lineId: Id,
  currency: z.string(),
  /** Realistic plan from the 1st of the month (or the plan's start) to yesterday. */
  planMinor: z.number().int(),
  factMinor: z.number().int(),
  /** fact / plan (a ratio, 1 = 100 %); null while the plan is 0. */
  attainment: z.number().nullable(),
});
export type DigestPlanLine = z.infer<typeof DigestPlanLine>;

export const Digest = z.object({
  /** The morning the digest is for. */
  date: Day,
  /** The day whose figures it reports (the day before `date`). */
  yesterday: Day,
  locale: Locale,
  reps: z.array(DigestRep),
  /** Today's red flags. */
  flags: z.array(RedFlag),
  /** Units first (tree order), then reps by name. */
  plan: z.array(DigestPlanLine),
  /** The e-mail as it will be sent: subject, plain text and HTML, in the caller's language. */
  subject: z.string(),
  text: z.string(),
  html: z.string(),
});
export type Digest = z.infer<typeof Digest>;
