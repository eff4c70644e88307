import type { Insertable, Updateable } from 'kysely';
import { type SqlBool, sql } from 'kysely';
import type { KpiTargetsTable } from '../../db/schema.ts';
import type { Tx } from '../../db/tenant.ts';
import { afterCursor, type KeysetSort, orderBy, sortKey } from '../../http/keyset.ts';

// SQL of KPI targets. numeric columns come back from pg as exact decimal strings: each row is
// turned into numbers here, so nothing above this file sees a string figure.

/** Who a list may show: everything, or the targets of these people and of these units. */
export type TargetVisibility = { all: true } | { all: false; userIds: string[]; unitIds: string[] };

function targetSelect(tx: Tx, orgId: string) {
  return tx
    .selectFrom('kpi_targets as t')
    .leftJoin('users as su', (j) => j.onRef('su.org_id', '=', 't.org_id').onRef('su.user_id', '=', 't.user_id'))
    .leftJoin('units as sn', (j) => j.onRef('sn.org_id', '=', 't.org_id').onRef('sn.unit_id', '=', 't.unit_id'))
    .innerJoin('users as cb', (j) => j.onRef('cb.org_id', '=', 't.org_id').onRef('cb.user_id', '=', 't.created_by'))
    .select([
      't.target_id',
      't.kpi_id',
      't.user_id',
      't.unit_id',
      't.grain',
      't.period_from',
      't.period_to',
      't.target',
      't.green_at',
      't.amber_at',
      't.source',
      't.goal_id',
      't.created_by',
      't.created_at',
      't.updated_at',
      't.version',
      'su.unit_id as subject_user_unit_id',
      sql<string>`coalesce(su.full_name, sn.name, '')`.as('subject_name'),
      'cb.full_name as created_by_name',
    ])
    .where('t.org_id', '=', orgId);
}

type RawTargetRow = Awaited<ReturnType<ReturnType<typeof targetSelect>['executeTakeFirstOrThrow']>>;

/** A target row with its figures as numbers. */
export type TargetRow = Omit<RawTargetRow, 'target' | 'green_at' | 'amber_at'> & {
  target: number;
  green_at: number;
  amber_at: number;
};

function parseRow<R extends RawTargetRow>(row: R): Omit<R, 'target' | 'green_at' | 'amber_at'> & TargetRow {
  return { ...row, target: Number(row.target), green_at: Number(row.green_at), amber_at: Number(row.amber_at) };
}

export async function getTargetRow(tx: Tx, orgId: string, targetId: string): Promise<TargetRow | null> {
  const row = await targetSelect(tx, orgId).where('t.target_id', '=', targetId).executeTakeFirst();
  return row ? parseRow(row) : null;
}

/** The list's filters, already checked against the caller's scope. */
export interface TargetFilter {
  visibility: TargetVisibility;
  userId?: string;
  /** People and units of a subtree: the unit's own targets and its people's. */
  subtree?: { unitIds: string[] };
  kpiId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** Targets, latest span first (keyset on period_from and id). */
export async function findTargetRows(tx: Tx, orgId: string, filter: TargetFilter) {
  const sort: KeysetSort = {
    expression: sql.ref('t.period_from'),
    kind: 'date',
    idColumn: 't.target_id',
    order: 'desc',
  };
  let query = targetSelect(tx, orgId).select([sortKey(sort).as('sort_key'), 't.target_id as id_key']);
  if (!filter.visibility.all) query = query.where(subjectIn(filter.visibility.userIds, filter.visibility.unitIds));
  if (filter.userId) query = query.where('t.user_id', '=', filter.userId);
  if (filter.subtree) {
    const unitIds = filter.subtree.unitIds;
    query = query.where(sql<SqlBool>`(t.unit_id = ANY(${unitIds}::uuid[]) OR su.unit_id = ANY(${unitIds}::uuid[]))`);
  }
  if (filter.kpiId) query = query.where('t.kpi_id', '=', filter.kpiId);
  if (filter.from) query = query.where('t.period_to', '>=', filter.from);
  if (filter.to) query = query.where('t.period_from', '<=', filter.to);
  const rows = await query
    .where(afterCursor(sort, filter.cursor))
    .orderBy(orderBy(sort))
    .limit(filter.limit + 1)
    .execute();
  return rows.map(parseRow);
}

function subjectIn(userIds: string[], unitIds: string[]) {
  return sql<SqlBool>`(t.user_id = ANY(${userIds}::uuid[]) OR t.unit_id = ANY(${unitIds}::uuid[]))`;
}

/** People of the organisation with their unit, for scope checks. */
export function findUsers(tx: Tx, orgId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('users')
    .select(['user_id', 'unit_id', 'active'])
    .where('org_id', '=', orgId)
    .where(sql<SqlBool>`user_id = ANY(${[...userIds]}::uuid[])`)
    .execute();
}

/** The people whose unit is one of these (active or not: their past targets stay theirs). */
export async function findUserIdsInUnits(tx: Tx, orgId: string, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await tx
    .selectFrom('users')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where(sql<SqlBool>`unit_id = ANY(${[...unitIds]}::uuid[])`)
    .execute();
  return rows.map((row) => row.user_id);
}

/**
 * Serialises writers of one KPI, subject and grain for the rest of the transaction, so two of
 * them cannot both find no overlap and then both insert.
 */
export async function lockSubjectKpi(
  tx: Tx,
  orgId: string,
  key: { kpiId: string; subjectId: string; grain: string },
): Promise<void> {
  const text = `kpi_targets:${orgId}:${key.kpiId}:${key.subjectId}:${key.grain}`;
  await sql`SELECT pg_advisory_xact_lock(hashtext(${text}))`.execute(tx);
}

/** Targets of the same KPI, subject and grain whose span shares a day with from…to. */
export async function findOverlappingTargets(
  tx: Tx,
  orgId: string,
  key: {
    kpiId: string;
    userId: string | null;
    unitId: string | null;
    grain: string;
    from: string;
    to: string;
    exceptId: string | null;
  },
) {
  let query = tx
    .selectFrom('kpi_targets')
    .select(['target_id', 'period_from', 'period_to', 'source'])
    .where('org_id', '=', orgId)
    .where('kpi_id', '=', key.kpiId)
    .where('grain', '=', key.grain)
    .where('period_from', '<=', key.to)
    .where('period_to', '>=', key.from);
  query = key.userId ? query.where('user_id', '=', key.userId) : query.where('unit_id', '=', key.unitId);
  if (key.exceptId) query = query.where('target_id', '!=', key.exceptId);
  return query.orderBy('period_from').execute();
}

export async function insertTarget(tx: Tx, values: Insertable<KpiTargetsTable>): Promise<string> {
  const row = await tx.insertInto('kpi_targets').values(values).returning('target_id').executeTakeFirstOrThrow();
  return row.target_id;
}

/** Writes the changes only if the target is still at `version`; false when it moved on. */
export async function updateTargetAtVersion(
  tx: Tx,
  orgId: string,
  targetId: string,
  version: number,
  changes: Omit<Updateable<KpiTargetsTable>, 'org_id' | 'target_id' | 'version'>,
): Promise<boolean> {
  const row = await tx
    .updateTable('kpi_targets')
    .set({ ...changes, version: version + 1 })
    .where('org_id', '=', orgId)
    .where('target_id', '=', targetId)
    .where('version', '=', version)
    .returning('target_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteTarget(tx: Tx, orgId: string, targetId: string): Promise<void> {
  await tx.deleteFrom('kpi_targets').where('org_id', '=', orgId).where('target_id', '=', targetId).execute();
}

/** The SMART goals of a month for these people, with the scope kind of each goal's plan. */
export function findMonthGoals(tx: Tx, orgId: string, monthStart: string, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('plan_goals as g')
    .innerJoin('plans as p', (j) => j.onRef('p.org_id', '=', 'g.org_id').onRef('p.plan_id', '=', 'g.plan_id'))
    .leftJoin('units as u', (j) => j.onRef('u.org_id', '=', 'p.org_id').onRef('u.unit_id', '=', 'p.scope_unit_id'))
    .innerJoin('users as gu', (j) => j.onRef('gu.org_id', '=', 'g.org_id').onRef('gu.user_id', '=', 'g.user_id'))
    .select([
      'g.goal_id',
      'g.user_id',
      'gu.full_name as user_name',
      'g.metric',
      'g.target',
      'u.kind as plan_scope_kind',
      sql<Date>`coalesce(g.adjusted_at, g.generated_at)`.as('changed_at'),
    ])
    .where('g.org_id', '=', orgId)
    .where('g.month_start', '=', monthStart)
    .where(sql<SqlBool>`g.user_id = ANY(${[...userIds]}::uuid[])`)
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, target: Number(row.target) })));
}

/** The goal targets of a month for these people (a goal target spans exactly its month). */
export async function findGoalTargetsOfMonth(
  tx: Tx,
  orgId: string,
  month: { from: string; to: string },
  userIds: readonly string[],
): Promise<TargetRow[]> {
  if (userIds.length === 0) return [];
  const rows = await targetSelect(tx, orgId)
    .where('t.source', '=', 'smart-goal')
    .where('t.period_from', '=', month.from)
    .where('t.period_to', '=', month.to)
    .where(sql<SqlBool>`t.user_id = ANY(${[...userIds]}::uuid[])`)
    .orderBy('t.user_id')
    .orderBy('t.kpi_id')
    .execute();
  return rows.map(parseRow);
}
