import type { ClientLifecycle } from '@pulse/contracts';
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
import { contactInScope } from './client-scope.ts';
import { type ClientSettings, lifecycleSql, purchaseHistory } from './client-settings.ts';

/** How the shared list parts (client-list.ts) find a contact's columns; company filters go through `co`. */
const CONTACT_LIST: ClientListColumns = {
  alias: 'ct',
  idColumn: 'contact_id',
  name: 'ct.full_name',
  texts: ['ct.full_name', 'ct.position', 'co.name'],
  inn: 'co.inn',
  company: 'co',
};

/** Contacts the actor sees, with their company's name and lifecycle, first phone and e-mail. */
export function selectContacts(tx: Tx, actor: Actor, settings: ClientSettings) {
  return tx
    .selectFrom('contacts as ct')
    .leftJoin('companies as co', (join) =>
      join.onRef('co.org_id', '=', 'ct.org_id').onRef('co.company_id', '=', 'ct.company_id'),
    )
    .innerJoinLateral(purchaseHistory(settings, 'ct.company_id', 'ct.org_id').as('ls'), (join) => join.onTrue())
    .where('ct.org_id', '=', actor.orgId)
    .where(contactInScope(actor, 'ct'))
    .selectAll('ct')
    .select([
      'co.name as company_name',
      sql<ClientLifecycle | null>`CASE WHEN ct.company_id IS NULL THEN NULL ELSE ${lifecycleSql(settings, 'ls')} END`.as(
        'lifecycle',
      ),
      ...clientExtras(CONTACT_LIST),
    ]);
}

export type ContactRow = NonNullable<Awaited<ReturnType<typeof getContactRow>>>;

/** One contact the actor sees, or undefined (missing, another organisation's, or out of scope). */
export function getContactRow(tx: Tx, actor: Actor, settings: ClientSettings, contactId: string) {
  return selectContacts(tx, actor, settings).where('ct.contact_id', '=', contactId).executeTakeFirst();
}

export interface ContactFilter extends ClientListFilter {
  companyId?: string;
}

/**
 * A page (limit + 1 rows) of the contacts the actor sees. `q` matches the person's name,
 * position, phone and e-mail, and their company's name and INN; company filters (channel,
 * region, segment, key account, lifecycle) apply through the company.
 */
export function findContacts(tx: Tx, actor: Actor, settings: ClientSettings, filter: ContactFilter) {
  const sort = clientListSort(CONTACT_LIST, filter);
  let query = selectContacts(tx, actor, settings)
    .select([sortKey(sort).as('sort_key'), 'ct.contact_id as id_key'])
    .where(afterCursor(sort, filter.cursor));
  for (const condition of clientListConditions(CONTACT_LIST, filter)) query = query.where(condition);
  if (filter.companyId) query = query.where('ct.company_id', '=', filter.companyId);
  if (filter.lifecycle) {
    query = query.where('ct.company_id', 'is not', null).where(lifecycleSql(settings, 'ls'), '=', filter.lifecycle);
  }
  return query
    .orderBy(orderBy(sort))
    .limit(filter.limit + 1)
    .execute();
}
