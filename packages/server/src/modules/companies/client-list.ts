import type { ClientLifecycle, CompanyChannel } from '@pulse/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { KeysetSort } from '../../http/keyset.ts';
import { type ClientSearch, clientSort, containsPattern } from './list-filters.ts';

// What the company list and the contact list share: the row's first phone and e-mail and its
// owner's unit, the keyset sort, `q` and the owner, company-attribute and archive filters.
// Each list keeps its own joins, scope (client-scope.ts) and lifecycle filter.

/** The filters of a client list (the contact list adds its company). */
export interface ClientListFilter extends ClientSearch {
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

/** Where a client list's query keeps what the shared parts read, as `alias.column`. */
export interface ClientListColumns {
  /** The listed record's alias and key. */
  alias: string;
  idColumn: 'company_id' | 'contact_id';
  /** The column sorted by as `name`. */
  name: string;
  /** Text columns `q` is found anywhere in. */
  texts: readonly string[];
  /** The INN an all-digit `q` is the start of. */
  inn: string;
  /** The alias of the company whose channel, region, segment and key-account flag are filtered. */
  company: string;
}

/** The first phone and e-mail of the record, and its owner's unit (for the edit policy). */
export function clientExtras(columns: ClientListColumns) {
  const ref = (column: string) => sql.ref(`${columns.alias}.${column}`);
  const ownerUnit = sql<string | null>`(SELECT u.unit_id FROM users u
    WHERE u.org_id = ${ref('org_id')} AND u.user_id = ${ref('owner_id')})`;
  return [
    sql<string | null>`(SELECT p.e164 FROM phones p WHERE ${ofRecord('p', columns)}
      ORDER BY p.position, p.phone_id LIMIT 1)`.as('first_phone'),
    sql<string | null>`(SELECT e.email FROM emails e WHERE ${ofRecord('e', columns)}
      ORDER BY e.position, e.email_id LIMIT 1)`.as('first_email'),
    ownerUnit.as('owner_unit_id'),
  ] as const;
}

/** The phone (`p`) or e-mail (`e`) row is the listed record's. */
function ofRecord(point: 'p' | 'e', { alias, idColumn }: ClientListColumns) {
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  return sql`${sql.ref(`${point}.org_id`)} = ${ref('org_id')} AND ${sql.ref(`${point}.${idColumn}`)} = ${ref(idColumn)}`;
}

/** The list's keyset sort, tiebroken by the record's id. */
export function clientListSort(columns: ClientListColumns, filter: ClientListFilter): KeysetSort {
  const { alias } = columns;
  return {
    ...clientSort(filter.sort, { name: columns.name, created: `${alias}.created_at`, updated: `${alias}.updated_at` }),
    idColumn: `${alias}.${columns.idColumn}`,
    order: filter.order,
  };
}

/** The conditions of `q` and of the owner, company-attribute and archive filters, each to AND. */
export function clientListConditions(columns: ClientListColumns, filter: ClientListFilter): Expression<SqlBool>[] {
  const ref = (column: string) => sql.ref(`${columns.alias}.${column}`);
  const company = (column: string) => sql.ref(`${columns.company}.${column}`);
  const conditions: Expression<SqlBool>[] = [];
  if (filter.q) conditions.push(searchCondition(columns, filter.q, filter));
  if (filter.ownerId === 'none') conditions.push(sql`${ref('owner_id')} IS NULL`);
  else if (filter.ownerId) conditions.push(sql`${ref('owner_id')} = ${filter.ownerId}`);
  if (filter.channel) conditions.push(sql`${company('channel')} = ${filter.channel}`);
  if (filter.region) conditions.push(sql`lower(${company('region')}) = ${filter.region.toLowerCase()}`);
  if (filter.segment) conditions.push(sql`lower(${company('segment')}) = ${filter.segment.toLowerCase()}`);
  if (filter.keyAccount) conditions.push(sql`${company('is_key_account')} = ${filter.keyAccount === 'true'}`);
  if (filter.archived !== 'all') {
    conditions.push(sql`${ref('archived_at')} ${sql.raw(filter.archived === 'true' ? 'IS NOT' : 'IS')} NULL`);
  }
  return conditions;
}

/** `q` in the text columns, as the start of the INN, in an e-mail, or as (part of) a phone. */
function searchCondition(columns: ClientListColumns, q: string, search: ClientSearch): Expression<SqlBool> {
  const pattern = containsPattern(q);
  const { phoneDigits, phoneE164, innPrefix } = search;
  const phoneMatches = [
    ...(phoneE164 ? [sql`p.e164 = ${phoneE164}`] : []),
    ...(phoneDigits ? [sql`p.e164 LIKE ${`%${phoneDigits}%`}`] : []),
  ];
  const branches = [
    ...columns.texts.map((column) => sql`${sql.ref(column)} ILIKE ${pattern}`),
    ...(innPrefix ? [sql`${sql.ref(columns.inn)} LIKE ${`${innPrefix}%`}`] : []),
    sql`EXISTS (SELECT e.email_id FROM emails e
      WHERE ${ofRecord('e', columns)} AND e.email LIKE ${pattern.toLowerCase()})`,
    ...(phoneMatches.length > 0
      ? [
          sql`EXISTS (SELECT p.phone_id FROM phones p
            WHERE ${ofRecord('p', columns)} AND (${sql.join(phoneMatches, sql` OR `)}))`,
        ]
      : []),
  ];
  return sql<SqlBool>`(${sql.join(branches, sql` OR `)})`;
}
