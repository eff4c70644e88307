import { type Expression, type SqlBool, sql } from 'kysely';
import type { Actor } from './actor.ts';

/**
 * Whether the actor may see a record owned by `ownerId` (a deal, company, task…): everything for
 * organisation-wide roles; for a head, records owned by people of their subtree; for line staff,
 * their own records. Unowned records are visible to heads and above only.
 */
export function canViewOwnedBy(actor: Actor, owner: { ownerId: string | null; ownerUnitId: string | null }): boolean {
  if (actor.scope.kind === 'organisation') return true;
  if (owner.ownerId !== null && owner.ownerId === actor.userId) return true;
  if (actor.scope.kind === 'own') return false;
  if (owner.ownerId === null) return true;
  return owner.ownerUnitId !== null && actor.scope.unitIds.includes(owner.ownerUnitId);
}

/**
 * The same rule as a SQL condition on an owner column, for lists: `.where(ownerInScope(actor, 'd.owner_id'))`.
 * Uses the users table to find who belongs to the actor's units.
 */
export function ownerInScope(actor: Actor, ownerColumn: string): Expression<SqlBool> {
  const owner = sql.ref(ownerColumn);
  if (actor.scope.kind === 'organisation') return sql<SqlBool>`true`;
  if (actor.scope.kind === 'own') return sql<SqlBool>`${owner} = ${actor.userId}`;
  const unitIds = actor.scope.unitIds;
  return sql<SqlBool>`(${owner} IS NULL OR ${owner} = ${actor.userId} OR ${owner} IN (
    SELECT scope_user.user_id FROM users scope_user
    WHERE scope_user.org_id = ${actor.orgId} AND scope_user.unit_id = ANY(${unitIds}::uuid[])))`;
}

/** The user ids in the actor's scope (themselves for line staff), for checks such as "assign to". */
export function isAssignableBy(
  actor: Actor,
  target: { userId: string; unitId: string | null; active: boolean },
): boolean {
  if (!target.active) return false;
  if (actor.scope.kind === 'organisation') return true;
  if (target.userId === actor.userId) return true;
  if (actor.scope.kind === 'own') return false;
  return target.unitId !== null && actor.scope.unitIds.includes(target.unitId);
}
