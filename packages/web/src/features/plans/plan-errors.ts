import { PlanRefusalReason } from '@pulse/contracts';
import { isApiError } from '../../api/client.ts';
import { isStale } from '../../shared/stale.ts';

/** A translation key of {@link planErrorKey}. */
export type PlanErrorKey =
  | `plans.refusals.${PlanRefusalReason}`
  | 'plans.errors.stale'
  | 'plans.errors.locked'
  | 'plans.errors.noCapacityIn'
  | 'plans.errors.noCapacityInTeam';

/** A month nobody on a team works names the team and month in its path: `structure.units.<id>.months.<YYYY-MM>`. */
const NO_CAPACITY = /^structure(?:\.units\.([^.]+))?\.months\.(\d{4}-\d{2})$/;

/** The month ('YYYY-MM') and unit id (null: the plan's own scope) a `no_capacity` refusal is about. */
export function noCapacityOf(error: unknown): { month: string; unitId: string | null } | null {
  if (!isApiError(error, 'unprocessable')) return null;
  for (const issue of error.details) {
    const match = issue.message === 'no_capacity' ? NO_CAPACITY.exec(issue.path) : null;
    if (match?.[2]) return { month: match[2], unitId: match[1] ?? null };
  }
  return null;
}

/**
 * The translation key that says why a plan request was refused: a plan rule (422) by its reason,
 * a locked or stale plan (409) by which it is; null for any other error (the generic message).
 * A month nobody on a team works is said with the month, and the team when its name is known.
 */
export function planErrorKey(error: unknown, teamKnown = false): PlanErrorKey | null {
  if (noCapacityOf(error) !== null) return teamKnown ? 'plans.errors.noCapacityInTeam' : 'plans.errors.noCapacityIn';
  if (isApiError(error, 'unprocessable')) {
    for (const issue of error.details) {
      const reason = PlanRefusalReason.safeParse(issue.message);
      if (reason.success) return `plans.refusals.${reason.data}` as const;
    }
    return null;
  }
  if (isStale(error)) return 'plans.errors.stale';
  if (isApiError(error, 'conflict') && error.details.some((issue) => issue.path === 'status')) {
    return 'plans.errors.locked';
  }
  return null;
}
