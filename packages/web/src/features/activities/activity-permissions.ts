import type { Activity, Me } from '@pulse/contracts';
import { canRecordWork } from '../crm/permissions.ts';

// Mirrors the server's activity policy (activities.policy.ts) to hide controls; the server still decides.

/** Whoever records work may correct an activity they can see; the analyst only reads. */
export function canEditActivity(me: Me): boolean {
  return canRecordWork(me);
}

/** Only notes and still-planned meetings may be deleted; a call, e-mail or held meeting is history. */
export function canDeleteActivity(me: Me, activity: Pick<Activity, 'kind' | 'status'>): boolean {
  return (
    canRecordWork(me) && (activity.kind === 'note' || (activity.kind === 'meeting' && activity.status === 'planned'))
  );
}
