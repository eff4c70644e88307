import type { CreatePlanRequest, Plan, PlanDetails, UpdatePlanRequest } from '@pulse/contracts';
import { normalizeSeasonality, resolveScenarios } from '@pulse/domain';
import { conflict, forbidden } from '../../http/errors.ts';
import { keysetPage } from '../../http/keyset.ts';
import { auditChange } from '../audit/record-audit.ts';
import type { Ctx } from './plan-context.ts';
import { decomposeFromStructure, refollowScenarios, respread } from './plan-decomposition.ts';
import {
  checkMarginTarget,
  checkNoApprovedOverlap,
  checkScopeUnit,
  entryColumns,
  type PlanSales,
  readSeasonality,
  resolveRealistic,
  storedEntry,
} from './plan-input.ts';
import { deletePlanLines, findPlanLines, planHasLines } from './plan-lines.queries.ts';
import { periodOf } from './plan-period.ts';
import {
  describe,
  getEditablePlan,
  getVisiblePlan,
  lockedPlan,
  saveAtNextVersion,
  scopeUnitIds,
} from './plan-records.ts';
import { canPlanFor, planAccess } from './plans.policy.ts';
import { findPlanRows, getOrgPlanSettings, loadPlanUnits, type PlanRow, type PlanVisibility } from './plans.queries.ts';
import { presentPlan, presentPlanDetails } from './present-plan.ts';

/** Plans the actor sees (in full, or in part because they include the actor), newest period first. */
export async function listPlans(
  ctx: Ctx,
  query: { status?: string; scopeUnitId?: string; year?: number; cursor?: string; limit: number },
): Promise<{ items: Plan[]; nextCursor: string | null }> {
  const { tx, actor } = ctx;
  const units = await loadPlanUnits(tx, actor.orgId);
  const visibility: PlanVisibility =
    actor.scope.kind === 'organisation'
      ? { all: true }
      : { all: false, unitIds: [...units.keys()].filter((id) => planAccess(actor, id, units) !== null) };
  const rows = await findPlanRows(tx, actor.orgId, { ...query, visibility });
  return keysetPage(rows, query.limit, (row) =>
    presentPlan(ctx, { row, access: planAccess(actor, row.scope_unit_id, units) ?? 'partial', ...describe(row) }),
  );
}

export async function getPlan(ctx: Ctx, planId: string): Promise<PlanDetails> {
  return presentPlanDetails(ctx, await getVisiblePlan(ctx, planId));
}

/**
 * A draft plan. Seasonality is computed from the scope's sales history unless typed; the
 * realistic plan is typed or last year's fact × growth; the other two follow their entries.
 */
export async function createPlan(ctx: Ctx, input: CreatePlanRequest): Promise<PlanDetails> {
  const { tx, actor } = ctx;
  if (!canPlanFor(actor, input.scopeUnitId)) {
    throw forbidden(
      'A head of sales plans for units of their own subtree; the organisation is planned by the director',
    );
  }
  const units = await loadPlanUnits(tx, actor.orgId);
  checkScopeUnit(units, input.scopeUnitId);
  const period = periodOf(input);
  checkMarginTarget(input.marginTargetMinor);
  await checkNoApprovedOverlap(ctx, { scopeUnitId: input.scopeUnitId, period, exceptPlanId: null });
  const org = await getOrgPlanSettings(tx, actor.orgId);
  const sales: PlanSales = { currency: org.currency, unitIds: scopeUnitIds(units, input.scopeUnitId) };
  const realistic = await resolveRealistic(ctx, input.realistic, period, sales);
  const scenarios = resolveScenarios({
    realisticMinor: realistic.amountMinor,
    pessimistic: input.pessimistic,
    optimistic: input.optimistic,
  });
  const seasonality = input.seasonality
    ? { coefficients: normalizeSeasonality(input.seasonality.coefficients), basis: 'manual', flatReason: null }
    : (await readSeasonality(ctx, period, { ...sales, timeZone: org.time_zone })).seasonality;
  const pessimistic = entryColumns(input.pessimistic);
  const optimistic = entryColumns(input.optimistic);
  const now = ctx.deps.now();
  const { plan_id: planId } = await tx
    .insertInto('plans')
    .values({
      org_id: actor.orgId,
      name: input.name,
      period_start: period.start,
      period_end: period.end,
      scope_unit_id: input.scopeUnitId,
      currency: org.currency,
      deals_target: input.dealsTarget,
      margin_target_minor: input.marginTargetMinor,
      realistic_minor: scenarios.realisticMinor,
      realistic_basis: realistic.basis,
      growth_bp: realistic.growthBp,
      last_year_fact_minor: realistic.lastYearFactMinor,
      pessimistic_kind: pessimistic.kind,
      pessimistic_amount_minor: pessimistic.amountMinor,
      pessimistic_bp: pessimistic.bp,
      optimistic_kind: optimistic.kind,
      optimistic_amount_minor: optimistic.amountMinor,
      optimistic_bp: optimistic.bp,
      pessimistic_minor: scenarios.pessimisticMinor,
      optimistic_minor: scenarios.optimisticMinor,
      seasonality: seasonality.coefficients,
      seasonality_basis: seasonality.basis,
      seasonality_flat_reason: seasonality.flatReason,
      created_by: actor.userId,
      created_at: now,
      updated_by: actor.userId,
      updated_at: now,
    })
    .returning('plan_id')
    .executeTakeFirstOrThrow();
  const plan = await getVisiblePlan(ctx, planId);
  await auditChange(ctx, {
    action: 'create',
    entity: 'plan',
    entityId: planId,
    before: null,
    after: planFields(plan.row),
  });
  return presentPlanDetails(ctx, plan);
}

/**
 * Edits a draft read at `version`. When the plan has a decomposition it follows at once: a new
 * period or scope decomposes again from the organisation (keeping each line's method and
 * weights), a new realistic total or seasonality re-spreads the tree top-down, and new
 * pessimistic or optimistic entries re-split those scenarios alone.
 */
export async function updatePlan(ctx: Ctx, planId: string, input: UpdatePlanRequest): Promise<PlanDetails> {
  const { tx, actor } = ctx;
  const plan = await getEditablePlan(ctx, planId, input.version);
  const { row } = plan;
  const scopeUnitId = input.scopeUnitId === undefined ? row.scope_unit_id : input.scopeUnitId;
  const scopeChanged = scopeUnitId !== row.scope_unit_id;
  if (scopeChanged) {
    if (!canPlanFor(actor, scopeUnitId)) throw forbidden('You may not plan for that scope');
    checkScopeUnit(plan.units, scopeUnitId);
  }
  const period = input.year !== undefined || input.periodStart !== undefined ? periodOf(input) : plan.period;
  const periodChanged = period.start !== row.period_start || period.end !== row.period_end;
  if (periodChanged || scopeChanged) {
    await checkNoApprovedOverlap(ctx, { scopeUnitId, period, exceptPlanId: planId });
  }
  checkMarginTarget(input.marginTargetMinor);

  const { currency } = row;
  const sales: PlanSales = { currency, unitIds: scopeUnitIds(plan.units, scopeUnitId) };
  const realisticInput =
    input.realistic ??
    (row.realistic_basis === 'last-year-growth' && (periodChanged || scopeChanged)
      ? { basis: 'last-year-growth' as const, growthBp: row.growth_bp ?? 0 }
      : null);
  const realistic = realisticInput
    ? await resolveRealistic(ctx, realisticInput, period, sales)
    : {
        basis: row.realistic_basis,
        amountMinor: row.realistic_minor,
        growthBp: row.growth_bp,
        lastYearFactMinor: row.last_year_fact_minor,
      };
  const pessimisticEntry = input.pessimistic ?? storedEntry(row, 'pessimistic');
  const optimisticEntry = input.optimistic ?? storedEntry(row, 'optimistic');
  const scenarios = resolveScenarios({
    realisticMinor: realistic.amountMinor,
    pessimistic: pessimisticEntry,
    optimistic: optimisticEntry,
  });
  const coefficients = input.seasonality ? normalizeSeasonality(input.seasonality.coefficients) : null;
  const pessimistic = entryColumns(pessimisticEntry);
  const optimistic = entryColumns(optimisticEntry);

  await saveAtNextVersion(ctx, plan, {
    name: input.name ?? row.name,
    period_start: period.start,
    period_end: period.end,
    scope_unit_id: scopeUnitId,
    deals_target: input.dealsTarget === undefined ? row.deals_target : input.dealsTarget,
    margin_target_minor: input.marginTargetMinor === undefined ? row.margin_target_minor : input.marginTargetMinor,
    realistic_minor: scenarios.realisticMinor,
    realistic_basis: realistic.basis,
    growth_bp: realistic.growthBp,
    last_year_fact_minor: realistic.lastYearFactMinor,
    pessimistic_kind: pessimistic.kind,
    pessimistic_amount_minor: pessimistic.amountMinor,
    pessimistic_bp: pessimistic.bp,
    optimistic_kind: optimistic.kind,
    optimistic_amount_minor: optimistic.amountMinor,
    optimistic_bp: optimistic.bp,
    pessimistic_minor: scenarios.pessimisticMinor,
    optimistic_minor: scenarios.optimisticMinor,
    ...(coefficients ? { seasonality: coefficients, seasonality_basis: 'manual', seasonality_flat_reason: null } : {}),
  });
  const after = await getVisiblePlan(ctx, planId);
  if (await planHasLines(tx, actor.orgId, planId)) {
    if (periodChanged || scopeChanged) await decomposeFromStructure(ctx, after, {});
    else if (realistic.amountMinor !== row.realistic_minor || coefficients) {
      await respread(ctx, after, await findPlanLines(tx, actor.orgId, planId));
    } else if (
      scenarios.pessimisticMinor !== row.pessimistic_minor ||
      scenarios.optimisticMinor !== row.optimistic_minor ||
      after.row.deals_target !== row.deals_target ||
      after.row.margin_target_minor !== row.margin_target_minor
    ) {
      await refollowScenarios(ctx, after);
    }
  }
  await auditChange(ctx, {
    action: 'update',
    entity: 'plan',
    entityId: planId,
    before: planFields(row),
    after: planFields(after.row),
  });
  return presentPlanDetails(ctx, after);
}

/** Deletes a draft that was never approved; an approved plan (or one approved before) stays (409). */
export async function deletePlan(ctx: Ctx, planId: string): Promise<void> {
  const { tx, actor } = ctx;
  const plan = await getVisiblePlan(ctx, planId);
  if (plan.access !== 'full' || !canPlanFor(actor, plan.row.scope_unit_id)) throw forbidden();
  if (plan.row.status === 'approved') throw lockedPlan();
  if (plan.row.revision > 1) {
    throw conflict('This plan was approved before and is kept for its history; edit the revised draft instead', [
      { path: 'revision', message: String(plan.row.revision) },
    ]);
  }
  await deletePlanLines(tx, actor.orgId, planId);
  await tx.deleteFrom('plans').where('org_id', '=', actor.orgId).where('plan_id', '=', planId).execute();
  await auditChange(ctx, {
    action: 'delete',
    entity: 'plan',
    entityId: planId,
    before: planFields(plan.row),
    after: null,
  });
}

/** The fields of a plan the audit log and revisions compare. */
export function planFields(row: PlanRow): Record<string, unknown> {
  return {
    name: row.name,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    scopeUnitId: row.scope_unit_id,
    dealsTarget: row.deals_target,
    marginTargetMinor: row.margin_target_minor,
    realisticBasis: row.realistic_basis,
    growthBp: row.growth_bp,
    realisticMinor: row.realistic_minor,
    pessimistic: storedEntry(row, 'pessimistic'),
    optimistic: storedEntry(row, 'optimistic'),
    pessimisticMinor: row.pessimistic_minor,
    optimisticMinor: row.optimistic_minor,
    seasonality: row.seasonality,
    seasonalityBasis: row.seasonality_basis,
    status: row.status,
    revision: row.revision,
    version: row.version,
  };
}
