import {
  AuditEntry,
  DealDetails,
  ErrorBody,
  LostReason,
  Pipeline,
  type PipelineStage,
  Product,
  pageOf,
} from '@pulse/contracts';
import { expect } from 'vitest';
import { z } from 'zod';
import { withOrg } from '../../db/tenant.ts';
import { expectBody, type RawResponse, type Session, type TestOrg, type TestResponse } from '../../test/factories.ts';
import type { TestApp } from '../../test/server.ts';

// Test-only helpers for this module's records. Companies, contacts, tasks and activities belong
// to other modules, so they are written straight into the database here.

const pathsOf = (body: unknown) => (ErrorBody.parse(body).error.details ?? []).map((d) => d.path);

/** Expects a 400 naming `path` among the failed fields. */
export function expectInvalid(res: RawResponse, path: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(ErrorBody.parse(res.body).error.code).toBe('validation_failed');
  expect(pathsOf(res.body)).toContain(path);
}

/** Expects an error status with its code (and the field, when given). */
export function expectError(res: RawResponse, status: 403 | 404 | 409 | 422, path?: string): void {
  const codes = { 403: 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'unprocessable' } as const;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(ErrorBody.parse(res.body).error.code).toBe(codes[status]);
  if (path) expect(pathsOf(res.body)).toContain(path);
}

/** The default pipeline's id and stages, with the ids of its seeded 5 open stages, won and lost. */
export interface DefaultPipeline {
  id: string;
  stages: PipelineStage[];
  open: readonly [string, string, string, string, string];
  won: string;
  lost: string;
}

/** The organisation's default pipeline, with its stages by kind (the seeded 5 open, won, lost). */
export async function defaultPipeline(session: Session): Promise<DefaultPipeline> {
  const res = await session.request('GET', '/api/pipelines');
  const pipeline = expectBody(res, 200, z.object({ items: z.array(Pipeline) })).items.find((p) => p.isDefault);
  if (!pipeline) throw new Error('the organisation has no default pipeline');
  const { stages } = pipeline;
  const idOf = (stage: PipelineStage | undefined, what: string): string => {
    if (!stage) throw new Error(`the default pipeline has no ${what} stage`);
    return stage.id;
  };
  const open = stages.filter((s) => s.kind === 'open');
  const openAt = (i: number) => idOf(open[i], `open #${i}`);
  const closing = (kind: 'won' | 'lost') =>
    idOf(
      stages.find((s) => s.kind === kind),
      kind,
    );
  return {
    id: pipeline.id,
    stages,
    open: [openAt(0), openAt(1), openAt(2), openAt(3), openAt(4)],
    won: closing('won'),
    lost: closing('lost'),
  };
}

export async function firstLostReason(session: Session): Promise<string> {
  const res = await session.request('GET', '/api/lost-reasons');
  const [first] = expectBody(res, 200, z.object({ items: z.array(LostReason) })).items;
  if (!first) throw new Error('the organisation has no lost reason');
  return first.id;
}

export async function createProduct(session: Session, body: Record<string, unknown> = {}): Promise<Product> {
  const res = await session.request('POST', '/api/products', {
    name: `Product ${Math.random().toString(36).slice(2, 8)}`,
    priceMinor: 100_00,
    ...body,
  });
  return expectBody(res, 201, Product);
}

export async function createDeal(session: Session, body: Record<string, unknown> = {}): Promise<DealDetails> {
  const res = await session.request('POST', '/api/deals', { title: 'Deal', amountMinor: 1000_00, ...body });
  return expectBody(res, 201, DealDetails);
}

/** Asks to move a deal to another stage; returns the response, whatever it is (tests check refusals too). */
export async function moveDeal(
  session: Session,
  deal: { id: string; version: number },
  body: Record<string, unknown>,
): Promise<TestResponse> {
  return session.request('POST', `/api/deals/${deal.id}/stage`, { version: deal.version, ...body });
}

export async function insertCompany(
  t: TestApp,
  org: TestOrg,
  name: string,
  ownerId: string | null = null,
): Promise<string> {
  return withOrg(t.deps.db, org.orgId, async (tx) => {
    const row = await tx
      .insertInto('companies')
      .values({ org_id: org.orgId, name, owner_id: ownerId })
      .returning('company_id')
      .executeTakeFirstOrThrow();
    return row.company_id;
  });
}

export async function insertContact(
  t: TestApp,
  org: TestOrg,
  fullName: string,
  companyId: string | null,
): Promise<string> {
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
): Promise<void> {
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
): Promise<void> {
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
  return expectBody(res, 200, pageOf(AuditEntry)).items.reverse();
}
