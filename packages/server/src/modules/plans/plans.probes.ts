import type { TestOrg } from '../../test/factories.ts';
import { loginAs } from '../../test/factories.ts';
import type { Probe, Probes } from '../../test/probes.ts';
import type { TestApp } from '../../test/server.ts';

/** A decomposed plan of organisation A that every probe of this module aims at. */
interface SeedOfA {
  planId: string;
  lineId: string;
  secrets: string[];
}

const seeds = new Map<string, Promise<SeedOfA>>();
function seedOf(a: TestOrg, t: TestApp): Promise<SeedOfA> {
  let seed = seeds.get(a.orgId);
  if (!seed) {
    seed = createSeed(a, t);
    seeds.set(a.orgId, seed);
  }
  return seed;
}

async function createSeed(a: TestOrg, t: TestApp): Promise<SeedOfA> {
  const director = await loginAs(t, a.users.director.email);
  const ok = async (method: string, url: string, body: unknown) => {
    const res = await director.request(method, url, body);
    if (res.status >= 300) throw new Error(`probe seed ${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const plan = await ok('POST', '/api/plans', {
    name: 'Secret plan of A',
    year: 2026,
    scopeUnitId: a.units.department,
    realistic: { basis: 'manual', amountMinor: 1_200_000_00 },
    pessimistic: { kind: 'percent', basisPoints: 9000 },
    optimistic: { kind: 'percent', basisPoints: 11000 },
  });
  const tree = await ok('POST', `/api/plans/${plan.id}/decompose`, { version: plan.version });
  const lineIds: string[] = tree.lines.map((line: { id: string }) => line.id);
  return { planId: plan.id, lineId: lineIds[0] as string, secrets: ['Secret plan of A', plan.id, ...lineIds] };
}

function seeded(build: (seed: SeedOfA) => { url: string; body?: unknown; expect: 'not_found' | 'no_leak' }): Probe {
  return async (a, t) => {
    const seed = await seedOf(a, t);
    return { ...build(seed), secrets: seed.secrets };
  };
}

/** Tenant-isolation probes for every route of the plans module (see http/tenant-isolation.test.ts). */
export const planProbes: Probes = {
  'GET /api/plans': seeded(() => ({ url: '/api/plans?limit=200&year=2026', expect: 'no_leak' })),
  'POST /api/plans': seeded(() => ({
    url: '/api/plans',
    body: {
      name: 'Probe plan',
      year: 2026,
      realistic: { basis: 'last-year-growth', growthBp: 1000 },
      pessimistic: { kind: 'percent', basisPoints: 9000 },
      optimistic: { kind: 'percent', basisPoints: 11000 },
    },
    expect: 'no_leak',
  })),
  'GET /api/plans/:id': seeded((s) => ({ url: `/api/plans/${s.planId}`, expect: 'not_found' })),
  'PATCH /api/plans/:id': seeded((s) => ({
    url: `/api/plans/${s.planId}`,
    body: { version: 2, name: 'Stolen' },
    expect: 'not_found',
  })),
  'DELETE /api/plans/:id': seeded((s) => ({ url: `/api/plans/${s.planId}`, expect: 'not_found' })),
  'GET /api/plans/:id/seasonality-history': seeded((s) => ({
    url: `/api/plans/${s.planId}/seasonality-history`,
    expect: 'not_found',
  })),
  'POST /api/plans/:id/seasonality/from-history': seeded((s) => ({
    url: `/api/plans/${s.planId}/seasonality/from-history`,
    body: { version: 2 },
    expect: 'not_found',
  })),
  'POST /api/plans/:id/decompose': seeded((s) => ({
    url: `/api/plans/${s.planId}/decompose`,
    body: { version: 2 },
    expect: 'not_found',
  })),
  'GET /api/plans/:id/lines': seeded((s) => ({ url: `/api/plans/${s.planId}/lines`, expect: 'not_found' })),
  'PATCH /api/plans/:id/lines/:lineId': seeded((s) => ({
    url: `/api/plans/${s.planId}/lines/${s.lineId}`,
    body: { version: 2, bottomUpMinor: 1 },
    expect: 'not_found',
  })),
  'POST /api/plans/:id/reconcile': seeded((s) => ({
    url: `/api/plans/${s.planId}/reconcile`,
    body: { version: 2, accept: 'top-down' },
    expect: 'not_found',
  })),
  'POST /api/plans/:id/approve': seeded((s) => ({
    url: `/api/plans/${s.planId}/approve`,
    body: { version: 2 },
    expect: 'not_found',
  })),
  'POST /api/plans/:id/revise': seeded((s) => ({
    url: `/api/plans/${s.planId}/revise`,
    body: { version: 2, reason: 'Stolen' },
    expect: 'not_found',
  })),
};
