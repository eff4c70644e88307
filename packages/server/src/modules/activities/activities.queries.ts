import type { ActivitiesQuery } from '@pulse/contracts';
import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { afterCursor, type KeysetSort, orderBy, sortKey } from '../../http/keyset.ts';
import type { Actor } from '../access/actor.ts';
import { ownerInScope } from '../access/record-scope.ts';

/**
 * Activities with the names the UI links by (performer, company, contact, lead, deal) and the
 * id of the next-step task, if one was created from the activity.
 */
export function selectActivities(tx: Tx, orgId: string) {
  return tx
    .selectFrom('activities as a')
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'a.org_id').onRef('u.user_id', '=', 'a.user_id'))
    .leftJoin('companies as co', (j) =>
      j.onRef('co.org_id', '=', 'a.org_id').onRef('co.company_id', '=', 'a.company_id'),
    )
    .leftJoin('contacts as ct', (j) =>
      j.onRef('ct.org_id', '=', 'a.org_id').onRef('ct.contact_id', '=', 'a.contact_id'),
    )
    .leftJoin('leads as l', (j) => j.onRef('l.org_id', '=', 'a.org_id').onRef('l.lead_id', '=', 'a.lead_id'))
    .leftJoin('deals as d', (j) => j.onRef('d.org_id', '=', 'a.org_id').onRef('d.deal_id', '=', 'a.deal_id'))
    .selectAll('a')
    .select([
      'u.full_name as user_name',
      'u.unit_id as user_unit_id',
      'co.name as company_name',
      'ct.full_name as contact_name',
      'l.title as lead_title',
      'd.title as deal_title',
      sql<string | null>`(SELECT t.task_id FROM tasks t
        WHERE t.org_id = a.org_id AND t.source_activity_id = a.activity_id
        ORDER BY t.created_at, t.task_id LIMIT 1)`.as('next_step_task_id'),
    ])
    .where('a.org_id', '=', orgId);
}

export type ActivityRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['executeTakeFirstOrThrow']>>;

export function getActivityRow(tx: Tx, orgId: string, activityId: string): Promise<ActivityRow | undefined> {
  return selectActivities(tx, orgId).where('a.activity_id', '=', activityId).executeTakeFirst();
}

const SORT_COLUMN = { occurredAt: 'a.occurred_at', createdAt: 'a.created_at' } as const;

/** A page of the activities in the actor's scope, after the keyset cursor, limit + 1 rows. */
export function findActivities(tx: Tx, actor: Actor, query: ActivitiesQuery) {
  const column = SORT_COLUMN[query.sort];
  const sort: KeysetSort = {
    expression: sql.ref(column),
    kind: 'timestamp',
    idColumn: 'a.activity_id',
    order: query.order,
  };
  let q = selectActivities(tx, actor.orgId)
    .select([sortKey(sort).as('sort_key'), 'a.activity_id as id_key'])
    .where(ownerInScope(actor, 'a.user_id'))
    .where(afterCursor(sort, query.cursor));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('a.subject', 'ilike', pattern), eb('a.body', 'ilike', pattern), eb('a.result', 'ilike', pattern)]),
    );
  }
  if (query.kind) q = q.where('a.kind', '=', query.kind);
  if (query.direction) q = q.where('a.direction', '=', query.direction);
  if (query.status) q = q.where('a.status', '=', query.status);
  if (query.userId) q = q.where('a.user_id', '=', query.userId);
  if (query.companyId) q = q.where('a.company_id', '=', query.companyId);
  if (query.contactId) q = q.where('a.contact_id', '=', query.contactId);
  if (query.leadId) q = q.where('a.lead_id', '=', query.leadId);
  if (query.dealId) q = q.where('a.deal_id', '=', query.dealId);
  if (query.from) q = q.where('a.occurred_at', '>=', new Date(query.from));
  if (query.to) q = q.where('a.occurred_at', '<', new Date(query.to));
  return q
    .orderBy(orderBy(sort))
    .limit(query.limit + 1)
    .execute();
}
