import type { Actor } from '../access/actor.ts';

/** The owner of a company or contact, as much as the rules need. */
export interface ClientOwner {
  ownerId: string | null;
  ownerUnitId: string | null;
}

/**
 * The owner, the head of sales whose subtree the owner works in (unowned records count as the
 * head's too), the commercial director (who heads every department) and the administrator may
 * change a company or contact; analysts, quality managers and operations only read.
 */
export function canEditClient(actor: Actor, owner: ClientOwner): boolean {
  if (actor.role === 'admin' || actor.role === 'commercial_director') return true;
  if (owner.ownerId !== null && owner.ownerId === actor.userId) return true;
  if (actor.role !== 'head_of_sales') return false;
  return owner.ownerId === null || (owner.ownerUnitId !== null && actor.scope.unitIds.includes(owner.ownerUnitId));
}

/** Giving a client to someone else (or to nobody) is a manager's decision. */
export function canReassignClient(actor: Actor): boolean {
  return actor.role === 'head_of_sales' || actor.role === 'commercial_director' || actor.role === 'admin';
}
