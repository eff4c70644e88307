import { Organization, UpdateOrganizationRequest } from '@pulse/contracts';
import type { Selectable } from 'kysely';
import type { OrganizationsTable } from '../../db/schema.ts';
import { forbidden } from '../../http/errors.ts';
import { sessionRoute } from '../../http/route.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { canManageOrganization } from './organizations.policy.ts';

export const organizationRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/org',
    tag: 'organisation',
    summary: 'Your organisation',
    response: Organization,
    handler: async (_input, { tx, actor }) =>
      present(
        await tx.selectFrom('organizations').selectAll().where('org_id', '=', actor.orgId).executeTakeFirstOrThrow(),
      ),
  }),
  sessionRoute({
    method: 'PATCH',
    url: '/api/org',
    tag: 'organisation',
    summary: 'Change the organisation settings (administrator)',
    body: UpdateOrganizationRequest,
    response: Organization,
    errors: [403],
    handler: async ({ body }, { tx, actor, deps }) => {
      if (!canManageOrganization(actor)) throw forbidden();
      const now = deps.now();
      const before = await tx
        .selectFrom('organizations')
        .selectAll()
        .where('org_id', '=', actor.orgId)
        .executeTakeFirstOrThrow();
      const after = await tx
        .updateTable('organizations')
        .set({
          name: body.name ?? before.name,
          currency: body.currency ?? before.currency,
          time_zone: body.timeZone ?? before.time_zone,
          locale: body.locale ?? before.locale,
          updated_at: now,
        })
        .where('org_id', '=', actor.orgId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: 'update',
        entity: 'organization',
        entityId: actor.orgId,
        before: present(before),
        after: present(after),
        at: now,
      });
      return present(after);
    },
  }),
];

function present(row: Selectable<OrganizationsTable>): Organization {
  return {
    id: row.org_id,
    name: row.name,
    currency: row.currency,
    timeZone: row.time_zone,
    locale: row.locale === 'en' ? 'en' : 'ru',
    country: row.country,
  };
}
