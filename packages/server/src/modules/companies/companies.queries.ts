import type { ClientLifecycle, CompanyChannel } from '@pulse/contracts';
import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { afterCursor, type KeysetSort, orderBy, sortKey } from '../../http/keyset.ts';
import type { Actor } from '../access/actor.ts';
import { companyInScope } from './client-scope.ts';
import { type ClientSettings, lifecycleSql, purchaseHistory } from './client-settings.ts';
import { type ClientSearch, clientSort, containsPattern } from './list-filters.ts';

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
      sql<string | null>`(SELECT p.e164 FROM phones p WHERE p.org_id = c.org_id AND p.company_id = c.company_id
        ORDER BY p.position, p.phone_id LIMIT 1)`.as('first_phone'),
      sql<string | null>`(SELECT e.email FROM emails e WHERE e.org_id = c.org_id AND e.company_id = c.company_id
        ORDER BY e.position, e.email_id LIMIT 1)`.as('first_email'),
      sql<string | null>`(SELECT u.unit_id FROM users u WHERE u.org_id = c.org_id AND u.user_id = c.owner_id)`.as(
        'owner_unit_id',
      ),
    ]);
}

export type CompanyRow = NonNullable<Awaited<ReturnType<typeof getCompanyRow>>>;

/** One company the actor sees, or undefined (missing, another organisation's, or out of scope). */
export function getCompanyRow(tx: Tx, actor: Actor, settings: ClientSettings, companyId: string) {
  return selectCompanies(tx, actor, settings).where('c.company_id', '=', companyId).executeTakeFirst();
}

export interface CompanyFilter extends ClientSearch {
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

/** A page (limit + 1 rows) of the companies the actor sees, in keyset order. */
export function findCompanies(tx: Tx, actor: Actor, settings: ClientSettings, filter: CompanyFilter) {
  const sort: KeysetSort = {
    ...clientSort(filter.sort, { name: 'c.name', created: 'c.created_at', updated: 'c.updated_at' }),
    idColumn: 'c.company_id',
    order: filter.order,
  };
  let query = selectCompanies(tx, actor, settings)
    .select([sortKey(sort).as('sort_key'), 'c.company_id as id_key'])
    .where(afterCursor(sort, filter.cursor));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const { phoneDigits, phoneE164, innPrefix } = filter;
    query = query.where((eb) =>
      eb.or([
        eb('c.name', 'ilike', pattern),
        eb('c.legal_name', 'ilike', pattern),
        ...(innPrefix ? [eb('c.inn', 'like', `${innPrefix}%`)] : []),
        eb.exists(
          eb
            .selectFrom('emails as e')
            .select('e.email_id')
            .whereRef('e.org_id', '=', 'c.org_id')
            .whereRef('e.company_id', '=', 'c.company_id')
            .where('e.email', 'like', pattern.toLowerCase()),
        ),
        ...(phoneDigits || phoneE164
          ? [
              eb.exists(
                eb
                  .selectFrom('phones as p')
                  .select('p.phone_id')
                  .whereRef('p.org_id', '=', 'c.org_id')
                  .whereRef('p.company_id', '=', 'c.company_id')
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
  if (filter.ownerId === 'none') query = query.where('c.owner_id', 'is', null);
  else if (filter.ownerId) query = query.where('c.owner_id', '=', filter.ownerId);
  if (filter.channel) query = query.where('c.channel', '=', filter.channel);
  if (filter.region) query = query.where(sql`lower(c.region)`, '=', filter.region.toLowerCase());
  if (filter.segment) query = query.where(sql`lower(c.segment)`, '=', filter.segment.toLowerCase());
  if (filter.keyAccount) query = query.where('c.is_key_account', '=', filter.keyAccount === 'true');
  if (filter.lifecycle) query = query.where(lifecycleSql(settings, 'ls'), '=', filter.lifecycle);
  if (filter.archived !== 'all') {
    query = query.where('c.archived_at', filter.archived === 'true' ? 'is not' : 'is', null);
  }
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
