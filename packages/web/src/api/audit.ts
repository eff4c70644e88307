import { type AuditAction, AuditEntry, pageOf } from '@pulse/contracts';
import { http, type Output } from './client.ts';

const AuditPage = pageOf(AuditEntry);

export type AuditPageData = Output<typeof AuditPage>;
export type AuditActionValue = Output<typeof AuditAction>;

/** Filters of GET /api/audit; `from` and `to` are instants (ISO 8601 with offset). */
export interface AuditFilters {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: AuditActionValue;
  from?: string;
  to?: string;
}

export function findAuditEntries(
  filters: AuditFilters & { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<AuditPageData> {
  return http.get('/api/audit', AuditPage, { query: { ...filters }, signal });
}
