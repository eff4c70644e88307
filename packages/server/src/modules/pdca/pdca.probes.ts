import type { TestOrg } from '../../test/factories.ts';
import { loginAs } from '../../test/factories.ts';
import type { Probe, Probes } from '../../test/probes.ts';
import type { TestApp } from '../../test/server.ts';

/** A reviewed month of an approved plan of organisation A, with one action, that every probe aims at. */
interface SeedOfA {
  planId: string;
  cycleId: string;
  actionId: string;
  ownerId: string;
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
  const ok = async (method: string, url: string, body?: unknown) => {
    const res = await director.request(method, url, body);
    if (res.status >= 300) throw new Error(`probe seed ${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const plan = await ok('POST', '/api/plans', {
    name: 'Secret PDCA plan of A',
    year: 2031,
    scopeUnitId: a.units.teamA,
    realistic: { basis: 'manual', amountMinor: 1_200_000 },
    pessimistic: { kind: 'percent', basisPoints: 9000 },
    optimistic: { kind: 'percent', basisPoints: 11000 },
  });
  const tree = await ok('POST', `/api/plans/${plan.id}/decompose`, { version: plan.version });
  await ok('POST', `/api/plans/${plan.id}/approve`, { version: tree.plan.version });
  const cycles = await ok('GET', `/api/pdca?planId=${plan.id}`);
  const cycleId: string = cycles.items[0].id;
  await ok('POST', `/api/pdca/${cycleId}/approve-plan`, {});
  await ok('POST', `/api/pdca/${cycleId}/issue-goals`, {});
  await ok('POST', `/api/pdca/${cycleId}/review`, { comment: 'Secret review of A' });
  const action = await ok('POST', `/api/pdca/${cycleId}/actions`, {
    title: 'Secret action of A',
    ownerId: a.users.managerA.id,
    dueDay: '2031-01-20',
  });
  return {
    planId: plan.id,
    cycleId,
    actionId: action.id,
    ownerId: a.users.managerA.id,
    secrets: [
      'Secret PDCA plan of A',
      'Secret review of A',
      'Secret action of A',
      plan.id,
      cycleId,
      action.id,
      action.taskId,
    ],
  };
}

function seeded(build: (seed: SeedOfA) => { url: string; body?: unknown; expect: 'not_found' | 'no_leak' }): Probe {
  return async (a, t) => {
    const seed = await seedOf(a, t);
    return { ...build(seed), secrets: seed.secrets };
  };
}

/** Tenant-isolation probes for every route of the PDCA module (see http/tenant-isolation.test.ts). */
export const pdcaProbes: Probes = {
  'GET /api/pdca': seeded((s) => ({ url: `/api/pdca?planId=${s.planId}`, expect: 'not_found' })),
  'GET /api/pdca/:cycleId': seeded((s) => ({ url: `/api/pdca/${s.cycleId}`, expect: 'not_found' })),
  'GET /api/pdca/:cycleId/deviations': seeded((s) => ({
    url: `/api/pdca/${s.cycleId}/deviations`,
    expect: 'not_found',
  })),
  'POST /api/pdca/:cycleId/approve-plan': seeded((s) => ({
    url: `/api/pdca/${s.cycleId}/approve-plan`,
    body: {},
    expect: 'not_found',
  })),
  'POST /api/pdca/:cycleId/issue-goals': seeded((s) => ({
    url: `/api/pdca/${s.cycleId}/issue-goals`,
    body: {},
    expect: 'not_found',
  })),
  'POST /api/pdca/:cycleId/review': seeded((s) => ({
    url: `/api/pdca/${s.cycleId}/review`,
    body: { comment: 'Stolen' },
    expect: 'not_found',
  })),
  'POST /api/pdca/:cycleId/actions': seeded((s) => ({
    url: `/api/pdca/${s.cycleId}/actions`,
    body: { title: 'Stolen', ownerId: s.ownerId, dueDay: '2031-01-20' },
    expect: 'not_found',
  })),
  'PATCH /api/pdca/actions/:id': seeded((s) => ({
    url: `/api/pdca/actions/${s.actionId}`,
    body: { version: 1, title: 'Stolen' },
    expect: 'not_found',
  })),
  'POST /api/pdca/actions/:id/check': seeded((s) => ({
    url: `/api/pdca/actions/${s.actionId}/check`,
    body: { result: 'effective' },
    expect: 'not_found',
  })),
};
