import type { RealisticInput, ScenarioEntry } from '@pulse/contracts';
import { localDay, PlanError, realisticFromLastYear, type Seasonality, seasonalityFromHistory } from '@pulse/domain';
import type { Ctx } from './plan-context.ts';
import { refuse } from './plan-context.ts';
import { findMonthlyRevenue, findRevenueByOwner } from './plan-facts.queries.ts';
import { lastDayOf, monthStartAfter, type Period, yearBefore } from './plan-period.ts';
import type { PlanUnit } from './plans.policy.ts';
import { findOverlappingApprovedPlan, type PlanRow } from './plans.queries.ts';

// Turning what a request asks for into the figures a plan stores, with the rules that refuse it.

/** Years of sales history read for seasonality. */
export const HISTORY_YEARS = 3;

/** Where a plan's sales come from: its currency and its scope's units (null: the organisation). */
export interface PlanSales {
  currency: string;
  unitIds: string[] | null;
}

export interface ResolvedRealistic {
  basis: 'manual' | 'last-year-growth';
  amountMinor: number;
  growthBp: number | null;
  lastYearFactMinor: number | null;
}

/** The realistic plan as typed, or from last year's fact for the same months × (1 + growth). */
export async function resolveRealistic(
  ctx: Ctx,
  input: RealisticInput,
  period: Period,
  sales: PlanSales,
): Promise<ResolvedRealistic> {
  if (input.basis === 'manual') {
    return { basis: 'manual', amountMinor: input.amountMinor, growthBp: null, lastYearFactMinor: null };
  }
  const rows = await findRevenueByOwner(ctx.tx, ctx.actor.orgId, { ...yearBefore(period), ...sales });
  const fact = rows.reduce((sum, row) => sum + row.revenue_minor, 0);
  return {
    basis: 'last-year-growth',
    amountMinor: realisticFromLastYear(fact, input.growthBp),
    growthBp: input.growthBp,
    lastYearFactMinor: fact,
  };
}

/** The stored scenario entry of a plan, as a request would give it. */
export function storedEntry(row: PlanRow, scenario: 'pessimistic' | 'optimistic'): ScenarioEntry {
  const kind = row[`${scenario}_kind`];
  return kind === 'amount'
    ? { kind: 'amount', amountMinor: row[`${scenario}_amount_minor`] ?? 0 }
    : { kind: 'percent', basisPoints: row[`${scenario}_bp`] ?? 0 };
}

/** One scenario entry as its three columns. */
export function entryColumns(entry: ScenarioEntry): { kind: string; amountMinor: number | null; bp: number | null } {
  return {
    kind: entry.kind,
    amountMinor: entry.kind === 'amount' ? entry.amountMinor : null,
    bp: entry.kind === 'percent' ? entry.basisPoints : null,
  };
}

/**
 * Margin is money like revenue: negative is refused the way the plan rules refuse amounts.
 * @throws PlanError `negative_amount`.
 */
export function checkMarginTarget(value: number | null | undefined): void {
  if (value != null && value < 0) {
    throw new PlanError('negative_amount', `Invalid margin target ${value}: an amount cannot be negative`, {
      field: 'marginTargetMinor',
    });
  }
}

/** The scope unit must exist in the organisation (422). */
export function checkScopeUnit(units: ReadonlyMap<string, PlanUnit>, scopeUnitId: string | null): void {
  if (scopeUnitId !== null && !units.has(scopeUnitId)) {
    refuse('unknown_unit', 'There is no such unit', 'body.scopeUnitId');
  }
}

/** Two approved plans of one scope never share a month (422). */
export async function checkNoApprovedOverlap(
  ctx: Ctx,
  plan: { scopeUnitId: string | null; period: Period; exceptPlanId: string | null },
): Promise<void> {
  const other = await findOverlappingApprovedPlan(ctx.tx, ctx.actor.orgId, {
    scopeUnitId: plan.scopeUnitId,
    start: plan.period.start,
    end: plan.period.end,
    exceptPlanId: plan.exceptPlanId,
  });
  if (other) {
    refuse(
      'period_overlaps_approved_plan',
      `The approved plan "${other.name}" (${other.period_start}…${other.period_end}) already covers part of this period for the same scope`,
      'body.periodStart',
    );
  }
}

/** The monthly revenue history before a period, and the seasonality it gives. */
export interface HistoryReading {
  history: { month: string; revenueMinor: number }[];
  seasonality: Seasonality;
}

/**
 * Monthly revenue of the scope over up to {@link HISTORY_YEARS} years of full months before the
 * period (and before the current month), from the first month with a sale; months without sales
 * count as 0. The coefficients come from the domain, flat with a reason when history is short.
 */
export async function readSeasonality(
  ctx: Ctx,
  period: Period,
  sales: PlanSales & { timeZone: string },
): Promise<HistoryReading> {
  const today = localDay(ctx.deps.now(), sales.timeZone);
  const end = [period.start, `${today.slice(0, 7)}-01`].sort()[0] as string;
  const lastMonth = monthStartAfter(end.slice(0, 7), -1).slice(0, 7);
  const from = monthStartAfter(end.slice(0, 7), -12 * HISTORY_YEARS);
  const rows = await findMonthlyRevenue(ctx.tx, ctx.actor.orgId, {
    from,
    to: lastDayOf(lastMonth),
    currency: sales.currency,
    unitIds: sales.unitIds,
  });
  const byMonth = new Map(rows.map((row) => [row.month, row.revenue_minor]));
  const history: HistoryReading['history'] = [];
  const first = rows[0]?.month;
  for (let month = first; month !== undefined && month <= lastMonth; month = monthStartAfter(month, 1).slice(0, 7)) {
    history.push({ month, revenueMinor: byMonth.get(month) ?? 0 });
  }
  return { history, seasonality: seasonalityFromHistory(history, today) };
}
