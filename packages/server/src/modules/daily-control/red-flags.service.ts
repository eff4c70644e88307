import type { PlanLineProgress, RedFlag, RedFlags } from '@pulse/contracts';
import {
  businessTimeBetween,
  dealRotting,
  forecastBelowPessimistic,
  leadWaitingTooLong,
  localDay,
  noCallsByHour,
  overdueBeyondLimit,
  type UnitNode,
  type WorkCalendar,
} from '@pulse/domain';
import type { AppDeps } from '../../app-deps.ts';
import type { Tx } from '../../db/tenant.ts';
import { notFound } from '../../http/errors.ts';
import type { Actor } from '../access/actor.ts';
import { overdueThreshold } from '../leads/response-clock.ts';
import { CALLING_ROLES, MEASURED_ROLES, type Subjects, subjectsOf } from './daily-control.policy.ts';
import { type PlansOn, plansProgressOn } from './dashboard-figures.ts';
import {
  type DailySettings,
  findOverdueTasks,
  findRottingDeals,
  findWaitingLeads,
  type SubjectRow,
} from './red-flags.queries.ts';
import { dailySettingsOf, kpiDailyOf, subjectUsersOf, unitNodesOf, workCalendarOf } from './request-memo.ts';

// The red flags of the head's dashboard at the request's "now" (deps.now, so tests pin it). Every
// flag names one person, a figure against a limit, the records behind it (oldest first) and the
// filters of the web list that opens them (/activities, /tasks, /deals or /leads: the filters of
// GET /api/<list>, except that periods are local days, as the web lists take them).

/** What every use case of this module receives from its route. */
export interface DailyCtx {
  tx: Tx;
  actor: Actor;
  deps: AppDeps;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The people a request covers, or 404 for a unit outside the actor's reach. */
export async function resolveSubjects(ctx: DailyCtx, unitId: string | undefined): Promise<Subjects> {
  const units: UnitNode[] = await unitNodesOf(ctx.tx, ctx.actor.orgId);
  const subjects = subjectsOf(ctx.actor, units, unitId);
  if (subjects === null) throw notFound('Unit');
  return subjects;
}

/**
 * GET /api/daily-control/flags: the flags of everyone in scope (or under `unitId`) that need
 * attention today. `plans`: plan progress the caller already worked out (the dashboard's); used
 * when it is of today, otherwise read here.
 */
export async function getRedFlags(ctx: DailyCtx, query: { unitId?: string }, plans?: PlansOn): Promise<RedFlags> {
  const { tx, actor } = ctx;
  const subjects = await resolveSubjects(ctx, query.unitId);
  const now = ctx.deps.now();
  const [people, settings, calendar] = await Promise.all([
    subjectUsersOf(tx, actor.orgId, subjects, MEASURED_ROLES),
    dailySettingsOf(tx, actor.orgId),
    workCalendarOf(tx, actor.orgId),
  ]);
  const day = localDay(now, calendar.timeZone);
  const ids = people.map((person) => person.user_id);
  const flags: RedFlag[] = [
    ...(await noCallsFlags(ctx, people, { now, day, calendar, settings })),
    ...(await overdueTaskFlags(ctx, people, ids, now, settings)),
    ...(await rottingDealFlags(ctx, people, ids, now)),
    ...(await waitingLeadFlags(ctx, people, ids, { now, calendar, settings })),
    ...(await forecastFlags(ctx, people, plans?.day === day ? plans : day)),
  ];
  return { asOf: now.toISOString(), day, flags };
}

interface Today {
  now: Date;
  day: string;
  calendar: WorkCalendar;
  settings: DailySettings;
}

/** No held call today, once the expected hour has come on a working day (the domain's noCallsByHour). */
async function noCallsFlags(ctx: DailyCtx, people: readonly SubjectRow[], today: Today): Promise<RedFlag[]> {
  const { now, day, calendar, settings } = today;
  const callers = people.filter((p) => (CALLING_ROLES as readonly string[]).includes(p.role));
  const expectedBy = settings.callsExpectedBy;
  // Before the hour, or on a day off, nobody is flagged whatever they did: skip the query.
  if (!noCallsByHour({ now, callsToday: 0, expectedBy, calendar }) || callers.length === 0) return [];
  // Today's held calls (either direction) from the per rep per day rollup: a row per caller by key
  // instead of the day's activities; refreshed first, so a call logged a moment ago counts.
  const rollup = await kpiDailyOf(ctx.tx, {
    orgId: ctx.actor.orgId,
    userIds: callers.map((p) => p.user_id),
    from: day,
    to: day,
  });
  const calls = new Map(rollup.map(({ userId, figures }) => [userId, figures.calls_outbound + figures.calls_inbound]));
  return callers
    .filter((person) => noCallsByHour({ now, callsToday: calls.get(person.user_id) ?? 0, expectedBy, calendar }))
    .map((person) =>
      flag('no-calls', person, {
        figure: 0,
        limit: 1,
        unit: 'calls',
        count: 0,
        recordIds: [],
        expectedBy,
        // Today as a day, as the web activities list filters (and like the dashboard's drill-downs).
        drillDown: { list: 'activities', query: `userId=${person.user_id}&kind=call&from=${day}&to=${day}` },
      }),
    );
}

/** More open overdue tasks than the organisation's limit. */
async function overdueTaskFlags(
  ctx: DailyCtx,
  people: readonly SubjectRow[],
  ids: readonly string[],
  now: Date,
  settings: DailySettings,
): Promise<RedFlag[]> {
  const rows = await findOverdueTasks(ctx.tx, ctx.actor.orgId, ids, now);
  const byUser = new Map(rows.map((row) => [row.user_id, row]));
  return people.flatMap((person) => {
    const row = byUser.get(person.user_id);
    if (!row || !overdueBeyondLimit(row.count, settings.overdueTasksLimit)) return [];
    return [
      flag('overdue-tasks', person, {
        figure: row.count,
        limit: settings.overdueTasksLimit,
        unit: 'tasks',
        count: row.count,
        recordIds: row.ids,
        drillDown: { list: 'tasks', query: `assigneeId=${person.user_id}&overdue=true` },
      }),
    ];
  });
}

/**
 * Open deals longer in their stage than its rotting limit (the domain's dealRotting). The query
 * narrows by the deals list's own rule, so GET /api/deals?rotting=true lists the same deals.
 */
async function rottingDealFlags(
  ctx: DailyCtx,
  people: readonly SubjectRow[],
  ids: readonly string[],
  now: Date,
): Promise<RedFlag[]> {
  const rows = await findRottingDeals(ctx.tx, ctx.actor.orgId, ids, now);
  const byUser = new Map(rows.map((row) => [row.user_id, row]));
  return people.flatMap((person) => {
    const row = byUser.get(person.user_id);
    // The query's rule is the deals list's; the domain's dealRotting judges the oldest again.
    if (!row || !dealRotting({ stageEnteredAt: row.oldest_entered_at, rottingDays: row.oldest_rotting_days, now })) {
      return [];
    }
    return [
      flag('rotting-deals', person, {
        figure: Math.floor((now.getTime() - row.oldest_entered_at.getTime()) / DAY_MS),
        limit: row.oldest_rotting_days,
        unit: 'days',
        count: row.count,
        recordIds: row.ids,
        drillDown: { list: 'deals', query: `ownerId=${person.user_id}&status=open&rotting=true` },
      }),
    ];
  });
}

/** Untouched leads waiting longer than the response target in business time (the rule of GET /api/leads?waiting=overdue). */
async function waitingLeadFlags(
  ctx: DailyCtx,
  people: readonly SubjectRow[],
  ids: readonly string[],
  today: Pick<Today, 'now' | 'calendar' | 'settings'>,
): Promise<RedFlag[]> {
  const { now, calendar, settings } = today;
  const before = overdueThreshold({ calendar, now, targetMinutes: settings.responseTargetMinutes });
  // Null: no arrival in the last 50 years has waited that long (a calendar without working time).
  if (before === null) return [];
  const targetMinutes = settings.responseTargetMinutes;
  // The query narrows by the arrival threshold; the oldest lead of each group must then wait too long.
  const rows = (await findWaitingLeads(ctx.tx, ctx.actor.orgId, ids, before)).filter((row) =>
    leadWaitingTooLong({ arrivedAt: row.oldest_arrived_at, now, targetMinutes, calendar }),
  );
  const byUser = new Map(rows.map((row) => [row.user_id, row]));
  return people.flatMap((person) => {
    const row = byUser.get(person.user_id);
    if (!row) return [];
    return [
      flag('waiting-leads', person, {
        figure: Math.floor(businessTimeBetween(calendar, row.oldest_arrived_at, now) / MINUTE_MS),
        limit: settings.responseTargetMinutes,
        unit: 'minutes',
        count: row.count,
        recordIds: row.ids,
        drillDown: { list: 'leads', query: `takerId=${person.user_id}&waiting=overdue` },
      }),
    ];
  });
}

/**
 * Rep lines of the approved plans covering today whose pipeline forecast (fact + weighted open
 * deals expected to close in the period, from plan versus fact) lands below the pessimistic plan.
 * The pipeline forecast rather than the run rate: on the first mornings of a period a run rate
 * of nothing would flag everyone. A rep in several plans is judged by the narrowest one.
 */
async function forecastFlags(
  ctx: DailyCtx,
  people: readonly SubjectRow[],
  today: PlansOn | string,
): Promise<RedFlag[]> {
  const wanted = new Map(people.map((person) => [person.user_id, person]));
  if (wanted.size === 0) return [];
  // The view's plan progress serves when it worked out every wanted rep's line; else (or with no
  // view) the flags work out those reps' lines themselves.
  const covered =
    typeof today !== 'string' && (today.pick === null || [...wanted.keys()].every((id) => today.pick?.userIds.has(id)));
  const plans = covered
    ? today
    : await plansProgressOn(
        ctx,
        typeof today === 'string' ? today : today.day,
        await unitNodesOf(ctx.tx, ctx.actor.orgId),
        { userIds: new Set(wanted.keys()), unitIds: new Set(), organisation: false },
      );
  const judged = new Set<string>();
  const flags: RedFlag[] = [];
  for (const progress of plans.progress) {
    for (const line of progress.lines) {
      const person = line.userId === null ? undefined : wanted.get(line.userId);
      if (line.kind !== 'rep' || line.dimension !== 'structure' || !person || judged.has(person.user_id)) continue;
      judged.add(person.user_id);
      if (!belowPessimistic(line)) continue;
      flags.push(
        flag('forecast-below-pessimistic', person, {
          figure: line.pipeline.forecastMinor,
          limit: line.period.pessimisticMinor,
          unit: 'minor',
          count: line.pipeline.dealsCounted,
          recordIds: [],
          plan: { planId: progress.planId, lineId: line.lineId },
          drillDown: line.drillDown ? { list: 'deals', query: line.drillDown.deals } : null,
        }),
      );
    }
  }
  return flags;
}

function belowPessimistic(line: PlanLineProgress): boolean {
  return forecastBelowPessimistic(line.pipeline.forecastMinor, line.period.pessimisticMinor);
}

function flag(
  kind: RedFlag['kind'],
  person: SubjectRow,
  rest: Omit<RedFlag, 'kind' | 'user' | 'expectedBy' | 'plan'> & Partial<Pick<RedFlag, 'expectedBy' | 'plan'>>,
): RedFlag {
  return {
    kind,
    user: { id: person.user_id, fullName: person.full_name, unitId: person.unit_id },
    expectedBy: null,
    plan: null,
    ...rest,
  };
}
