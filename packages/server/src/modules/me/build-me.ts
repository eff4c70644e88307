import type { Me, Role, Section } from '@pulse/contracts';
import type { Tx } from '../../db/tenant.ts';
import type { Actor } from '../access/actor.ts';
import { canViewAudit } from '../audit/audit.policy.ts';
import { canManageCalendar } from '../calendar/calendar.policy.ts';
import { canSetTargets } from '../kpi/kpi-targets.policy.ts';
import { canManageOrganization } from '../organizations/organizations.policy.ts';
import { canManageStructure } from '../units/units.policy.ts';
import { canManageUsers } from '../users/users.policy.ts';

/** Who plans a working day in Pulse: sellers and the heads who look at a rep's day. */
const DAY_ROLES: readonly Role[] = ['sales_manager', 'head_of_sales', 'commercial_director'];
/** Sales managers see leads handed to them; lead generation finds them; heads and readers oversee them. */
const LEAD_ROLES: readonly Role[] = [
  'lead_generation',
  'sales_manager',
  'head_of_sales',
  'commercial_director',
  'quality_manager',
  'analyst',
  'admin',
];

/** Who plans sales: the heads who set the plan, and the readers who check it (reps get their goals later). */
const PLAN_ROLES: readonly Role[] = ['commercial_director', 'head_of_sales', 'analyst', 'admin'];

/** The CRM sections a role works in; the APIs behind them still check scope record by record. */
function crmSections(role: Role): Section[] {
  const sections: Section[] = [];
  if (DAY_ROLES.includes(role)) sections.push('myDay');
  if (LEAD_ROLES.includes(role)) sections.push('leads');
  sections.push('companies', 'contacts', 'deals', 'activities', 'tasks', 'products', 'sales');
  if (PLAN_ROLES.includes(role)) sections.push('plans');
  return sections;
}

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
  const sections: Section[] = ['home'];
  // Daily control as its API answers: the dashboard and the morning digest to everyone who watches
  // other people's work (heads, operations, organisation-wide roles); line staff have My day.
  const watchesOthers = actor.scope.kind !== 'own';
  if (watchesOthers) sections.push('dashboard');
  sections.push(...crmSections(actor.role), 'structure', 'people');
  if (canSetTargets(actor)) sections.push('kpiTargets');
  // Departments side by side: every organisation-wide role (the commercial director, the
  // administrator, the analyst), exactly those GET /api/daily-control/departments answers.
  if (actor.scope.kind === 'organisation') sections.push('departments');
  if (watchesOthers) sections.push('digest');
  if (permissions.manageCalendar) sections.push('calendar');
  if (actor.role === 'admin') sections.push('pipelines');
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
