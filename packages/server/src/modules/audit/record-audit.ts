import { diffFields } from '@pulse/domain';
import type { Tx } from '../../db/tenant.ts';

/** One change to a record: what was done to it and its audited fields before and after. */
export interface AuditChange {
  action: 'create' | 'update' | 'delete';
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  redact?: readonly string[];
}

/**
 * The part of a use case's context an audit entry needs. Structural, so each module's own
 * context fits without importing this one.
 */
export interface AuditContext {
  tx: Tx;
  actor: { orgId: string; userId: string };
  deps: { now(): Date };
}

/** Writes one audit entry in the caller's transaction: the change and its record commit together. */
export async function recordAudit(
  tx: Tx,
  entry: AuditChange & { orgId: string; actorUserId: string | null; at: Date },
): Promise<void> {
  const changes = diffFields(entry.before, entry.after, { redact: entry.redact, ignore: ['updatedAt', 'createdAt'] });
  if (entry.action === 'update' && changes.length === 0) return;
  await tx
    .insertInto('audit_log')
    .values({
      org_id: entry.orgId,
      actor_user_id: entry.actorUserId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      changes: JSON.stringify(changes),
      at: entry.at,
    })
    .execute();
}

/** A change made in a request: by its actor, in their organisation, at the request clock's now. */
export function auditChange(ctx: AuditContext, change: AuditChange): Promise<void> {
  return recordAudit(ctx.tx, {
    ...change,
    orgId: ctx.actor.orgId,
    actorUserId: ctx.actor.userId,
    at: ctx.deps.now(),
  });
}
