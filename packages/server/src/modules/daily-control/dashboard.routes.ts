import {
  Dashboard,
  DashboardQuery,
  DepartmentsDashboard,
  DepartmentsDashboardQuery,
  Digest,
  DigestQuery,
  MyDashboard,
  MyDashboardQuery,
} from '@pulse/contracts';
import { sessionRoute } from '../../http/route.ts';
import { getDashboard, getDepartmentsDashboard, getMyDashboard } from './dashboard.service.ts';
import { getDigest } from './dashboard-digest.ts';

// The Pulse dashboard of daily control and its sibling views. A head sees their subtree,
// organisation-wide roles everyone; line staff have only /me (the dashboard, departments and the
// digest are 403 for them); `unitId` outside the caller's reach is 404.

export const dashboardRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/daily-control/dashboard',
    tag: 'daily-control',
    summary:
      "The head's Pulse dashboard for today, the week or the month to date: every KPI per rep and team against its target as a traffic light with its drill-down, plan attainment and forecast, the leaderboard and today's red flags",
    query: DashboardQuery,
    response: Dashboard,
    errors: [403, 404],
    handler: ({ query }, ctx) => getDashboard(ctx, query),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/daily-control/me',
    tag: 'daily-control',
    summary:
      "The caller's own KPIs for today, the week or the month to date against their targets, with this month's goals",
    query: MyDashboardQuery,
    response: MyDashboard,
    handler: ({ query }, ctx) => getMyDashboard(ctx, query),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/daily-control/departments',
    tag: 'daily-control',
    summary:
      'Departments side by side for the commercial director: the same KPI cells and plan attainment per department',
    query: DepartmentsDashboardQuery,
    response: DepartmentsDashboard,
    errors: [403],
    handler: ({ query }, ctx) => getDepartmentsDashboard(ctx, query),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/daily-control/digest',
    tag: 'daily-control',
    summary:
      "The head's morning digest: yesterday's amber and red KPIs per rep, today's red flags, plan attainment month to date; rendered as plain text and HTML in the caller's language",
    query: DigestQuery,
    response: Digest,
    errors: [403],
    handler: ({ query }, ctx) => getDigest(ctx, query),
  }),
];
