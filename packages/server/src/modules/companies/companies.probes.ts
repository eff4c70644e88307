import { loginAs, type TestOrg } from '../../test/factories.ts';
import type { Probes } from '../../test/probes.ts';
import type { TestApp } from '../../test/server.ts';
import { freshPhone, newCompany, newContact, validInn } from './companies.factories.ts';

/** A company and a contact of organisation A, with texts that must never reach organisation B. */
async function recordsOfA(a: TestOrg, t: TestApp) {
  const manager = await loginAs(t, a.users.managerA.email);
  const secretName = `Secret ${crypto.randomUUID()}`;
  const inn = validInn();
  const phone = freshPhone();
  const email = `secret-${crypto.randomUUID()}@alpha.test`;
  const company = await newCompany(manager, {
    name: secretName,
    inn,
    phones: [{ number: phone.typed }],
    emails: [{ email }],
  });
  const contact = await newContact(manager, {
    fullName: `${secretName} Person`,
    companyId: company.id,
    phones: [{ number: phone.typed }],
    emails: [{ email }],
  });
  return { company, contact, secrets: [company.id, contact.id, secretName, inn, phone.e164, email] };
}

/** Organisation B's administrator sends B's own look-alike of A's record: nothing of A comes back. */
const createLookAlike = (kind: 'companies' | 'contacts') => async (a: TestOrg, t: TestApp) => {
  const { company, secrets } = await recordsOfA(a, t);
  const inn = secrets[3] as string;
  const body =
    kind === 'companies'
      ? { name: company.name, inn, phones: [{ number: secrets[4] }], emails: [{ email: secrets[5] }] }
      : { fullName: `${company.name} Person`, phones: [{ number: secrets[4] }], emails: [{ email: secrets[5] }] };
  // B's own record carries the same INN, phone and e-mail, so those may appear; A's ids and name may not.
  return { url: `/api/${kind}`, body, expect: 'no_leak' as const, secrets: secrets.slice(0, 2) };
};

/** Tenant-isolation probes for every route of this module (see http/tenant-isolation.test.ts). */
export const companyProbes: Probes = {
  'GET /api/companies': async (a, t) => {
    const { secrets } = await recordsOfA(a, t);
    return { url: '/api/companies?limit=200&archived=all', expect: 'no_leak', secrets };
  },
  'GET /api/companies/:id': async (a, t) => {
    const { company, secrets } = await recordsOfA(a, t);
    return { url: `/api/companies/${company.id}`, expect: 'not_found', secrets };
  },
  'POST /api/companies': createLookAlike('companies'),
  'PATCH /api/companies/:id': async (a, t) => {
    const { company, secrets } = await recordsOfA(a, t);
    return { url: `/api/companies/${company.id}`, body: { name: 'Stolen', version: 1 }, expect: 'not_found', secrets };
  },
  'DELETE /api/companies/:id': async (a, t) => {
    const manager = await loginAs(t, a.users.managerA.email);
    const company = await newCompany(manager);
    return { url: `/api/companies/${company.id}`, expect: 'not_found', secrets: [company.id, company.name] };
  },
  'POST /api/companies/:id/archive': async (a, t) => {
    const { company, secrets } = await recordsOfA(a, t);
    return { url: `/api/companies/${company.id}/archive`, body: { version: 1 }, expect: 'not_found', secrets };
  },
  'POST /api/companies/:id/unarchive': async (a, t) => {
    const { company, secrets } = await recordsOfA(a, t);
    return { url: `/api/companies/${company.id}/unarchive`, body: { version: 1 }, expect: 'not_found', secrets };
  },
  'GET /api/companies/:id/duplicates': async (a, t) => {
    const { company, secrets } = await recordsOfA(a, t);
    return { url: `/api/companies/${company.id}/duplicates`, expect: 'not_found', secrets };
  },
  'POST /api/companies/:id/merge': async (a, t) => {
    const { company, secrets } = await recordsOfA(a, t);
    const manager = await loginAs(t, a.users.managerA.email);
    const other = await newCompany(manager);
    return {
      url: `/api/companies/${company.id}/merge`,
      body: { otherId: other.id, version: 1 },
      expect: 'not_found',
      secrets: [...secrets, other.id],
    };
  },
  'GET /api/contacts': async (a, t) => {
    const { secrets } = await recordsOfA(a, t);
    return { url: '/api/contacts?limit=200&archived=all', expect: 'no_leak', secrets };
  },
  'GET /api/contacts/:id': async (a, t) => {
    const { contact, secrets } = await recordsOfA(a, t);
    return { url: `/api/contacts/${contact.id}`, expect: 'not_found', secrets };
  },
  'POST /api/contacts': createLookAlike('contacts'),
  'PATCH /api/contacts/:id': async (a, t) => {
    const { contact, secrets } = await recordsOfA(a, t);
    return {
      url: `/api/contacts/${contact.id}`,
      body: { fullName: 'Stolen', version: 1 },
      expect: 'not_found',
      secrets,
    };
  },
  'DELETE /api/contacts/:id': async (a, t) => {
    const manager = await loginAs(t, a.users.managerA.email);
    const contact = await newContact(manager);
    return { url: `/api/contacts/${contact.id}`, expect: 'not_found', secrets: [contact.id, contact.fullName] };
  },
  'POST /api/contacts/:id/archive': async (a, t) => {
    const { contact, secrets } = await recordsOfA(a, t);
    return { url: `/api/contacts/${contact.id}/archive`, body: { version: 1 }, expect: 'not_found', secrets };
  },
  'POST /api/contacts/:id/unarchive': async (a, t) => {
    const { contact, secrets } = await recordsOfA(a, t);
    return { url: `/api/contacts/${contact.id}/unarchive`, body: { version: 1 }, expect: 'not_found', secrets };
  },
  'GET /api/contacts/:id/duplicates': async (a, t) => {
    const { contact, secrets } = await recordsOfA(a, t);
    return { url: `/api/contacts/${contact.id}/duplicates`, expect: 'not_found', secrets };
  },
  'POST /api/contacts/:id/merge': async (a, t) => {
    const { contact, secrets } = await recordsOfA(a, t);
    const manager = await loginAs(t, a.users.managerA.email);
    const other = await newContact(manager);
    return {
      url: `/api/contacts/${contact.id}/merge`,
      body: { otherId: other.id, version: 1 },
      expect: 'not_found',
      secrets: [...secrets, other.id],
    };
  },
};
