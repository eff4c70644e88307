import type { PlanDetails, SeasonalityHistory } from '@pulse/contracts';
import { forbidden } from '../../http/errors.ts';
import { auditChange } from '../audit/record-audit.ts';
import type { Ctx } from './plan-context.ts';
import { respread } from './plan-decomposition.ts';
import { readSeasonality } from './plan-input.ts';
import { findPlanLines } from './plan-lines.queries.ts';
import { getEditablePlan, getVisiblePlan, type LoadedPlan, saveAtNextVersion, scopeUnitIds } from './plan-records.ts';
import { getOrgPlanSettings } from './plans.queries.ts';
import { planFields } from './plans.service.ts';
import { presentPlan, presentPlanDetails } from './present-plan.ts';

/**
 * The scope's monthly revenue before the period beside the coefficients it gives (flat, with the
 * reason, when there are fewer than 12 months). The history of a whole scope is for those who
 * see the plan in full.
 */
export async function getSeasonalityHistory(ctx: Ctx, planId: string): Promise<SeasonalityHistory> {
  const plan = await getVisiblePlan(ctx, planId);
  if (plan.access !== 'full') throw forbidden('The sales history of the whole scope is for those who plan it');
  const { history, seasonality } = await read(ctx, plan);
  return {
    history,
    computed: {
      coefficients: seasonality.coefficients,
      basis: seasonality.basis,
      flatReason: seasonality.flatReason,
      monthsUsed: seasonality.monthsUsed,
      months: seasonality.months,
    },
    current: presentPlan(ctx, plan).seasonality,
  };
}

/** Sets the plan's coefficients from its scope's history (flat, with the reason, when short). */
export async function setSeasonalityFromHistory(
  ctx: Ctx,
  planId: string,
  input: { version: number },
): Promise<PlanDetails> {
  const { tx, actor } = ctx;
  const plan = await getEditablePlan(ctx, planId, input.version);
  const { seasonality } = await read(ctx, plan);
  await saveAtNextVersion(ctx, plan, {
    seasonality: seasonality.coefficients,
    seasonality_basis: seasonality.basis,
    seasonality_flat_reason: seasonality.flatReason,
  });
  const after = await getVisiblePlan(ctx, planId);
  const lines = await findPlanLines(tx, actor.orgId, planId);
  if (lines.length > 0) await respread(ctx, after, lines);
  await auditChange(ctx, {
    action: 'update',
    entity: 'plan',
    entityId: planId,
    before: planFields(plan.row),
    after: planFields(after.row),
  });
  return presentPlanDetails(ctx, after);
}

async function read(ctx: Ctx, plan: LoadedPlan) {
  const org = await getOrgPlanSettings(ctx.tx, ctx.actor.orgId);
  return readSeasonality(ctx, plan.period, {
    currency: plan.row.currency,
    unitIds: scopeUnitIds(plan.units, plan.row.scope_unit_id),
    timeZone: org.time_zone,
  });
}
