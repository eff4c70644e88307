import type { Actor } from '../access/actor.ts';

/** The people a lead points to, with the units they belong to now: what access is decided on. */
export interface LeadParties {
  unitId: string | null;
  createdBy: string | null;
  createdByUnitId: string | null;
  qualifierId: string | null;
  qualifierUnitId: string | null;
  assigneeId: string | null;
  assigneeUnitId: string | null;
}

/** Whether the actor created, qualifies or was handed the lead. */
function isParty(actor: Actor, lead: LeadParties): boolean {
  return [lead.createdBy, lead.qualifierId, lead.assigneeId].includes(actor.userId);
}

/** A head's subtree holds the lead's unit, or the unit of its creator, qualifier or assignee. */
function isInHeadsSubtree(actor: Actor, lead: LeadParties): boolean {
  if (actor.scope.kind === 'own' || actor.scope.kind === 'organisation') return false;
  const units = [lead.unitId, lead.createdByUnitId, lead.qualifierUnitId, lead.assigneeUnitId];
  return units.some((unitId) => unitId !== null && actor.scope.unitIds.includes(unitId));
}

/**
 * Directors, administrators, analysts and quality managers see every lead; a head sees the leads
 * of their subtree; line staff see the leads they created, qualify or were handed — a
 * lead-generation specialist the ones they found, a sales manager the ones handed to them.
 */
export function canViewLead(actor: Actor, lead: LeadParties): boolean {
  if (actor.scope.kind === 'organisation') return true;
  return isParty(actor, lead) || isInHeadsSubtree(actor, lead);
}

/**
 * The creator, qualifier and assignee change a lead, and so do their heads and administrators.
 * The commercial director heads every department, so they may too; analysts, quality managers
 * and operations only read.
 */
export function canEditLead(actor: Actor, lead: LeadParties): boolean {
  if (actor.role === 'admin' || actor.role === 'commercial_director') return true;
  return isParty(actor, lead) || (actor.role === 'head_of_sales' && isInHeadsSubtree(actor, lead));
}

/** The qualification checklist is organisation configuration: administrators edit it. */
export function canManageQualificationCriteria(actor: Actor): boolean {
  return actor.role === 'admin';
}
