import type { TestOrg } from '../../test/factories.ts';
import { loginAs } from '../../test/factories.ts';
import type { Probe, Probes } from '../../test/probes.ts';
import type { TestApp } from '../../test/server.ts';
import { insertCompany } from './deals.factories.ts';

/** Records of organisation A every probe of this module aims at, created once per organisation. */
interface SeedOfA {
  groupId: string;
  productId: string;
  pipelineId: string;
  stageId: string;
  lostReasonId: string;
  competitorId: string;
  companyId: string;
  dealId: string;
  saleId: string;
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
  const admin = await loginAs(t, a.users.admin.email);
  const ok = async (method: string, url: string, body: unknown) => {
    const res = await admin.request(method, url, body);
    if (res.status >= 300) throw new Error(`probe seed ${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const group = await ok('POST', '/api/product-groups', { name: 'Secret group of A', isPriority: true });
  const product = await ok('POST', '/api/products', {
    name: 'Secret product of A',
    sku: 'A-SECRET',
    groupId: group.id,
  });
  const pipeline = await ok('POST', '/api/pipelines', {
    name: 'Secret pipeline of A',
    stages: [
      { name: 'Secret stage of A', probability: 40 },
      { name: 'Won', kind: 'won', probability: 100 },
      { name: 'Lost', kind: 'lost', probability: 0 },
    ],
  });
  const reason = await ok('POST', '/api/lost-reasons', { name: 'Secret reason of A' });
  const competitor = await ok('POST', '/api/competitors', { name: 'Secret competitor of A' });
  const companyId = await insertCompany(t, a, 'Secret company of A');
  const deal = await ok('POST', '/api/deals', {
    title: 'Secret deal of A',
    pipelineId: pipeline.id,
    companyId,
    competitorId: competitor.id,
    lines: [{ productId: product.id, quantity: 3 }],
  });
  const sale = await ok('POST', '/api/sales', {
    saleDate: '2026-02-01',
    companyId,
    productId: product.id,
    amountMinor: 1_00,
    externalRef: 'A-SECRET-REF',
  });
  return {
    groupId: group.id,
    productId: product.id,
    pipelineId: pipeline.id,
    stageId: pipeline.stages[0].id,
    lostReasonId: reason.id,
    competitorId: competitor.id,
    companyId,
    dealId: deal.id,
    saleId: sale.id,
    secrets: [
      'Secret',
      'A-SECRET',
      group.id,
      product.id,
      pipeline.id,
      reason.id,
      competitor.id,
      companyId,
      deal.id,
      sale.id,
      ...pipeline.stages.map((s: { id: string }) => s.id),
    ],
  };
}

/** A probe that first seeds organisation A and names every seeded id as a secret. */
function seeded(build: (seed: SeedOfA) => { url: string; body?: unknown; expect: 'not_found' | 'no_leak' }): Probe {
  return async (a, t) => {
    const seed = await seedOf(a, t);
    return { ...build(seed), secrets: seed.secrets };
  };
}

/** Tenant-isolation probes for every route of this module (see http/tenant-isolation.test.ts). */
export const dealProbes: Probes = {
  'GET /api/product-groups': seeded(() => ({ url: '/api/product-groups', expect: 'no_leak' })),
  'GET /api/product-groups/:id': seeded((s) => ({ url: `/api/product-groups/${s.groupId}`, expect: 'not_found' })),
  'POST /api/product-groups': seeded((s) => ({
    url: '/api/product-groups',
    body: { name: 'Probe', parentId: s.groupId },
    expect: 'no_leak',
  })),
  'PATCH /api/product-groups/:id': seeded((s) => ({
    url: `/api/product-groups/${s.groupId}`,
    body: { name: 'Stolen' },
    expect: 'not_found',
  })),
  'DELETE /api/product-groups/:id': seeded((s) => ({ url: `/api/product-groups/${s.groupId}`, expect: 'not_found' })),
  'GET /api/products': seeded(() => ({ url: '/api/products?active=all&limit=200', expect: 'no_leak' })),
  'GET /api/products/:id': seeded((s) => ({ url: `/api/products/${s.productId}`, expect: 'not_found' })),
  'POST /api/products': seeded((s) => ({
    url: '/api/products',
    body: { name: 'Probe', groupId: s.groupId },
    expect: 'no_leak',
  })),
  'PATCH /api/products/:id': seeded((s) => ({
    url: `/api/products/${s.productId}`,
    body: { active: false },
    expect: 'not_found',
  })),
  'GET /api/pipelines': seeded(() => ({ url: '/api/pipelines?archived=all', expect: 'no_leak' })),
  'GET /api/pipelines/:id': seeded((s) => ({ url: `/api/pipelines/${s.pipelineId}`, expect: 'not_found' })),
  'POST /api/pipelines': seeded(() => ({
    url: '/api/pipelines',
    body: {
      name: 'Probe',
      stages: [
        { name: 'Open', probability: 10 },
        { name: 'Won', kind: 'won', probability: 100 },
        { name: 'Lost', kind: 'lost', probability: 0 },
      ],
    },
    expect: 'no_leak',
  })),
  'PATCH /api/pipelines/:id': seeded((s) => ({
    url: `/api/pipelines/${s.pipelineId}`,
    body: { archived: true },
    expect: 'not_found',
  })),
  'DELETE /api/pipelines/:id': seeded((s) => ({ url: `/api/pipelines/${s.pipelineId}`, expect: 'not_found' })),
  'POST /api/pipelines/:id/stages': seeded((s) => ({
    url: `/api/pipelines/${s.pipelineId}/stages`,
    body: { name: 'Probe', probability: 1 },
    expect: 'not_found',
  })),
  'PUT /api/pipelines/:id/stages/order': seeded((s) => ({
    url: `/api/pipelines/${s.pipelineId}/stages/order`,
    body: { stageIds: [s.stageId] },
    expect: 'not_found',
  })),
  'PATCH /api/pipelines/:id/stages/:stageId': seeded((s) => ({
    url: `/api/pipelines/${s.pipelineId}/stages/${s.stageId}`,
    body: { name: 'Stolen' },
    expect: 'not_found',
  })),
  'DELETE /api/pipelines/:id/stages/:stageId': seeded((s) => ({
    url: `/api/pipelines/${s.pipelineId}/stages/${s.stageId}`,
    expect: 'not_found',
  })),
  'GET /api/pipelines/:id/board': seeded((s) => ({ url: `/api/pipelines/${s.pipelineId}/board`, expect: 'not_found' })),
  'GET /api/lost-reasons': seeded(() => ({ url: '/api/lost-reasons?active=all', expect: 'no_leak' })),
  'POST /api/lost-reasons': seeded(() => ({
    url: '/api/lost-reasons',
    body: { name: 'Probe reason' },
    expect: 'no_leak',
  })),
  'PATCH /api/lost-reasons/:id': seeded((s) => ({
    url: `/api/lost-reasons/${s.lostReasonId}`,
    body: { active: false },
    expect: 'not_found',
  })),
  'DELETE /api/lost-reasons/:id': seeded((s) => ({ url: `/api/lost-reasons/${s.lostReasonId}`, expect: 'not_found' })),
  'GET /api/competitors': seeded(() => ({ url: '/api/competitors?active=all', expect: 'no_leak' })),
  'POST /api/competitors': seeded(() => ({
    url: '/api/competitors',
    body: { name: 'Probe competitor' },
    expect: 'no_leak',
  })),
  'PATCH /api/competitors/:id': seeded((s) => ({
    url: `/api/competitors/${s.competitorId}`,
    body: { active: false },
    expect: 'not_found',
  })),
  'DELETE /api/competitors/:id': seeded((s) => ({ url: `/api/competitors/${s.competitorId}`, expect: 'not_found' })),
  'GET /api/deals': seeded(() => ({ url: '/api/deals?limit=200&q=Secret', expect: 'no_leak' })),
  'GET /api/deals/:id': seeded((s) => ({ url: `/api/deals/${s.dealId}`, expect: 'not_found' })),
  'POST /api/deals': seeded((s) => ({
    url: '/api/deals',
    body: {
      title: 'Probe',
      pipelineId: s.pipelineId,
      companyId: s.companyId,
      lines: [{ productId: s.productId, quantity: 1 }],
    },
    expect: 'no_leak',
  })),
  'PATCH /api/deals/:id': seeded((s) => ({
    url: `/api/deals/${s.dealId}`,
    body: { version: 1, title: 'Stolen' },
    expect: 'not_found',
  })),
  'POST /api/deals/:id/stage': seeded((s) => ({
    url: `/api/deals/${s.dealId}/stage`,
    body: { version: 1, stageId: s.stageId },
    expect: 'not_found',
  })),
  'GET /api/sales': seeded(() => ({ url: '/api/sales?limit=200', expect: 'no_leak' })),
  'POST /api/sales': seeded((s) => ({
    url: '/api/sales',
    body: { saleDate: '2026-02-01', amountMinor: 1, companyId: s.companyId, productId: s.productId },
    expect: 'no_leak',
  })),
  'DELETE /api/sales/:id': seeded((s) => ({ url: `/api/sales/${s.saleId}`, expect: 'not_found' })),
};
