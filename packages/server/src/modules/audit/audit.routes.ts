import { AuditAction, AuditChange, AuditEntry, AuditQuery, Id, pageOf } from '@pulse/contracts';
import { z } from 'zod';
import { decodeCursor, pageFrom } from '../../http/cursor.ts';
import { forbidden } from '../../http/errors.ts';
import { sessionRoute } from '../../http/route.ts';
import { canViewAudit } from './audit.policy.ts';

const AuditCursor = z.tuple([z.iso.datetime({ offset: true }), Id]);

export const auditRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/audit',
    tag: 'audit',
    summary: 'Who changed what, newest first (administrator)',
    query: AuditQuery,
    response: pageOf(AuditEntry),
    errors: [403],
    handler: async ({ query }, { tx, actor }) => {
      if (!canViewAudit(actor)) throw forbidden();
      const after = decodeCursor(query.cursor, AuditCursor);
      let q = tx
        .selectFrom('audit_log as a')
        .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'a.org_id').onRef('u.user_id', '=', 'a.actor_user_id'))
        .select([
          'a.audit_id',
          'a.at',
          'a.action',
          'a.entity',
          'a.entity_id',
          'a.changes',
          'a.actor_user_id',
          'u.full_name',
        ])
        .where('a.org_id', '=', actor.orgId);
      if (query.entity) q = q.where('a.entity', '=', query.entity);
      if (query.entityId) q = q.where('a.entity_id', '=', query.entityId);
      if (query.actorId) q = q.where('a.actor_user_id', '=', query.actorId);
      if (query.action) q = q.where('a.action', '=', query.action);
      if (query.from) q = q.where('a.at', '>=', new Date(query.from));
      if (query.to) q = q.where('a.at', '<', new Date(query.to));
      if (after) {
        const [at, id] = after;
        q = q.where((eb) =>
          eb.or([eb('a.at', '<', new Date(at)), eb.and([eb('a.at', '=', new Date(at)), eb('a.audit_id', '<', id)])]),
        );
      }
      const rows = await q
        .orderBy('a.at', 'desc')
        .orderBy('a.audit_id', 'desc')
        .limit(query.limit + 1)
        .execute();
      return pageFrom(
        rows,
        query.limit,
        (r) => ({
          id: r.audit_id,
          at: r.at.toISOString(),
          actor: r.actor_user_id ? { id: r.actor_user_id, fullName: r.full_name ?? '' } : null,
          action: AuditAction.parse(r.action),
          entity: r.entity,
          entityId: r.entity_id,
          changes: z.array(AuditChange).parse(r.changes),
        }),
        (r) => [r.at.toISOString(), r.audit_id],
      );
    },
  }),
];
