import { type Expression, type SqlBool, sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { ownerInScope } from '../access/record-scope.ts';

/**
 * Which companies the actor sees, as a SQL condition on the alias `c`: those whose owner is in
 * scope (record-scope.ts: own for line staff, subtree and unowned for heads, all for
 * organisation-wide roles), plus those with a deal the actor may see — a salesperson working a
 * deal needs its client.
 */
export function companyInScope(actor: Actor, alias = 'c'): Expression<SqlBool> {
  if (actor.scope.kind === 'organisation') return sql<SqlBool>`true`;
  return sql<SqlBool>`(${ownerInScope(actor, `${alias}.owner_id`)} OR EXISTS (
    SELECT 1 FROM deals scope_deal
    WHERE scope_deal.org_id = ${sql.ref(`${alias}.org_id`)} AND scope_deal.company_id = ${sql.ref(`${alias}.company_id`)}
      AND ${ownerInScope(actor, 'scope_deal.owner_id')}))`;
}

/**
 * Which contacts the actor sees, on the alias `ct`: by owner as above, those with a deal in
 * scope, and the contacts of every company the actor sees (a company's page lists its people).
 */
export function contactInScope(actor: Actor, alias = 'ct'): Expression<SqlBool> {
  if (actor.scope.kind === 'organisation') return sql<SqlBool>`true`;
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  return sql<SqlBool>`(${ownerInScope(actor, `${alias}.owner_id`)} OR EXISTS (
    SELECT 1 FROM deals scope_deal
    WHERE scope_deal.org_id = ${ref('org_id')} AND scope_deal.contact_id = ${ref('contact_id')}
      AND ${ownerInScope(actor, 'scope_deal.owner_id')}
  ) OR EXISTS (
    SELECT 1 FROM companies scope_company
    WHERE scope_company.org_id = ${ref('org_id')} AND scope_company.company_id = ${ref('company_id')}
      AND ${companyInScope(actor, 'scope_company')}))`;
}
