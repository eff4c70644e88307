import type { TestOrg } from '../../test/factories.ts';
import { loginAs } from '../../test/factories.ts';
import type { Probe, Probes } from '../../test/probes.ts';
import type { TestApp } from '../../test/server.ts';

/** A target of organisation A's rep that every probe aims at. */
interface SeedOfA {
  targetId: string;
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
  const res = await director.request('POST', '/api/kpi/targets', {
    kpiId: 'calls-outbound',
    userId: a.users.managerA.id,
    grain: 'day',
    periodFrom: '2031-01-01',
    periodTo: '2031-01-31',
    target: 41,
  });
  if (res.status !== 201) throw new Error(`probe seed: ${res.status} ${JSON.stringify(res.body)}`);
  return { targetId: res.body.id, secrets: [res.body.id] };
}

function seeded(
  build: (seed: SeedOfA, a: TestOrg) => { url: string; body?: unknown; expect: 'not_found' | 'no_leak' },
): Probe {
  return async (a, t) => {
    const seed = await seedOf(a, t);
    return { ...build(seed, a), secrets: seed.secrets };
  };
}

/** Tenant-isolation probes for every route of KPI targets (see http/tenant-isolation.test.ts). */
export const kpiTargetProbes: Probes = {
  'GET /api/kpi/catalog': () => ({ url: '/api/kpi/catalog', expect: 'no_leak' }),
  'GET /api/kpi/targets': seeded((_, a) => ({
    url: `/api/kpi/targets?userId=${a.users.managerA.id}&limit=200`,
    expect: 'no_leak',
  })),
  'POST /api/kpi/targets': seeded((_, a) => ({
    url: '/api/kpi/targets',
    body: {
      kpiId: 'calls-outbound',
      userId: a.users.managerA.id,
      grain: 'day',
      periodFrom: '2031-02-01',
      periodTo: '2031-02-28',
      target: 10,
    },
    expect: 'no_leak',
  })),
  'PATCH /api/kpi/targets/:id': seeded((s) => ({
    url: `/api/kpi/targets/${s.targetId}`,
    body: { version: 1, target: 1 },
    expect: 'not_found',
  })),
  'DELETE /api/kpi/targets/:id': seeded((s) => ({ url: `/api/kpi/targets/${s.targetId}`, expect: 'not_found' })),
  'POST /api/kpi/targets/from-goals': seeded((_, a) => ({
    url: '/api/kpi/targets/from-goals',
    body: { month: '2031-01', unitId: a.units.teamA },
    expect: 'no_leak',
  })),
};
