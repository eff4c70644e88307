import type {
  Dashboard,
  DashboardPeriod,
  DashboardQuery,
  DashboardRow,
  DashboardTeam,
  DepartmentsDashboard,
  DepartmentsDashboardQuery,
  KpiCells,
  MyDashboard,
  MyDashboardQuery,
} from '@pulse/contracts';
import { countWorkingDays, KPI_IDS, subtreeOf, type UnitNode } from '@pulse/domain';
import { forbidden } from '../../http/errors.ts';
import { getMyGoals } from '../plans/plan-goals.service.ts';
import { MEASURED_ROLES, type Subjects } from './daily-control.policy.ts';
import { findTargets, type SubjectTargets } from './dashboard.queries.ts';
import { addLive, addMeasures, kpiCells, leaderboard, NO_LIVE, type StoredTarget } from './dashboard-cells.ts';
import {
  figuresOf,
  type PersonFigures,
  type PlanLines,
  type PlansOn,
  planLinesOf,
  plansProgressOn,
  type ResolvedPeriod,
  resolvePeriod,
  treeOrder,
} from './dashboard-figures.ts';
import { findSubjectUsers, type SubjectRow } from './red-flags.queries.ts';
import { type DailyCtx, getRedFlags, resolveSubjects } from './red-flags.service.ts';
import { subjectUsersOf, unitNodes, unitRowsOf } from './request-memo.ts';

// The Pulse dashboard and its two sibling views. Scope as everywhere in daily control: a head sees
// the subtree of the units they head, organisation-wide roles everyone, line staff only their own
// row (/me). Every figure of a team, a department or the total is worked out from its members'
// summed measures (dashboard-cells.ts).

/** The people of a view with everything their cells need. */
interface View {
  period: ResolvedPeriod;
  people: SubjectRow[];
  figures: Map<string, PersonFigures>;
  targets: SubjectTargets;
  plans: PlanLines;
  /** The plans' progress the lines come from (null when the view has no plans). */
  plansOn: PlansOn | null;
}

/** GET /api/daily-control/dashboard: rows per rep, teams, total, leaderboard and today's flags. */
export async function getDashboard(ctx: DailyCtx, query: DashboardQuery): Promise<Dashboard> {
  if (ctx.actor.scope.kind === 'own') throw forbidden('The dashboard is for heads and directors; see /me');
  const subjects = await resolveSubjects(ctx, query.unitId);
  const unitRows = await unitRowsOf(ctx.tx, ctx.actor.orgId);
  const nodes = unitNodes(unitRows);
  const root = rootUnit(ctx, subjects, nodes, query.unitId);
  const people = await subjectUsersOf(ctx.tx, ctx.actor.orgId, subjects, MEASURED_ROLES);
  const inView = new Set(subjects.kind === 'units' && subjects.unitIds ? subjects.unitIds : nodes.map((u) => u.id));
  const teamUnits = treeOrder(unitRows).filter(
    (unit) => inView.has(unit.unit_id) && people.some((p) => p.unit_id === unit.unit_id),
  );
  const wholeOrganisation = subjects.kind === 'units' && subjects.unitIds === null;
  const view = await loadView(
    ctx,
    query,
    people,
    [...teamUnits.map((u) => u.unit_id), ...(root ? [root] : [])],
    nodes,
    {
      plans: true,
      organisation: wholeOrganisation,
    },
  );
  const rows = people.map((person) => rowOf(view, person));
  const teams: DashboardTeam[] = teamUnits.map((unit) => {
    const members = people.filter((p) => p.unit_id === unit.unit_id);
    return {
      unitId: unit.unit_id,
      name: unit.name,
      headUserId: unit.head_user_id,
      memberIds: members.map((m) => m.user_id),
      kpis: groupCells(view, members, unit.unit_id),
      plan: view.plans.byUnit.get(unit.unit_id) ?? null,
    };
  });
  // The flags judge forecasts on today's plan progress: the view's own when its day is today.
  const flags = await getRedFlags(ctx, query.unitId ? { unitId: query.unitId } : {}, view.plansOn ?? undefined);
  return {
    period: presentPeriod(view.period),
    kpis: [...KPI_IDS],
    rows,
    teams,
    total: {
      unitId: root,
      kpis: groupCells(view, people, root),
      plan: (root ? view.plans.byUnit.get(root) : undefined) ?? (wholeOrganisation ? view.plans.organisation : null),
    },
    leaderboard: leaderboard(
      rows.map((row) => ({
        userId: row.userId,
        fullName: row.fullName,
        revenueMinor: row.kpis.revenue.value ?? 0,
        dealsWon: row.kpis['deals-won'].value ?? 0,
        revenueTarget: row.kpis.revenue.target,
        planAttainment: row.plan?.attainment ?? null,
      })),
    ),
    flags: flags.flags,
  };
}

/** GET /api/daily-control/me: the caller's own row, up to today, with this month's goals. */
export async function getMyDashboard(ctx: DailyCtx, query: MyDashboardQuery): Promise<MyDashboard> {
  const people = await findSubjectUsers(
    ctx.tx,
    ctx.actor.orgId,
    { kind: 'self', userId: ctx.actor.userId },
    MEASURED_ROLES,
  );
  const nodes = unitNodes(await unitRowsOf(ctx.tx, ctx.actor.orgId));
  const view = await loadView(ctx, { period: query.period }, people, [], nodes);
  const me = people[0] ?? {
    user_id: ctx.actor.userId,
    full_name: ctx.actor.fullName,
    unit_id: ctx.actor.unitId,
    role: ctx.actor.role,
  };
  return {
    period: presentPeriod(view.period),
    kpis: [...KPI_IDS],
    row: rowOf(view, me),
    goals: await getMyGoals(ctx),
  };
}

/**
 * GET /api/daily-control/departments: one row per unit of kind 'department', each over everyone
 * measured in its subtree. For organisation-wide roles (the commercial director, the
 * administrator, analysts); anyone else is refused with 403.
 */
export async function getDepartmentsDashboard(
  ctx: DailyCtx,
  query: DepartmentsDashboardQuery,
): Promise<DepartmentsDashboard> {
  if (ctx.actor.scope.kind !== 'organisation') {
    throw forbidden('Departments side by side are for the commercial director and the administrator');
  }
  const unitRows = await unitRowsOf(ctx.tx, ctx.actor.orgId);
  const nodes = unitNodes(unitRows);
  const departments = treeOrder(unitRows).filter((unit) => unit.kind === 'department');
  const people = await findSubjectUsers(ctx.tx, ctx.actor.orgId, { kind: 'units', unitIds: null }, MEASURED_ROLES);
  const view = await loadView(
    ctx,
    query,
    people,
    departments.map((d) => d.unit_id),
    nodes,
  );
  return {
    period: presentPeriod(view.period),
    kpis: [...KPI_IDS],
    departments: departments.map((unit) => {
      const reach = new Set(subtreeOf(nodes, [unit.unit_id]));
      const members = people.filter((p) => p.unit_id !== null && reach.has(p.unit_id));
      return {
        unitId: unit.unit_id,
        name: unit.name,
        headUserId: unit.head_user_id,
        memberCount: members.length,
        kpis: groupCells(view, members, unit.unit_id),
        plan: view.plans.byUnit.get(unit.unit_id) ?? null,
      };
    }),
  };
}

/** Reads everything a view's cells need: a fixed number of queries, whatever the period's length. */
export async function loadView(
  ctx: DailyCtx,
  query: { period: DashboardQuery['period']; date?: string },
  people: SubjectRow[],
  unitIds: readonly string[],
  nodes: readonly UnitNode[],
  options: { plans: boolean; organisation?: boolean } = { plans: true },
): Promise<View> {
  const period = await resolvePeriod(ctx, query.period, query.date);
  const figures = await figuresOf(ctx, people, period);
  const targets = await findTargets(
    ctx.tx,
    ctx.actor.orgId,
    { userIds: people.map((p) => p.user_id), unitIds: [...new Set(unitIds)] },
    period,
  );
  // Only the plan lines the view shows: its people's, its units' and (for the whole
  // organisation) the organisation's.
  const pick = {
    userIds: new Set(people.map((p) => p.user_id)),
    unitIds: new Set(unitIds),
    organisation: options.organisation === true,
  };
  const plansOn = options.plans ? await plansProgressOn(ctx, period.to, nodes, pick) : null;
  const plans: PlanLines = plansOn
    ? planLinesOf(plansOn)
    : { byUser: new Map(), byUnit: new Map(), organisation: null };
  return { period, people, figures, targets, plans, plansOn };
}

/** One rep's row: their own measures, their own targets, their rep line. */
export function rowOf(view: View, person: SubjectRow): DashboardRow {
  const figures = view.figures.get(person.user_id);
  return {
    userId: person.user_id,
    fullName: person.full_name,
    unitId: person.unit_id,
    kpis: kpiCells({
      measures: figures?.measures ?? addMeasures([]),
      live: figures?.live ?? NO_LIVE,
      targets: view.targets.byUser.get(person.user_id) ?? [],
      period: view.period,
      calendar: view.period.calendar,
      userId: person.user_id,
      coverage: view.period.coverage,
    }),
    plan: view.plans.byUser.get(person.user_id) ?? null,
  };
}

/** A group's cells: its members' measures summed, the unit's own targets, no drill-down. */
export function groupCells(view: View, members: readonly SubjectRow[], unitId: string | null): KpiCells {
  const figures = members.map((m) => view.figures.get(m.user_id)).filter((f) => f !== undefined);
  const targets: StoredTarget[] = unitId ? (view.targets.byUnit.get(unitId) ?? []) : [];
  return kpiCells({
    measures: addMeasures(figures.map((f) => f.measures)),
    live: addLive(figures.map((f) => f.live)),
    targets,
    period: view.period,
    calendar: view.period.calendar,
    userId: null,
    coverage: view.period.coverage,
  });
}

export function presentPeriod(period: ResolvedPeriod): DashboardPeriod {
  return {
    kind: period.kind,
    from: period.from,
    to: period.to,
    asOf: period.asOf.toISOString(),
    workingDays: countWorkingDays(period.calendar, period.from, period.to),
  };
}

/**
 * The unit the whole view stands for, whose targets and plan line the total row shows: the unit
 * asked for, else the single top unit of the actor's reach (a head's department, the
 * organisation's directorate); null when the reach has several tops.
 */
function rootUnit(
  ctx: DailyCtx,
  subjects: Subjects,
  nodes: readonly UnitNode[],
  unitId: string | undefined,
): string | null {
  if (unitId) return unitId;
  if (subjects.kind !== 'units') return ctx.actor.unitId;
  const reach = new Set(subjects.unitIds ?? nodes.map((u) => u.id));
  const tops = nodes.filter((u) => reach.has(u.id) && (u.parentId === null || !reach.has(u.parentId)));
  return tops.length === 1 ? (tops[0] as UnitNode).id : null;
}
