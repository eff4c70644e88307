import { activityProbes } from './modules/activities/activities.probes.ts';
import { companyProbes } from './modules/companies/companies.probes.ts';
import { dailyControlProbes } from './modules/daily-control/daily-control.probes.ts';
import { dashboardProbes } from './modules/daily-control/dashboard.probes.ts';
import { dealProbes } from './modules/deals/deals.probes.ts';
import { kpiTargetProbes } from './modules/kpi/kpi-targets.probes.ts';
import { leadProbes } from './modules/leads/leads.probes.ts';
import { pdcaProbes } from './modules/pdca/pdca.probes.ts';
import { planExportProbes } from './modules/plans/plan-export.probes.ts';
import { planGoalProbes } from './modules/plans/plan-goals.probes.ts';
import { planProgressProbes } from './modules/plans/plan-progress.probes.ts';
import { planProbes } from './modules/plans/plans.probes.ts';
import type { Probes } from './test/probes.ts';

/** Tenant-isolation probes of the CRM modules; each module keeps its own next to its routes. */
export const crmProbes: Probes = {
  ...companyProbes,
  ...dealProbes,
  ...leadProbes,
  ...activityProbes,
  ...planProbes,
  ...planProgressProbes,
  ...planExportProbes,
  ...planGoalProbes,
  ...pdcaProbes,
  ...kpiTargetProbes,
  ...dailyControlProbes,
  ...dashboardProbes,
};
