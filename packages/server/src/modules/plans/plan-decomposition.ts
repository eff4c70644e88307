import { randomUUID } from 'node:crypto';
import { localDay, PlanError, type WeightMethod } from '@pulse/domain';
import { unprocessable } from '../../http/errors.ts';
import { loadWorkCalendar } from '../calendar/calendar.queries.ts';
import { type Ctx, refuse } from './plan-context.ts';
import {
  findPlanPeople,
  findProductGroups,
  findRevenueByChannel,
  findRevenueByOwner,
  findRevenueByProductGroup,
  type PlanPersonRow,
  type SalesWindow,
} from './plan-facts.queries.ts';
import { findPlanLineMonths, findPlanLines, replacePlanLines, type StoredLine } from './plan-lines.queries.ts';
import { type Period, yearBefore } from './plan-period.ts';
import { type LoadedPlan, scopeUnitIds, totalsOf } from './plan-records.ts';
import { type PlanFigures, splitTopDown, withScenarios } from './plan-split.ts';
import { equalWeightMonths } from './plan-split-notes.ts';
import {
  buildPlanTree,
  directionOfGroup,
  identityOf,
  type LastYearFacts,
  type PlanLineDraft,
  type PlanPerson,
} from './plan-structure.ts';
import { SELLING_ROLES } from './plans.policy.ts';

// Writing a plan's tree: decomposing it afresh from the organisation, or re-spreading the
// stored tree when the plan's figures change. Callers have claimed the plan's next version.

export interface DecomposeOptions {
  methods?: Partial<Record<'structure' | 'directions' | 'channels', WeightMethod>>;
  /**
   * People outside the selling roles who carry plan. Undefined: everyone who carried plan in the
   * previous decomposition stays, as long as they still work in the scope.
   */
  extraReps?: readonly string[];
}

/** Reads the scope's people and last year's sales, builds the three trees and splits the plan down them. */
export async function decomposeFromStructure(ctx: Ctx, plan: LoadedPlan, options: DecomposeOptions): Promise<void> {
  const { tx, actor } = ctx;
  const { row, period, units } = plan;
  const previous = await findPlanLines(tx, actor.orgId, row.plan_id);
  const unitIds = scopeUnitIds(units, row.scope_unit_id);
  const extras = options.extraReps ?? previousExtras(previous);
  const rows = await findPlanPeople(tx, actor.orgId, { roles: SELLING_ROLES, userIds: extras, unitIds });
  const { time_zone: timeZone } = await tx
    .selectFrom('organizations')
    .select('time_zone')
    .where('org_id', '=', actor.orgId)
    .executeTakeFirstOrThrow();
  const people = rows.flatMap((person) => {
    const working = workingIn(person, period, timeZone);
    return working ? [working] : [];
  });
  if (options.extraReps) {
    options.extraReps.forEach((userId, i) => {
      if (!people.some((person) => person.id === userId)) {
        refuse(
          'rep_outside_scope',
          `Person ${userId} does not work in the plan's scope during its period`,
          `body.extraReps.${i}`,
        );
      }
    });
  }
  const window = { ...yearBefore(period), currency: row.currency, unitIds };
  const methods = options.methods ?? {};
  const lines = buildPlanTree({
    scopeUnitId: row.scope_unit_id,
    units,
    people,
    priorityGroups: await priorityGroups(ctx),
    facts: await lastYearFacts(ctx, window),
    existing: new Map(previous.map((line) => [identityOf(line), line])),
    methods: { structure: methods.structure, direction: methods.directions, channel: methods.channels },
    newId: randomUUID,
  });
  await respread(ctx, plan, lines);
}

/** Splits the plan down the given lines top-down and stores them. */
export async function respread(ctx: Ctx, plan: LoadedPlan, lines: readonly PlanLineDraft[]): Promise<void> {
  const calendar = await loadWorkCalendar(ctx.tx, ctx.actor.orgId);
  let figures: PlanFigures;
  try {
    figures = splitTopDown(lines, totalsOf(plan.row, plan.period), calendar);
  } catch (error) {
    throw namingTheTeam(error, plan, lines);
  }
  await storeLines(ctx, plan, lines, figures);
}

/**
 * A month nobody on a team works, refused by the split with the team's line id: a 422 with the
 * team's name and the month, so the head knows where to look (people to add, a leave day to check).
 */
function namingTheTeam(error: unknown, plan: LoadedPlan, lines: readonly PlanLineDraft[]): unknown {
  if (!(error instanceof PlanError) || error.code !== 'no_capacity') return error;
  const { id, month } = error.details;
  const line = lines.find((candidate) => candidate.id === id);
  if (!line || typeof month !== 'string') return error;
  const name = line.unitId === null ? null : (plan.units.get(line.unitId)?.name ?? null);
  const where = name === null ? 'the plan' : `"${name}"`;
  // The path names the unit and the month, so a client can say which (the line may be new).
  const path = line.unitId === null ? `structure.months.${month}` : `structure.units.${line.unitId}.months.${month}`;
  return unprocessable(`Nobody works in ${where} in ${month} to carry its plan`, [{ path, message: 'no_capacity' }]);
}

/** Line id → the months its split gave equal shares to the people present (see equalWeightMonths). */
export async function loadEqualWeightMonths(
  ctx: Ctx,
  plan: LoadedPlan,
  lines: readonly StoredLine[],
  figures: PlanFigures,
): Promise<Map<string, string[]>> {
  if (lines.length === 0) return new Map();
  const calendar = await loadWorkCalendar(ctx.tx, ctx.actor.orgId);
  return equalWeightMonths(lines, figures.realistic, plan.period.months, calendar);
}

/**
 * Keeps the realistic figures of the stored lines and lets the other scenarios, deals and margin
 * follow new totals and targets.
 */
export async function refollowScenarios(ctx: Ctx, plan: LoadedPlan): Promise<void> {
  const { lines, figures } = await loadTree(ctx, plan);
  await storeLines(ctx, plan, lines, withScenarios(lines, figures.realistic, totalsOf(plan.row, plan.period)));
}

export async function loadTree(ctx: Ctx, plan: LoadedPlan): Promise<{ lines: StoredLine[]; figures: PlanFigures }> {
  const { tx, actor } = ctx;
  return {
    lines: await findPlanLines(tx, actor.orgId, plan.row.plan_id),
    figures: await findPlanLineMonths(tx, actor.orgId, plan.row.plan_id, plan.period.months),
  };
}

export function storeLines(
  ctx: Ctx,
  plan: LoadedPlan,
  lines: readonly PlanLineDraft[],
  figures: PlanFigures,
): Promise<void> {
  return replacePlanLines(ctx.tx, ctx.actor.orgId, plan.row.plan_id, lines, figures, plan.period.months);
}

/** Reps of the previous decomposition who were added by hand (not in a selling role). */
function previousExtras(previous: readonly StoredLine[]): string[] {
  return previous.flatMap((line) => (line.isRep && line.userId !== null ? [line.userId] : []));
}

/**
 * The person as a member of the plan, if they work in its period: hired by its end and not
 * deactivated before it began. A deactivation during the period is their last day (the rest of
 * their plan passes to the team). Everyone found by role or by hand is checked the same way;
 * people found only because they were extras before and no longer qualify drop out.
 */
function workingIn(person: PlanPersonRow, period: Period, timeZone: string): PlanPerson | null {
  if (person.hire_date !== null && person.hire_date > period.end) return null;
  let leaveDay: string | null = null;
  if (!person.active) {
    if (person.deactivated_at === null) return null;
    leaveDay = localDay(person.deactivated_at, timeZone);
    if (leaveDay < period.start) return null;
    if (leaveDay > period.end) leaveDay = null;
  }
  return {
    id: person.user_id,
    fullName: person.full_name,
    unitId: person.unit_id,
    hireDay: person.hire_date,
    leaveDay,
  };
}

async function priorityGroups(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  const groups = await findProductGroups(ctx.tx, ctx.actor.orgId);
  return groups.filter((group) => group.is_priority).map((group) => ({ id: group.group_id, name: group.name }));
}

/** Last year's sales of the scope by owner, owner's unit, priority direction and channel. */
async function lastYearFacts(ctx: Ctx, window: SalesWindow): Promise<LastYearFacts> {
  const { tx, actor } = ctx;
  const byOwnerRows = await findRevenueByOwner(tx, actor.orgId, window);
  const byOwner = new Map<string, number>();
  const byOwnerUnit = new Map<string, number>();
  let total = 0;
  for (const row of byOwnerRows) {
    total += row.revenue_minor;
    if (row.owner_id !== null) byOwner.set(row.owner_id, (byOwner.get(row.owner_id) ?? 0) + row.revenue_minor);
    if (row.unit_id !== null) byOwnerUnit.set(row.unit_id, (byOwnerUnit.get(row.unit_id) ?? 0) + row.revenue_minor);
  }
  const groups = new Map(
    (await findProductGroups(tx, actor.orgId)).map((group) => [
      group.group_id,
      { parentId: group.parent_id, isPriority: group.is_priority },
    ]),
  );
  const byDirection = new Map<string, number>();
  for (const row of await findRevenueByProductGroup(tx, actor.orgId, window)) {
    const direction = directionOfGroup(row.group_id, groups);
    byDirection.set(direction, (byDirection.get(direction) ?? 0) + row.revenue_minor);
  }
  const byChannel = new Map<string, number>();
  for (const row of await findRevenueByChannel(tx, actor.orgId, window)) {
    if (row.channel !== null) byChannel.set(row.channel, row.revenue_minor);
  }
  return { total, byOwner, byOwnerUnit, byDirection, byChannel };
}
