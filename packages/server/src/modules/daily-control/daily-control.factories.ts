import type { PlanDetails } from '@pulse/contracts';
import type { Session, TestOrg } from '../../test/factories.ts';
import { approve, createPlan, decompose } from '../plans/plans.factories.ts';

// Test-only helpers shared by the daily-control tests.

/**
 * Team A's plan for March 2026 at 21 000.00 (pessimistic 90 %, optimistic 110 %, the plan body's
 * defaults), split over the team and approved by its head: the plan the live KPIs' pipeline
 * coverage and the forecast red flag measure Anna, the team's only rep, against.
 */
export async function approvedTeamAMarchPlan(head: Session, org: TestOrg): Promise<PlanDetails> {
  const plan = await createPlan(head, {
    name: 'Team A, March',
    year: undefined,
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    scopeUnitId: org.units.teamA,
    realistic: { basis: 'manual', amountMinor: 2_100_000 },
  });
  return approve(head, (await decompose(head, plan)).plan);
}
