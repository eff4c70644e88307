import type { ClientLifecycle, CompanyChannel } from '@pulse/contracts';
import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { afterCursor, type KeysetSort, orderBy, sortKey } from '../../http/keyset.ts';
import type { Actor } from '../access/actor.ts';
import { contactInScope } from './client-scope.ts';
import { type ClientSettings, lifecycleSql, purchaseHistory } from './client-settings.ts';
import { type ClientSearch, clientSort, containsPattern } from './list-filters.ts';

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
      sql<string | null>`(SELECT p.e164 FROM phones p WHERE p.org_id = ct.org_id AND p.contact_id = ct.contact_id
        ORDER BY p.position, p.phone_id LIMIT 1)`.as('first_phone'),
      sql<string | null>`(SELECT e.email FROM emails e WHERE e.org_id = ct.org_id AND e.contact_id = ct.contact_id
        ORDER BY e.position, e.email_id LIMIT 1)`.as('first_email'),
      sql<string | null>`(SELECT u.unit_id FROM users u WHERE u.org_id = ct.org_id AND u.user_id = ct.owner_id)`.as(
        'owner_unit_id',
      ),
    ]);
}

export type ContactRow = NonNullable<Awaited<ReturnType<typeof getContactRow>>>;

/** One contact the actor sees, or undefined (missing, another organisation's, or out of scope). */
export function getContactRow(tx: Tx, actor: Actor, settings: ClientSettings, contactId: string) {
  return selectContacts(tx, actor, settings).where('ct.contact_id', '=', contactId).executeTakeFirst();
}

export interface ContactFilter extends ClientSearch {
  companyId?: string;
  ownerId?: string;
  channel?: CompanyChannel;
  region?: string;
  segment?: string;
  lifecycle?: ClientLifecycle;
  keyAccount?: 'true' | 'false';
  archived: 'true' | 'false' | 'all';
  sort: 'name' | 'created' | 'updated';
  order: 'asc' | 'desc';
  cursor?: string;
  limit: number;
}

/**
 * A page (limit + 1 rows) of the contacts the actor sees. `q` matches the person's name,
 * position, phone and e-mail, and their company's name and INN; company filters (channel,
 * region, segment, key account, lifecycle) apply through the company.
 */
export function findContacts(tx: Tx, actor: Actor, settings: ClientSettings, filter: ContactFilter) {
  const sort: KeysetSort = {
    ...clientSort(filter.sort, {
      name: 'ct.full_name',
      created: 'ct.created_at',
      updated: 'ct.updated_at',
    }),
    idColumn: 'ct.contact_id',
    order: filter.order,
  };
  let query = selectContacts(tx, actor, settings)
    .select([sortKey(sort).as('sort_key'), 'ct.contact_id as id_key'])
    .where(afterCursor(sort, filter.cursor));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const { phoneDigits, phoneE164, innPrefix } = filter;
    query = query.where((eb) =>
      eb.or([
        eb('ct.full_name', 'ilike', pattern),
        eb('ct.position', 'ilike', pattern),
        eb('co.name', 'ilike', pattern),
        ...(innPrefix ? [eb('co.inn', 'like', `${innPrefix}%`)] : []),
        eb.exists(
          eb
            .selectFrom('emails as e')
            .select('e.email_id')
            .whereRef('e.org_id', '=', 'ct.org_id')
            .whereRef('e.contact_id', '=', 'ct.contact_id')
            .where('e.email', 'like', pattern.toLowerCase()),
        ),
        ...(phoneDigits || phoneE164
          ? [
              eb.exists(
                eb
                  .selectFrom('phones as p')
                  .select('p.phone_id')
                  .whereRef('p.org_id', '=', 'ct.org_id')
                  .whereRef('p.contact_id', '=', 'ct.contact_id')
                  .where((inner) =>
                    inner.or([
                      ...(phoneE164 ? [inner('p.e164', '=', phoneE164)] : []),
                      ...(phoneDigits ? [inner('p.e164', 'like', `%${phoneDigits}%`)] : []),
                    ]),
                  ),
              ),
            ]
          : []),
      ]),
    );
  }
  if (filter.companyId) query = query.where('ct.company_id', '=', filter.companyId);
  if (filter.ownerId === 'none') query = query.where('ct.owner_id', 'is', null);
  else if (filter.ownerId) query = query.where('ct.owner_id', '=', filter.ownerId);
  if (filter.channel) query = query.where('co.channel', '=', filter.channel);
  if (filter.region) query = query.where(sql`lower(co.region)`, '=', filter.region.toLowerCase());
  if (filter.segment) query = query.where(sql`lower(co.segment)`, '=', filter.segment.toLowerCase());
  if (filter.keyAccount) query = query.where('co.is_key_account', '=', filter.keyAccount === 'true');
  if (filter.lifecycle) {
    query = query.where('ct.company_id', 'is not', null).where(lifecycleSql(settings, 'ls'), '=', filter.lifecycle);
  }
  if (filter.archived !== 'all') {
    query = query.where('ct.archived_at', filter.archived === 'true' ? 'is not' : 'is', null);
  }
  return query
    .orderBy(orderBy(sort))
    .limit(filter.limit + 1)
    .execute();
}
