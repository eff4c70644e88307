import { type Task, type TaskPriority, UpdateTaskRequest } from '@pulse/contracts';
import type { UpdateTaskBody } from '../../api/activities.ts';
import { checkWith } from '../../shared/form-errors.ts';
import { zonedInstant, zonedParts } from '../../shared/format.ts';
import { changedLinks, linksOf, type WorkLinks } from '../activities/work-links.ts';

/** The edit form of a task as typed. */
export interface TaskFormValues {
  title: string;
  description: string;
  day: string;
  time: string;
  priority: TaskPriority;
  assigneeId: string | null;
  links: WorkLinks;
}

export function taskFormValues(task: Task, timeZone: string): TaskFormValues {
  const [day, time] = zonedParts(task.dueAt, timeZone);
  return {
    title: task.title,
    description: task.description ?? '',
    day,
    time,
    priority: task.priority,
    assigneeId: task.assignee.id,
    links: linksOf(task),
  };
}

type Checked<T> = { ok: true; data: T } | { ok: false; issues: { path: string }[] };

/** The PATCH the form makes: only what the user changed, based on the version read, checked against the contract. */
export function taskPatch(
  task: Task,
  initial: TaskFormValues,
  values: TaskFormValues,
  timeZone: string,
): Checked<UpdateTaskBody> {
  const body: Record<string, unknown> = { version: task.version };
  if (values.title !== initial.title) body.title = values.title;
  if (values.description !== initial.description) {
    body.description = values.description.trim() ? values.description : null;
  }
  if (values.day !== initial.day || values.time !== initial.time) {
    body.dueAt = values.day && values.time ? zonedInstant(values.day, values.time, timeZone) : '';
  }
  if (values.priority !== initial.priority) body.priority = values.priority;
  // A task always has an assignee: clearing the picker keeps the current one.
  if (values.assigneeId && values.assigneeId !== initial.assigneeId) body.assigneeId = values.assigneeId;
  Object.assign(body, changedLinks(initial.links, values.links));
  return checkWith(UpdateTaskRequest, body);
}
