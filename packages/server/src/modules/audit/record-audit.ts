import { diffFields } from '@pulse/domain';
import type { Tx } from '../../db/tenant.ts';

/** Writes one audit entry in the caller's transaction: the change and its record commit together. */
export async function recordAudit(
  tx: Tx,
  entry: {
    orgId: string;
    actorUserId: string | null;
    action: 'create' | 'update' | 'delete';
    entity: string;
    entityId: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    redact?: readonly string[];
    at: Date;
  },
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
