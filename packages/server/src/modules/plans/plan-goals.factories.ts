import { withOrg } from '../../db/tenant.ts';
import type { TestOrg } from '../../test/factories.ts';
import type { TestApp } from '../../test/server.ts';

// Test-only history for SMART goals: past deals and activities written straight into the
// database, since the API records neither at a past day.

/** A deal with the given status, amount and days, owned by someone. */
export async function insertDeal(
  t: TestApp,
  org: TestOrg,
  deal: {
    ownerId: string;
    pipelineId: string;
    stageId: string;
    status: string;
    amountMinor: number;
    createdAt: string;
    closedAt: string | null;
  },
): Promise<void> {
  await withOrg(t.deps.db, org.orgId, (tx) =>
    tx
      .insertInto('deals')
      .values({
        org_id: org.orgId,
        title: 'History',
        pipeline_id: deal.pipelineId,
        stage_id: deal.stageId,
        status: deal.status,
        owner_id: deal.ownerId,
        amount_minor: deal.amountMinor,
        created_at: new Date(deal.createdAt),
        closed_at: deal.closedAt === null ? null : new Date(deal.closedAt),
      })
      .execute(),
  );
}

/** `count` identical activities of a person at one instant. */
export async function insertActivities(
  t: TestApp,
  org: TestOrg,
  count: number,
  activity: { userId: string; kind: 'call' | 'meeting'; direction?: string; status?: string; at: string },
): Promise<void> {
  await withOrg(t.deps.db, org.orgId, (tx) =>
    tx
      .insertInto('activities')
      .values(
        Array.from({ length: count }, () => ({
          org_id: org.orgId,
          kind: activity.kind,
          direction: activity.direction ?? null,
          status: activity.status ?? 'done',
          occurred_at: new Date(activity.at),
          user_id: activity.userId,
        })),
      )
      .execute(),
  );
}
