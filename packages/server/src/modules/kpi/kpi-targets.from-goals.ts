import type { KpiGoalSkip, KpiTargetsFromGoalsRequest, KpiTargetsFromGoalsResult, SmartMetric } from '@pulse/contracts';
import { defaultThresholds, type KpiId } from '@pulse/domain';
import { forbidden, unprocessable } from '../../http/errors.ts';
import type { Ctx } from '../plans/plan-context.ts';
import { scopeUnitIds } from '../plans/plan-records.ts';
import { loadPlanUnits } from '../plans/plans.queries.ts';
import { canSetTargetFor, canSetTargets } from './kpi-targets.policy.ts';
import {
  deleteTarget,
  findGoalTargetsOfMonth,
  findMonthGoals,
  findOverlappingTargets,
  findUserIdsInUnits,
  getTargetRow,
  insertTarget,
  lockSubjectKpi,
  type TargetRow,
  updateTargetAtVersion,
} from './kpi-targets.queries.ts';
import { auditTarget, lastDayOfMonth, presentTarget } from './kpi-targets.rules.ts';

// Targets from the plan's SMART goals of a month, for every rep in the caller's scope (or in a
// unit's subtree) who has goals that month, with the default thresholds. A goal target spans its
// month and names its goal. Taking them again updates the month's goal targets in place (same
// ids; an unchanged one is not touched or audited), removes those no goal backs any more, and
// leaves manual targets alone: a goal whose KPI already has a manual target is skipped.

/** The KPI and grain each SMART goal metric becomes; null: the catalog has no such KPI. */
const METRIC_KPIS: Record<SmartMetric, { kpiId: KpiId; grain: 'day' | 'month' } | null> = {
  revenue: { kpiId: 'revenue', grain: 'month' },
  'deals-won': { kpiId: 'deals-won', grain: 'month' },
  'meetings-per-day': { kpiId: 'meetings-held', grain: 'day' },
  'calls-per-day': { kpiId: 'calls-outbound', grain: 'day' },
  'opportunities-opened': null,
};

/** A rep may have goals from several plans (team, department…): the narrowest plan's wins. */
const PLAN_SCOPE_RANK: Record<string, number> = { team: 3, department: 2 };

export async function targetsFromGoals(
  ctx: Ctx,
  input: KpiTargetsFromGoalsRequest,
): Promise<KpiTargetsFromGoalsResult> {
  const { tx, actor } = ctx;
  if (!canSetTargets(actor)) {
    throw forbidden('Targets are set by the head of sales, the commercial director or an administrator');
  }
  const units = await loadPlanUnits(tx, actor.orgId);
  if (input.unitId && !(units.has(input.unitId) && canSetTargetFor(actor, { kind: 'unit', unitId: input.unitId }))) {
    throw unprocessable('The unit is outside your scope', [{ path: 'body.unitId', message: 'subject_outside_scope' }]);
  }
  const reach = input.unitId
    ? (scopeUnitIds(units, input.unitId) ?? [])
    : actor.scope.kind === 'organisation'
      ? [...units.keys()]
      : actor.scope.unitIds;
  const userIds = await findUserIdsInUnits(tx, actor.orgId, reach);
  const month = { from: `${input.month}-01`, to: lastDayOfMonth(input.month) };
  const goals = pickOnePerMetric(await findMonthGoals(tx, actor.orgId, month.from, userIds));
  const existing = new Map<string, TargetRow>();
  for (const row of await findGoalTargetsOfMonth(tx, actor.orgId, month, userIds)) {
    existing.set(keyOf(row.user_id as string, row.kpi_id, row.grain), row);
  }
  const counts = { created: 0, updated: 0, unchanged: 0, removed: 0 };
  const skipped: KpiGoalSkip[] = [];
  for (const goal of goals) {
    const kpi = METRIC_KPIS[goal.metric as SmartMetric] ?? null;
    if (!kpi) {
      skipped.push({
        goalId: goal.goal_id,
        userId: goal.user_id,
        userName: goal.user_name,
        metric: goal.metric,
        reason: 'metric_without_kpi',
        kpiId: null,
      });
      continue;
    }
    const figures = { target: goal.target, ...defaultThresholds(kpi.kpiId, goal.target) };
    const key = keyOf(goal.user_id, kpi.kpiId, kpi.grain);
    const before = existing.get(key);
    existing.delete(key);
    if (before) {
      const same =
        before.goal_id === goal.goal_id &&
        before.target === figures.target &&
        before.green_at === figures.greenAt &&
        before.amber_at === figures.amberAt;
      if (same) {
        counts.unchanged += 1;
        continue;
      }
      await updateTargetAtVersion(tx, actor.orgId, before.target_id, before.version, {
        target: figures.target,
        green_at: figures.greenAt,
        amber_at: figures.amberAt,
        goal_id: goal.goal_id,
        updated_at: ctx.deps.now(),
      });
      await auditTarget(ctx, 'update', before.target_id, before, await getTargetRow(tx, actor.orgId, before.target_id));
      counts.updated += 1;
      continue;
    }
    await lockSubjectKpi(tx, actor.orgId, { kpiId: kpi.kpiId, subjectId: goal.user_id, grain: kpi.grain });
    const [clash] = await findOverlappingTargets(tx, actor.orgId, {
      kpiId: kpi.kpiId,
      userId: goal.user_id,
      unitId: null,
      grain: kpi.grain,
      ...month,
      exceptId: null,
    });
    if (clash) {
      skipped.push({
        goalId: goal.goal_id,
        userId: goal.user_id,
        userName: goal.user_name,
        metric: goal.metric,
        reason: 'manual_target_exists',
        kpiId: kpi.kpiId,
      });
      continue;
    }
    const targetId = await insertTarget(tx, {
      org_id: actor.orgId,
      kpi_id: kpi.kpiId,
      user_id: goal.user_id,
      unit_id: null,
      grain: kpi.grain,
      period_from: month.from,
      period_to: month.to,
      target: figures.target,
      green_at: figures.greenAt,
      amber_at: figures.amberAt,
      source: 'smart-goal',
      goal_id: goal.goal_id,
      created_by: actor.userId,
      created_at: ctx.deps.now(),
      updated_at: ctx.deps.now(),
    });
    await auditTarget(ctx, 'create', targetId, null, await getTargetRow(tx, actor.orgId, targetId));
    counts.created += 1;
  }
  // What is left had a goal once and has none now.
  for (const stale of existing.values()) {
    await deleteTarget(tx, actor.orgId, stale.target_id);
    await auditTarget(ctx, 'delete', stale.target_id, stale, null);
    counts.removed += 1;
  }
  const items = (await findGoalTargetsOfMonth(tx, actor.orgId, month, userIds)).map(presentTarget);
  return { month: input.month, ...counts, items, skipped };
}

const keyOf = (userId: string, kpiId: string, grain: string) => `${userId}|${kpiId}|${grain}`;

type GoalRow = Awaited<ReturnType<typeof findMonthGoals>>[number];

/** One goal per rep and metric: the narrowest plan's, then the most recently set. */
function pickOnePerMetric(goals: GoalRow[]): GoalRow[] {
  const rank = (goal: GoalRow) => PLAN_SCOPE_RANK[goal.plan_scope_kind ?? ''] ?? 1;
  const chosen = new Map<string, GoalRow>();
  for (const goal of goals) {
    const key = `${goal.user_id}|${goal.metric}`;
    const held = chosen.get(key);
    const better =
      !held ||
      rank(goal) > rank(held) ||
      (rank(goal) === rank(held) && new Date(goal.changed_at).getTime() > new Date(held.changed_at).getTime());
    if (better) chosen.set(key, goal);
  }
  return [...chosen.values()].sort((a, b) =>
    keyOf(a.user_id, a.metric, '').localeCompare(keyOf(b.user_id, b.metric, '')),
  );
}
