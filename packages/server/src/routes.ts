import type { AnyRoute } from './http/route.ts';
import { activityRoutes } from './modules/activities/activities.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { companyRoutes } from './modules/companies/companies.routes.ts';
import { dailyControlRoutes } from './modules/daily-control/daily-control.routes.ts';
import { dashboardRoutes } from './modules/daily-control/dashboard.routes.ts';
import { dealRoutes } from './modules/deals/deals.routes.ts';
import { kpiTargetRoutes } from './modules/kpi/kpi-targets.routes.ts';
import { leadRoutes } from './modules/leads/leads.routes.ts';
import { organizationRoutes } from './modules/organizations/organizations.routes.ts';
import { pdcaRoutes } from './modules/pdca/pdca.routes.ts';
import { planExportRoutes } from './modules/plans/plan-export.routes.ts';
import { planGoalRoutes } from './modules/plans/plan-goals.routes.ts';
import { planProgressRoutes } from './modules/plans/plan-progress.routes.ts';
import { planRoutes } from './modules/plans/plans.routes.ts';
import { unitRoutes } from './modules/units/units.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';

/** Every API route; the OpenAPI document and the tests' endpoint inventory read this list. */
export const allRoutes: AnyRoute[] = [
  ...authRoutes,
  ...organizationRoutes,
  ...unitRoutes,
  ...userRoutes,
  ...calendarRoutes,
  ...auditRoutes,
  ...companyRoutes,
  ...dealRoutes,
  ...leadRoutes,
  ...activityRoutes,
  ...planRoutes,
  ...planProgressRoutes,
  ...planExportRoutes,
  ...planGoalRoutes,
  ...pdcaRoutes,
  ...dailyControlRoutes,
  ...dashboardRoutes,
  ...kpiTargetRoutes,
];
