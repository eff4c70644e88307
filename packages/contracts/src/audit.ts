import { z } from 'zod';
import { Id, Instant, PageQuery } from './common.ts';

export const AuditAction = z.enum(['create', 'update', 'delete']);
export const AuditChange = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });
export const AuditEntry = z.object({
  id: Id,
  at: z.string(),
  actor: z.object({ id: Id, fullName: z.string() }).nullable(),
  action: AuditAction,
  entity: z.string(),
  entityId: z.string(),
  changes: z.array(AuditChange),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditQuery = PageQuery.extend({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: Id.optional(),
  action: AuditAction.optional(),
  from: Instant.optional(),
  to: Instant.optional(),
}).strict();
