import {
  type Activity,
  ActivityDirection,
  ActivityKind,
  ActivityStatus,
  type Task,
  TaskPriority,
  TaskStatus,
} from '@pulse/contracts';
import type { Actor } from '../access/actor.ts';
import { activityPermissions, taskPermissions } from './activities.policy.ts';
import type { ActivityRow } from './activities.queries.ts';
import type { TaskRow } from './tasks.queries.ts';

const ref = (id: string | null, title: string | null | undefined) => (id ? { id, title: title ?? '' } : null);

/** The API form of an activity row (with its joined names) and what `actor` may do with it. */
export function presentActivity(row: ActivityRow, actor: Actor): Activity {
  return {
    id: row.activity_id,
    kind: ActivityKind.parse(row.kind),
    direction: row.direction === null ? null : ActivityDirection.parse(row.direction),
    status: ActivityStatus.parse(row.status),
    subject: row.subject,
    body: row.body,
    occurredAt: row.occurred_at.toISOString(),
    durationSec: row.duration_sec,
    result: row.result,
    recordingUrl: row.recording_url,
    phone: row.phone_e164,
    user: row.user_id ? { id: row.user_id, fullName: row.user_name ?? '' } : null,
    company: ref(row.company_id, row.company_name),
    contact: ref(row.contact_id, row.contact_name),
    lead: ref(row.lead_id, row.lead_title),
    deal: ref(row.deal_id, row.deal_title),
    nextStepTaskId: row.next_step_task_id,
    noNextStepReason: row.no_next_step_reason,
    createdById: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    permissions: activityPermissions(actor, row),
  };
}

/** A task is overdue when its due time has passed and it is still open. */
export function isOverdue(task: { status: string; due_at: Date }, now: Date): boolean {
  return task.status === 'open' && task.due_at.getTime() < now.getTime();
}

/** The API form of a task row and what `actor` may do with it; `now` is the injected clock, for `isOverdue`. */
export function presentTask(row: TaskRow, now: Date, actor: Actor): Task {
  return {
    id: row.task_id,
    title: row.title,
    description: row.description,
    dueAt: row.due_at.toISOString(),
    priority: TaskPriority.parse(row.priority),
    status: TaskStatus.parse(row.status),
    isOverdue: isOverdue(row, now),
    assignee: { id: row.assignee_id, fullName: row.assignee_name ?? '' },
    createdById: row.created_by,
    completedAt: row.completed_at?.toISOString() ?? null,
    company: ref(row.company_id, row.company_name),
    contact: ref(row.contact_id, row.contact_name),
    lead: ref(row.lead_id, row.lead_title),
    deal: ref(row.deal_id, row.deal_title),
    sourceActivityId: row.source_activity_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    permissions: taskPermissions(actor, row),
  };
}

/** The fields an activity's audit entry records, named as in the API. */
export function auditedActivity(row: ActivityRow | null): Record<string, unknown> | null {
  if (!row) return null;
  return {
    kind: row.kind,
    direction: row.direction,
    status: row.status,
    subject: row.subject,
    body: row.body,
    occurredAt: row.occurred_at.toISOString(),
    durationSec: row.duration_sec,
    result: row.result,
    recordingUrl: row.recording_url,
    phone: row.phone_e164,
    userId: row.user_id,
    companyId: row.company_id,
    contactId: row.contact_id,
    leadId: row.lead_id,
    dealId: row.deal_id,
    noNextStepReason: row.no_next_step_reason,
  };
}

/** The fields a task's audit entry records, named as in the API. */
export function auditedTask(row: TaskRow | null): Record<string, unknown> | null {
  if (!row) return null;
  return {
    title: row.title,
    description: row.description,
    dueAt: row.due_at.toISOString(),
    priority: row.priority,
    status: row.status,
    assigneeId: row.assignee_id,
    completedAt: row.completed_at?.toISOString() ?? null,
    companyId: row.company_id,
    contactId: row.contact_id,
    leadId: row.lead_id,
    dealId: row.deal_id,
    sourceActivityId: row.source_activity_id,
  };
}
