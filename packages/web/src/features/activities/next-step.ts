import type { ActivityNextStep } from '@pulse/contracts';
import { isApiError } from '../../api/client.ts';
import { zonedInstant } from '../../shared/format.ts';

/** The next-step part of a form, as typed. */
export interface NextStepValues {
  mode: 'task' | 'none';
  title: string;
  day: string;
  time: string;
  reason: string;
}

export function emptyNextStep(day: string): NextStepValues {
  return { mode: 'task', title: '', day, time: '10:00', reason: '' };
}

/** The next step as the API takes it, or null while it is incomplete. */
export function toNextStep(values: NextStepValues, timeZone: string): ActivityNextStep | null {
  if (values.mode === 'none') {
    const reason = values.reason.trim();
    return reason ? { none: true, reason } : null;
  }
  const title = values.title.trim();
  if (!title || !values.day || !values.time) return null;
  return { title, dueAt: zonedInstant(values.day, values.time, timeZone) };
}

/** The API's way of saying "a completed call or meeting on open work needs its next step". */
export function needsNextStep(error: unknown): boolean {
  return (
    (isApiError(error, 'unprocessable') || isApiError(error, 'validation_failed')) &&
    error.details.some((issue) => issue.path === 'body.nextStep' || issue.path.startsWith('body.nextStep.'))
  );
}
