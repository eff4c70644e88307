import type { MyDay } from '@pulse/contracts';
import { businessTimeBetween, localDay } from '@pulse/domain';
import { notFound } from '../../http/errors.ts';
import { loadResponseClock, overdueThreshold } from '../leads/response-clock.ts';
import { canViewWorkOf } from './activities.policy.ts';
import {
  findDealsWithoutNextStep,
  findMissedCalls,
  findOpenTasksDue,
  findWaitingLeads,
  startOfNextDay,
} from './my-day.queries.ts';
import { presentActivity, presentTask } from './present.ts';
import type { WorkCtx } from './work-context.ts';

const MINUTE_MS = 60_000;

/**
 * A salesperson's day: what is due today (in their time zone), what is overdue, missed calls to
 * return, open deals with no next step, and handed-off leads waiting beyond the response target.
 * The actor's own day, or (with `userId`) the day of someone in their scope — anyone else is 404.
 */
export async function getMyDay(ctx: WorkCtx, query: { userId?: string }): Promise<MyDay> {
  const { tx, actor, deps } = ctx;
  const user = await tx
    .selectFrom('users')
    .select(['user_id', 'full_name', 'unit_id', 'time_zone'])
    .where('org_id', '=', actor.orgId)
    .where('user_id', '=', query.userId ?? actor.userId)
    .executeTakeFirst();
  if (!user || !canViewWorkOf(actor, { userId: user.user_id, unitId: user.unit_id })) throw notFound('User');
  const now = deps.now();
  const day = localDay(now, user.time_zone);
  const endOfDay = await startOfNextDay(tx, day, user.time_zone);
  const clock = await loadResponseClock(tx, actor.orgId, now);
  // No arrival in the last 50 years could be overdue (a calendar without working time): nothing waits too long.
  const arrivedBefore = overdueThreshold(clock) ?? new Date(0);

  const dueToday = await findOpenTasksDue(tx, actor.orgId, user.user_id, { from: now, to: endOfDay });
  const overdue = await findOpenTasksDue(tx, actor.orgId, user.user_id, { to: now });
  const missed = await findMissedCalls(tx, actor.orgId, user.user_id);
  const deals = await findDealsWithoutNextStep(tx, actor.orgId, user.user_id, now);
  const leads = await findWaitingLeads(tx, actor.orgId, user.user_id, arrivedBefore);

  return {
    user: { id: user.user_id, fullName: user.full_name, timeZone: user.time_zone },
    day,
    now: now.toISOString(),
    counts: {
      dueToday: dueToday.count,
      overdue: overdue.count,
      missedCalls: missed.count,
      dealsWithoutNextStep: deals.count,
      leadsWaiting: leads.count,
    },
    dueToday: dueToday.rows.map((row) => presentTask(row, now, actor)),
    overdue: overdue.rows.map((row) => presentTask(row, now, actor)),
    missedCalls: missed.rows.map((row) => presentActivity(row, actor)),
    dealsWithoutNextStep: deals.rows.map((row) => ({
      deal: { id: row.deal_id, title: row.title },
      company: row.company_id ? { id: row.company_id, title: row.company_name ?? '' } : null,
      stageName: row.stage_name,
      amountMinor: row.amount_minor,
      currency: row.currency,
      lastActivityAt: row.last_activity_at?.toISOString() ?? null,
    })),
    leadsWaiting: leads.rows.map((row) => ({
      lead: { id: row.lead_id, title: row.title },
      companyName: row.company_name,
      contactName: row.contact_name,
      phone: row.phone_e164,
      arrivedAt: row.arrived_at.toISOString(),
      handedOffAt: row.handed_off_at?.toISOString() ?? null,
      waitingMs: businessTimeBetween(clock.calendar, row.arrived_at, now),
      targetMs: clock.targetMinutes * MINUTE_MS,
    })),
  };
}
