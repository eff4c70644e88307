import { type Company, CompanyCreated, type Contact, ContactCreated } from '@pulse/contracts';
import { generateInn } from '@pulse/domain';
import { sql } from 'kysely';
import { withOrg } from '../../db/tenant.ts';
import { expectBody, type Session } from '../../test/factories.ts';
import type { TestApp } from '../../test/server.ts';

let innSeed = 1;
/** A fresh INN that passes the checksum, different on every call (a seeded generator). */
export function validInn(kind: 'legal' | 'individual' = 'legal'): string {
  let state = (innSeed++ * 2_654_435_761) % 4_294_967_296;
  const rng = () => {
    state = (state * 1_664_525 + 1_013_904_223) % 4_294_967_296;
    return state / 4_294_967_296;
  };
  return generateInn(kind, rng);
}

/** The same INN with a wrong check digit. */
export function brokenInn(inn: string): string {
  const last = Number(inn.at(-1));
  return `${inn.slice(0, -1)}${(last + 1) % 10}`;
}

let phoneSeed = 1000;
/** A fresh valid Moscow number as people type it, and its E.164 form. */
export function freshPhone(): { typed: string; e164: string } {
  const n = String(phoneSeed++).padStart(4, '0');
  return { typed: `8 (495) 123-${n.slice(0, 2)}-${n.slice(2)}`, e164: `+7495123${n}` };
}

/** Creates a company through the API as `as`, expecting 201; returns the company. */
export async function newCompany(as: Session, body: Record<string, unknown> = {}): Promise<Company> {
  const res = await as.request('POST', '/api/companies', { name: `Company ${crypto.randomUUID()}`, ...body });
  return expectBody(res, 201, CompanyCreated).company;
}

/** Creates a contact through the API as `as`, expecting 201; returns the contact. */
export async function newContact(as: Session, body: Record<string, unknown> = {}): Promise<Contact> {
  const res = await as.request('POST', '/api/contacts', { fullName: `Person ${crypto.randomUUID()}`, ...body });
  return expectBody(res, 201, ContactCreated).contact;
}

/** An open deal in the default pipeline's first stage, written straight to the database. */
export async function insertDeal(
  t: TestApp,
  orgId: string,
  deal: { ownerId: string; companyId?: string | null; contactId?: string | null; status?: 'open' | 'won' | 'lost' },
): Promise<string> {
  return withOrg(t.deps.db, orgId, async (tx) => {
    const kind = deal.status ?? 'open';
    const stage = await tx
      .selectFrom('stages as s')
      .innerJoin('pipelines as p', (j) =>
        j.onRef('p.org_id', '=', 's.org_id').onRef('p.pipeline_id', '=', 's.pipeline_id'),
      )
      .select(['s.stage_id', 's.pipeline_id'])
      .where('s.org_id', '=', orgId)
      .where('p.is_default', '=', true)
      .where('s.kind', '=', kind)
      .orderBy('s.position')
      .executeTakeFirstOrThrow();
    const row = await tx
      .insertInto('deals')
      .values({
        org_id: orgId,
        title: 'Deal',
        pipeline_id: stage.pipeline_id,
        stage_id: stage.stage_id,
        status: kind,
        company_id: deal.companyId ?? null,
        contact_id: deal.contactId ?? null,
        owner_id: deal.ownerId,
        closed_at: kind === 'open' ? null : t.clock.now,
      })
      .returning('deal_id')
      .executeTakeFirstOrThrow();
    return row.deal_id;
  });
}

/** A sales line of a company on a day, written straight to the database. */
export async function insertSale(t: TestApp, orgId: string, companyId: string | null, day: string): Promise<string> {
  return withOrg(t.deps.db, orgId, async (tx) => {
    const row = await tx
      .insertInto('sales')
      .values({ org_id: orgId, sale_date: day, company_id: companyId, quantity: 1, amount_minor: 100_00 })
      .returning('sale_id')
      .executeTakeFirstOrThrow();
    return row.sale_id;
  });
}

/** A lead, an activity and a task pointing at a company and/or contact, written straight to the database. */
export async function insertHistory(
  t: TestApp,
  orgId: string,
  link: { companyId?: string | null; contactId?: string | null; userId: string },
): Promise<{ leadId: string; activityId: string; taskId: string }> {
  return withOrg(t.deps.db, orgId, async (tx) => {
    const at = t.clock.now;
    const companyId = link.companyId ?? null;
    const contactId = link.contactId ?? null;
    const lead = await tx
      .insertInto('leads')
      .values({
        org_id: orgId,
        title: 'Lead',
        source: 'referral',
        arrived_at: at,
        company_id: companyId,
        contact_id: contactId,
      })
      .returning('lead_id')
      .executeTakeFirstOrThrow();
    const activity = await tx
      .insertInto('activities')
      .values({
        org_id: orgId,
        kind: 'note',
        occurred_at: at,
        user_id: link.userId,
        company_id: companyId,
        contact_id: contactId,
      })
      .returning('activity_id')
      .executeTakeFirstOrThrow();
    const task = await tx
      .insertInto('tasks')
      .values({
        org_id: orgId,
        title: 'Call back',
        due_at: at,
        assignee_id: link.userId,
        company_id: companyId,
        contact_id: contactId,
      })
      .returning('task_id')
      .executeTakeFirstOrThrow();
    return { leadId: lead.lead_id, activityId: activity.activity_id, taskId: task.task_id };
  });
}

/** Where a linked record points now, read straight from the database. */
export async function linkOf(
  t: TestApp,
  orgId: string,
  table: 'deals' | 'leads' | 'activities' | 'tasks' | 'sales' | 'contacts',
  idColumn: string,
  id: string,
): Promise<{ company_id: string | null; contact_id?: string | null }> {
  return withOrg(t.deps.db, orgId, async (tx) => {
    const { rows } = await sql<{
      company_id: string | null;
      contact_id?: string | null;
    }>`SELECT * FROM ${sql.table(table)}
      WHERE org_id = ${orgId} AND ${sql.ref(idColumn)} = ${id}`.execute(tx);
    const row = rows[0];
    if (!row) throw new Error(`${table} ${id} not found`);
    return row;
  });
}
