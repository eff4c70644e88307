import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';

// SQL of the PDCA cycle: cycles of a plan, the plan's month figures, actions with their tasks.

/** Creates the missing cycles of the given months (idempotent: one cycle per plan and month). */
export async function ensureCycles(tx: Tx, orgId: string, planId: string, monthStarts: string[]): Promise<void> {
  if (monthStarts.length === 0) return;
  await tx
    .insertInto('pdca_cycles')
    .values(monthStarts.map((month_start) => ({ org_id: orgId, plan_id: planId, month_start })))
    .onConflict((oc) => oc.columns(['org_id', 'plan_id', 'month_start']).doNothing())
    .execute();
}

const actionCount = sql<number>`(SELECT count(*)::int FROM pdca_actions a
  WHERE a.org_id = c.org_id AND a.cycle_id = c.cycle_id)`;
// The reps with goals for the month (0009_plan_goals, generated in the plans module).
const goalRepCount = sql<number>`(SELECT count(DISTINCT g.user_id)::int FROM plan_goals g
  WHERE g.org_id = c.org_id AND g.plan_id = c.plan_id AND g.month_start = c.month_start)`;

function selectCycles(tx: Tx, orgId: string) {
  return tx
    .selectFrom('pdca_cycles as c')
    .leftJoin('users as pa', (j) =>
      j.onRef('pa.org_id', '=', 'c.org_id').onRef('pa.user_id', '=', 'c.plan_approved_by'),
    )
    .leftJoin('users as gi', (j) => j.onRef('gi.org_id', '=', 'c.org_id').onRef('gi.user_id', '=', 'c.goals_issued_by'))
    .leftJoin('users as rv', (j) => j.onRef('rv.org_id', '=', 'c.org_id').onRef('rv.user_id', '=', 'c.reviewed_by'))
    .selectAll('c')
    .select([
      'pa.full_name as plan_approved_name',
      'gi.full_name as goals_issued_name',
      'rv.full_name as reviewed_name',
      actionCount.as('action_count'),
      goalRepCount.as('goal_rep_count'),
    ])
    .where('c.org_id', '=', orgId);
}
export type CycleRow = Awaited<ReturnType<ReturnType<typeof selectCycles>['executeTakeFirstOrThrow']>>;

/** A cycle's counts as a head who sees part of the plan sees them: of their units' people (and their own). */
export interface PartCounts {
  goalRepCount: number;
  actionCount: number;
}

/** {@link PartCounts} of each cycle of the plan, by cycle id. */
export async function findPartCounts(
  tx: Tx,
  orgId: string,
  planId: string,
  part: { unitIds: readonly string[]; userId: string },
): Promise<Map<string, PartCounts>> {
  const units = sql.val([...part.unitIds]);
  const rows = await tx
    .selectFrom('pdca_cycles as c')
    .select([
      'c.cycle_id',
      sql<number>`(SELECT count(DISTINCT g.user_id)::int FROM plan_goals g
        JOIN users u ON u.org_id = g.org_id AND u.user_id = g.user_id
        WHERE g.org_id = c.org_id AND g.plan_id = c.plan_id AND g.month_start = c.month_start
          AND (u.unit_id = ANY(${units}::uuid[]) OR g.user_id = ${part.userId}))`.as('goal_rep_count'),
      sql<number>`(SELECT count(*)::int FROM pdca_actions a
        JOIN users o ON o.org_id = a.org_id AND o.user_id = a.owner_id
        WHERE a.org_id = c.org_id AND a.cycle_id = c.cycle_id
          AND (o.unit_id = ANY(${units}::uuid[]) OR a.owner_id = ${part.userId}))`.as('action_count'),
    ])
    .where('c.org_id', '=', orgId)
    .where('c.plan_id', '=', planId)
    .execute();
  return new Map(
    rows.map((row) => [row.cycle_id, { goalRepCount: row.goal_rep_count, actionCount: row.action_count }]),
  );
}

export function findCycles(tx: Tx, orgId: string, planId: string): Promise<CycleRow[]> {
  return selectCycles(tx, orgId).where('c.plan_id', '=', planId).orderBy('c.month_start').execute();
}

export function getCycleRow(tx: Tx, orgId: string, cycleId: string): Promise<CycleRow | undefined> {
  return selectCycles(tx, orgId).where('c.cycle_id', '=', cycleId).executeTakeFirst();
}

/** Locks the cycle's row so two stage writes of one cycle run one after the other. */
export async function lockCycle(tx: Tx, orgId: string, cycleId: string): Promise<void> {
  await tx
    .selectFrom('pdca_cycles')
    .select('cycle_id')
    .where('org_id', '=', orgId)
    .where('cycle_id', '=', cycleId)
    .forUpdate()
    .execute();
}

export function getCycleOfMonth(tx: Tx, orgId: string, planId: string, monthStart: string) {
  return tx
    .selectFrom('pdca_cycles')
    .select('cycle_id')
    .where('org_id', '=', orgId)
    .where('plan_id', '=', planId)
    .where('month_start', '=', monthStart)
    .executeTakeFirst();
}

/** Every line of the plan with its realistic figure for the month, and the name it shows. */
export function findMonthLines(tx: Tx, orgId: string, planId: string, monthStart: string) {
  return tx
    .selectFrom('plan_lines as l')
    .innerJoin('plan_line_months as m', (j) =>
      j
        .onRef('m.org_id', '=', 'l.org_id')
        .onRef('m.plan_id', '=', 'l.plan_id')
        .onRef('m.plan_line_id', '=', 'l.plan_line_id'),
    )
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'l.org_id').onRef('u.user_id', '=', 'l.user_id'))
    .leftJoin('product_groups as g', (j) =>
      j.onRef('g.org_id', '=', 'l.org_id').onRef('g.group_id', '=', 'l.product_group_id'),
    )
    .select([
      'l.plan_line_id',
      'l.dimension',
      'l.kind',
      'l.parent_line_id',
      'l.unit_id',
      'l.user_id',
      'l.product_group_id',
      'l.channel',
      'u.full_name',
      'g.name as group_name',
      'm.realistic_minor',
    ])
    .where('l.org_id', '=', orgId)
    .where('l.plan_id', '=', planId)
    .where('m.month_start', '=', monthStart)
    .orderBy('l.position')
    .execute();
}
export type MonthLineRow = Awaited<ReturnType<typeof findMonthLines>>[number];

export function findUserNames(tx: Tx, orgId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('users')
    .select(['user_id', 'full_name'])
    .where('org_id', '=', orgId)
    .where('user_id', 'in', userIds)
    .execute();
}

function selectActions(tx: Tx, orgId: string) {
  return tx
    .selectFrom('pdca_actions as a')
    .innerJoin('tasks as t', (j) => j.onRef('t.org_id', '=', 'a.org_id').onRef('t.task_id', '=', 'a.task_id'))
    .innerJoin('users as o', (j) => j.onRef('o.org_id', '=', 'a.org_id').onRef('o.user_id', '=', 'a.owner_id'))
    .leftJoin('users as ch', (j) => j.onRef('ch.org_id', '=', 'a.org_id').onRef('ch.user_id', '=', 'a.checked_by'))
    .selectAll('a')
    .select([
      'o.full_name as owner_name',
      'o.unit_id as owner_unit_id',
      'ch.full_name as checked_name',
      't.status as task_status',
      't.due_at as task_due_at',
      't.completed_at as task_completed_at',
      't.version as task_version',
    ])
    .where('a.org_id', '=', orgId);
}
export type ActionRow = Awaited<ReturnType<ReturnType<typeof selectActions>['executeTakeFirstOrThrow']>>;

export function findActions(tx: Tx, orgId: string, cycleId: string): Promise<ActionRow[]> {
  return selectActions(tx, orgId)
    .where('a.cycle_id', '=', cycleId)
    .orderBy('a.created_at')
    .orderBy('a.action_id')
    .execute();
}

export function getActionRow(tx: Tx, orgId: string, actionId: string): Promise<ActionRow | undefined> {
  return selectActions(tx, orgId).where('a.action_id', '=', actionId).executeTakeFirst();
}
