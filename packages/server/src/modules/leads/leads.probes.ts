import { randomUUID } from 'node:crypto';
import { loginAs, type TestOrg } from '../../test/factories.ts';
import type { Probes } from '../../test/probes.ts';
import type { TestApp } from '../../test/server.ts';

/** A lead in organisation A, created by A's administrator, with texts that must never leak. */
async function leadOfA(a: TestOrg, t: TestApp, qualified = false) {
  const admin = await loginAs(t, a.users.admin.email);
  const secret = `secret-lead-${randomUUID()}`;
  const created = await admin.request('POST', '/api/leads', {
    title: secret,
    source: 'referral',
    companyName: `${secret}-company`,
    email: `${secret}@example.test`,
    unitId: a.units.teamA,
  });
  if (created.status !== 201) throw new Error(`probe lead not created: ${JSON.stringify(created.body)}`);
  let lead = created.body;
  if (qualified) {
    const res = await admin.request('PUT', `/api/leads/${lead.id}/qualification`, {
      answers: { budget: true, authority: true, need: true, timing: true },
      version: lead.version,
    });
    lead = res.body;
  }
  return { id: lead.id as string, version: lead.version as number, secrets: [lead.id, secret] };
}

/** A checklist criterion of organisation A. */
async function criterionOfA(a: TestOrg, t: TestApp) {
  const admin = await loginAs(t, a.users.admin.email);
  const code = `probe_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const res = await admin.request('POST', '/api/qualification-criteria', { code, name: `Secret ${code}` });
  if (res.status !== 201) throw new Error(`probe criterion not created: ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string, secrets: [res.body.id, code] };
}

/** Tenant-isolation probes for every route of this module (see http/tenant-isolation.test.ts). */
export const leadProbes: Probes = {
  'GET /api/qualification-criteria': async (a, t) => {
    const criterion = await criterionOfA(a, t);
    return { url: '/api/qualification-criteria?active=all', expect: 'no_leak', secrets: criterion.secrets };
  },
  'POST /api/qualification-criteria': async (a, t) => {
    const criterion = await criterionOfA(a, t);
    return {
      url: '/api/qualification-criteria',
      body: { code: `b_${randomUUID().replace(/-/g, '').slice(0, 10)}`, name: 'Probe' },
      expect: 'no_leak',
      secrets: criterion.secrets,
    };
  },
  'PATCH /api/qualification-criteria/:id': async (a, t) => {
    const criterion = await criterionOfA(a, t);
    return {
      url: `/api/qualification-criteria/${criterion.id}`,
      body: { active: false },
      expect: 'not_found',
      secrets: criterion.secrets,
    };
  },
  'GET /api/leads': async (a, t) => {
    const lead = await leadOfA(a, t);
    return { url: '/api/leads?limit=200', expect: 'no_leak', secrets: lead.secrets };
  },
  'POST /api/leads': async (a, t) => {
    const lead = await leadOfA(a, t);
    // A's unit and qualifier in B's request: refused as unknown, naming nothing of A.
    return {
      url: '/api/leads',
      body: { title: 'Probe', source: 'api', unitId: a.units.teamA, qualifierId: a.users.managerA.id },
      expect: 'no_leak',
      secrets: lead.secrets,
    };
  },
  'GET /api/leads/:id': async (a, t) => {
    const lead = await leadOfA(a, t);
    return { url: `/api/leads/${lead.id}`, expect: 'not_found', secrets: lead.secrets };
  },
  'PATCH /api/leads/:id': async (a, t) => {
    const lead = await leadOfA(a, t);
    return {
      url: `/api/leads/${lead.id}`,
      body: { title: 'Stolen', version: lead.version },
      expect: 'not_found',
      secrets: lead.secrets,
    };
  },
  'PUT /api/leads/:id/qualification': async (a, t) => {
    const lead = await leadOfA(a, t);
    return {
      url: `/api/leads/${lead.id}/qualification`,
      body: { answers: { budget: true }, version: lead.version },
      expect: 'not_found',
      secrets: lead.secrets,
    };
  },
  'POST /api/leads/:id/disqualify': async (a, t) => {
    const lead = await leadOfA(a, t);
    return {
      url: `/api/leads/${lead.id}/disqualify`,
      body: { reason: 'Probe', version: lead.version },
      expect: 'not_found',
      secrets: lead.secrets,
    };
  },
  'POST /api/leads/:id/hand-off': async (a, t) => {
    const lead = await leadOfA(a, t, true);
    return {
      url: `/api/leads/${lead.id}/hand-off`,
      body: { assigneeId: a.users.managerA.id, version: lead.version },
      expect: 'not_found',
      secrets: lead.secrets,
    };
  },
  'POST /api/leads/:id/convert': async (a, t) => {
    const lead = await leadOfA(a, t, true);
    return {
      url: `/api/leads/${lead.id}/convert`,
      body: { company: { name: 'Probe company' }, deal: { title: 'Probe', amountMinor: 100 }, version: lead.version },
      expect: 'not_found',
      secrets: lead.secrets,
    };
  },
};
