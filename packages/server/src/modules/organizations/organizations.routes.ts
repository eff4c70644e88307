import { Organization, PlanControlSettingsRules, UpdateOrganizationRequest } from '@pulse/contracts';
import type { Selectable } from 'kysely';
import type { OrganizationsTable } from '../../db/schema.ts';
import { forbidden, unprocessable } from '../../http/errors.ts';
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
    errors: [403, 422],
    handler: async ({ body }, { tx, actor, deps }) => {
      if (!canManageOrganization(actor)) throw forbidden();
      checkPlanControlSettings(body);
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
          achievability_margin_bp: body.achievabilityMarginBp ?? before.achievability_margin_bp,
          thin_history_deals: body.thinHistoryDeals ?? before.thin_history_deals,
          calls_expected_by: body.callsExpectedBy ?? before.calls_expected_by,
          overdue_tasks_limit: body.overdueTasksLimit ?? before.overdue_tasks_limit,
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
    achievabilityMarginBp: row.achievability_margin_bp,
    thinHistoryDeals: row.thin_history_deals,
    callsExpectedBy: row.calls_expected_by,
    overdueTasksLimit: row.overdue_tasks_limit,
  };
}

/** A plan or daily-control setting of the right type but outside its range or format is a 422 naming it. */
function checkPlanControlSettings(body: UpdateOrganizationRequest): void {
  const checked = PlanControlSettingsRules.safeParse({
    achievabilityMarginBp: body.achievabilityMarginBp,
    thinHistoryDeals: body.thinHistoryDeals,
    callsExpectedBy: body.callsExpectedBy,
    overdueTasksLimit: body.overdueTasksLimit,
  });
  if (checked.success) return;
  const details = checked.error.issues.map((issue) => ({
    path: ['body', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw unprocessable(`Out of range: ${details.map((d) => d.path).join(', ')}`, details);
}
