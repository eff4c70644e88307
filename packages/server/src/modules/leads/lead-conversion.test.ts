import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import {
  addLeadGenerator,
  auditOf,
  BAD_CHECKSUM_INN,
  handedOffLead,
  inOrg,
  insertActivity,
  insertTask,
  newLead,
  paths,
  qualifiedLead,
  VALID_INN,
} from './leads.factories.ts';

describeEachDatabase('leads: conversion', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let admin: Session;
  let head: Session;
  let managerA: Session;
  let analyst: Session;
  let leadGen: Session;
  let rivalAdmin: Session;
  let defaultStages: { stage_id: string; pipeline_id: string; kind: string; position: number }[];
  let otherPipelineStage: string;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Conversion org');
    rival = await createTestOrg(t, 'Conversion rival');
    leadGen = (await addLeadGenerator(t, org)).session;
    [admin, head, managerA, analyst, rivalAdmin] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.analyst.email),
      loginAs(t, rival.users.admin.email),
    ]);
    await inOrg(t, org, async (tx) => {
      defaultStages = await tx
        .selectFrom('stages as s')
        .innerJoin('pipelines as p', (j) =>
          j.onRef('p.org_id', '=', 's.org_id').onRef('p.pipeline_id', '=', 's.pipeline_id'),
        )
        .select(['s.stage_id', 's.pipeline_id', 's.kind', 's.position'])
        .where('s.org_id', '=', org.orgId)
        .where('p.is_default', '=', true)
        .orderBy('s.position')
        .execute();
      const other = await tx
        .insertInto('pipelines')
        .values({ org_id: org.orgId, name: 'Tenders', position: 1 })
        .returning('pipeline_id')
        .executeTakeFirstOrThrow();
      const stage = await tx
        .insertInto('stages')
        .values({ org_id: org.orgId, pipeline_id: other.pipeline_id, name: 'Bid', position: 0, probability: 20 })
        .returning('stage_id')
        .executeTakeFirstOrThrow();
      otherPipelineStage = stage.stage_id;
    });
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  const convert = (session: Session, lead: { id: string; version: number }, body: Record<string, unknown>) =>
    session.request('POST', `/api/leads/${lead.id}/convert`, { version: lead.version, ...body });
  const counts = () =>
    inOrg(ctx(), org, async (tx) => {
      const count = async (table: 'companies' | 'contacts' | 'deals' | 'phones' | 'deal_stage_changes') =>
        Number(
          (
            await tx
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .where('org_id', '=', org.orgId)
              .executeTakeFirstOrThrow()
          ).n,
        );
      return {
        companies: await count('companies'),
        contacts: await count('contacts'),
        deals: await count('deals'),
        phones: await count('phones'),
        changes: await count('deal_stage_changes'),
      };
    });
  const full = {
    company: { name: 'ООО Ромашка', inn: VALID_INN, kpp: '773601001', phone: '8 495 123-45-67', city: 'Москва' },
    contact: { fullName: 'Иван Петров', phone: '+7 916 123 45 67', email: 'Ivan@Romashka.ru' },
    deal: { title: 'Warehouse racks', amountMinor: 125_000_00, expectedCloseDate: '2026-04-30' },
  };

  it('answers 401 without a session', async () => {
    const res = await call(ctx(), 'POST', `/api/leads/${randomUUID()}/convert`, { ...full, version: 1 });
    expect(res.status).toBe(401);
  });
  it('rejects malformed parts with 400 naming each field', async () => {
    const lead = await qualifiedLead(leadGen);
    const res = await leadGen.request('POST', `/api/leads/${lead.id}/convert`, {
      contact: { fullName: '' },
      deal: { title: 'x', amountMinor: 10.5, stageId: 'first' },
    });
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(
      expect.arrayContaining([
        'body.company',
        'body.contact.fullName',
        'body.deal.amountMinor',
        'body.deal.stageId',
        'body.version',
      ]),
    );
    const negative = await convert(leadGen, lead, { ...full, deal: { title: 'x', amountMinor: -1 } });
    expect(paths(negative.body)).toEqual(['body.deal.amountMinor']);
  });
  it('rejects a bad INN, KPP and phones with 400 naming all of them, writing nothing', async () => {
    const lead = await qualifiedLead(leadGen);
    const before = await counts();
    const res = await convert(leadGen, lead, {
      company: { name: 'X', inn: BAD_CHECKSUM_INN, kpp: '12', phone: '123' },
      contact: { fullName: 'Y', phone: 'no phone' },
      deal: null,
    });
    expect(res.status).toBe(400);
    expect(paths(res.body).sort()).toEqual([
      'body.company.inn',
      'body.company.kpp',
      'body.company.phone',
      'body.contact.phone',
    ]);
    expect(await counts()).toEqual(before);
  });
  it("answers 404 for an unknown or another organisation's lead and 403 to a reader", async () => {
    expect((await convert(admin, { id: randomUUID(), version: 1 }, full)).status).toBe(404);
    const theirs = await qualifiedLead(rivalAdmin);
    expect((await convert(admin, theirs, full)).status).toBe(404);
    expect((await rivalAdmin.request('GET', `/api/leads/${theirs.id}`)).body.status).toBe('qualified');
    const lead = await qualifiedLead(leadGen, { unitId: org.units.teamA });
    expect((await convert(analyst, lead, full)).status).toBe(403);
    expect((await convert(managerA, lead, full)).status).toBe(404);
  });
  it('refuses a lead that is not qualified with 422 and a stale version with 409', async () => {
    const fresh = await newLead(leadGen);
    expect((await convert(leadGen, fresh, full)).status).toBe(422);
    const lead = await qualifiedLead(leadGen);
    expect((await convert(leadGen, { ...lead, version: 1 }, full)).status).toBe(409);
  });
  it('refuses a stage of another pipeline, a closed stage and unknown references with 422, writing nothing', async () => {
    const lead = await qualifiedLead(leadGen);
    const won = defaultStages.find((s) => s.kind === 'won')?.stage_id;
    const pipelineId = defaultStages[0]?.pipeline_id;
    const before = await counts();
    const theirCompany = await inOrg(ctx(), rival, (tx) =>
      tx
        .insertInto('companies')
        .values({ org_id: rival.orgId, name: 'Rival client' })
        .returning('company_id')
        .executeTakeFirstOrThrow(),
    );
    const cases: [Record<string, unknown>, string][] = [
      [{ ...full, deal: { ...full.deal, pipelineId, stageId: otherPipelineStage } }, 'body.deal.stageId'],
      [{ ...full, deal: { ...full.deal, stageId: won } }, 'body.deal.stageId'],
      [{ ...full, deal: { ...full.deal, stageId: randomUUID() } }, 'body.deal.stageId'],
      [{ ...full, deal: { ...full.deal, pipelineId: randomUUID() } }, 'body.deal.pipelineId'],
      [{ ...full, company: { id: theirCompany.company_id } }, 'body.company.id'],
      [{ ...full, contact: { id: randomUUID() } }, 'body.contact.id'],
    ];
    for (const [body, path] of cases) {
      const res = await convert(leadGen, lead, body);
      expect(res.status, path).toBe(422);
      expect(paths(res.body)).toEqual([path]);
    }
    expect(await counts()).toEqual(before);
    expect((await leadGen.request('GET', `/api/leads/${lead.id}`)).body.status).toBe('qualified');
  });
  it('creates company, contact and deal for the assignee, records the first stage, moves the history', async () => {
    const lead = await handedOffLead(head, org.users.managerA.id, { title: 'Racks' });
    const call1 = await insertActivity(ctx(), org, {
      leadId: lead.id,
      kind: 'call',
      direction: 'outbound',
      occurredAt: '2026-03-02T08:00:00Z',
      userId: org.users.managerA.id,
    });
    const task = await insertTask(ctx(), org, { leadId: lead.id, assigneeId: org.users.managerA.id });
    ctx().clock.now = new Date('2026-03-02T12:00:00Z');
    const before = await counts();
    const res = await convert(managerA, lead, full);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { companyId, contactId, dealId } = res.body;
    expect(res.body.lead).toMatchObject({
      status: 'converted',
      convertedAt: '2026-03-02T12:00:00.000Z',
      companyId,
      contactId,
      dealId,
      title: 'Racks',
      version: lead.version + 1,
    });
    expect(await counts()).toEqual({
      companies: before.companies + 1,
      contacts: before.contacts + 1,
      deals: before.deals + 1,
      phones: before.phones + 2,
      changes: before.changes + 1,
    });
    await inOrg(ctx(), org, async (tx) => {
      const deal = await tx.selectFrom('deals').selectAll().where('deal_id', '=', dealId).executeTakeFirstOrThrow();
      expect(deal).toMatchObject({
        title: 'Warehouse racks',
        owner_id: org.users.managerA.id,
        company_id: companyId,
        contact_id: contactId,
        lead_id: lead.id,
        amount_minor: 125_000_00,
        currency: 'RUB',
        status: 'open',
        stage_id: defaultStages[0]?.stage_id,
        expected_close_date: '2026-04-30',
      });
      const change = await tx
        .selectFrom('deal_stage_changes')
        .selectAll()
        .where('deal_id', '=', dealId)
        .executeTakeFirstOrThrow();
      expect(change).toMatchObject({
        from_stage_id: null,
        to_stage_id: deal.stage_id,
        changed_by: org.users.managerA.id,
      });
      const company = await tx
        .selectFrom('companies')
        .selectAll()
        .where('company_id', '=', companyId)
        .executeTakeFirstOrThrow();
      expect(company).toMatchObject({
        name: 'ООО Ромашка',
        inn: VALID_INN,
        kpp: '773601001',
        owner_id: org.users.managerA.id,
      });
      const phones = await tx
        .selectFrom('phones')
        .select(['e164', 'company_id', 'contact_id'])
        .where('org_id', '=', org.orgId)
        .where((eb) => eb.or([eb('company_id', '=', companyId), eb('contact_id', '=', contactId)]))
        .execute();
      expect(phones.map((p) => p.e164).sort()).toEqual(['+74951234567', '+79161234567']);
      const email = await tx
        .selectFrom('emails')
        .select('email')
        .where('contact_id', '=', contactId)
        .executeTakeFirstOrThrow();
      expect(email.email).toBe('ivan@romashka.ru');
      const activity = await tx
        .selectFrom('activities')
        .selectAll()
        .where('activity_id', '=', call1)
        .executeTakeFirstOrThrow();
      expect(activity).toMatchObject({
        deal_id: dealId,
        company_id: companyId,
        contact_id: contactId,
        lead_id: lead.id,
      });
      const movedTask = await tx.selectFrom('tasks').selectAll().where('task_id', '=', task).executeTakeFirstOrThrow();
      expect(movedTask).toMatchObject({ deal_id: dealId, lead_id: lead.id });
    });
    for (const [entity, id] of [
      ['company', companyId],
      ['contact', contactId],
      ['deal', dealId],
    ] as const) {
      expect(
        (await auditOf(admin, entity, id)).map((e) => e.action),
        entity,
      ).toEqual(['create']);
    }
    const [leadEntry] = await auditOf(admin, 'lead', lead.id);
    expect(leadEntry?.changes).toEqual(
      expect.arrayContaining([{ field: 'status', old: 'handed_off', new: 'converted' }]),
    );
  });
  it('refuses to convert twice, or to edit a converted lead, with 409', async () => {
    const lead = await qualifiedLead(leadGen);
    const first = await convert(leadGen, lead, { company: { name: 'Once' } });
    expect(first.status).toBe(200);
    const current = first.body.lead;
    const before = await counts();
    const again = await convert(leadGen, current, { company: { name: 'Twice' }, deal: full.deal });
    expect(again.status).toBe(409);
    expect(await counts()).toEqual(before);
    for (const [method, url, body] of [
      ['PATCH', `/api/leads/${lead.id}`, { title: 'x', version: current.version }],
      ['PUT', `/api/leads/${lead.id}/qualification`, { answers: {}, version: current.version }],
      ['POST', `/api/leads/${lead.id}/disqualify`, { reason: 'x', version: current.version }],
      ['POST', `/api/leads/${lead.id}/hand-off`, { assigneeId: org.users.managerA.id, version: current.version }],
    ] as const) {
      expect((await leadGen.request(method, url, body)).status, url).toBe(409);
    }
  });
  it('links an existing company and its contact, with the actor as owner and a chosen stage', async () => {
    const existing = await inOrg(ctx(), org, async (tx) => {
      const company = await tx
        .insertInto('companies')
        .values({ org_id: org.orgId, name: 'Existing client', owner_id: org.users.head.id })
        .returning('company_id')
        .executeTakeFirstOrThrow();
      const contact = await tx
        .insertInto('contacts')
        .values({ org_id: org.orgId, full_name: 'Known person', company_id: company.company_id })
        .returning('contact_id')
        .executeTakeFirstOrThrow();
      return { companyId: company.company_id, contactId: contact.contact_id };
    });
    const lead = await qualifiedLead(head);
    const stage = defaultStages[2];
    const before = await counts();
    const res = await convert(head, lead, {
      company: { id: existing.companyId },
      contact: { id: existing.contactId },
      deal: { title: 'Repeat order', amountMinor: 0, stageId: stage?.stage_id },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ companyId: existing.companyId, contactId: existing.contactId });
    expect(await counts()).toMatchObject({
      companies: before.companies,
      contacts: before.contacts,
      deals: before.deals + 1,
    });
    await inOrg(ctx(), org, async (tx) => {
      const deal = await tx
        .selectFrom('deals')
        .selectAll()
        .where('deal_id', '=', res.body.dealId)
        .executeTakeFirstOrThrow();
      expect(deal).toMatchObject({ owner_id: org.users.head.id, stage_id: stage?.stage_id });
    });
  });
  it("refuses a company outside the actor's scope and a contact of another company with 422", async () => {
    const { theirs, stranger } = await inOrg(ctx(), org, async (tx) => {
      const other = await tx
        .insertInto('companies')
        .values({ org_id: org.orgId, name: 'Olga’s client', owner_id: org.users.otherManager.id })
        .returning('company_id')
        .executeTakeFirstOrThrow();
      const person = await tx
        .insertInto('contacts')
        .values({ org_id: org.orgId, full_name: 'Works elsewhere', company_id: other.company_id })
        .returning('contact_id')
        .executeTakeFirstOrThrow();
      return { theirs: other.company_id, stranger: person.contact_id };
    });
    const lead = await qualifiedLead(head);
    const outside = await convert(head, lead, { company: { id: theirs } });
    expect(outside.status).toBe(422);
    expect(paths(outside.body)).toEqual(['body.company.id']);
    const mismatch = await convert(head, lead, { company: { name: 'New one' }, contact: { id: stranger } });
    expect(mismatch.status).toBe(422);
    expect(paths(mismatch.body)).toEqual(['body.contact.id']);
  });
});
