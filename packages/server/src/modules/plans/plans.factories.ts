import { ErrorBody, PlanDetails, PlanLines } from '@pulse/contracts';
import { expect } from 'vitest';
import { withOrg } from '../../db/tenant.ts';
import { expectBody, type RawResponse, type Session, type TestOrg } from '../../test/factories.ts';
import type { TestApp } from '../../test/server.ts';

// Test-only helpers for plans. Sales lines and people with given hire and leave days are written
// straight into the database: the API records sales at any day, but not people's past.

/** A plan body: 2026, typed realistic 12 000.00, pessimistic 90 %, optimistic 110 %. */
export function planBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Plan 2026',
    year: 2026,
    scopeUnitId: null,
    realistic: { basis: 'manual', amountMinor: 1_200_000 },
    pessimistic: { kind: 'percent', basisPoints: 9000 },
    optimistic: { kind: 'percent', basisPoints: 11000 },
    ...overrides,
  };
}

export async function createPlan(session: Session, overrides: Record<string, unknown> = {}): Promise<PlanDetails> {
  const res = await session.request('POST', '/api/plans', planBody(overrides));
  return expectBody(res, 201, PlanDetails);
}

export async function decompose(
  session: Session,
  plan: { id: string; version: number },
  body: Record<string, unknown> = {},
): Promise<PlanLines> {
  const res = await session.request('POST', `/api/plans/${plan.id}/decompose`, { version: plan.version, ...body });
  return expectBody(res, 200, PlanLines);
}

export async function approve(session: Session, plan: { id: string; version: number }): Promise<PlanDetails> {
  const res = await session.request('POST', `/api/plans/${plan.id}/approve`, { version: plan.version });
  return expectBody(res, 200, PlanDetails);
}

/** Expects a 422 refusal with the reason code (and the field, when given). */
export function expectRefusal(res: RawResponse, reason: string, path?: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  const { error } = ErrorBody.parse(res.body);
  expect(error.code).toBe('unprocessable');
  expect(error.details?.map((d) => d.message)).toContain(reason);
  if (path) expect(error.details?.map((d) => d.path)).toContain(path);
}

/** A sales line written straight into the database (any day, any owner). */
export async function insertSale(
  t: TestApp,
  org: TestOrg,
  sale: {
    day: string;
    amountMinor: number;
    ownerId?: string | null;
    channel?: string | null;
    productId?: string | null;
  },
): Promise<void> {
  await withOrg(t.deps.db, org.orgId, (tx) =>
    tx
      .insertInto('sales')
      .values({
        org_id: org.orgId,
        sale_date: sale.day,
        amount_minor: sale.amountMinor,
        quantity: 1,
        currency: 'RUB',
        owner_id: sale.ownerId ?? null,
        channel: sale.channel ?? null,
        product_id: sale.productId ?? null,
      })
      .execute(),
  );
}

/** A unit written straight into the database. */
export async function insertUnit(
  t: TestApp,
  org: TestOrg,
  unit: { name: string; kind: 'department' | 'team'; parentId: string },
): Promise<string> {
  return withOrg(t.deps.db, org.orgId, async (tx) => {
    const row = await tx
      .insertInto('units')
      .values({ org_id: org.orgId, name: unit.name, kind: unit.kind, parent_id: unit.parentId, head_user_id: null })
      .returning('unit_id')
      .executeTakeFirstOrThrow();
    return row.unit_id;
  });
}

/** A salesperson with a hire day and, for a leaver, the instant they were deactivated. */
export async function insertRep(
  t: TestApp,
  org: TestOrg,
  rep: { fullName: string; unitId: string; hireDate: string; deactivatedAt?: Date; role?: string },
): Promise<string> {
  return withOrg(t.deps.db, org.orgId, async (tx) => {
    const row = await tx
      .insertInto('users')
      .values({
        org_id: org.orgId,
        email: `${rep.fullName.toLowerCase().replace(/\W+/g, '.')}.${Math.random().toString(36).slice(2, 8)}@example.test`,
        full_name: rep.fullName,
        role: rep.role ?? 'sales_manager',
        unit_id: rep.unitId,
        hire_date: rep.hireDate,
        active: rep.deactivatedAt === undefined,
        deactivated_at: rep.deactivatedAt ?? null,
      })
      .returning('user_id')
      .executeTakeFirstOrThrow();
    return row.user_id;
  });
}

/** The stored tree of a plan, straight from the database: lines with year figures, and months. */
export async function storedTree(t: TestApp, org: TestOrg, planId: string) {
  return withOrg(t.deps.db, org.orgId, async (tx) => ({
    plan: await tx
      .selectFrom('plans')
      .select(['pessimistic_minor', 'realistic_minor', 'optimistic_minor'])
      .where('org_id', '=', org.orgId)
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow(),
    lines: await tx
      .selectFrom('plan_lines')
      .selectAll()
      .where('org_id', '=', org.orgId)
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute(),
    months: await tx
      .selectFrom('plan_line_months')
      .selectAll()
      .where('org_id', '=', org.orgId)
      .where('plan_id', '=', planId)
      .orderBy('month_start')
      .execute(),
  }));
}

const SCENARIOS = ['pessimistic_minor', 'realistic_minor', 'optimistic_minor'] as const;

/**
 * Checks the stored tree sums exactly, in all three scenarios: every root's months sum to the
 * plan's total, each line's months to its year figure, and each parent's month to the sum of its
 * children's month.
 */
export async function expectExactTree(t: TestApp, org: TestOrg, planId: string, monthCount = 12): Promise<void> {
  const { plan, lines, months } = await storedTree(t, org, planId);
  expect(lines.length).toBeGreaterThan(0);
  const monthsOf = (lineId: string) => months.filter((m) => m.plan_line_id === lineId);
  for (const line of lines) {
    const own = monthsOf(line.plan_line_id);
    expect(own).toHaveLength(monthCount);
    for (const scenario of SCENARIOS) {
      expect(
        own.reduce((sum, m) => sum + m[scenario], 0),
        `${line.kind} ${scenario} year`,
      ).toBe(line[scenario]);
      if (line.parent_line_id === null)
        expect(line[scenario], `root ${line.dimension} ${scenario}`).toBe(plan[scenario]);
      const children = lines.filter((child) => child.parent_line_id === line.plan_line_id);
      if (children.length === 0) continue;
      for (const month of own) {
        const sum = children.reduce(
          (total, child) =>
            total + (monthsOf(child.plan_line_id).find((m) => m.month_start === month.month_start)?.[scenario] ?? 0),
          0,
        );
        expect(sum, `${line.kind} ${scenario} ${month.month_start}`).toBe(month[scenario]);
      }
    }
  }
}
