import type { Role } from '@pulse/contracts';
import type { Actor } from '../access/actor.ts';
import { canViewOwnedBy } from '../access/record-scope.ts';

/** The owner of a deal or sales line, as much as the rules need. */
export interface Owner {
  ownerId: string | null;
  ownerUnitId: string | null;
}

/** Administrators and heads of sales keep the product catalog; everyone reads it. */
export function canManageCatalog(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'head_of_sales';
}

/** Pipelines, stages, lost reasons and competitors are settings of the CRM administrator. */
export function canManagePipelines(actor: Actor): boolean {
  return actor.role === 'admin';
}

/** Roles that sell, or run those who sell: they create deals and sales lines of their own. */
const SELLING_ROLES: readonly Role[] = [
  'sales_manager',
  'lead_generation',
  'head_of_sales',
  'commercial_director',
  'admin',
];
export function canCreateDeals(actor: Actor): boolean {
  return SELLING_ROLES.includes(actor.role);
}

/** Giving a deal or a sales line to someone else is a manager's decision. */
export function canReassign(actor: Actor): boolean {
  return actor.role === 'head_of_sales' || actor.role === 'commercial_director' || actor.role === 'admin';
}

export function canViewDeal(actor: Actor, owner: Owner): boolean {
  return canViewOwnedBy(actor, owner);
}

/**
 * The owner, the head whose department the owner works in, the commercial director (who heads
 * all of them) and the administrator may change or move a deal; analysts and quality managers
 * only read.
 */
export function canEditDeal(actor: Actor, owner: Owner): boolean {
  if (actor.role === 'admin' || actor.role === 'commercial_director') return true;
  if (owner.ownerId !== null && owner.ownerId === actor.userId) return canCreateDeals(actor);
  return (
    actor.role === 'head_of_sales' && owner.ownerUnitId !== null && actor.scope.unitIds.includes(owner.ownerUnitId)
  );
}

/** Sales lines follow their owner exactly as deals do. */
export const canCreateSales = canCreateDeals;
export const canViewSale = canViewDeal;
export const canEditSale = canEditDeal;
