import { AuditEntry, DealDetails, ErrorBody, Product } from '@pulse/contracts';
import { expect } from 'vitest';
import { z } from 'zod';
import { withOrg } from '../../db/tenant.ts';
import type { Session, TestOrg } from '../../test/factories.ts';
import type { TestApp } from '../../test/server.ts';

// Test-only helpers for this module's records. Companies, contacts, tasks and activities belong
// to other modules, so they are written straight into the database here.

type Response = { status: number; body: unknown };
const pathsOf = (body: unknown) => (ErrorBody.parse(body).error.details ?? []).map((d) => d.path);

/** Expects a 400 naming `path` among the failed fields. */
export function expectInvalid(res: Response, path: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(ErrorBody.parse(res.body).error.code).toBe('validation_failed');
  expect(pathsOf(res.body)).toContain(path);
}

/** Expects an error status with its code (and the field, when given). */
export function expectError(res: Response, status: 403 | 404 | 409 | 422, path?: string): void {
  const codes = { 403: 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'unprocessable' } as const;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(ErrorBody.parse(res.body).error.code).toBe(codes[status]);
  if (path) expect(pathsOf(res.body)).toContain(path);
}

/** The organisation's default pipeline, with its stages by kind (the seeded 5 open, won, lost). */
export async function defaultPipeline(session: Session) {
  const res = await session.request('GET', '/api/pipelines');
  expect(res.status).toBe(200);
  const pipeline = res.body.items.find((p: { isDefault: boolean }) => p.isDefault);
  const stages = pipeline.stages as { id: string; kind: string; probability: number; name: string }[];
  const open = stages.filter((s) => s.kind === 'open');
  const openAt = (i: number): string => {
    const stage = open[i];
    if (!stage) throw new Error(`the default pipeline has no open stage #${i}`);
    return stage.id;
  };
  return {
    id: pipeline.id as string,
    stages,
    open: [openAt(0), openAt(1), openAt(2), openAt(3), openAt(4)] as const,
    won: stages.find((s) => s.kind === 'won')?.id as string,
    lost: stages.find((s) => s.kind === 'lost')?.id as string,
  };
}

export async function firstLostReason(session: Session): Promise<string> {
  const res = await session.request('GET', '/api/lost-reasons');
  expect(res.status).toBe(200);
  return res.body.items[0].id;
}

export async function createProduct(session: Session, body: Record<string, unknown> = {}): Promise<Product> {
  const res = await session.request('POST', '/api/products', {
    name: `Product ${Math.random().toString(36).slice(2, 8)}`,
    priceMinor: 100_00,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return Product.parse(res.body);
}

export async function createDeal(session: Session, body: Record<string, unknown> = {}): Promise<DealDetails> {
  const res = await session.request('POST', '/api/deals', { title: 'Deal', amountMinor: 1000_00, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return DealDetails.parse(res.body);
}

export async function moveDeal(session: Session, deal: { id: string; version: number }, body: Record<string, unknown>) {
  return session.request('POST', `/api/deals/${deal.id}/stage`, { version: deal.version, ...body });
}

export async function insertCompany(t: TestApp, org: TestOrg, name: string, ownerId: string | null = null) {
  return withOrg(t.deps.db, org.orgId, async (tx) => {
    const row = await tx
      .insertInto('companies')
      .values({ org_id: org.orgId, name, owner_id: ownerId })
      .returning('company_id')
      .executeTakeFirstOrThrow();
    return row.company_id;
  });
}

export async function insertContact(t: TestApp, org: TestOrg, fullName: string, companyId: string | null) {
  return withOrg(t.deps.db, org.orgId, async (tx) => {
    const row = await tx
      .insertInto('contacts')
      .values({ org_id: org.orgId, full_name: fullName, company_id: companyId })
      .returning('contact_id')
      .executeTakeFirstOrThrow();
    return row.contact_id;
  });
}

export async function insertTask(
  t: TestApp,
  org: TestOrg,
  task: { dealId: string; assigneeId: string; status?: 'open' | 'done'; dueAt?: Date },
) {
  await withOrg(t.deps.db, org.orgId, (tx) =>
    tx
      .insertInto('tasks')
      .values({
        org_id: org.orgId,
        title: 'Call back',
        due_at: task.dueAt ?? new Date(t.clock.now.getTime() + 86_400_000),
        status: task.status ?? 'open',
        completed_at: task.status === 'done' ? t.clock.now : null,
        assignee_id: task.assigneeId,
        deal_id: task.dealId,
      })
      .execute(),
  );
}

export async function insertActivity(
  t: TestApp,
  org: TestOrg,
  activity: { dealId: string; userId: string; status: 'planned' | 'done'; occurredAt: Date },
) {
  await withOrg(t.deps.db, org.orgId, (tx) =>
    tx
      .insertInto('activities')
      .values({
        org_id: org.orgId,
        kind: 'meeting',
        status: activity.status,
        occurred_at: activity.occurredAt,
        user_id: activity.userId,
        deal_id: activity.dealId,
      })
      .execute(),
  );
}

/** Audit entries of one record (newest last; entries of one instant in no set order). */
export async function auditOf(admin: Session, entity: string, entityId: string): Promise<AuditEntry[]> {
  const res = await admin.request('GET', `/api/audit?entity=${entity}&entityId=${entityId}&limit=200`);
  expect(res.status).toBe(200);
  return z.array(AuditEntry).parse(res.body.items).reverse();
}
