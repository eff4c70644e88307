import type { Task } from '@pulse/contracts';

/**
 * Whether a task's checkbox works: it completes an open task or reopens a done one, as far as
 * the server's permissions on the task allow; a cancelled task is reopened from its record.
 */
export function togglable(task: Pick<Task, 'status' | 'permissions'>): boolean {
  if (task.status === 'cancelled') return false;
  return task.status === 'done' ? task.permissions.reopen : task.permissions.complete;
}
