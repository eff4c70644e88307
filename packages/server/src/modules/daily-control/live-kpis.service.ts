import type { LiveKpis, PipelineCoverage, RepLiveKpis, StageConversionStep } from '@pulse/contracts';
import {
  localDay,
  periodStageConversion,
  pipelineCoverage,
  type StageEntry,
  startOfLocalDay,
  type UnitNode,
} from '@pulse/domain';
import { unprocessable } from '../../http/errors.ts';
import { groupByOwner } from '../plans/plan-progress-scope.ts';
import { MEASURED_ROLES } from './daily-control.policy.ts';
import {
  findOpenDealsClosingIn,
  findRepPlans,
  findSalesByOwner,
  findStageHistories,
  findStages,
  type RepPlanRow,
  type StageEntryRow,
} from './live-kpis.queries.ts';
import { findSubjectUsers, type SubjectRow } from './red-flags.queries.ts';
import { type DailyCtx, resolveSubjects } from './red-flags.service.ts';
import { dailySettingsOf, unitNodesOf, workCalendarOf } from './request-memo.ts';

// The two KPIs computed live for a period, per rep: stage conversion from the stage history (the
// domain's stageConversion) and pipeline coverage of the remaining plan (the domain's
// pipelineCoverage). Days are local days of the work calendar's zone, both ends inclusive.

/** The longest period the live KPIs answer for (a year and a day, for leap years). */
const MAX_PERIOD_DAYS = 366;

/** A period of local days, both ends inclusive. */
export interface Period {
  from: string;
  to: string;
}

/** GET /api/daily-control/live-kpis: each rep in scope (or under `unitId`) with both KPIs for the period. */
export async function getLiveKpis(ctx: DailyCtx, query: Period & { unitId?: string }): Promise<LiveKpis> {
  checkPeriod(query);
  const subjects = await resolveSubjects(ctx, query.unitId);
  const people = await findSubjectUsers(ctx.tx, ctx.actor.orgId, subjects, MEASURED_ROLES);
  const period = { from: query.from, to: query.to };
  const [conversion, coverage] = await Promise.all([
    stageConversionByRep(ctx, people, period),
    pipelineCoverageByRep(ctx, people, period),
  ]);
  const reps: RepLiveKpis[] = people.map((person) => ({
    user: { id: person.user_id, fullName: person.full_name, unitId: person.unit_id },
    stageConversion: conversion.get(person.user_id) ?? [],
    pipelineCoverage: coverage.get(person.user_id) as PipelineCoverage,
  }));
  return { from: query.from, to: query.to, reps };
}

/**
 * Stage conversion per rep (the deal's current owner): for each open stage of each live pipeline,
 * of the rep's deals that entered it in the period, how many later entered a stage further along.
 * Won counts as furthest along; entering lost is not progress.
 */
export async function stageConversionByRep(
  ctx: DailyCtx,
  people: readonly SubjectRow[],
  period: Period,
): Promise<Map<string, StageConversionStep[]>> {
  const { tx, actor } = ctx;
  const calendar = await workCalendarOf(tx, actor.orgId);
  const from = startOfLocalDay(period.from, calendar.timeZone);
  const to = startOfLocalDay(nextDay(period.to), calendar.timeZone);
  const [stages, history] = await Promise.all([
    findStages(tx, actor.orgId),
    findStageHistories(
      tx,
      actor.orgId,
      people.map((p) => p.user_id),
      { from, to },
    ),
  ]);
  const pipelines = [...new Set(stages.map((s) => s.pipeline_id))];
  const wonPosition = new Map(
    pipelines.map((id) => [id, Math.max(...stages.filter((s) => s.pipeline_id === id).map((s) => s.position)) + 1]),
  );
  const result = new Map<string, StageConversionStep[]>();
  for (const person of people) {
    const own = history.filter((row) => row.owner_id === person.user_id);
    const steps: StageConversionStep[] = [];
    for (const pipelineId of pipelines) {
      const rows = own.filter((row) => row.pipeline_id === pipelineId && row.kind !== 'lost');
      const entries: StageEntry[] = rows.map((row) => ({
        dealId: row.deal_id,
        stagePosition: row.kind === 'won' ? (wonPosition.get(pipelineId) ?? row.position) : row.position,
        enteredAt: row.changed_at,
      }));
      const open = stages.filter(
        (s) =>
          s.pipeline_id === pipelineId &&
          s.kind === 'open' &&
          ((s.archived_at === null && s.pipeline_archived_at === null) || rows.some((r) => r.stage_id === s.stage_id)),
      );
      const figures = periodStageConversion({ entries, stagePositions: open.map((s) => s.position), from, to });
      open.forEach((stage, i) => {
        const figure = figures[i];
        if (!figure) return;
        steps.push({
          pipelineId,
          stageId: stage.stage_id,
          stageName: stage.name,
          position: stage.position,
          entered: figure.entered,
          advanced: figure.advanced,
          conversionPercent: figure.conversionPercent,
          dealIds: enteredIn(rows, stage.stage_id, from, to),
        });
      });
    }
    result.set(person.user_id, steps);
  }
  return result;
}

/**
 * Pipeline coverage per rep: Σ amount × stage probability of their open deals expected to close
 * in the period, over what remains of the realistic plan of their rep line for the months the
 * period touches (the narrowest approved plan that has them) after their sales of the period to
 * today. Without an approved plan the plan and coverage are null and the pipeline is still given
 * (in the organisation's currency).
 */
export async function pipelineCoverageByRep(
  ctx: DailyCtx,
  people: readonly SubjectRow[],
  period: Period,
): Promise<Map<string, PipelineCoverage>> {
  const { tx, actor } = ctx;
  const ids = people.map((p) => p.user_id);
  const [plans, units, orgCurrency, calendar] = await Promise.all([
    findRepPlans(tx, actor.orgId, ids, period),
    unitNodesOf(tx, actor.orgId),
    dailySettingsOf(tx, actor.orgId).then((settings) => settings.currency),
    workCalendarOf(tx, actor.orgId),
  ]);
  const today = localDay(ctx.deps.now(), calendar.timeZone);
  // Sales count up to today, or to the period's end when it is over ('YYYY-MM-DD' sorts as text).
  const factTo = today.localeCompare(period.to) <= 0 ? today : period.to;
  const planOf = narrowestPlans(plans, units);
  const currencies = [...new Set([orgCurrency, ...[...planOf.values()].map((p) => p.currency)])];
  const byCurrency = new Map(
    await Promise.all(
      currencies.map(
        async (currency) =>
          [
            currency,
            {
              deals: groupByOwner(
                await findOpenDealsClosingIn(tx, actor.orgId, ids, { ...period, currency }),
                (deal) => deal.owner_id,
              ),
              sales: await findSalesByOwner(tx, actor.orgId, ids, { from: period.from, to: factTo, currency }),
            },
          ] as const,
      ),
    ),
  );
  const result = new Map<string, PipelineCoverage>();
  for (const person of people) {
    const plan = planOf.get(person.user_id) ?? null;
    const currency = plan?.currency ?? orgCurrency;
    const data = byCurrency.get(currency);
    const deals = data?.deals.get(person.user_id) ?? [];
    const factMinor = data?.sales.get(person.user_id) ?? 0;
    const figures = pipelineCoverage({
      openDeals: deals.map((deal) => ({ amountMinor: deal.amount_minor, probability: deal.probability })),
      planMinor: plan?.realistic_minor ?? 0,
      factMinor: Math.max(0, factMinor),
    });
    result.set(person.user_id, {
      weightedMinor: figures.weightedMinor,
      planMinor: plan ? plan.realistic_minor : null,
      factMinor,
      remainingMinor: plan ? figures.remainingMinor : null,
      coverage: plan ? figures.coverage : null,
      planId: plan?.plan_id ?? null,
      lineId: plan?.plan_line_id ?? null,
      currency,
      dealIds: deals.map((deal) => deal.deal_id),
      drillDown: {
        list: 'deals',
        query: `ownerId=${person.user_id}&status=open&expectedCloseFrom=${period.from}&expectedCloseTo=${period.to}`,
      },
    });
  }
  return result;
}

/** Per rep, the rep line of the approved plan with the deepest scope unit (the latest approved on a tie). */
function narrowestPlans(plans: readonly RepPlanRow[], units: readonly UnitNode[]): Map<string, RepPlanRow> {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const depth = (unitId: string | null): number => {
    let n = 0;
    for (let unit = unitId ? byId.get(unitId) : undefined; unit; unit = byId.get(unit.parentId ?? '')) n++;
    return n;
  };
  const sorted = [...plans].sort(
    (a, b) =>
      depth(b.scope_unit_id) - depth(a.scope_unit_id) ||
      new Date(b.approved_at).getTime() - new Date(a.approved_at).getTime(),
  );
  const result = new Map<string, RepPlanRow>();
  for (const plan of sorted) if (!result.has(plan.user_id)) result.set(plan.user_id, plan);
  return result;
}

/** The deals that entered the stage within [from, to). */
function enteredIn(rows: readonly StageEntryRow[], stageId: string, from: Date, to: Date): string[] {
  const ids = rows
    .filter((row) => row.stage_id === stageId && row.changed_at >= from && row.changed_at < to)
    .map((row) => row.deal_id);
  return [...new Set(ids)];
}

/** Periods in the wrong order or longer than a year are refused with the reason. */
function checkPeriod(period: Period): void {
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

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
