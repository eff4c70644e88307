import type { PlanLevel } from '@pulse/contracts';
import type { Updateable } from 'kysely';
import type { PlansTable } from '../../db/schema.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import type { Ctx } from './plan-context.ts';
import { checkedPeriod, type Period } from './plan-period.ts';
import type { PlanTotals } from './plan-split.ts';
import { canPlanFor, type PlanAccess, type PlanUnit, planAccess, planLevel } from './plans.policy.ts';
import { getPlanRow, loadPlanUnits, type PlanRow } from './plans.queries.ts';

/** A plan as a use case works with it: its row, the actor's access, the unit tree and its period. */
export interface LoadedPlan {
  row: PlanRow;
  access: PlanAccess;
  level: PlanLevel;
  units: Map<string, PlanUnit>;
  period: Period;
}

/** The plan if the actor may see it; another organisation's, or one outside the actor's reach, is 404. */
export async function getVisiblePlan(ctx: Ctx, planId: string): Promise<LoadedPlan> {
  const { tx, actor } = ctx;
  const [row, units] = [await getPlanRow(tx, actor.orgId, planId), await loadPlanUnits(tx, actor.orgId)];
  const access = row ? planAccess(actor, row.scope_unit_id, units) : null;
  if (!row || !access) throw notFound('Plan');
  return { row, access, units, ...describe(row) };
}

/**
 * The plan if the actor may change it (403), it is a draft (409: an approved plan is locked
 * until revised) and it was read at its current version (409).
 */
export async function getEditablePlan(ctx: Ctx, planId: string, version: number): Promise<LoadedPlan> {
  const plan = await getVisiblePlan(ctx, planId);
  if (plan.access !== 'full' || !canPlanFor(ctx.actor, plan.row.scope_unit_id)) {
    throw forbidden('Only the head of the unit, the commercial director or an administrator changes this plan');
  }
  if (plan.row.status === 'approved') throw lockedPlan();
  if (plan.row.version !== version) throw stalePlan();
  return plan;
}

/** The level and period of a stored plan. */
export function describe(row: Pick<PlanRow, 'scope_unit_kind' | 'period_start' | 'period_end'>) {
  const scopeKind = row.scope_unit_kind as PlanUnit['kind'] | null;
  return {
    level: planLevel(scopeKind === null ? null : { kind: scopeKind }),
    period: checkedPeriod(row.period_start, row.period_end),
  };
}

/**
 * Writes the plan's changes at the next version, only if nobody wrote it since it was read
 * (a concurrent writer waits on the row and then finds the version moved: 409).
 */
export async function saveAtNextVersion(
  ctx: Ctx,
  plan: LoadedPlan,
  changes: Omit<Updateable<PlansTable>, 'version' | 'org_id' | 'plan_id'>,
): Promise<void> {
  const saved = await ctx.tx
    .updateTable('plans')
    .set({ ...changes, version: plan.row.version + 1, updated_by: ctx.actor.userId, updated_at: ctx.deps.now() })
    .where('org_id', '=', ctx.actor.orgId)
    .where('plan_id', '=', plan.row.plan_id)
    .where('version', '=', plan.row.version)
    .returning('plan_id')
    .executeTakeFirst();
  if (!saved) throw stalePlan();
}

/** The figures a decomposition starts from. */
export function totalsOf(row: PlanRow, period: Period): PlanTotals {
  return {
    pessimisticMinor: row.pessimistic_minor,
    realisticMinor: row.realistic_minor,
    optimisticMinor: row.optimistic_minor,
    dealsTarget: row.deals_target,
    marginTargetMinor: row.margin_target_minor,
    coefficients: row.seasonality,
    months: period.months,
  };
}

/** The unit and its subtree; null (every unit) for the organisation. */
export function scopeUnitIds(units: ReadonlyMap<string, PlanUnit>, scopeUnitId: string | null): string[] | null {
  if (scopeUnitId === null) return null;
  const ids = [scopeUnitId];
  for (let i = 0; i < ids.length; i += 1) {
    for (const unit of units.values()) if (unit.parentId === ids[i]) ids.push(unit.id);
  }
  return ids;
}

export const lockedPlan = () =>
  conflict('The plan is approved and locked; revise it, with a reason, to change it', [
    { path: 'status', message: 'approved' },
  ]);

export const stalePlan = () =>
  conflict('The plan was changed since you read it; reload it and try again', [
    { path: 'body.version', message: 'Stale version' },
  ]);
