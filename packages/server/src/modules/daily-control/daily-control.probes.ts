import type { Probes } from '../../test/probes.ts';

/** Tenant-isolation probes for daily control: another organisation's unit is 404, the lists leak nothing. */
export const dailyControlProbes: Probes = {
  'GET /api/daily-control/flags': (a) => ({
    url: `/api/daily-control/flags?unitId=${a.units.department}`,
    expect: 'not_found',
  }),
  'GET /api/daily-control/live-kpis': (a) => ({
    url: `/api/daily-control/live-kpis?from=2026-03-01&to=2026-03-31&unitId=${a.units.teamA}`,
    expect: 'not_found',
  }),
  'GET /api/daily-control/reps/:userId/card': (a) => ({
    url: `/api/daily-control/reps/${a.users.managerA.id}/card?from=2026-03-01&to=2026-03-31`,
    expect: 'not_found',
  }),
};
