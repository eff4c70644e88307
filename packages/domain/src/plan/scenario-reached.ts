import type { ScenarioPlans } from './scenarios.ts';

/** Where a figure lands against the three scenarios. */
export type ScenarioLanding = 'below-pessimistic' | 'pessimistic' | 'realistic' | 'optimistic';

/**
 * The highest scenario a forecast (or fact) reaches: 'optimistic' at or above the optimistic
 * plan, 'realistic' from the realistic plan up to it, 'pessimistic' from the pessimistic plan up
 * to the realistic one, else 'below-pessimistic'. Reaching a plan exactly counts as reaching it.
 */
export function scenarioReached(forecastMinor: number, plans: ScenarioPlans): ScenarioLanding {
  if (forecastMinor >= plans.optimisticMinor) return 'optimistic';
  if (forecastMinor >= plans.realisticMinor) return 'realistic';
  if (forecastMinor >= plans.pessimisticMinor) return 'pessimistic';
  return 'below-pessimistic';
}
