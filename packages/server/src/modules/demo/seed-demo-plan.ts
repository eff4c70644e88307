import { localDay } from '@pulse/domain';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { withOrg } from '../../db/tenant.ts';
import { buildActor } from '../auth/authenticate.ts';
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

/** What the demo plan step did: the plan it approved, or null when the organisation had plans already. */
export interface SeedDemoPlanResult {
  planId: string;
  year: number;
  month: string;
  reps: number;
}

/**
 * Gives the demo organisation this year's approved sales plan, the way the commercial director
 * would make it through the API: created from last year's fact × growth with seasonality from the
 * history, decomposed down the structure to the reps by last year's weights, approved; then this
 * month's PDCA cycle gets its plan approved and the reps' SMART goals generated and issued.
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
      .select(['user_id', 'role', 'email', 'full_name', 'unit_id', 'manager_id', 'locale', 'time_zone'])
      .where('org_id', '=', orgId)
      .where('email', '=', directorEmail)
      .executeTakeFirstOrThrow();
    const actor = await buildActor(tx, orgId, director, { sessionId: 'demo-seed', csrfToken: 'demo-seed' });
    // The use cases read only the database and the clock from their dependencies; the seed runs
    // before the app has its configuration, so it passes the defaults.
    const deps: AppDeps = { db, config: loadConfig({ PULSE_DEMO: '0' }), now: () => now };
    const ctx: Ctx = { tx, actor, deps };
    const { time_zone: timeZone } = await tx
      .selectFrom('organizations')
      .select('time_zone')
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
    return { planId: created.id, year, month, reps: new Set(goals.items.map((goal) => goal.user.id)).size };
  });
}
