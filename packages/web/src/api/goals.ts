import { MyGoals, PlanGoal, PlanGoalList } from '@pulse/contracts';
import { http } from './client.ts';

/** Generates (or regenerates, keeping a head's adjusted targets) a month's goals of an approved plan. */
export async function generatePlanGoals(planId: string, month: string): Promise<PlanGoal[]> {
  return (await http.post(`/api/plans/${planId}/goals`, PlanGoalList, { month })).items;
}

export async function findPlanGoals(
  filters: { planId?: string; month?: string; userId?: string },
  signal?: AbortSignal,
): Promise<PlanGoal[]> {
  return (await http.get('/api/plan-goals', PlanGoalList, { query: { ...filters }, signal })).items;
}

export function adjustPlanGoal(id: string, body: { target: number; reason: string }): Promise<PlanGoal> {
  return http.patch(`/api/plan-goals/${id}`, PlanGoal, body);
}

export function getMyGoals(signal?: AbortSignal): Promise<MyGoals> {
  return http.get('/api/my-goals', MyGoals, { signal });
}
