import { type RepCard, type RepCardQuery, Role } from '@pulse/contracts';
import { splitByPeriod } from '@pulse/domain';
import { notFound, unprocessable } from '../../http/errors.ts';
import type { Actor } from '../access/actor.ts';
import { loadWorkCalendar } from '../calendar/calendar.queries.ts';
import { readKpiDailyByDay } from '../kpi/kpi-rollup-read.ts';
import { getOrgCurrency } from './live-kpis.queries.ts';
import { stageConversionByRep } from './live-kpis.service.ts';
import type { SubjectRow } from './red-flags.queries.ts';
import type { DailyCtx } from './red-flags.service.ts';
import { cardFigures, funnelStages, type ROLLUP_KPIS, targetOf } from './rep-card.figures.ts';
import { findRepTargets, findTeammates, getRep, type RepRow } from './rep-card.queries.ts';

// GET /api/daily-control/reps/:userId/card — one person's KPIs over a period beside their team
// (the other active sales managers of their unit), for the head's one-to-ones. The figures come
// from the daily rollup (kpi_daily) and the live stage conversion; the rules are in
// rep-card.figures.ts.

/** The longest period a card covers (a year and a day, for leap years). */
const MAX_PERIOD_DAYS = 366;

/** The rep card of a person within the actor's reach; anyone else is answered as missing (404). */
export async function getRepCard(ctx: DailyCtx, userId: string, query: RepCardQuery): Promise<RepCard> {
  checkPeriod(query);
  const { tx, actor } = ctx;
  const rep = await getRep(tx, actor.orgId, userId);
  if (!rep || !canSeeCard(actor, rep)) throw notFound('User');
  const period = { from: query.from, to: query.to };
  const teammates = rep.unit_id ? await findTeammates(tx, actor.orgId, rep.unit_id, rep.user_id) : [];
  const people: SubjectRow[] = [
    { user_id: rep.user_id, full_name: rep.full_name, unit_id: rep.unit_id, role: rep.role },
    ...teammates,
  ];
  const [days, conversion, targets, calendar, currency] = await Promise.all([
    readKpiDailyByDay(tx, { orgId: actor.orgId, userIds: people.map((p) => p.user_id), ...period }),
    stageConversionByRep(ctx, people, period),
    findRepTargets(tx, actor.orgId, rep.user_id, period),
    loadWorkCalendar(tx, actor.orgId),
    getOrgCurrency(tx, actor.orgId),
  ]);
  const daysOf = (id: string) => days.filter((d) => d.userId === id);
  const figures = cardFigures({
    repDays: daysOf(rep.user_id),
    teammateDays: teammates.map((t) => daysOf(t.user_id)),
    buckets: splitByPeriod(query.from, query.to, query.grain),
  });
  const pair = (kpi: (typeof ROLLUP_KPIS)[number]) => ({
    value: figures.values[kpi] ?? null,
    teamMedian: figures.teamMedians[kpi] ?? null,
  });
  return {
    rep: {
      id: rep.user_id,
      fullName: rep.full_name,
      role: Role.parse(rep.role),
      unitId: rep.unit_id,
      unitName: rep.unit_name,
      hireDate: rep.hire_date,
      active: rep.active,
    },
    from: query.from,
    to: query.to,
    grain: query.grain,
    currency,
    team: teammates.map((t) => ({ id: t.user_id, fullName: t.full_name })),
    kpis: figures.kpis.map((kpi) => ({
      ...kpi,
      target: targetOf(kpi.kpiId, targets, period, calendar, kpi.value),
    })),
    buckets: figures.buckets,
    series: figures.series,
    funnel: {
      stages: funnelStages(
        conversion.get(rep.user_id) ?? [],
        teammates.map((t) => conversion.get(t.user_id) ?? []),
      ),
      winRate: pair('win-rate'),
      averageDeal: pair('average-deal'),
      leadToWonTime: pair('lead-to-won-time'),
    },
    strengths: figures.strengths,
    weaknesses: figures.weaknesses,
  };
}

/**
 * The rep themselves, organisation-wide roles, and heads whose subtree holds the rep's unit. Line
 * staff see only their own card, so a teammate's is as missing as another organisation's person.
 */
function canSeeCard(actor: Actor, rep: RepRow): boolean {
  if (rep.user_id === actor.userId) return true;
  if (actor.scope.kind === 'organisation') return true;
  if (actor.scope.kind === 'own') return false;
  return rep.unit_id !== null && actor.scope.unitIds.includes(rep.unit_id);
}

/** Periods in the wrong order or longer than a year are refused with the reason. */
function checkPeriod(period: { from: string; to: string }): void {
  if (period.to < period.from) {
    throw unprocessable('The period ends before it starts', [{ path: 'query.to', message: 'period_out_of_order' }]);
  }
  const days = (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_PERIOD_DAYS) {
    throw unprocessable(`A period is at most ${MAX_PERIOD_DAYS} days`, [
      { path: 'query.to', message: 'period_too_long' },
    ]);
  }
}
