import type { Digest, DigestCell, DigestPlanLine, DigestQuery, PlanProgress } from '@pulse/contracts';
import { KPI_IDS, localDay, type UnitNode } from '@pulse/domain';
import { forbidden } from '../../http/errors.ts';
import { MEASURED_ROLES } from './daily-control.policy.ts';
import type { UnitRow } from './dashboard.queries.ts';
import { loadView, rowOf } from './dashboard.service.ts';
import { renderDigest } from './dashboard-digest-render.ts';
import { progressOrNull, treeOrder } from './dashboard-figures.ts';
import { getOrgCurrency } from './live-kpis.queries.ts';
import { findApprovedPlansOn, findSubjectUsers, type SubjectRow } from './red-flags.queries.ts';
import { type DailyCtx, getRedFlags, resolveSubjects } from './red-flags.service.ts';
import { unitNodes, unitRowsOf, workCalendarOf } from './request-memo.ts';

// The head's morning digest (rendered now, e-mailed later): yesterday's figures of each rep in
// the head's reach against their targets — only the amber and red ones —, today's red flags, and
// the plan's attainment from the 1st of the month to yesterday for the units and reps in reach.

/** GET /api/daily-control/digest: for heads and organisation-wide roles; line staff get 403. */
export async function getDigest(ctx: DailyCtx, query: DigestQuery): Promise<Digest> {
  if (ctx.actor.scope.kind === 'own') throw forbidden('The morning digest is for heads and directors');
  const calendar = await workCalendarOf(ctx.tx, ctx.actor.orgId);
  const date = query.date ?? localDay(ctx.deps.now(), calendar.timeZone);
  const yesterday = addDays(date, -1);
  const subjects = await resolveSubjects(ctx, undefined);
  const unitRows = await unitRowsOf(ctx.tx, ctx.actor.orgId);
  const nodes = unitNodes(unitRows);
  const people = await findSubjectUsers(ctx.tx, ctx.actor.orgId, subjects, MEASURED_ROLES);
  const view = await loadView(ctx, { period: 'today', date: yesterday }, people, [], nodes, { plans: false });
  const reps = people.flatMap((person) => {
    const row = rowOf(view, person);
    const cells: DigestCell[] = [];
    for (const light of ['red', 'amber'] as const) {
      for (const kpiId of KPI_IDS) {
        const cell = row.kpis[kpiId];
        if (cell.light !== light || cell.value === null || cell.target === null) continue;
        cells.push({ kpiId, value: cell.value, target: cell.target, light, drillDown: cell.drillDown });
      }
    }
    return cells.length === 0 ? [] : [{ userId: row.userId, fullName: row.fullName, unitId: row.unitId, cells }];
  });
  const reach = subjects.kind === 'units' && subjects.unitIds ? new Set(subjects.unitIds) : null;
  const units = treeOrder(unitRows).filter((unit) => reach === null || reach.has(unit.unit_id));
  const plan = await monthToDate(ctx, yesterday, nodes, units, people);
  const flags = (await getRedFlags(ctx, {})).flags;
  const currency = await getOrgCurrency(ctx.tx, ctx.actor.orgId);
  const content = { date, yesterday, locale: ctx.actor.locale, reps, flags, plan };
  return { ...content, ...renderDigest(content, { currency }) };
}

/**
 * Plan attainment from the 1st of yesterday's month (or the plan's start) to yesterday: plan
 * versus fact on yesterday minus plan versus fact on the day before the month began — the same
 * rules as plan versus fact, two reports per approved plan. A unit or rep in several plans
 * takes the narrowest plan's line.
 */
async function monthToDate(
  ctx: DailyCtx,
  yesterday: string,
  nodes: readonly UnitNode[],
  units: readonly UnitRow[],
  people: readonly SubjectRow[],
): Promise<DigestPlanLine[]> {
  const before = addDays(`${yesterday.slice(0, 7)}-01`, -1);
  const plans = await findApprovedPlansOn(ctx.tx, ctx.actor.orgId, yesterday);
  const parent = new Map(nodes.map((unit) => [unit.id, unit.parentId]));
  const depth = (unitId: string | null) => {
    let n = 0;
    for (let id = unitId; id; id = parent.get(id) ?? null) n++;
    return n;
  };
  plans.sort((a, b) => depth(b.scope_unit_id) - depth(a.scope_unit_id));
  const unitLines = new Map<string, DigestPlanLine>();
  const repLines = new Map<string, DigestPlanLine>();
  const unitName = new Map(units.map((unit) => [unit.unit_id, unit.name]));
  const personName = new Map(people.map((person) => [person.user_id, person.full_name]));
  for (const { plan_id } of plans) {
    const now = await progressOrNull(ctx, plan_id, yesterday);
    if (now === null) continue;
    const start = before >= now.periodStart ? await progressOrNull(ctx, plan_id, before) : null;
    const base = new Map((start?.lines ?? []).map((line) => [line.lineId, line]));
    for (const line of now.lines) {
      if (line.dimension !== 'structure') continue;
      const isUnit = line.kind === 'unit' && line.unitId !== null && unitName.has(line.unitId);
      const isRep = line.kind === 'rep' && line.userId !== null && personName.has(line.userId);
      if (!isUnit && !isRep) continue;
      const subjectId = (isUnit ? line.unitId : line.userId) as string;
      const target = isUnit ? unitLines : repLines;
      if (target.has(subjectId)) continue;
      target.set(subjectId, {
        kind: isUnit ? 'unit' : 'rep',
        subjectId,
        name: (isUnit ? unitName.get(subjectId) : personName.get(subjectId)) ?? '',
        ...difference(now, line, base.get(line.lineId)),
      });
    }
  }
  const ordered = [
    ...units.flatMap((unit) => unitLines.get(unit.unit_id) ?? []),
    ...people.flatMap((person) => repLines.get(person.user_id) ?? []),
  ];
  return ordered;
}

type LineProgress = PlanProgress['lines'][number];

function difference(
  progress: PlanProgress,
  line: LineProgress,
  base: LineProgress | undefined,
): Pick<DigestPlanLine, 'planId' | 'lineId' | 'currency' | 'planMinor' | 'factMinor' | 'attainment'> {
  const planMinor = line.planToDate.realisticMinor - (base?.planToDate.realisticMinor ?? 0);
  const factMinor = line.factToDateMinor - (base?.factToDateMinor ?? 0);
  return {
    planId: progress.planId,
    lineId: line.lineId,
    currency: progress.currency,
    planMinor,
    factMinor,
    attainment: planMinor === 0 ? null : factMinor / planMinor,
  };
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
