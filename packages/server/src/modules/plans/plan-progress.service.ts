import type { PlanLineProgress, PlanProgress, PlanProgressDaily } from '@pulse/contracts';
import {
  countWorkingDays,
  localDay,
  type MonthPlan,
  periodProgress,
  planToDate,
  planVersusFact,
  splitMonthByWorkingDays,
  type WorkCalendar,
  type YearPlan,
} from '@pulse/domain';
import { notFound } from '../../http/errors.ts';
import { loadWorkCalendar } from '../calendar/calendar.queries.ts';
import type { Ctx } from './plan-context.ts';
import { findProductGroups } from './plan-facts.queries.ts';
import { findPlanLineMonths, findPlanLines, type StoredLine } from './plan-lines.queries.ts';
import { lastDayOf } from './plan-period.ts';
import { findOpenDeals, findSalesCells, findWonDeals, type WonDealRow } from './plan-progress.queries.ts';
import {
  candidatesOf,
  dealShares,
  directionsOf,
  groupByOwner,
  isPicked,
  type LinePick,
  type LineScope,
  lineScopes,
  openDealsOf,
  ownersOfLines,
  traitsOfDeal,
  traitsOfSale,
} from './plan-progress-scope.ts';
import { getVisiblePlan, type LoadedPlan, scopeUnitIds } from './plan-records.ts';
import type { PlanFigures } from './plan-split.ts';
import { getOrgPlanSettings } from './plans.queries.ts';
import { partOf } from './present-lines.ts';

// Plan versus fact: the arithmetic is the domain's (planToDate over each line's months split by
// working days, planVersusFact for attainment and both forecasts); this file only gathers each
// line's sales and open deals. Open deals are those expected to close within the period.

const SCENARIOS = ['pessimistic', 'realistic', 'optimistic'] as const;

/** A line missing from the scopes counts nothing. */
const NO_SCOPE: LineScope = { matches: () => false, owners: [] };

/** Inputs a caller already read in the same transaction (the dashboard's work calendar). */
export interface PreloadedProgressInputs {
  calendar?: WorkCalendar;
  /**
   * Only the structure lines (organisation, units, reps): what the dashboard and the forecast
   * flags show. Their figures are the same as in the full progress; leaving out the direction and
   * channel lines spares reading the open deals' product lines, which only direction lines split by.
   */
  structureOnly?: boolean;
  /**
   * Only these structure lines (implies structureOnly): what a dashboard shows of a plan — its
   * rows' reps, its teams and its total. Only the sales and deals those lines count are read, so a
   * head's view of one department of an organisation plan does not work out all the others.
   */
  only?: LinePick;
}

/** Every line of the plan (a partial view: the actor's part) on a day, default today. */
export async function getPlanProgress(
  ctx: Ctx,
  planId: string,
  date: string | undefined,
  preloaded: PreloadedProgressInputs = {},
): Promise<PlanProgress> {
  const loaded = await loadProgress(ctx, planId, preloaded);
  const { plan, calendar, figures } = loaded;
  const pick = preloaded.only;
  const structureOnly = preloaded.structureOnly === true || pick !== undefined;
  // loaded.lines are the picked ones already when the caller picks.
  const lines = structureOnly ? loaded.lines.filter((line) => line.dimension === 'structure') : loaded.lines;
  const scopes = lineScopes(loaded.allLines);
  const asOf = date ?? loaded.today;
  const { start, end } = plan.period;
  const factTo = earlierDay(asOf, end);
  const window = {
    from: start,
    to: end,
    currency: loaded.currency,
    unitIds: scopeUnitIds(plan.units, plan.row.scope_unit_id),
    ownerIds: pick ? ownersOfLines(lines, scopes) : null,
  };
  const [cells, deals, groups, won] = await Promise.all([
    asOf < start
      ? Promise.resolve([])
      : findSalesCells(ctx.tx, ctx.actor.orgId, { ...window, to: factTo }, { byDay: false, ownerOnly: structureOnly }),
    findOpenDeals(ctx.tx, ctx.actor.orgId, window, { withLines: !structureOnly }),
    structureOnly ? Promise.resolve([]) : findProductGroups(ctx.tx, ctx.actor.orgId),
    figures.deals === null || asOf < start
      ? Promise.resolve([])
      : wonDeals(ctx, loaded, factTo, { withGroup: !structureOnly, ownerIds: window.ownerIds }),
  ]);
  const direction = directionsOf(groups);
  // Each cell's and deal's traits once, not once per line: an organisation plan has hundreds of
  // lines and a year of sales thousands of cells. Rep and unit lines look up their owners' items
  // (candidatesOf); the others test every item.
  const soldCells = cells.map((cell) => ({ cell, traits: traitsOfSale(cell, direction) }));
  const openDeals = deals.map((deal) => dealShares(deal, direction, { byDirection: !structureOnly }));
  const wonTraits = won.map((deal) => traitsOfDeal(deal, direction));
  const cellsByOwner = groupByOwner(soldCells, (sale) => sale.cell.ownerId);
  const dealsByOwner = groupByOwner(openDeals, (shares) => shares.deal.ownerId);
  const wonByOwner = groupByOwner(wonTraits, (traits) => traits.ownerId);
  // Every line shares the period's working-day progress: counted once, not once per line.
  const periodSoFar = periodProgress(calendar, start, end, asOf);
  let elapsedWorkingDays = 0;
  let totalWorkingDays = 0;
  const progress = lines.map((line): PlanLineProgress => {
    const scope = scopes.get(line.id) ?? NO_SCOPE;
    const { matches } = scope;
    const sold = candidatesOf(scope, cellsByOwner, soldCells)
      .filter((sale) => matches(sale.traits))
      .map((sale) => sale.cell);
    const factToDateMinor = sold.reduce((sum, cell) => sum + cell.amountMinor, 0);
    const yearPlans = Object.fromEntries(
      SCENARIOS.map((scenario) => [scenario, yearPlanOf(figures[scenario].get(line.id), plan, calendar, asOf)]),
    ) as Record<(typeof SCENARIOS)[number], YearPlan>;
    const toDate = (scenario: (typeof SCENARIOS)[number]) => planToDate(yearPlans[scenario], asOf);
    const versus = planVersusFact({
      from: start,
      to: end,
      asOf,
      calendar,
      planToDateMinor: toDate('realistic'),
      factToDateMinor,
      scenarios: line.years,
      openDeals: openDealsOf(line, candidatesOf(scope, dealsByOwner, openDeals), matches),
      progress: periodSoFar,
    });
    elapsedWorkingDays = versus.progress.elapsedWorkingDays;
    totalWorkingDays = versus.progress.totalWorkingDays;
    return {
      lineId: line.id,
      parentId: line.parentId,
      dimension: line.dimension,
      kind: line.kind,
      unitId: line.unitId,
      userId: line.userId,
      productGroupId: line.productGroupId,
      channel: line.channel,
      period: line.years,
      planToDate: {
        pessimisticMinor: toDate('pessimistic'),
        realisticMinor: versus.planToDateMinor,
        optimisticMinor: toDate('optimistic'),
      },
      factToDateMinor,
      salesCount: sold.reduce((sum, cell) => sum + cell.count, 0),
      attainment: versus.attainment,
      runRate: versus.runRate,
      pipeline: versus.pipeline,
      drillDown: drillDownOf(line, { from: start, factTo, to: end }),
      deals: dealsProgress(figures.deals?.get(line.id), line, {
        won: candidatesOf(scope, wonByOwner, wonTraits).filter(matches).length,
        plan,
        calendar,
        asOf,
      }),
    };
  });
  return {
    planId,
    currency: loaded.currency,
    asOf,
    periodStart: start,
    periodEnd: end,
    elapsedWorkingDays,
    totalWorkingDays,
    lines: progress,
  };
}

/** One line's cumulative plans (every day of the period) and fact (to today) for a chart. */
export async function getPlanProgressDaily(ctx: Ctx, planId: string, lineId: string): Promise<PlanProgressDaily> {
  const loaded = await loadProgress(ctx, planId);
  const { plan, calendar, figures } = loaded;
  const line = loaded.lines.find((candidate) => candidate.id === lineId);
  if (!line) throw notFound('Plan line');
  const { start, end } = plan.period;
  const factTo = earlierDay(loaded.today, end);
  const window = {
    from: start,
    to: factTo,
    currency: loaded.currency,
    unitIds: scopeUnitIds(plan.units, plan.row.scope_unit_id),
  };
  const [cells, groups] = await Promise.all([
    loaded.today < start ? Promise.resolve([]) : findSalesCells(ctx.tx, ctx.actor.orgId, window, { byDay: true }),
    findProductGroups(ctx.tx, ctx.actor.orgId),
  ]);
  const direction = directionsOf(groups);
  const { matches } = lineScopes(loaded.allLines).get(line.id) ?? NO_SCOPE;
  const factByDay = new Map<string, number>();
  for (const cell of cells) {
    if (cell.day !== null && matches(traitsOfSale(cell, direction)))
      factByDay.set(cell.day, (factByDay.get(cell.day) ?? 0) + cell.amountMinor);
  }
  const dayPlans = SCENARIOS.map((scenario) => {
    const byDay = new Map<string, number>();
    for (const month of yearPlanOf(figures[scenario].get(line.id), plan, calendar).months) {
      for (const day of month.days) byDay.set(day.day, day.planMinor);
    }
    return byDay;
  });
  const running = [0, 0, 0];
  let fact = 0;
  const days: PlanProgressDaily['days'] = [];
  for (const day of daysBetween(start, end)) {
    dayPlans.forEach((byDay, i) => {
      running[i] = (running[i] ?? 0) + (byDay.get(day) ?? 0);
    });
    fact += factByDay.get(day) ?? 0;
    days.push({
      day,
      pessimisticMinor: running[0] ?? 0,
      realisticMinor: running[1] ?? 0,
      optimisticMinor: running[2] ?? 0,
      factMinor: day <= factTo ? fact : null,
    });
  }
  return { planId, lineId, currency: loaded.currency, days };
}

interface LoadedProgress {
  plan: LoadedPlan;
  calendar: WorkCalendar;
  /** Every line: a unit line counts its reps even when a partial view hides them. */
  allLines: StoredLine[];
  /** The lines the actor sees; of those, only the picked ones when the caller picks. */
  lines: StoredLine[];
  /** The months of those lines. */
  figures: PlanFigures;
  currency: string;
  today: string;
  timeZone: string;
}

async function loadProgress(
  ctx: Ctx,
  planId: string,
  preloaded: PreloadedProgressInputs = {},
): Promise<LoadedProgress> {
  const plan = await getVisiblePlan(ctx, planId);
  const allLines = await findPlanLines(ctx.tx, ctx.actor.orgId, plan.row.plan_id);
  const visible = plan.access === 'full' ? allLines : partOf(ctx.actor, allLines);
  const { only } = preloaded;
  const lines = only ? visible.filter((line) => isPicked(line, only)) : visible;
  const figures = await findPlanLineMonths(
    ctx.tx,
    ctx.actor.orgId,
    plan.row.plan_id,
    plan.period.months,
    only ? lines.map((line) => line.id) : undefined,
  );
  const org = await getOrgPlanSettings(ctx.tx, ctx.actor.orgId);
  return {
    plan,
    calendar: preloaded.calendar ?? (await loadWorkCalendar(ctx.tx, ctx.actor.orgId)),
    allLines,
    lines,
    figures,
    currency: plan.row.currency,
    today: localDay(ctx.deps.now(), org.time_zone),
    timeZone: org.time_zone,
  };
}

/**
 * A line's months in one scenario as the domain's year plan (months split by working days). With
 * `toDay`, only the month holding that day is split: planToDate adds ended months whole and walks
 * the days of that month alone, so splitting the others (hundreds of lines × 3 scenarios × 12
 * months on an organisation plan) would be work thrown away.
 */
function yearPlanOf(
  monthFigures: readonly number[] | undefined,
  plan: LoadedPlan,
  calendar: WorkCalendar,
  toDay?: string,
): YearPlan {
  const months: MonthPlan[] = plan.period.months.map((month, i) => {
    const planMinor = monthFigures?.[i] ?? 0;
    const needed = toDay === undefined || toDay.slice(0, 7) === month;
    const days = needed ? splitMonthByWorkingDays(planMinor, month, calendar) : [];
    return { month, planMinor, workingDays: days.length, days };
  });
  const annualMinor = months.reduce((sum, month) => sum + month.planMinor, 0);
  // planToDate reads the months only; quarters do not apply to a period that need not be a year.
  return { year: Number(plan.period.start.slice(0, 4)), annualMinor, quarters: [], months };
}

/** The scope's deals won from the period's first day to `factTo`, both local days. */
async function wonDeals(
  ctx: Ctx,
  loaded: LoadedProgress,
  factTo: string,
  options: { withGroup: boolean; ownerIds: readonly string[] | null },
): Promise<WonDealRow[]> {
  const { plan, timeZone } = loaded;
  const { start } = plan.period;
  // A day's bounds in any time zone lie within a day of UTC midnight; the local day decides.
  const from = new Date(Date.parse(`${start}T00:00:00Z`) - 86_400_000);
  const to = new Date(Date.parse(`${factTo}T00:00:00Z`) + 2 * 86_400_000);
  const rows = await findWonDeals(
    ctx.tx,
    ctx.actor.orgId,
    {
      from,
      to,
      unitIds: scopeUnitIds(plan.units, plan.row.scope_unit_id),
      ownerIds: options.ownerIds,
    },
    { withGroup: options.withGroup },
  );
  return rows.filter((row) => {
    const day = localDay(row.closedAt, timeZone);
    return day >= start && day <= factTo;
  });
}

/**
 * The line's deals plan for the period and to date against the deals won. To date counts the
 * months passed and, of the current month, the whole deals due by the share of its working days
 * elapsed (rounded down) — not the day split of money, which would put a month's few deals on
 * its first days.
 */
function dealsProgress(
  months: readonly number[] | undefined,
  line: StoredLine,
  context: { won: number; plan: LoadedPlan; calendar: WorkCalendar; asOf: string },
): PlanLineProgress['deals'] {
  if (months === undefined || line.years.deals === null) return null;
  const { calendar, asOf } = context;
  const planned = context.plan.period.months.reduce((sum, month, i) => {
    const deals = months[i] ?? 0;
    const [first, last] = [`${month}-01`, lastDayOf(month)];
    if (asOf >= last) return sum + deals;
    if (asOf < first) return sum;
    const total = countWorkingDays(calendar, first, last);
    return sum + (total === 0 ? 0 : Math.floor((deals * countWorkingDays(calendar, first, asOf)) / total));
  }, 0);
  return {
    period: line.years.deals,
    planToDate: planned,
    wonToDate: context.won,
    attainment: planned === 0 ? null : context.won / planned,
  };
}

/** GET /api/sales and /api/deals filters listing what a rep or channel line counts. */
function drillDownOf(
  line: StoredLine,
  days: { from: string; factTo: string; to: string },
): PlanLineProgress['drillDown'] {
  const filter =
    line.kind === 'rep' && line.userId
      ? `ownerId=${line.userId}`
      : line.kind === 'channel'
        ? `channel=${line.channel}`
        : null;
  if (filter === null) return null;
  return {
    sales: `${filter}&from=${days.from}&to=${days.factTo}`,
    deals: `${filter}&status=open&expectedCloseFrom=${days.from}&expectedCloseTo=${days.to}`,
  };
}

function* daysBetween(from: string, to: string): Generator<string> {
  for (
    let day = new Date(`${from}T00:00:00Z`);
    day.toISOString().slice(0, 10) <= to;
    day.setUTCDate(day.getUTCDate() + 1)
  ) {
    yield day.toISOString().slice(0, 10);
  }
}

/** The earlier of two 'YYYY-MM-DD' days (they sort as text). */
function earlierDay(a: string, b: string): string {
  return a.localeCompare(b) <= 0 ? a : b;
}
