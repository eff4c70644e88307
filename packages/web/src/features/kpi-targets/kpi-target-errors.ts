import { isApiError } from '../../api/client.ts';
import { isStale } from '../../shared/stale.ts';

/** The reasons the targets API gives in details[].message for a 409 or 422. */
export const TARGET_REFUSALS = [
  'unknown_kpi',
  'kpi_without_source',
  'no_daily_target',
  'period_out_of_order',
  'period_not_aligned',
  'not_finite',
  'negative',
  'not_whole',
  'percent_above_100',
  'thresholds_out_of_order',
  'subject_outside_scope',
  'overlapping_target',
] as const;
export type TargetRefusal = (typeof TARGET_REFUSALS)[number];

function isRefusal(message: string): message is TargetRefusal {
  return (TARGET_REFUSALS as readonly string[]).includes(message);
}

/**
 * A refusal (409 or 422) as reasons per form field: `body.amberAt` → `amberAt`. A stale version
 * is `version`. Null for any other error, which the caller reports as a whole.
 */
export function targetRefusals(error: unknown): Partial<Record<string, TargetRefusal | 'stale'>> | null {
  if (isStale(error)) return { version: 'stale' };
  if (!isApiError(error, 'conflict') && !isApiError(error, 'unprocessable')) return null;
  const fields: Partial<Record<string, TargetRefusal>> = {};
  for (const issue of error.details) {
    if (!isRefusal(issue.message)) continue;
    const field = issue.path.replace(/^(body|query)\./, '');
    fields[field] ??= issue.message;
  }
  return Object.keys(fields).length > 0 ? fields : null;
}
