import type { Me, Sale } from '@pulse/contracts';
import { canCreateDeals } from '../crm/permissions.ts';

// Mirrors the server's sales-line policy (deals.policy.ts: lines follow their owner as deals do)
// to hide controls; the server still decides.

/** Roles that sell, or run those who sell, enter sales lines of their own. */
export function canCreateSales(me: Me): boolean {
  return canCreateDeals(me);
}

/**
 * Only a line entered directly is deleted here (a won deal's lines go when the deal is reopened),
 * by its owner, a head of sales (for the people of their units — every owned line they can see),
 * the commercial director or an administrator.
 */
export function canDeleteSale(me: Me, sale: Pick<Sale, 'dealId' | 'ownerId'>): boolean {
  if (sale.dealId !== null) return false;
  const role = me.user.role;
  if (role === 'admin' || role === 'commercial_director') return true;
  if (sale.ownerId !== null && sale.ownerId === me.user.id) return canCreateDeals(me);
  return role === 'head_of_sales' && sale.ownerId !== null;
}
