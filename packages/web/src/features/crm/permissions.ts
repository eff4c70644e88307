import type { Me } from '@pulse/contracts';

// The web mirrors the server's policies to hide controls; the server still decides.

/** Giving a client or deal to someone else is a manager's decision (clients and deals policies). */
export function canReassign(me: Me): boolean {
  return ['head_of_sales', 'commercial_director', 'admin'].includes(me.user.role);
}

/** Administrators and heads of sales keep the product catalog. */
export function canManageCatalog(me: Me): boolean {
  return me.user.role === 'admin' || me.user.role === 'head_of_sales';
}

/** Roles that sell, or run those who sell. */
export function canCreateDeals(me: Me): boolean {
  return ['sales_manager', 'lead_generation', 'head_of_sales', 'commercial_director', 'admin'].includes(me.user.role);
}

/** Logging activities and managing tasks is sales work; the analyst only reads. */
export function canRecordWork(me: Me): boolean {
  return me.user.role !== 'analyst';
}

/** Creating and editing clients: everyone but the read-only roles. */
export function canEditClients(me: Me): boolean {
  return !['analyst', 'quality_manager', 'operations'].includes(me.user.role);
}

/** Heads and the director look at another rep's day. */
export function canViewOthersDay(me: Me): boolean {
  return me.user.role === 'head_of_sales' || me.user.role === 'commercial_director';
}
