import type { DashboardPeriodKind, DashboardPlan, PlanProgress } from '@pulse/contracts';
import { dashboardPeriods, localDay, periodOf, type UnitNode, type WorkCalendar } from '@pulse/domain';
import { AppError } from '../../http/errors.ts';
import { getPlanProgress } from '../plans/plan-progress.service.ts';
import type { LinePick } from '../plans/plan-progress-scope.ts';
import type { UnitRow } from './dashboard.queries.ts';
import type { CellPeriod, LiveFigures, Measures } from './dashboard-cells.ts';
import { pipelineCoverageByRep } from './live-kpis.service.ts';
import type { SubjectRow } from './red-flags.queries.ts';
import type { DailyCtx } from './red-flags.service.ts';
import { approvedPlansOn, kpiDailyOf, workCalendarOf } from './request-memo.ts';

// The dashboard's figures for a set of people: the rollup summed over the period (refreshed
// first, in the request's transaction; stage conversion included), live pipeline coverage, and the plan lines of the approved
// plans on the period's last day (plan versus fact once per plan). Every read is bounded by the
// period or by the current state, never by the length of the history.

/** The period of a request, with the calendar it was worked out in. */
export interface ResolvedPeriod extends CellPeriod {
  asOf: Date;
  calendar: WorkCalendar;
  /** The month of the period's last day: what pipeline coverage measures against. */
  coverage: { from: string; to: string };
}

/** today / week to date / month to date ending on `date` (default today in the calendar's zone). */
export async function resolvePeriod(
  ctx: DailyCtx,
  kind: DashboardPeriodKind,
  date: string | undefined,
): Promise<ResolvedPeriod> {
  const calendar = await workCalendarOf(ctx.tx, ctx.actor.orgId);
  const asOf = ctx.deps.now();
  const day = date ?? localDay(asOf, calendar.timeZone);
  const { from, to } = dashboardPeriods(day)[kind];
  const month = periodOf(day, 'month');
  return { kind, from, to, asOf, calendar, coverage: { from: month.from, to: month.to } };
}

/** Each person's measures and live figures for the period. */
export interface PersonFigures {
  measures: Measures;
  live: LiveFigures;
}

/**
 * The people's figures: rollup sums for the period (stage conversion among them); pipeline
 * coverage of the month the period ends in (deals expected to close that month against what
 * remains of the month's realistic plan after its sales so far) — a day or a week has no plan of
 * its own to cover, so every period shows the month's coverage.
 */
export async function figuresOf(
  ctx: DailyCtx,
  people: readonly SubjectRow[],
  period: ResolvedPeriod,
): Promise<Map<string, PersonFigures>> {
  const userIds = people.map((p) => p.user_id);
  const sums = await kpiDailyOf(ctx.tx, { orgId: ctx.actor.orgId, userIds, from: period.from, to: period.to });
  const coverage = await pipelineCoverageByRep(ctx, people, period.coverage);
  const result = new Map<string, PersonFigures>();
  for (const { userId, figures } of sums) {
    const cover = coverage.get(userId);
    const planned = cover !== undefined && cover.planMinor !== null;
    result.set(userId, {
      measures: figures,
      live: {
        weightedMinor: planned ? (cover?.weightedMinor ?? 0) : 0,
        remainingMinor: planned ? (cover?.remainingMinor ?? 0) : 0,
        planned: planned ? 1 : 0,
      },
    });
  }
  return result;
}

/** The structure lines of the approved plans on a day, by rep, by unit and the organisation's. */
export interface PlanLines {
  byUser: Map<string, DashboardPlan>;
  byUnit: Map<string, DashboardPlan>;
  organisation: DashboardPlan | null;
}

/**
 * Plan versus fact of every approved plan covering a day, as the actor may see them (a plan out
 * of reach is left out), narrowest scope (deepest scope unit) first.
 */
export interface PlansOn {
  day: string;
  progress: PlanProgress[];
  /** The lines worked out: only these (a view's people, teams and total), or null for every structure line. */
  pick: LinePick | null;
}

/**
 * One getPlanProgress per approved plan covering the day; shared by the plan lines and the
 * forecast flags. With `pick`, only those structure lines (and only the sales and deals they
 * count) are worked out.
 */
export async function plansProgressOn(
  ctx: DailyCtx,
  day: string,
  units: readonly UnitNode[],
  pick: LinePick | null = null,
): Promise<PlansOn> {
  const plans = await approvedPlansOn(ctx.tx, ctx.actor.orgId, day);
  const parent = new Map(units.map((unit) => [unit.id, unit.parentId]));
  const depth = (unitId: string | null) => {
    let n = 0;
    for (let id = unitId; id; id = parent.get(id) ?? null) n++;
    return n;
  };
  plans.sort((a, b) => depth(b.scope_unit_id) - depth(a.scope_unit_id));
  const progress: PlanProgress[] = [];
  for (const plan of plans) {
    const one = await progressOrNull(ctx, plan.plan_id, day, pick);
    if (one !== null) progress.push(one);
  }
  return { day, progress, pick };
}

/**
 * The structure lines of the plans: a rep or unit in several plans takes the line of the
 * narrowest plan, as the red flags judge forecasts.
 */
export function planLinesOf(plans: PlansOn): PlanLines {
  const lines: PlanLines = { byUser: new Map(), byUnit: new Map(), organisation: null };
  for (const progress of plans.progress) {
    for (const line of progress.lines) {
      if (line.dimension !== 'structure') continue;
      const figures = presentPlan(progress, line);
      if (line.kind === 'rep' && line.userId && !lines.byUser.has(line.userId)) lines.byUser.set(line.userId, figures);
      if (line.kind === 'unit' && line.unitId && !lines.byUnit.has(line.unitId)) lines.byUnit.set(line.unitId, figures);
      if (line.kind === 'organisation' && lines.organisation === null) lines.organisation = figures;
    }
  }
  return lines;
}

function presentPlan(progress: PlanProgress, line: PlanProgress['lines'][number]): DashboardPlan {
  return {
    planId: progress.planId,
    lineId: line.lineId,
    currency: progress.currency,
    periodStart: progress.periodStart,
    periodEnd: progress.periodEnd,
    asOf: progress.asOf,
    planToDateMinor: line.planToDate.realisticMinor,
    factToDateMinor: line.factToDateMinor,
    attainment: line.attainment,
    forecastMinor: line.pipeline.forecastMinor,
    forecastScenario: line.pipeline.scenario,
  };
}

/** Plan versus fact as the actor may see it; null for a plan out of their reach. */
export async function progressOrNull(
  ctx: DailyCtx,
  planId: string,
  day: string,
  pick: LinePick | null = null,
): Promise<PlanProgress | null> {
  try {
    // The calendar is the request's own (read once); a plan's progress reads the rest itself.
    // Structure lines only: the dashboard's rows, teams and total, and the forecast flags, use no others.
    return await getPlanProgress(ctx, planId, day, {
      calendar: await workCalendarOf(ctx.tx, ctx.actor.orgId),
      structureOnly: true,
      ...(pick ? { only: pick } : {}),
    });
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return null;
    throw error;
  }
}

/** The units in tree order (parents before children, siblings by name). */
export function treeOrder(rows: readonly UnitRow[]): UnitRow[] {
  const ids = new Set(rows.map((row) => row.unit_id));
  const ordered: UnitRow[] = [];
  const visit = (parentId: string | null) => {
    for (const row of rows) {
      const isChild =
        parentId === null ? row.parent_id === null || !ids.has(row.parent_id) : row.parent_id === parentId;
      if (!isChild) continue;
      ordered.push(row);
      visit(row.unit_id);
    }
  };
  visit(null);
  return ordered;
}
