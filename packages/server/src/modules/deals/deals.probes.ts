import type { Probes } from '../../test/probes.ts';

/** Tenant-isolation probes for every route of this module (see http/tenant-isolation.test.ts). */
export const dealProbes: Probes = {};
