import type { Probes } from '../../test/probes.ts';

/** Tenant-isolation probes for the dashboard views: another organisation's unit is 404, the views leak nothing. */
export const dashboardProbes: Probes = {
  'GET /api/daily-control/dashboard': (a) => ({
    url: `/api/daily-control/dashboard?period=month&date=2026-03-02&unitId=${a.units.teamA}`,
    expect: 'not_found',
  }),
  'GET /api/daily-control/me': () => ({ url: '/api/daily-control/me?period=week', expect: 'no_leak' }),
  'GET /api/daily-control/departments': () => ({
    url: '/api/daily-control/departments?period=month&date=2026-03-02',
    expect: 'no_leak',
  }),
  'GET /api/daily-control/digest': () => ({ url: '/api/daily-control/digest?date=2026-03-02', expect: 'no_leak' }),
};
