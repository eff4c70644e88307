import { randomUUID } from 'node:crypto';
import { AuditEntry, ErrorBody, LeadDetail, type Role } from '@pulse/contracts';
import argon2 from 'argon2';
import { expect } from 'vitest';
import { z } from 'zod';
import { type Tx, withOrg } from '../../db/tenant.ts';
import { loginAs, type Session, TEST_PASSWORD, type TestOrg } from '../../test/factories.ts';
import type { TestApp } from '../../test/server.ts';

/** A valid legal-entity INN (Sberbank's) and one with a broken check digit. */
export const VALID_INN = '7707083893';
export const BAD_CHECKSUM_INN = '7707083894';

let hash: Promise<string> | null = null;
/** The same cheap argon2id hash the shared factories give test users. */
function passwordHash(): Promise<string> {
  hash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
  return hash;
}

/**
 * Adds a person to a test organisation (createTestOrg has no lead-generation specialist); they
 * can log in with the test password.
 */
export async function addPerson(
  t: TestApp,
  org: TestOrg,
  input: { role: Role; unitId: string | null; managerId?: string | null; fullName?: string; active?: boolean },
): Promise<{ id: string; email: string }> {
  const email = `${input.role}-${randomUUID()}@example.test`;
  const password = await passwordHash();
  return withOrg(t.deps.db, org.orgId, async (tx) => {
    const row = await tx
      .insertInto('users')
      .values({
        org_id: org.orgId,
        email,
        full_name: input.fullName ?? `Person ${input.role}`,
        role: input.role,
        unit_id: input.unitId,
        manager_id: input.managerId ?? null,
        hire_date: '2025-06-01',
        password_hash: password,
        active: input.active ?? true,
      })
      .returning('user_id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('user_logins').values({ email, org_id: org.orgId, user_id: row.user_id }).execute();
    return { id: row.user_id, email };
  });
}

/** A lead-generation specialist of the department (under its head), logged in. */
export async function addLeadGenerator(
  t: TestApp,
  org: TestOrg,
  unitId = org.units.department,
): Promise<{ id: string; email: string; session: Session }> {
  const person = await addPerson(t, org, {
    role: 'lead_generation',
    unitId,
    managerId: org.users.head.id,
    fullName: 'Lena Leadgen',
  });
  return { ...person, session: await loginAs(t, person.email) };
}

/** A team of its own under the department, for tests that count who gets what. */
export async function addTeam(t: TestApp, org: TestOrg, name: string): Promise<string> {
  return withOrg(t.deps.db, org.orgId, async (tx) => {
    const row = await tx
      .insertInto('units')
      .values({ org_id: org.orgId, name, kind: 'team', parent_id: org.units.department, head_user_id: null })
      .returning('unit_id')
      .executeTakeFirstOrThrow();
    return row.unit_id;
  });
}

/** Creates a lead through the API and fails the test unless it is created. */
export async function newLead(session: Session, body: Record<string, unknown> = {}): Promise<LeadDetail> {
  const res = await session.request('POST', '/api/leads', {
    title: `Lead ${randomUUID().slice(0, 8)}`,
    source: 'web_form',
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return LeadDetail.parse(res.body);
}

/** Every BANT criterion answered yes. */
export const ALL_YES = { budget: true, authority: true, need: true, timing: true };

/** Creates a lead and answers the whole checklist yes, so it is qualified. */
export async function qualifiedLead(session: Session, body: Record<string, unknown> = {}): Promise<LeadDetail> {
  const lead = await newLead(session, body);
  const res = await session.request('PUT', `/api/leads/${lead.id}/qualification`, {
    answers: ALL_YES,
    version: lead.version,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.status).toBe('qualified');
  return LeadDetail.parse(res.body);
}

/** A qualified lead handed to `assigneeId` by `by` (a head or an administrator). */
export async function handedOffLead(
  by: Session,
  assigneeId: string,
  body: Record<string, unknown> = {},
): Promise<LeadDetail> {
  const lead = await qualifiedLead(by, body);
  const res = await by.request('POST', `/api/leads/${lead.id}/hand-off`, { assigneeId, version: lead.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return LeadDetail.parse(res.body);
}

/** Runs SQL in an organisation's tenant transaction (for rows other modules' APIs would write). */
export function inOrg<T>(t: TestApp, org: TestOrg, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withOrg(t.deps.db, org.orgId, work);
}

/** Inserts an activity row linked to a lead, as the activities module would. */
export async function insertActivity(
  t: TestApp,
  org: TestOrg,
  input: {
    leadId: string;
    kind: 'call' | 'email' | 'meeting' | 'note';
    direction?: 'inbound' | 'outbound' | null;
    status?: 'planned' | 'done' | 'missed' | 'cancelled';
    occurredAt: string;
    userId: string;
  },
): Promise<string> {
  return inOrg(t, org, async (tx) => {
    const row = await tx
      .insertInto('activities')
      .values({
        org_id: org.orgId,
        kind: input.kind,
        direction: input.direction ?? null,
        status: input.status ?? 'done',
        occurred_at: new Date(input.occurredAt),
        user_id: input.userId,
        lead_id: input.leadId,
        created_by: input.userId,
      })
      .returning('activity_id')
      .executeTakeFirstOrThrow();
    return row.activity_id;
  });
}

/** Inserts an open task on a lead, as the tasks module would. */
export async function insertTask(t: TestApp, org: TestOrg, input: { leadId: string; assigneeId: string }) {
  return inOrg(t, org, async (tx) => {
    const row = await tx
      .insertInto('tasks')
      .values({
        org_id: org.orgId,
        title: 'Call back',
        due_at: new Date('2026-03-03T09:00:00Z'),
        assignee_id: input.assigneeId,
        lead_id: input.leadId,
      })
      .returning('task_id')
      .executeTakeFirstOrThrow();
    return row.task_id;
  });
}

/** The audit entries of one record, newest first, as the administrator reads them. */
export async function auditOf(admin: Session, entity: string, id: string): Promise<AuditEntry[]> {
  const res = await admin.request('GET', `/api/audit?entity=${entity}&entityId=${id}`);
  expect(res.status).toBe(200);
  return z.array(AuditEntry).parse(res.body.items);
}

/** The field paths a 400 or 422 names. */
export const paths = (body: unknown): string[] => (ErrorBody.parse(body).error.details ?? []).map((d) => d.path);
/** Ids of a list page. */
export const ids = (body: unknown): string[] =>
  z
    .object({ items: z.array(z.object({ id: z.string() })) })
    .parse(body)
    .items.map((x) => x.id);
