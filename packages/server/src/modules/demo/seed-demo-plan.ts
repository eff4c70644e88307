import { localDay } from '@pulse/domain';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { withOrg } from '../../db/tenant.ts';
import { buildActor } from '../auth/authenticate.ts';
import { CALLING_ROLES } from '../daily-control/daily-control.policy.ts';
import { targetsFromGoals } from '../kpi/kpi-targets.from-goals.ts';
import { createTarget } from '../kpi/kpi-targets.service.ts';
import { approveMonthPlan, issueGoals, listCycles } from '../pdca/pdca.service.ts';
import { approvePlan } from '../plans/plan-approval.service.ts';
import type { Ctx } from '../plans/plan-context.ts';
import { generatePlanGoals } from '../plans/plan-goals.service.ts';
import { decomposePlan } from '../plans/plan-lines.service.ts';
import { createPlan, getPlan } from '../plans/plans.service.ts';

/** Realistic plan: last year's fact + 10 %, in basis points. */
const DEMO_GROWTH_BP = 1_000;
/** Pessimistic and optimistic plans as shares of the realistic one: 85 % and 115 %. */
const DEMO_PESSIMISTIC_BP = 8_500;
const DEMO_OPTIMISTIC_BP = 11_500;

/** The share of tasks done on time the demo heads ask of everyone, in percent. */
const DEMO_TASKS_ON_TIME_PERCENT = 90;

/** What the demo plan step did: the plan it approved, or null when the organisation had plans already. */
export interface SeedDemoPlanResult {
  planId: string;
  year: number;
  month: string;
  reps: number;
  /** KPI targets made: from the month's goals, and the heads' manual daily ones. */
  targets: { fromGoals: number; manual: number };
}

const USER_COLUMNS = ['user_id', 'role', 'email', 'full_name', 'unit_id', 'manager_id', 'locale', 'time_zone'] as const;

/**
 * Gives the demo organisation this year's approved sales plan, the way the commercial director
 * would make it through the API: created from last year's fact × growth with seasonality from the
 * history, decomposed down the structure to the reps by last year's weights, approved; then this
 * month's PDCA cycle gets its plan approved and the reps' SMART goals generated and issued; the
 * month's KPI targets are taken from those goals, and each head sets daily targets for their
 * teams and people (seedDemoTargets), so the dashboard shows traffic lights on the first start.
 *
 * Every step is the plans or PDCA use case itself, in one tenant transaction, so a run that dies
 * half way leaves no plan and the next start does it again. An organisation that has any plan
 * already (this step done, or plans people made since) is left alone.
 */
export async function seedDemoPlan(
  db: Kysely<Database>,
  orgId: string,
  directorEmail: string,
  now: Date,
): Promise<SeedDemoPlanResult | null> {
  return withOrg(db, orgId, async (tx) => {
    const existing = await tx.selectFrom('plans').select('plan_id').where('org_id', '=', orgId).limit(1).execute();
    if (existing.length > 0) return null;
    const director = await tx
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where('org_id', '=', orgId)
      .where('email', '=', directorEmail)
      .executeTakeFirstOrThrow();
    const actor = await buildActor(tx, orgId, director, { sessionId: 'demo-seed', csrfToken: 'demo-seed' });
    // The use cases read only the database and the clock from their dependencies; the seed runs
    // before the app has its configuration, so it passes the defaults.
    const deps: AppDeps = { db, config: loadConfig({ PULSE_DEMO: '0' }), now: () => now };
    const ctx: Ctx = { tx, actor, deps };
    const { time_zone: timeZone, response_target_minutes: responseTargetMinutes } = await tx
      .selectFrom('organizations')
      .select(['time_zone', 'response_target_minutes'])
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    const today = localDay(now, timeZone);
    const year = Number(today.slice(0, 4));
    const month = today.slice(0, 7);

    // Seasonality is left out of the request, so the plan takes it from the scope's history.
    const created = await createPlan(ctx, {
      name: `План продаж на ${year} год`,
      year,
      scopeUnitId: null,
      realistic: { basis: 'last-year-growth', growthBp: DEMO_GROWTH_BP },
      pessimistic: { kind: 'percent', basisPoints: DEMO_PESSIMISTIC_BP },
      optimistic: { kind: 'percent', basisPoints: DEMO_OPTIMISTIC_BP },
      dealsTarget: null,
      marginTargetMinor: null,
    });
    // By last year's weights; a team whose only sellers of last year leave during the year has
    // its later months split equally among the people still on it (plan-split.ts).
    await decomposePlan(ctx, created.id, {
      version: created.version,
      methods: { structure: 'last-year', directions: 'last-year', channels: 'last-year' },
    });
    const decomposed = await getPlan(ctx, created.id);
    await approvePlan(ctx, created.id, { version: decomposed.version });

    const cycles = await listCycles(ctx, created.id);
    const cycle = cycles.items.find((item) => item.month === month);
    if (!cycle) throw new Error(`The demo plan for ${year} has no PDCA cycle for ${month}`);
    await approveMonthPlan(ctx, cycle.id);
    const goals = await generatePlanGoals(ctx, created.id, month);
    await issueGoals(ctx, cycle.id);
    const targets = await seedDemoTargets(ctx, { year, month, responseTargetMinutes });
    return { planId: created.id, year, month, reps: new Set(goals.items.map((goal) => goal.user.id)).size, targets };
  });
}

/**
 * The month's targets from the issued SMART goals (the director takes them for everyone), then
 * each head's daily targets for the year, set through the targets use case as that head: for
 * every unit with salespeople of its own, outbound calls and meetings a day (its people's goals
 * added up), tasks on time ≥ 90 % and first response within the organisation's target; and the
 * last two for each salesperson, whose goals do not cover them. A unit is set by the head of its
 * nearest headed unit (a team by its department's head), or by the director.
 */
async function seedDemoTargets(
  ctx: Ctx,
  input: { year: number; month: string; responseTargetMinutes: number },
): Promise<{ fromGoals: number; manual: number }> {
  const { tx, actor } = ctx;
  const fromGoals = await targetsFromGoals(ctx, { month: input.month });
  const units = await tx
    .selectFrom('units')
    .select(['unit_id', 'parent_id', 'head_user_id'])
    .where('org_id', '=', actor.orgId)
    .execute();
  const people = await tx
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('org_id', '=', actor.orgId)
    .where('deactivated_at', 'is', null)
    .execute();
  const byUnit = new Map(units.map((unit) => [unit.unit_id, unit]));
  const byUser = new Map(people.map((person) => [person.user_id, person]));
  const setterOf = (unitId: string) => {
    for (let unit = byUnit.get(unitId); unit; unit = unit.parent_id ? byUnit.get(unit.parent_id) : undefined) {
      const head = unit.head_user_id ? byUser.get(unit.head_user_id) : undefined;
      if (head?.role === 'head_of_sales') return head;
    }
    return null;
  };
  const perDay = new Map<string, number>();
  for (const target of fromGoals.items) {
    const unitId = target.userId ? byUser.get(target.userId)?.unit_id : null;
    if (!unitId || target.grain !== 'day') continue;
    const key = `${unitId}|${target.kpiId}`;
    perDay.set(key, (perDay.get(key) ?? 0) + target.target);
  }
  const year = { grain: 'day' as const, periodFrom: `${input.year}-01-01`, periodTo: `${input.year}-12-31` };
  const rates = [
    { kpiId: 'tasks-on-time', target: DEMO_TASKS_ON_TIME_PERCENT },
    { kpiId: 'response-time', target: input.responseTargetMinutes * 60_000 },
  ];
  const sellers = people.filter((p) => p.unit_id && (CALLING_ROLES as readonly string[]).includes(p.role));
  let manual = 0;
  for (const unitId of [...new Set(sellers.map((p) => p.unit_id as string))]) {
    const head = setterOf(unitId);
    const asHead: Ctx = head
      ? { ...ctx, actor: await buildActor(tx, actor.orgId, head, { sessionId: 'demo-seed', csrfToken: 'demo-seed' }) }
      : ctx;
    const counts = ['calls-outbound', 'meetings-held'].map((kpiId) => ({
      kpiId,
      target: Math.round(perDay.get(`${unitId}|${kpiId}`) ?? 0),
    }));
    for (const figure of [...counts.filter((c) => c.target > 0), ...rates]) {
      await createTarget(asHead, { ...year, ...figure, unitId });
      manual += 1;
    }
    for (const person of sellers.filter((p) => p.unit_id === unitId)) {
      for (const figure of rates) {
        await createTarget(asHead, { ...year, ...figure, userId: person.user_id });
        manual += 1;
      }
    }
  }
  return { fromGoals: fromGoals.created, manual };
}
