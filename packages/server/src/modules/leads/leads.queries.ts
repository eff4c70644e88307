import type { LeadSource, LeadStatus } from '@pulse/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { afterCursor, type KeysetSort, orderBy, sortKey } from '../../http/keyset.ts';
import type { Actor } from '../access/actor.ts';

/** Statuses in which a lead still waits for a person to answer it. */
export const WAITING_STATUSES = ['new', 'working', 'qualified', 'handed_off'] as const;

/** A lead with the names and current units of the people it points to. */
function selectLeads(tx: Tx, orgId: string) {
  return tx
    .selectFrom('leads as l')
    .leftJoin('users as cu', (j) => j.onRef('cu.org_id', '=', 'l.org_id').onRef('cu.user_id', '=', 'l.created_by'))
    .leftJoin('users as qu', (j) => j.onRef('qu.org_id', '=', 'l.org_id').onRef('qu.user_id', '=', 'l.qualifier_id'))
    .leftJoin('users as au', (j) => j.onRef('au.org_id', '=', 'l.org_id').onRef('au.user_id', '=', 'l.assignee_id'))
    .selectAll('l')
    .select([
      'cu.full_name as created_by_name',
      'cu.unit_id as created_by_unit_id',
      'qu.full_name as qualifier_name',
      'qu.unit_id as qualifier_unit_id',
      'au.full_name as assignee_name',
      'au.unit_id as assignee_unit_id',
    ])
    .where('l.org_id', '=', orgId);
}

export type LeadRow = Awaited<ReturnType<ReturnType<typeof selectLeads>['executeTakeFirstOrThrow']>>;

export function getLeadRow(tx: Tx, orgId: string, leadId: string): Promise<LeadRow | undefined> {
  return selectLeads(tx, orgId).where('l.lead_id', '=', leadId).executeTakeFirst();
}

/**
 * The list's scope as SQL, the same rule as `canViewLead`: a party to the lead, or (for a head)
 * the lead's unit or one of its people's units inside the head's subtree.
 */
function leadInScope(actor: Actor): Expression<SqlBool> {
  if (actor.scope.kind === 'organisation') return sql<SqlBool>`true`;
  const party = sql<SqlBool>`(l.created_by = ${actor.userId} OR l.qualifier_id = ${actor.userId}
    OR l.assignee_id = ${actor.userId})`;
  if (actor.scope.kind === 'own') return party;
  const units = actor.scope.unitIds;
  return sql<SqlBool>`(${party} OR l.unit_id = ANY(${units}::uuid[]) OR cu.unit_id = ANY(${units}::uuid[])
    OR qu.unit_id = ANY(${units}::uuid[]) OR au.unit_id = ANY(${units}::uuid[]))`;
}

export interface LeadFilter {
  q?: string;
  status?: LeadStatus;
  source?: LeadSource;
  assigneeId?: string;
  qualifierId?: string;
  /** COALESCE(assignee, qualifier): the person the KPIs credit the lead to. */
  takerId?: string;
  unitId?: string;
  /** Untouched open leads that arrived before this instant have waited beyond the target. */
  overdueBefore?: Date | null;
  arrivedFrom?: string;
  arrivedTo?: string;
  handedOffFrom?: string;
  handedOffTo?: string;
  touchedFrom?: string;
  touchedTo?: string;
  /** Digits of `q`, matched inside stored phone numbers. */
  phoneDigits?: string;
  /** `q` read as a phone number, matched exactly. */
  phoneE164?: string;
  sort: 'arrived' | 'updated';
  order: 'asc' | 'desc';
  cursor?: string;
  limit: number;
}

/** A page (limit + 1 rows) of the leads the actor may see, in keyset order. */
export async function findLeads(tx: Tx, actor: Actor, filter: LeadFilter) {
  const sort: KeysetSort = {
    expression: sql.ref(filter.sort === 'updated' ? 'l.updated_at' : 'l.arrived_at'),
    kind: 'timestamp',
    idColumn: 'l.lead_id',
    order: filter.order,
  };
  let query = selectLeads(tx, actor.orgId)
    .select([sortKey(sort).as('sort_key'), 'l.lead_id as id_key'])
    .where(leadInScope(actor))
    .where(afterCursor(sort, filter.cursor));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const { phoneDigits, phoneE164 } = filter;
    query = query.where((eb) =>
      eb.or([
        eb('l.title', 'ilike', pattern),
        eb('l.company_name', 'ilike', pattern),
        eb('l.contact_name', 'ilike', pattern),
        eb('l.email', 'ilike', pattern),
        ...(phoneDigits ? [eb('l.phone_e164', 'like', `%${phoneDigits}%`)] : []),
        ...(phoneE164 ? [eb('l.phone_e164', '=', phoneE164)] : []),
      ]),
    );
  }
  if (filter.status) query = query.where('l.status', '=', filter.status);
  if (filter.source) query = query.where('l.source', '=', filter.source);
  if (filter.assigneeId) query = query.where('l.assignee_id', '=', filter.assigneeId);
  if (filter.qualifierId) query = query.where('l.qualifier_id', '=', filter.qualifierId);
  // Written as the expression of leads_taker_arrived_idx so the index serves it.
  if (filter.takerId) query = query.where(sql<string>`COALESCE(l.assignee_id, l.qualifier_id)`, '=', filter.takerId);
  if (filter.unitId) query = query.where('l.unit_id', '=', filter.unitId);
  if (filter.arrivedFrom) query = query.where('l.arrived_at', '>=', new Date(filter.arrivedFrom));
  if (filter.arrivedTo) query = query.where('l.arrived_at', '<', new Date(filter.arrivedTo));
  if (filter.handedOffFrom) query = query.where('l.handed_off_at', '>=', new Date(filter.handedOffFrom));
  if (filter.handedOffTo) query = query.where('l.handed_off_at', '<', new Date(filter.handedOffTo));
  if (filter.touchedFrom) query = query.where('l.first_touch_at', '>=', new Date(filter.touchedFrom));
  if (filter.touchedTo) query = query.where('l.first_touch_at', '<', new Date(filter.touchedTo));
  if (filter.overdueBefore !== undefined) {
    const before = filter.overdueBefore;
    // null: the target cannot have been exceeded by any lead yet.
    if (before === null) return [];
    query = query
      .where('l.first_touch_at', 'is', null)
      .where('l.status', 'in', [...WAITING_STATUSES])
      .where('l.arrived_at', '<', before);
  }
  return query
    .orderBy(orderBy(sort))
    .limit(filter.limit + 1)
    .execute();
}

/** The organisation's response target and country (the default region for phone numbers). */
export function getLeadSettings(tx: Tx, orgId: string) {
  return tx
    .selectFrom('organizations')
    .select(['response_target_minutes', 'country', 'currency'])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
}

export function findQualificationCriteria(tx: Tx, orgId: string) {
  return tx
    .selectFrom('qualification_criteria')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('position')
    .orderBy('code')
    .execute();
}

/** A user the lead may point to, with what assignment rules need. */
export function getPersonRow(tx: Tx, orgId: string, userId: string) {
  return tx
    .selectFrom('users')
    .select(['user_id', 'unit_id', 'role', 'active'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function unitExists(tx: Tx, orgId: string, unitId: string): Promise<boolean> {
  return tx
    .selectFrom('units')
    .select('unit_id')
    .where('org_id', '=', orgId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst()
    .then(Boolean);
}
