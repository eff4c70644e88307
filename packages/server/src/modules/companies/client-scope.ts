import { type Expression, type SqlBool, sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { ownerInScope } from '../access/record-scope.ts';

// Two shapes of the same rule, chosen by how much the actor sees, because a list page walks an
// index in sort order and checks the rule on each row until it has 50:
// - a line salesperson ('own') sees few records: their deals' companies and contacts are a small
//   set, read once through deals_owner_idx and hashed;
// - a head ('subtree') sees a large share: each row is checked with an index probe. `OFFSET 0`
//   keeps PostgreSQL from turning the EXISTS into one hashed scan of every deal of the
//   organisation on every page (measured on dataset M: 3× slower for a head's contacts page).

/**
 * Which companies the actor sees, as a SQL condition on the alias `c`: those whose owner is in
 * scope (record-scope.ts: own for line staff, subtree and unowned for heads, all for
 * organisation-wide roles), plus those with a deal the actor may see — a salesperson working a
 * deal needs its client.
 */
export function companyInScope(actor: Actor, alias = 'c'): Expression<SqlBool> {
  if (actor.scope.kind === 'organisation') return sql<SqlBool>`true`;
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  if (actor.scope.kind === 'own') {
    return sql<SqlBool>`(${ref('owner_id')} = ${actor.userId} OR ${ref('company_id')} IN (
      ${companiesOfOwnDeals(actor)}))`;
  }
  return sql<SqlBool>`(${ownerInScope(actor, `${alias}.owner_id`)} OR EXISTS (
    SELECT 1 FROM deals scope_deal
    WHERE scope_deal.org_id = ${ref('org_id')} AND scope_deal.company_id = ${ref('company_id')}
      AND ${ownerInScope(actor, 'scope_deal.owner_id')} OFFSET 0))`;
}

/**
 * Which contacts the actor sees, on the alias `ct`: by owner as above, those with a deal in
 * scope, and the contacts of every company the actor sees (a company's page lists its people).
 */
export function contactInScope(actor: Actor, alias = 'ct'): Expression<SqlBool> {
  if (actor.scope.kind === 'organisation') return sql<SqlBool>`true`;
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  if (actor.scope.kind === 'own') {
    return sql<SqlBool>`(${ref('owner_id')} = ${actor.userId}
      OR ${ref('contact_id')} IN (SELECT own_deal.contact_id FROM deals own_deal
        WHERE own_deal.org_id = ${actor.orgId} AND own_deal.owner_id = ${actor.userId})
      OR ${ref('company_id')} IN (SELECT own_company.company_id FROM companies own_company
        WHERE own_company.org_id = ${actor.orgId} AND own_company.owner_id = ${actor.userId}
        UNION ALL ${companiesOfOwnDeals(actor)}))`;
  }
  return sql<SqlBool>`(${ownerInScope(actor, `${alias}.owner_id`)} OR EXISTS (
    SELECT 1 FROM deals scope_deal
    WHERE scope_deal.org_id = ${ref('org_id')} AND scope_deal.contact_id = ${ref('contact_id')}
      AND ${ownerInScope(actor, 'scope_deal.owner_id')} OFFSET 0
  ) OR EXISTS (
    SELECT 1 FROM companies scope_company
    WHERE scope_company.org_id = ${ref('org_id')} AND scope_company.company_id = ${ref('company_id')}
      AND ${companyInScope(actor, 'scope_company')} OFFSET 0))`;
}

function companiesOfOwnDeals(actor: Actor) {
  return sql`SELECT own_deal.company_id FROM deals own_deal
    WHERE own_deal.org_id = ${actor.orgId} AND own_deal.owner_id = ${actor.userId}`;
}
