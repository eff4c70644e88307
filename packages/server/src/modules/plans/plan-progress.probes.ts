import type { Probes } from '../../test/probes.ts';
import { planProbes } from './plans.probes.ts';

// Aims at the same decomposed plan of organisation A as the plans probes (its seed is shared).
const seedProbe = planProbes['GET /api/plans/:id/lines'];

/** Tenant-isolation probes for plan versus fact. */
export const planProgressProbes: Probes = {
  'GET /api/plans/:id/progress': async (a, t) => {
    const probe = await seedProbe?.(a, t);
    if (!probe) throw new Error('plans probe seed missing');
    return { ...probe, url: probe.url.replace(/\/lines$/, '/progress?date=2026-03-02') };
  },
  'GET /api/plans/:id/progress/daily': async (a, t) => {
    const probe = await seedProbe?.(a, t);
    if (!probe) throw new Error('plans probe seed missing');
    const lineId = probe.secrets?.[2] ?? '';
    return { ...probe, url: probe.url.replace(/\/lines$/, `/progress/daily?lineId=${lineId}`) };
  },
};
