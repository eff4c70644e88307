import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { afterCursor, orderBy, sortKey } from '../../http/keyset.ts';
import type { Actor } from '../access/actor.ts';
import {
  type ClientListColumns,
  type ClientListFilter,
  clientExtras,
  clientListConditions,
  clientListSort,
} from './client-list.ts';
import { companyInScope } from './client-scope.ts';
import { type ClientSettings, lifecycleSql, purchaseHistory } from './client-settings.ts';

/** How the shared list parts (client-list.ts) find a company's columns. */
const COMPANY_LIST: ClientListColumns = {
  alias: 'c',
  idColumn: 'company_id',
  name: 'c.name',
  texts: ['c.name', 'c.legal_name'],
  inn: 'c.inn',
  company: 'c',
};

/** Companies the actor sees, with lifecycle, first phone and e-mail, and the owner's unit. */
export function selectCompanies(tx: Tx, actor: Actor, settings: ClientSettings) {
  return tx
    .selectFrom('companies as c')
    .innerJoinLateral(purchaseHistory(settings, 'c.company_id', 'c.org_id').as('ls'), (join) => join.onTrue())
    .where('c.org_id', '=', actor.orgId)
    .where(companyInScope(actor, 'c'))
    .selectAll('c')
    .select([
      lifecycleSql(settings, 'ls').as('lifecycle'),
      sql<string | null>`ls.last_day::text`.as('last_day'),
      ...clientExtras(COMPANY_LIST),
    ]);
}

export type CompanyRow = NonNullable<Awaited<ReturnType<typeof getCompanyRow>>>;

/** One company the actor sees, or undefined (missing, another organisation's, or out of scope). */
export function getCompanyRow(tx: Tx, actor: Actor, settings: ClientSettings, companyId: string) {
  return selectCompanies(tx, actor, settings).where('c.company_id', '=', companyId).executeTakeFirst();
}

export type CompanyFilter = ClientListFilter;

/** A page (limit + 1 rows) of the companies the actor sees, in keyset order. */
export function findCompanies(tx: Tx, actor: Actor, settings: ClientSettings, filter: CompanyFilter) {
  const sort = clientListSort(COMPANY_LIST, filter);
  let query = selectCompanies(tx, actor, settings)
    .select([sortKey(sort).as('sort_key'), 'c.company_id as id_key'])
    .where(afterCursor(sort, filter.cursor));
  for (const condition of clientListConditions(COMPANY_LIST, filter)) query = query.where(condition);
  if (filter.lifecycle) query = query.where(lifecycleSql(settings, 'ls'), '=', filter.lifecycle);
  return query
    .orderBy(orderBy(sort))
    .limit(filter.limit + 1)
    .execute();
}

/** The contacts of a company for its page (not those merged away), archived last. */
export function findCompanyContacts(tx: Tx, orgId: string, companyId: string) {
  return tx
    .selectFrom('contacts')
    .select(['contact_id', 'full_name', 'position', 'is_decision_maker', 'archived_at'])
    .where('org_id', '=', orgId)
    .where('company_id', '=', companyId)
    .where('merged_into_id', 'is', null)
    .orderBy(sql`archived_at IS NOT NULL`)
    .orderBy(sql`lower(full_name)`)
    .orderBy('contact_id')
    .execute();
}

/** Open deals of a company or contact. */
export async function countOpenDeals(tx: Tx, orgId: string, link: { companyId: string } | { contactId: string }) {
  const [column, id] =
    'companyId' in link ? (['company_id', link.companyId] as const) : (['contact_id', link.contactId] as const);
  const row = await tx
    .selectFrom('deals')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', orgId)
    .where(column, '=', id)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return row.n;
}
