import { isApiError } from '../../api/client.ts';
import { isStale } from '../../shared/stale.ts';

/** The reasons the cycle and goal endpoints give in details[].message for a 409 or 422. */
export const PDCA_REFUSALS = [
  'stage_done',
  'plan_not_approved',
  'goals_not_issued',
  'not_reviewed',
  'no_funnel_history',
  'rep_outside_scope',
  'month_outside_period',
  'checked',
] as const;
type PdcaRefusal = (typeof PDCA_REFUSALS)[number];
export type PdcaErrorKey = `pdca.refusals.${PdcaRefusal}` | 'pdca.refusals.stale';

function isRefusal(message: string): message is PdcaRefusal {
  return (PDCA_REFUSALS as readonly string[]).includes(message);
}

/** Why a cycle request was refused (409 or 422) as a translation key; null for any other error. */
export function pdcaErrorKey(error: unknown): PdcaErrorKey | null {
  if (isStale(error)) return 'pdca.refusals.stale';
  if (!isApiError(error, 'conflict') && !isApiError(error, 'unprocessable')) return null;
  const reason = error.details.map((issue) => issue.message).find(isRefusal);
  return reason ? `pdca.refusals.${reason}` : null;
}
