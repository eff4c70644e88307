import { type SqlBool, sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { afterCursor, type KeysetSort, orderBy, sortKey } from '../../http/keyset.ts';
import type { PlanUnit } from './plans.policy.ts';

function planSelect(tx: Tx, orgId: string) {
  return tx
    .selectFrom('plans as p')
    .leftJoin('units as su', (j) => j.onRef('su.org_id', '=', 'p.org_id').onRef('su.unit_id', '=', 'p.scope_unit_id'))
    .leftJoin('users as cb', (j) => j.onRef('cb.org_id', '=', 'p.org_id').onRef('cb.user_id', '=', 'p.created_by'))
    .leftJoin('users as ub', (j) => j.onRef('ub.org_id', '=', 'p.org_id').onRef('ub.user_id', '=', 'p.updated_by'))
    .leftJoin('users as ab', (j) => j.onRef('ab.org_id', '=', 'p.org_id').onRef('ab.user_id', '=', 'p.approved_by'))
    .selectAll('p')
    .select([
      'su.name as scope_unit_name',
      'su.kind as scope_unit_kind',
      'cb.full_name as created_by_name',
      'ub.full_name as updated_by_name',
      'ab.full_name as approved_by_name',
    ])
    .where('p.org_id', '=', orgId);
}
export type PlanRow = Awaited<ReturnType<typeof getPlanRow>> & {};

export function getPlanRow(tx: Tx, orgId: string, planId: string) {
  return planSelect(tx, orgId).where('p.plan_id', '=', planId).executeTakeFirst();
}

/** Which plans a list may show: all, or those of the organisation and of the given scope units. */
export type PlanVisibility = { all: true } | { all: false; unitIds: string[] };

/** Plans newest period first, a page at a time (keyset on period_start and id). */
export function findPlanRows(
  tx: Tx,
  orgId: string,
  filter: {
    visibility: PlanVisibility;
    status?: string;
    scopeUnitId?: string;
    year?: number;
    cursor?: string;
    limit: number;
  },
) {
  const sort: KeysetSort = {
    expression: sql.ref('p.period_start'),
    kind: 'date',
    idColumn: 'p.plan_id',
    order: 'desc',
  };
  let query = planSelect(tx, orgId).select([sortKey(sort).as('sort_key'), 'p.plan_id as id_key']);
  if (!filter.visibility.all) {
    const unitIds = filter.visibility.unitIds;
    query = query.where(sql<SqlBool>`(p.scope_unit_id IS NULL OR p.scope_unit_id = ANY(${unitIds}::uuid[]))`);
  }
  if (filter.status) query = query.where('p.status', '=', filter.status);
  if (filter.scopeUnitId) query = query.where('p.scope_unit_id', '=', filter.scopeUnitId);
  if (filter.year !== undefined) {
    query = query
      .where('p.period_start', '<=', `${filter.year}-12-31`)
      .where('p.period_end', '>=', `${filter.year}-01-01`);
  }
  return query
    .where(afterCursor(sort, filter.cursor))
    .orderBy(orderBy(sort))
    .limit(filter.limit + 1)
    .execute();
}

/** An approved plan of the same scope whose period overlaps the given one (other than `exceptPlanId`). */
export function findOverlappingApprovedPlan(
  tx: Tx,
  orgId: string,
  plan: { scopeUnitId: string | null; start: string; end: string; exceptPlanId: string | null },
) {
  let query = tx
    .selectFrom('plans')
    .select(['plan_id', 'name', 'period_start', 'period_end'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'approved')
    .where(sql<SqlBool>`scope_unit_id IS NOT DISTINCT FROM ${plan.scopeUnitId}::uuid`)
    .where('period_start', '<=', plan.end)
    .where('period_end', '>=', plan.start);
  if (plan.exceptPlanId) query = query.where('plan_id', '<>', plan.exceptPlanId);
  return query.executeTakeFirst();
}

/**
 * Serialises approvals of one scope, so two plans approved at once cannot both pass the overlap
 * check. Released when the transaction ends.
 */
export async function lockScopeForApproval(tx: Tx, orgId: string, scopeUnitId: string | null): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`pulse.plans:${orgId}:${scopeUnitId ?? 'organisation'}`}))`.execute(
    tx,
  );
}

export function findRevisionRows(tx: Tx, orgId: string, planId: string) {
  return tx
    .selectFrom('plan_revisions as r')
    .leftJoin('users as rb', (j) => j.onRef('rb.org_id', '=', 'r.org_id').onRef('rb.user_id', '=', 'r.revised_by'))
    .leftJoin('users as ab', (j) => j.onRef('ab.org_id', '=', 'r.org_id').onRef('ab.user_id', '=', 'r.reapproved_by'))
    .selectAll('r')
    .select(['rb.full_name as revised_by_name', 'ab.full_name as reapproved_by_name'])
    .where('r.org_id', '=', orgId)
    .where('r.plan_id', '=', planId)
    .orderBy('r.revision')
    .execute();
}
export type RevisionRow = Awaited<ReturnType<typeof findRevisionRows>>[number];

/** The organisation's units, by id. */
export async function loadPlanUnits(tx: Tx, orgId: string): Promise<Map<string, PlanUnit>> {
  const rows = await tx
    .selectFrom('units')
    .select(['unit_id', 'parent_id', 'name', 'kind'])
    .where('org_id', '=', orgId)
    .execute();
  return new Map(
    rows.map((row) => [
      row.unit_id,
      { id: row.unit_id, parentId: row.parent_id, name: row.name, kind: row.kind as PlanUnit['kind'] },
    ]),
  );
}

/** The organisation's currency, time zone and name. */
export function getOrgPlanSettings(tx: Tx, orgId: string) {
  return tx
    .selectFrom('organizations')
    .select(['currency', 'time_zone', 'name'])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
}
