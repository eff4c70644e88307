import { recordLeadTouch } from '../leads/leads.service.ts';
import type { WorkCtx } from './work-context.ts';

interface TouchFields {
  kind: string;
  direction: string | null;
  status: string;
  lead_id: string | null;
  occurred_at: Date;
}

/**
 * A person answering a lead: an outbound call (reached or not — the attempt is the response), an
 * outbound e-mail, or a meeting that took place. The lead's response time runs to the first one.
 */
export function isLeadTouch(activity: TouchFields): activity is TouchFields & { lead_id: string } {
  if (activity.lead_id === null) return false;
  if (activity.kind === 'meeting') return activity.status === 'done';
  if (activity.kind === 'call')
    return activity.direction === 'outbound' && ['done', 'missed'].includes(activity.status);
  return activity.kind === 'email' && activity.direction === 'outbound';
}

/** Tells the lead about a touch when the activity became one (or its lead or time changed). */
export async function touchLeadIfAnswered(ctx: WorkCtx, before: TouchFields | null, after: TouchFields): Promise<void> {
  if (!isLeadTouch(after)) return;
  const unchanged =
    before !== null &&
    isLeadTouch(before) &&
    before.lead_id === after.lead_id &&
    before.occurred_at.getTime() === after.occurred_at.getTime();
  if (unchanged) return;
  await recordLeadTouch(ctx.tx, ctx.actor.orgId, after.lead_id, after.occurred_at, {
    actorUserId: ctx.actor.userId,
    now: ctx.deps.now(),
  });
}
