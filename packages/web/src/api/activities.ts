import {
  type ActivitiesQuery,
  Activity,
  type CreateActivityRequest,
  type CreateTaskRequest,
  MyDay,
  Ok,
  pageOf,
  Task,
  type TasksQuery,
  type UpdateActivityRequest,
  type UpdateTaskRequest,
} from '@pulse/contracts';
import { http, type Output } from './client.ts';

const ActivityPage = pageOf(Activity);
const TaskPage = pageOf(Task);

export type ActivityPageData = Output<typeof ActivityPage>;
export type TaskPageData = Output<typeof TaskPage>;
export type ActivitiesQueryParams = Partial<Output<typeof ActivitiesQuery>>;
export type TasksQueryParams = Partial<Output<typeof TasksQuery>>;
export type CreateActivityBody = Output<typeof CreateActivityRequest>;
export type UpdateActivityBody = Output<typeof UpdateActivityRequest>;
export type CreateTaskBody = Output<typeof CreateTaskRequest>;
export type UpdateTaskBody = Output<typeof UpdateTaskRequest>;
export type TaskTransition = 'complete' | 'reopen' | 'cancel';

export function findActivities(query: ActivitiesQueryParams, signal?: AbortSignal): Promise<ActivityPageData> {
  return http.get('/api/activities', ActivityPage, { query, signal });
}

export function createActivity(body: CreateActivityBody): Promise<Activity> {
  return http.post('/api/activities', Activity, body);
}

export function updateActivity(id: string, body: UpdateActivityBody): Promise<Activity> {
  return http.patch(`/api/activities/${id}`, Activity, body);
}

export async function deleteActivity(id: string): Promise<void> {
  await http.delete(`/api/activities/${id}`, Ok);
}

export function findTasks(query: TasksQueryParams, signal?: AbortSignal): Promise<TaskPageData> {
  return http.get('/api/tasks', TaskPage, { query, signal });
}

export function createTask(body: CreateTaskBody): Promise<Task> {
  return http.post('/api/tasks', Task, body);
}

export function updateTask(id: string, body: UpdateTaskBody): Promise<Task> {
  return http.patch(`/api/tasks/${id}`, Task, body);
}

/** Completes, reopens or cancels a task read at `version`. */
export function transitionTask(id: string, transition: TaskTransition, version: number): Promise<Task> {
  return http.post(`/api/tasks/${id}/${transition}`, Task, { version });
}

/** A salesperson's day; a head passes the rep's id. */
export function getMyDay(userId: string | undefined, signal?: AbortSignal): Promise<MyDay> {
  return http.get('/api/my-day', MyDay, { query: { userId }, signal });
}
