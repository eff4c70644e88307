import { PlanRefusalReason } from '@pulse/contracts';
import { isApiError } from '../../api/client.ts';
import { isStale } from '../../shared/stale.ts';

/**
 * The translation key that says why a plan request was refused: a plan rule (422) by its reason,
 * a locked or stale plan (409) by which it is; null for any other error (the generic message).
 */
export type PlanErrorKey = `plans.refusals.${PlanRefusalReason}` | 'plans.errors.stale' | 'plans.errors.locked';

export function planErrorKey(error: unknown): PlanErrorKey | null {
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
