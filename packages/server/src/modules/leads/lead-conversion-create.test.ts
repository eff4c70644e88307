import { ErrorBody, LeadDetail } from '@pulse/contracts';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { newCompany, validInn } from '../companies/companies.factories.ts';
import { addLeadGenerator, auditOf, handedOffLead, inOrg, paths, qualifiedLead } from './leads.factories.ts';

// Conversion creates its company, contact and deal through the same use cases as POST
// /api/companies, /api/contacts and /api/deals: the same duplicate refusal, the same audit.
describeEachDatabase('leads: conversion creates records as their own modules do', (ctx) => {
  let org: TestOrg;
  let admin: Session;
  let head: Session;
  let managerA: Session;
  let leadGen: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Conversion reuse org');
    leadGen = (await addLeadGenerator(t, org)).session;
    [admin, head, managerA] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
    ]);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  const convert = (session: Session, lead: { id: string; version: number }, body: Record<string, unknown>) =>
    session.request('POST', `/api/leads/${lead.id}/convert`, { version: lead.version, ...body });
  /** Row counts of everything a conversion writes, the audit log included. */
  const counts = () =>
    inOrg(ctx(), org, async (tx) => {
      const tables = ['companies', 'contacts', 'deals', 'phones', 'emails', 'deal_stage_changes', 'audit_log'] as const;
      const result: Record<string, number> = {};
      for (const table of tables) {
        const row = await tx
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', org.orgId)
          .executeTakeFirstOrThrow();
        result[table] = Number(row.n);
      }
      return result;
    });
  const getLead = async (session: Session, id: string) =>
    LeadDetail.parse((await session.request('GET', `/api/leads/${id}`)).body);
  const deal = { title: 'Steel beams', amountMinor: 40_000_00, expectedCloseDate: '2026-05-15' };

  describe('a new company with an INN another company has', () => {
    it('is refused with 409 on body.company.inn listing the existing company, and nothing is written', async () => {
      const inn = validInn();
      const existing = await newCompany(managerA, { name: 'Stal Trade', inn });
      const lead = await qualifiedLead(leadGen);
      const before = await counts();
      const res = await convert(leadGen, lead, {
        company: { name: 'Stal Trade LLC', inn, phone: '8 495 111-22-33' },
        contact: { fullName: 'Oleg Stalin', email: 'oleg@stal.ru' },
        deal,
      });
      expect(res.status).toBe(409);
      const error = ErrorBody.parse(res.body).error;
      expect(error.code).toBe('conflict');
      expect(error.details).toEqual([
        {
          path: 'body.company.inn',
          message: expect.stringContaining(existing.id),
          duplicates: [expect.objectContaining({ id: existing.id, name: 'Stal Trade', reason: 'inn' })],
        },
      ]);
      expect(await counts()).toEqual(before);
      expect(await getLead(leadGen, lead.id)).toMatchObject({ status: 'qualified', version: lead.version });
    });
    it('is created with company.allowDuplicate, and the lead is converted', async () => {
      const inn = validInn();
      await newCompany(managerA, { name: 'Twin Metals', inn });
      const lead = await qualifiedLead(leadGen);
      const res = await convert(leadGen, lead, { company: { name: 'Twin Metals North', inn, allowDuplicate: true } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.lead.status).toBe('converted');
      const sameInn = await inOrg(ctx(), org, (tx) =>
        tx
          .selectFrom('companies')
          .select('company_id')
          .where('org_id', '=', org.orgId)
          .where('inn', '=', inn)
          .execute(),
      );
      expect(sameInn.map((c) => c.company_id)).toContain(res.body.companyId);
      expect(sameInn).toHaveLength(2);
    });
  });

  it('audits the company, contact and deal it creates exactly as creating them directly does', async () => {
    const lead = await handedOffLead(head, org.users.managerA.id);
    const company = {
      name: 'Audit Twin',
      legalName: 'ООО «Аудит Твин»',
      kpp: '773601001',
      industry: 'Metals',
      region: 'Tver region',
      city: 'Tver',
      phone: '8 495 765-43-21',
      email: 'office@audit-twin.ru',
    };
    const contact = {
      fullName: 'Anna Twin',
      position: 'Buyer',
      phone: '+7 916 765 43 21',
      email: 'anna@audit-twin.ru',
    };
    const converted = await convert(managerA, lead, { company, contact, deal });
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    const { companyId, contactId, dealId } = converted.body;

    const { phone: companyPhone, email: companyEmail, ...companyFields } = company;
    const directCompany = await managerA.request('POST', '/api/companies', {
      ...companyFields,
      source: lead.source,
      phones: [{ number: companyPhone }],
      emails: [{ email: companyEmail }],
    });
    expect(directCompany.status, JSON.stringify(directCompany.body)).toBe(201);
    const { phone: contactPhone, email: contactEmail, ...contactFields } = contact;
    const directContact = await managerA.request('POST', '/api/contacts', {
      ...contactFields,
      companyId,
      source: lead.source,
      phones: [{ number: contactPhone }],
      emails: [{ email: contactEmail }],
    });
    expect(directContact.status, JSON.stringify(directContact.body)).toBe(201);
    const directDeal = await managerA.request('POST', '/api/deals', {
      ...deal,
      companyId,
      contactId,
      source: lead.source,
    });
    expect(directDeal.status, JSON.stringify(directDeal.body)).toBe(201);

    for (const [entity, ofConversion, ofDirect] of [
      ['company', companyId, directCompany.body.company.id],
      ['contact', contactId, directContact.body.contact.id],
      ['deal', dealId, directDeal.body.id],
    ] as const) {
      const [entry] = await auditOf(admin, entity, ofConversion);
      const [direct] = await auditOf(admin, entity, ofDirect);
      expect(entry, entity).toMatchObject({ action: 'create', actor: { id: org.users.managerA.id } });
      expect(entry?.changes, entity).toEqual(direct?.changes);
    }
    const [companyEntry] = await auditOf(admin, 'company', companyId);
    expect(companyEntry?.changes).toContainEqual({ field: 'phones', old: null, new: ['+74957654321 (work)'] });
  });

  it('writes nothing when a later part fails after the company and contact were created', async () => {
    const inn = validInn();
    const lead = await qualifiedLead(leadGen);
    const before = await counts();
    const body = {
      company: { name: 'Rollback Steel', inn, phone: '8 495 222-33-44', email: 'hello@rollback.ru' },
      contact: { fullName: 'Roll Back', phone: '+7 916 222 33 44' },
    };
    const failed = await convert(leadGen, lead, {
      ...body,
      deal: { ...deal, pipelineId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(failed.status).toBe(422);
    expect(paths(failed.body)).toEqual(['body.deal.pipelineId']);
    expect(await counts()).toEqual(before);
    expect(await getLead(leadGen, lead.id)).toMatchObject({ status: 'qualified', version: lead.version });
    // Nothing of the failed attempt is left to trip the INN duplicate check.
    const retried = await convert(leadGen, lead, { ...body, deal });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
  });

  it('gives the records to the manager the lead was handed to, whoever of its people converts it', async () => {
    const lead = await qualifiedLead(leadGen);
    const handed = await head.request('POST', `/api/leads/${lead.id}/hand-off`, {
      assigneeId: org.users.managerA.id,
      version: lead.version,
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    const res = await convert(leadGen, handed.body, {
      company: { name: 'Handed Steel', phone: '8 495 333-44-55' },
      contact: { fullName: 'Handed Person' },
      deal,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const owners = await inOrg(ctx(), org, async (tx) => ({
      company: (
        await tx
          .selectFrom('companies')
          .select('owner_id')
          .where('company_id', '=', res.body.companyId)
          .executeTakeFirstOrThrow()
      ).owner_id,
      contact: (
        await tx
          .selectFrom('contacts')
          .select('owner_id')
          .where('contact_id', '=', res.body.contactId)
          .executeTakeFirstOrThrow()
      ).owner_id,
      deal: (
        await tx.selectFrom('deals').select('owner_id').where('deal_id', '=', res.body.dealId).executeTakeFirstOrThrow()
      ).owner_id,
    }));
    const managerAId = org.users.managerA.id;
    expect(owners).toEqual({ company: managerAId, contact: managerAId, deal: managerAId });
  });
});
