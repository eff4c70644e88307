import type { MyGoals, PlanGoal, SmartMetric } from '@pulse/contracts';
import {
  buildSmartGoals,
  countWorkingDays,
  type FunnelHistory,
  localDay,
  PlanError,
  periodProgress,
} from '@pulse/domain';
import { sql } from 'kysely';
import { forbidden, notFound, unprocessable } from '../../http/errors.ts';
import { auditChange, recordAudit } from '../audit/record-audit.ts';
import { loadWorkCalendar } from '../calendar/calendar.queries.ts';
import type { Ctx } from './plan-context.ts';
import { loadTree } from './plan-decomposition.ts';
import { findBestMonths, findFunnelHistories, getGoalSettings, sumRevenue } from './plan-goals.queries.ts';
import { lastDayOf, monthStartAfter } from './plan-period.ts';
import { getVisiblePlan } from './plan-records.ts';
import { canAdjustGoal, canGenerateGoals } from './plans.policy.ts';
import { getOrgPlanSettings } from './plans.queries.ts';
import { partOf } from './present-lines.ts';

// SMART goals for a month of an approved plan: for every rep line, the rep's month plan is the
// revenue goal, and the domain's reverse funnel (buildSmartGoals) turns it into deals, new
// opportunities, meetings and calls per working day from the rep's last 12 months before the
// month — the team's (the reps under the same parent line) where the rep's history is thin, that
// is, fewer closed deals than the organisation's thin_history_deals. The revenue goal is flagged
// when it exceeds the rep's best month by more than the organisation's achievability_margin_bp.
// Generating again refreshes the generated targets and keeps a target the head adjusted.

const HISTORY_MONTHS = 12;

/** Generates (or refreshes) the goals of every rep of the plan for a month. */
export async function generatePlanGoals(ctx: Ctx, planId: string, month: string): Promise<{ items: PlanGoal[] }> {
  const { tx, actor } = ctx;
  const plan = await getVisiblePlan(ctx, planId);
  if (!canGenerateGoals(actor, plan.access, plan.row.scope_unit_id)) {
    throw forbidden('Goals are issued by the head of the unit, the commercial director or an administrator');
  }
  if (plan.row.status !== 'approved') {
    throw unprocessable('Goals are issued from an approved plan', [{ path: 'status', message: 'plan_not_approved' }]);
  }
  const monthIndex = plan.period.months.indexOf(month);
  if (monthIndex < 0) {
    throw unprocessable(`The plan covers ${plan.period.start}…${plan.period.end}, not ${month}`, [
      { path: 'body.month', message: 'month_outside_period' },
    ]);
  }
  const { lines, figures } = await loadTree(ctx, plan);
  // A head the plan includes in part generates the goals of their own reps only.
  const reach = plan.access === 'full' ? lines : partOf(actor, lines);
  const reps = reach.filter((line) => line.dimension === 'structure' && line.kind === 'rep' && line.userId);
  const calendar = await loadWorkCalendar(tx, actor.orgId);
  const org = await getOrgPlanSettings(tx, actor.orgId);
  const settings = await getGoalSettings(tx, actor.orgId);
  const history = {
    from: monthStartAfter(month, -HISTORY_MONTHS),
    to: lastDayOf(monthStartAfter(month, -1).slice(0, 7)),
  };
  const userIds = reps.map((line) => line.userId as string);
  const histories = await findFunnelHistories(tx, actor.orgId, userIds, { ...history, timeZone: org.time_zone });
  const bestMonths = await findBestMonths(tx, actor.orgId, userIds, { ...history, currency: plan.row.currency });
  const empty: FunnelHistory = {
    calls: 0,
    meetings: 0,
    opportunitiesOpened: 0,
    wonDeals: 0,
    lostDeals: 0,
    wonAmountMinor: 0,
  };
  const from = `${month}-01`;
  const to = lastDayOf(month);
  const now = ctx.deps.now();
  const historyOf = (line: (typeof reps)[number]) => histories.get(line.userId as string) ?? empty;
  // A rep's thin history is filled from their team's; a team with no history at all (a new team)
  // borrows everyone's in the plan. When even that cannot give a figure, the domain refuses (422).
  const everyone = reps.map(historyOf).reduce(addHistories, empty);
  for (const line of reps) {
    const userId = line.userId as string;
    const team = reps
      .filter((other) => other.parentId === line.parentId)
      .map(historyOf)
      .reduce(addHistories, empty);
    const goalsWith = (teamHistory: FunnelHistory) =>
      buildSmartGoals({
        planLineId: line.id,
        goalMinor: figures.realistic.get(line.id)?.[monthIndex] ?? 0,
        from,
        to,
        calendar,
        rep: historyOf(line),
        team: teamHistory,
        bestMonthMinor: bestMonths.get(userId) ?? null,
        marginBp: settings.achievability_margin_bp,
        minClosedDeals: settings.thin_history_deals,
      });
    const smart = withoutFunnelHistory(() => goalsWith(team)) ?? goalsWith(everyone);
    const funnel = JSON.stringify({
      figures: smart.funnel.figures,
      sources: smart.funnel.sources,
      repHistoryThin: smart.funnel.repHistoryThin,
      workingDays: smart.funnel.workingDays,
    });
    for (const goal of smart.goals) {
      await tx
        .insertInto('plan_goals')
        .values({
          org_id: actor.orgId,
          plan_id: planId,
          plan_line_id: line.id,
          user_id: userId,
          month_start: from,
          metric: goal.metric,
          target: goal.target,
          generated_target: goal.target,
          reason: null,
          achievable: !smart.achievability.flagged,
          achievability_limit_minor: smart.achievability.limitMinor,
          funnel,
          generated_by: actor.userId,
          generated_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['org_id', 'plan_id', 'user_id', 'month_start', 'metric']).doUpdateSet({
            plan_line_id: line.id,
            generated_target: goal.target,
            target: sql`CASE WHEN plan_goals.reason IS NULL THEN excluded.target ELSE plan_goals.target END`,
            achievable: !smart.achievability.flagged,
            achievability_limit_minor: smart.achievability.limitMinor,
            funnel,
            generated_by: actor.userId,
            generated_at: now,
            version: sql`plan_goals.version + 1`,
          }),
        )
        .execute();
    }
  }
  // Stamped with the instant the goals carry as generated_at, not a fresh now(): hence recordAudit.
  await recordAudit(tx, {
    orgId: actor.orgId,
    actorUserId: actor.userId,
    action: 'update',
    entity: 'plan',
    entityId: planId,
    before: null,
    after: { goalsIssuedFor: month, reps: reps.length },
    at: now,
  });
  return { items: await findGoals(ctx, { planId, month }) };
}

/** The result, or undefined when the domain refuses for want of funnel history (to try a wider one). */
function withoutFunnelHistory<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    if (error instanceof PlanError && error.code === 'no_funnel_history') return undefined;
    throw error;
  }
}

/** Goals the actor sees: their own; a head's, of people in their subtree; the organisation's, all. */
export async function listPlanGoals(
  ctx: Ctx,
  filter: { planId?: string; month?: string; userId?: string },
): Promise<{ items: PlanGoal[] }> {
  return { items: await findGoals(ctx, filter) };
}

/** The head changes a goal's target, with the reason; a rep cannot. */
export async function adjustPlanGoal(
  ctx: Ctx,
  goalId: string,
  input: { target: number; reason: string },
): Promise<PlanGoal> {
  const { tx, actor } = ctx;
  const [goal] = await findGoals(ctx, { goalId });
  if (!goal) throw notFound('Goal');
  // The goal's permission is canAdjustGoal of the actor and the rep (findGoals).
  if (!goal.permissions.adjust) {
    throw forbidden("A goal is adjusted by the head of the rep's unit, the commercial director or an administrator");
  }
  await tx
    .updateTable('plan_goals')
    .set({
      target: input.target,
      reason: input.reason,
      adjusted_by: actor.userId,
      adjusted_at: ctx.deps.now(),
      version: sql`version + 1`,
    })
    .where('org_id', '=', actor.orgId)
    .where('goal_id', '=', goalId)
    .execute();
  await auditChange(ctx, {
    action: 'update',
    entity: 'plan_goal',
    entityId: goalId,
    before: { target: goal.target, reason: goal.reason },
    after: { target: input.target, reason: input.reason },
  });
  const [after] = await findGoals(ctx, { goalId });
  if (!after) throw notFound('Goal');
  return after;
}

/** The logged-in person's goals for this month, with the fact so far. */
export async function getMyGoals(ctx: Ctx): Promise<MyGoals> {
  const { tx, actor } = ctx;
  const org = await getOrgPlanSettings(tx, actor.orgId);
  const today = localDay(ctx.deps.now(), org.time_zone);
  const month = today.slice(0, 7);
  const from = `${month}-01`;
  const to = lastDayOf(month);
  const calendar = await loadWorkCalendar(tx, actor.orgId);
  const progress = periodProgress(calendar, from, to, today);
  const goals = await findGoals(ctx, { month, userId: actor.userId });
  const window = { from, to: today, timeZone: org.time_zone };
  const history = (await findFunnelHistories(tx, actor.orgId, [actor.userId], window)).get(actor.userId);
  const revenue = await sumRevenue(tx, actor.orgId, actor.userId, { from, to: today, currency: org.currency });
  const won = await tx
    .selectFrom('deals')
    .select(sql<string>`count(*)::text`.as('n'))
    .where('org_id', '=', actor.orgId)
    .where('owner_id', '=', actor.userId)
    .where('status', '=', 'won')
    .where(sql`(closed_at AT TIME ZONE ${org.time_zone})::date`, '>=', from)
    .where(sql`(closed_at AT TIME ZONE ${org.time_zone})::date`, '<=', today)
    .executeTakeFirstOrThrow();
  const facts: Record<SmartMetric, number> = {
    revenue,
    'deals-won': Number(won.n),
    'opportunities-opened': history?.opportunitiesOpened ?? 0,
    'meetings-per-day': history?.meetings ?? 0,
    'calls-per-day': history?.calls ?? 0,
  };
  return {
    month,
    asOf: today,
    elapsedWorkingDays: progress.elapsedWorkingDays,
    workingDays: countWorkingDays(calendar, from, to),
    items: goals.map((goal) => ({ ...goal, factSoFar: facts[goal.metric] })),
  };
}

function addHistories(a: FunnelHistory, b: FunnelHistory): FunnelHistory {
  return {
    calls: a.calls + b.calls,
    meetings: a.meetings + b.meetings,
    opportunitiesOpened: a.opportunitiesOpened + b.opportunitiesOpened,
    wonDeals: a.wonDeals + b.wonDeals,
    lostDeals: a.lostDeals + b.lostDeals,
    wonAmountMinor: a.wonAmountMinor + b.wonAmountMinor,
  };
}

const METRIC_ORDER: readonly SmartMetric[] = [
  'revenue',
  'deals-won',
  'opportunities-opened',
  'meetings-per-day',
  'calls-per-day',
];

/** Goals within the actor's reach (by the person's current unit), filtered. */
async function findGoals(
  ctx: Ctx,
  filter: { planId?: string; month?: string; userId?: string; goalId?: string },
): Promise<PlanGoal[]> {
  const { tx, actor } = ctx;
  let query = tx
    .selectFrom('plan_goals as g')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'g.org_id').onRef('u.user_id', '=', 'g.user_id'))
    .selectAll('g')
    .select(['u.full_name', 'u.unit_id'])
    .where('g.org_id', '=', actor.orgId);
  if (filter.goalId) query = query.where('g.goal_id', '=', filter.goalId);
  if (filter.planId) query = query.where('g.plan_id', '=', filter.planId);
  if (filter.month) query = query.where('g.month_start', '=', `${filter.month}-01`);
  if (filter.userId) query = query.where('g.user_id', '=', filter.userId);
  if (actor.scope.kind !== 'organisation') {
    const units = actor.scope.kind === 'own' ? [] : actor.scope.unitIds;
    query = query.where((eb) =>
      eb.or([eb('g.user_id', '=', actor.userId), ...(units.length > 0 ? [eb('u.unit_id', 'in', [...units])] : [])]),
    );
  }
  const rows = await query
    .orderBy('u.full_name')
    .orderBy('g.user_id')
    .orderBy('g.month_start')
    .orderBy('g.plan_id')
    .orderBy(sql`array_position(${sql.val([...METRIC_ORDER])}::text[], g.metric)`)
    .execute();
  return rows.map((row) => ({
    id: row.goal_id,
    planId: row.plan_id,
    planLineId: row.plan_line_id,
    user: { id: row.user_id, fullName: row.full_name },
    from: row.month_start,
    to: lastDayOf(row.month_start.slice(0, 7)),
    metric: row.metric as SmartMetric,
    target: row.target,
    generatedTarget: row.generated_target,
    reason: row.reason,
    achievable: row.achievable,
    achievabilityLimitMinor: row.achievability_limit_minor,
    funnel: row.funnel as PlanGoal['funnel'],
    version: row.version,
    permissions: { adjust: canAdjustGoal(actor, { userId: row.user_id, unitId: row.unit_id }) },
  }));
}
