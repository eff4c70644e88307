import { withOrg } from '../../db/tenant.ts';
import { createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import type { TestApp } from '../../test/server.ts';

// Companies, contacts, deals and leads are written with SQL here: their own modules are built
// alongside this one, and these tests must not depend on those routes.

export async function insertCompany(t: TestApp, org: TestOrg, input: { name: string; ownerId: string | null }) {
  return withOrg(t.deps.db, org.orgId, async (tx) => {
    const row = await tx
      .insertInto('companies')
      .values({ org_id: org.orgId, name: input.name, owner_id: input.ownerId })
      .returning('company_id')
      .executeTakeFirstOrThrow();
    return row.company_id;
  });
}

export async function insertContact(
  t: TestApp,
  org: TestOrg,
  input: { fullName: string; ownerId: string | null; companyId?: string | null },
) {
  return withOrg(t.deps.db, org.orgId, async (tx) => {
    const row = await tx
      .insertInto('contacts')
      .values({
        org_id: org.orgId,
        full_name: input.fullName,
        owner_id: input.ownerId,
        company_id: input.companyId ?? null,
      })
      .returning('contact_id')
      .executeTakeFirstOrThrow();
    return row.contact_id;
  });
}

/** A deal in the organisation's default pipeline: its first stage when open, else the won/lost stage. */
export async function insertDeal(
  t: TestApp,
  org: TestOrg,
  input: {
    title: string;
    ownerId: string;
    status?: 'open' | 'won' | 'lost';
    companyId?: string | null;
    amountMinor?: number;
  },
) {
  const status = input.status ?? 'open';
  return withOrg(t.deps.db, org.orgId, async (tx) => {
    const stage = await tx
      .selectFrom('stages as s')
      .innerJoin('pipelines as p', (j) =>
        j.onRef('p.org_id', '=', 's.org_id').onRef('p.pipeline_id', '=', 's.pipeline_id'),
      )
      .select(['s.stage_id', 's.pipeline_id'])
      .where('s.org_id', '=', org.orgId)
      .where('p.is_default', '=', true)
      .where('s.kind', '=', status)
      .orderBy('s.position')
      .executeTakeFirstOrThrow();
    const row = await tx
      .insertInto('deals')
      .values({
        org_id: org.orgId,
        title: input.title,
        pipeline_id: stage.pipeline_id,
        stage_id: stage.stage_id,
        status,
        owner_id: input.ownerId,
        company_id: input.companyId ?? null,
        amount_minor: input.amountMinor ?? 100_000_00,
        closed_at: status === 'open' ? null : t.clock.now,
      })
      .returning('deal_id')
      .executeTakeFirstOrThrow();
    return row.deal_id;
  });
}

export async function insertLead(
  t: TestApp,
  org: TestOrg,
  input: {
    title: string;
    status?: 'new' | 'working' | 'qualified' | 'unqualified' | 'handed_off' | 'converted';
    assigneeId?: string | null;
    arrivedAt?: Date;
    handedOffAt?: Date | null;
    firstTouchAt?: Date | null;
    phone?: string | null;
  },
) {
  return withOrg(t.deps.db, org.orgId, async (tx) => {
    const row = await tx
      .insertInto('leads')
      .values({
        org_id: org.orgId,
        title: input.title,
        source: 'web_form',
        status: input.status ?? 'handed_off',
        assignee_id: input.assigneeId ?? null,
        arrived_at: input.arrivedAt ?? t.clock.now,
        handed_off_at: input.handedOffAt ?? null,
        first_touch_at: input.firstTouchAt ?? null,
        phone_e164: input.phone ?? null,
      })
      .returning('lead_id')
      .executeTakeFirstOrThrow();
    return row.lead_id;
  });
}

/** An activity as the PBX integration would write it (no HTTP, no next-step rules). */
export async function insertActivity(
  t: TestApp,
  org: TestOrg,
  input: {
    kind: 'call' | 'meeting' | 'email' | 'note';
    direction?: 'inbound' | 'outbound' | null;
    status: 'planned' | 'done' | 'missed' | 'cancelled';
    userId: string | null;
    occurredAt: Date;
    phone?: string | null;
    companyId?: string | null;
    contactId?: string | null;
    leadId?: string | null;
    dealId?: string | null;
  },
) {
  return withOrg(t.deps.db, org.orgId, async (tx) => {
    const row = await tx
      .insertInto('activities')
      .values({
        org_id: org.orgId,
        kind: input.kind,
        direction: input.direction ?? null,
        status: input.status,
        occurred_at: input.occurredAt,
        user_id: input.userId,
        phone_e164: input.phone ?? null,
        company_id: input.companyId ?? null,
        contact_id: input.contactId ?? null,
        lead_id: input.leadId ?? null,
        deal_id: input.dealId ?? null,
      })
      .returning('activity_id')
      .executeTakeFirstOrThrow();
    return row.activity_id;
  });
}

/** Reads a lead's response fields straight from the table. */
export async function leadTouch(t: TestApp, org: TestOrg, leadId: string) {
  return withOrg(t.deps.db, org.orgId, (tx) =>
    tx
      .selectFrom('leads')
      .select(['first_touch_at', 'response_ms'])
      .where('org_id', '=', org.orgId)
      .where('lead_id', '=', leadId)
      .executeTakeFirstOrThrow(),
  );
}

export const HOUR_MS = 3_600_000;
export const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

type SessionKey = 'admin' | 'director' | 'head' | 'managerA' | 'managerB' | 'otherHead' | 'analyst';

/**
 * An organisation with a few clients to link work to, and a rival organisation: managerA owns
 * companyA and the open dealA (and lostDealA), managerB owns companyB and dealB; leadA is handed
 * off to managerA.
 */
export async function createWorld(t: TestApp) {
  const org = await createTestOrg(t);
  const rival = await createTestOrg(t, 'Rival org');
  const keys: SessionKey[] = ['admin', 'director', 'head', 'managerA', 'managerB', 'otherHead', 'analyst'];
  const sessions = await Promise.all(keys.map((key) => loginAs(t, org.users[key].email)));
  const as = Object.fromEntries(keys.map((key, i) => [key, sessions[i]])) as Record<SessionKey, Session>;
  const rivalAdmin = await loginAs(t, rival.users.admin.email);
  const { managerA, managerB } = org.users;
  const companyA = await insertCompany(t, org, { name: 'Romashka LLC', ownerId: managerA.id });
  const companyB = await insertCompany(t, org, { name: 'Vasilek LLC', ownerId: managerB.id });
  const contactA = await insertContact(t, org, { fullName: 'Ivan Petrov', ownerId: managerA.id, companyId: companyA });
  const dealA = await insertDeal(t, org, { title: 'Romashka boilers', ownerId: managerA.id, companyId: companyA });
  const lostDealA = await insertDeal(t, org, { title: 'Romashka pumps', ownerId: managerA.id, status: 'lost' });
  const dealB = await insertDeal(t, org, { title: 'Vasilek valves', ownerId: managerB.id, companyId: companyB });
  const leadA = await insertLead(t, org, {
    title: 'Inbound form: Lilia',
    assigneeId: managerA.id,
    arrivedAt: new Date(t.clock.now.getTime() - HOUR_MS),
  });
  const rivalCompany = await insertCompany(t, rival, { name: 'Rival client', ownerId: rival.users.managerA.id });
  const rivalDeal = await insertDeal(t, rival, { title: 'Rival deal', ownerId: rival.users.managerA.id });
  return {
    org,
    rival,
    as,
    rivalAdmin,
    companyA,
    companyB,
    contactA,
    dealA,
    lostDealA,
    dealB,
    leadA,
    rivalCompany,
    rivalDeal,
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

type Issue = { path: string; message: string };
/** The field paths a 400/404/409/422 names. */
export const paths = (body: { error: { details?: Issue[] } }): string[] =>
  (body.error.details ?? []).map((d) => d.path);
/** The ids of a page. */
export const ids = (body: { items: { id: string }[] }): string[] => body.items.map((item) => item.id);

/** Logs a note through the API and returns it (fails the test unless 201). */
export async function createNote(as: Session, body: Record<string, unknown> = {}) {
  const res = await as.request('POST', '/api/activities', { kind: 'note', body: 'Asked for a price list', ...body });
  if (res.status !== 201) throw new Error(`note not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
