import {
  AuditChange,
  FlatSeasonalityReason,
  type Plan,
  type PlanDetails,
  type PlanRevision,
  SeasonalityBasis,
} from '@pulse/contracts';
import { countWorkingDays } from '@pulse/domain';
import { z } from 'zod';
import { loadWorkCalendar } from '../calendar/calendar.queries.ts';
import type { Ctx } from './plan-context.ts';
import { findPlanLineMonths, findPlanLines } from './plan-lines.queries.ts';
import { lastDayOf } from './plan-period.ts';
import { type LoadedPlan, totalsOf } from './plan-records.ts';
import { planMonths } from './plan-split.ts';
import { canApprovePlan, canPlanFor } from './plans.policy.ts';
import { findRevisionRows, type RevisionRow } from './plans.queries.ts';

const person = (id: string | null, fullName: string | null) => (id === null ? null : { id, fullName: fullName ?? '' });

/** A plan as the API shows it to the actor, with what the actor may do with it. */
export function presentPlan(ctx: Ctx, plan: Omit<LoadedPlan, 'units' | 'period'>): Plan {
  const { row, access, level } = plan;
  const draft = row.status === 'draft';
  const edit = draft && access === 'full' && canPlanFor(ctx.actor, row.scope_unit_id);
  const approve = canApprovePlan(ctx.actor, level, row.scope_unit_id);
  return {
    id: row.plan_id,
    name: row.name,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    scope: { unitId: row.scope_unit_id, unitName: row.scope_unit_name, level },
    currency: row.currency,
    metrics: [
      'revenue' as const,
      ...(row.deals_target === null ? [] : ['deals' as const]),
      ...(row.margin_target_minor === null ? [] : ['margin' as const]),
    ],
    dealsTarget: row.deals_target,
    marginTargetMinor: row.margin_target_minor,
    realistic: {
      basis: row.realistic_basis === 'last-year-growth' ? 'last-year-growth' : 'manual',
      amountMinor: row.realistic_minor,
      growthBp: row.growth_bp,
      lastYearFactMinor: row.last_year_fact_minor,
    },
    pessimistic: scenarioEntry(row.pessimistic_kind, row.pessimistic_amount_minor, row.pessimistic_bp),
    optimistic: scenarioEntry(row.optimistic_kind, row.optimistic_amount_minor, row.optimistic_bp),
    scenarios: {
      pessimisticMinor: row.pessimistic_minor,
      realisticMinor: row.realistic_minor,
      optimisticMinor: row.optimistic_minor,
    },
    seasonality: {
      coefficients: row.seasonality,
      basis: SeasonalityBasis.parse(row.seasonality_basis),
      flatReason: FlatSeasonalityReason.nullable().parse(row.seasonality_flat_reason),
    },
    status: draft ? 'draft' : 'approved',
    version: row.version,
    revision: row.revision,
    decomposedAt: row.decomposed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    createdBy: person(row.created_by, row.created_by_name),
    updatedAt: row.updated_at.toISOString(),
    updatedBy: person(row.updated_by, row.updated_by_name),
    approvedAt: row.approved_at?.toISOString() ?? null,
    approvedBy: person(row.approved_by, row.approved_by_name),
    access,
    permissions: { edit, approve: draft && approve, revise: !draft && approve, delete: edit && row.revision === 1 },
  };
}

function scenarioEntry(kind: string, amountMinor: number | null, basisPoints: number | null): Plan['pessimistic'] {
  return kind === 'amount'
    ? { kind: 'amount', amountMinor: amountMinor ?? 0 }
    : { kind: 'percent', basisPoints: basisPoints ?? 0 };
}

/**
 * The plan with its months (the decomposition's root once there is one, else the plan split by
 * seasonality), each with its working days, and its revisions.
 */
export async function presentPlanDetails(ctx: Ctx, plan: LoadedPlan): Promise<PlanDetails> {
  const { tx, actor } = ctx;
  const { row, period } = plan;
  const [calendar, lines, revisions] = [
    await loadWorkCalendar(tx, actor.orgId),
    await findPlanLines(tx, actor.orgId, row.plan_id),
    await findRevisionRows(tx, actor.orgId, row.plan_id),
  ];
  const root = lines.find((line) => line.parentId === null && line.dimension === 'structure');
  let figures = planMonths(totalsOf(row, period));
  if (root) {
    const stored = await findPlanLineMonths(tx, actor.orgId, row.plan_id, period.months);
    const zeros = period.months.map(() => 0);
    const of = (months: (typeof stored)['realistic'] | null) => (months ? (months.get(root.id) ?? zeros) : null);
    figures = {
      pessimistic: of(stored.pessimistic) ?? zeros,
      realistic: of(stored.realistic) ?? zeros,
      optimistic: of(stored.optimistic) ?? zeros,
      // A tree stored before the plan had a target: show the plan's own split until it is re-spread.
      deals: of(stored.deals) ?? figures.deals,
      margin: of(stored.margin) ?? figures.margin,
    };
  }
  return {
    ...presentPlan(ctx, plan),
    months: period.months.map((month, i) => ({
      month,
      workingDays: countWorkingDays(calendar, `${month}-01`, lastDayOf(month)),
      pessimisticMinor: figures.pessimistic[i] ?? 0,
      realisticMinor: figures.realistic[i] ?? 0,
      optimisticMinor: figures.optimistic[i] ?? 0,
      deals: figures.deals ? (figures.deals[i] ?? 0) : null,
      marginMinor: figures.margin ? (figures.margin[i] ?? 0) : null,
    })),
    revisions: revisions.map(presentRevision),
  };
}

function presentRevision(row: RevisionRow): PlanRevision {
  return {
    id: row.revision_id,
    revision: row.revision,
    reason: row.reason,
    revisedAt: row.revised_at.toISOString(),
    revisedBy: person(row.revised_by, row.revised_by_name),
    reapprovedAt: row.reapproved_at?.toISOString() ?? null,
    reapprovedBy: person(row.reapproved_by, row.reapproved_by_name),
    changes: row.changes === null ? null : z.array(AuditChange).parse(row.changes),
  };
}
