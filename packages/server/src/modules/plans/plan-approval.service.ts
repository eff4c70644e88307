import type { PlanDetails } from '@pulse/contracts';
import { diffFields } from '@pulse/domain';
import { conflict, forbidden } from '../../http/errors.ts';
import { auditChange } from '../audit/record-audit.ts';
import { type Ctx, refuse } from './plan-context.ts';
import { checkNoApprovedOverlap } from './plan-input.ts';
import { findPlanLines } from './plan-lines.queries.ts';
import { compare } from './plan-lines.service.ts';
import { getVisiblePlan, type LoadedPlan, saveAtNextVersion, stalePlan } from './plan-records.ts';
import { identityOf } from './plan-structure.ts';
import { canApprovePlan } from './plans.policy.ts';
import { lockScopeForApproval } from './plans.queries.ts';
import { planFields } from './plans.service.ts';
import { presentPlanDetails } from './present-plan.ts';

/**
 * Approves and locks a decomposed, reconciled draft. Team plans are approved by the head of
 * sales of their subtree, department and organisation plans by the commercial director or an
 * administrator (403). Two approved plans of one scope never overlap (422). Approving a revised
 * plan records, in its revision, what changed since the approval it reopened.
 */
export async function approvePlan(ctx: Ctx, planId: string, input: { version: number }): Promise<PlanDetails> {
  const { tx, actor } = ctx;
  const plan = await getVisiblePlan(ctx, planId);
  const { row } = plan;
  if (!canApprovePlan(actor, plan.level, row.scope_unit_id)) {
    throw forbidden(
      plan.level === 'team'
        ? 'A team plan is approved by the head of sales over the team, the commercial director or an administrator'
        : `A ${plan.level} plan is approved by the commercial director or an administrator`,
    );
  }
  if (row.status === 'approved')
    throw conflict('The plan is already approved', [{ path: 'status', message: 'approved' }]);
  if (row.version !== input.version) throw stalePlan();
  const lines = await findPlanLines(tx, actor.orgId, planId);
  if (lines.length === 0) refuse('not_decomposed', 'Decompose the plan before approving it');
  if (compare(lines).nodes.some((node) => node.differenceMinor !== 0)) {
    refuse('not_reconciled', 'Reconcile the bottom-up figures (accept them or the top-down ones) before approving');
  }
  await lockScopeForApproval(tx, actor.orgId, row.scope_unit_id);
  await checkNoApprovedOverlap(ctx, { scopeUnitId: row.scope_unit_id, period: plan.period, exceptPlanId: planId });
  const now = ctx.deps.now();
  await saveAtNextVersion(ctx, plan, { status: 'approved', approved_by: actor.userId, approved_at: now });
  const approved = await getVisiblePlan(ctx, planId);
  if (row.revision > 1) {
    const open = await tx
      .selectFrom('plan_revisions')
      .select(['revision_id', 'before'])
      .where('org_id', '=', actor.orgId)
      .where('plan_id', '=', planId)
      .where('revision', '=', row.revision)
      .executeTakeFirst();
    if (open) {
      const changes = diffFields(open.before as Record<string, unknown>, await snapshotOf(ctx, approved), {
        ignore: ['status', 'version'],
      });
      await tx
        .updateTable('plan_revisions')
        .set({ changes: JSON.stringify(changes), reapproved_by: actor.userId, reapproved_at: now })
        .where('org_id', '=', actor.orgId)
        .where('revision_id', '=', open.revision_id)
        .execute();
    }
  }
  await auditChange(ctx, {
    action: 'update',
    entity: 'plan',
    entityId: planId,
    before: planFields(row),
    after: planFields(approved.row),
  });
  return presentPlanDetails(ctx, approved);
}

/**
 * Reopens an approved plan as a draft of its next revision, recording who, when and why, and
 * the plan as it was approved; whoever may approve the plan may revise it.
 */
export async function revisePlan(
  ctx: Ctx,
  planId: string,
  input: { version: number; reason: string },
): Promise<PlanDetails> {
  const { tx, actor } = ctx;
  const plan = await getVisiblePlan(ctx, planId);
  const { row } = plan;
  if (!canApprovePlan(actor, plan.level, row.scope_unit_id)) {
    throw forbidden('Whoever may approve a plan may revise it');
  }
  if (row.status !== 'approved') {
    throw conflict('Only an approved plan is revised; a draft is edited as it is', [
      { path: 'status', message: 'draft' },
    ]);
  }
  if (row.version !== input.version) throw stalePlan();
  const before = await snapshotOf(ctx, plan);
  const now = ctx.deps.now();
  await saveAtNextVersion(ctx, plan, {
    status: 'draft',
    approved_by: null,
    approved_at: null,
    revision: row.revision + 1,
  });
  await tx
    .insertInto('plan_revisions')
    .values({
      org_id: actor.orgId,
      plan_id: planId,
      revision: row.revision + 1,
      reason: input.reason,
      revised_by: actor.userId,
      revised_at: now,
      before: JSON.stringify(before),
    })
    .execute();
  const revised = await getVisiblePlan(ctx, planId);
  await auditChange(ctx, {
    action: 'update',
    entity: 'plan',
    entityId: planId,
    before: planFields(row),
    after: {
      ...planFields(revised.row),
      revisionReason: input.reason,
    },
  });
  return presentPlanDetails(ctx, revised);
}

/** The plan and every line's year figures, as one record whose fields a later diff compares. */
async function snapshotOf(ctx: Ctx, plan: LoadedPlan): Promise<Record<string, unknown>> {
  const lines = await findPlanLines(ctx.tx, ctx.actor.orgId, plan.row.plan_id);
  return {
    ...planFields(plan.row),
    ...Object.fromEntries(
      lines.map((line) => [
        `line ${identityOf(line)}`,
        { label: line.label ?? line.kind, split: line.split, weight: line.weight, ...line.years },
      ]),
    ),
  };
}
