import type { TasksQuery } from '@pulse/contracts';
import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { afterCursor, type KeysetSort, orderBy, sortKey } from '../../http/keyset.ts';
import type { Actor } from '../access/actor.ts';
import { ownerInScope } from '../access/record-scope.ts';

/** Tasks with the names the UI links by (assignee, company, contact, lead, deal). */
export function selectTasks(tx: Tx, orgId: string) {
  return tx
    .selectFrom('tasks as t')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 't.org_id').onRef('u.user_id', '=', 't.assignee_id'))
    .leftJoin('companies as co', (j) =>
      j.onRef('co.org_id', '=', 't.org_id').onRef('co.company_id', '=', 't.company_id'),
    )
    .leftJoin('contacts as ct', (j) =>
      j.onRef('ct.org_id', '=', 't.org_id').onRef('ct.contact_id', '=', 't.contact_id'),
    )
    .leftJoin('leads as l', (j) => j.onRef('l.org_id', '=', 't.org_id').onRef('l.lead_id', '=', 't.lead_id'))
    .leftJoin('deals as d', (j) => j.onRef('d.org_id', '=', 't.org_id').onRef('d.deal_id', '=', 't.deal_id'))
    .selectAll('t')
    .select([
      'u.full_name as assignee_name',
      'u.unit_id as assignee_unit_id',
      'co.name as company_name',
      'ct.full_name as contact_name',
      'l.title as lead_title',
      'd.title as deal_title',
    ])
    .where('t.org_id', '=', orgId);
}

export type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['executeTakeFirstOrThrow']>>;

export function getTaskRow(tx: Tx, orgId: string, taskId: string): Promise<TaskRow | undefined> {
  return selectTasks(tx, orgId).where('t.task_id', '=', taskId).executeTakeFirst();
}

const SORT_COLUMN = { dueAt: 't.due_at', createdAt: 't.created_at' } as const;

/** A page of the tasks in the actor's scope, after the keyset cursor, limit + 1 rows. */
export function findTasks(tx: Tx, actor: Actor, query: TasksQuery, now: Date) {
  const column = SORT_COLUMN[query.sort];
  const sort: KeysetSort = {
    expression: sql.ref(column),
    kind: 'timestamp',
    idColumn: 't.task_id',
    order: query.order,
  };
  let q = selectTasks(tx, actor.orgId)
    .select([sortKey(sort).as('sort_key'), 't.task_id as id_key'])
    .where(ownerInScope(actor, 't.assignee_id'))
    .where(afterCursor(sort, query.cursor));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('t.title', 'ilike', pattern), eb('t.description', 'ilike', pattern)]));
  }
  if (query.assigneeId) q = q.where('t.assignee_id', '=', query.assigneeId);
  if (query.status === 'not-cancelled') q = q.where('t.status', '<>', 'cancelled');
  else if (query.status) q = q.where('t.status', '=', query.status);
  if (query.overdue === 'true') q = q.where('t.status', '=', 'open').where('t.due_at', '<', now);
  if (query.overdue === 'false') q = q.where((eb) => eb.or([eb('t.status', '<>', 'open'), eb('t.due_at', '>=', now)]));
  if (query.dueFrom) q = q.where('t.due_at', '>=', new Date(query.dueFrom));
  if (query.dueTo) q = q.where('t.due_at', '<', new Date(query.dueTo));
  if (query.companyId) q = q.where('t.company_id', '=', query.companyId);
  if (query.contactId) q = q.where('t.contact_id', '=', query.contactId);
  if (query.leadId) q = q.where('t.lead_id', '=', query.leadId);
  if (query.dealId) q = q.where('t.deal_id', '=', query.dealId);
  return q
    .orderBy(orderBy(sort))
    .limit(query.limit + 1)
    .execute();
}
