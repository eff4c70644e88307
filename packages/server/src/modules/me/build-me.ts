import type { Me, Section } from '@pulse/contracts';
import type { Tx } from '../../db/tenant.ts';
import type { Actor } from '../access/actor.ts';
import { canViewAudit } from '../audit/audit.policy.ts';
import { canManageCalendar } from '../calendar/calendar.policy.ts';
import { canManageOrganization } from '../organizations/organizations.policy.ts';
import { canManageStructure } from '../units/units.policy.ts';
import { canManageUsers } from '../users/users.policy.ts';

/** The logged-in user, their organisation, scope, and what the web may show them. */
export async function buildMe(tx: Tx, actor: Actor): Promise<Me> {
  const org = await tx
    .selectFrom('organizations')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .executeTakeFirstOrThrow();
  const permissions = {
    manageStructure: canManageStructure(actor),
    manageUsers: canManageUsers(actor),
    manageOrganization: canManageOrganization(actor),
    manageCalendar: canManageCalendar(actor),
    viewAudit: canViewAudit(actor),
  };
  const sections: Section[] = ['home', 'structure', 'people'];
  if (permissions.manageCalendar) sections.push('calendar');
  if (permissions.viewAudit) sections.push('audit');
  sections.push('settings');
  return {
    user: {
      id: actor.userId,
      email: actor.email,
      fullName: actor.fullName,
      role: actor.role,
      unitId: actor.unitId,
      managerId: actor.managerId,
      locale: actor.locale,
      timeZone: actor.timeZone,
    },
    organization: {
      id: org.org_id,
      name: org.name,
      currency: org.currency,
      timeZone: org.time_zone,
      locale: org.locale === 'en' ? 'en' : 'ru',
    },
    scope: actor.scope,
    sections,
    permissions,
    csrfToken: actor.csrfToken,
  };
}
