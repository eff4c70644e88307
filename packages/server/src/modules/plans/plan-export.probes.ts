import type { Probes } from '../../test/probes.ts';
import { planProbes } from './plans.probes.ts';

// Aims at the same decomposed plan of organisation A as the plans probes (its seed is shared).
const seedProbe = planProbes['GET /api/plans/:id/lines'];

/** Tenant-isolation probe for the XLSX export. */
export const planExportProbes: Probes = {
  'GET /api/plans/:id/export.xlsx': async (a, t) => {
    const probe = await seedProbe?.(a, t);
    if (!probe) throw new Error('plans probe seed missing');
    return { ...probe, url: probe.url.replace(/\/lines$/, '/export.xlsx') };
  },
};
