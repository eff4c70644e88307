import {
  CreateTaskRequest,
  IdParams,
  pageOf,
  Task,
  TasksQuery,
  TaskTransitionRequest,
  UpdateTaskRequest,
} from '@pulse/contracts';
import { sessionRoute } from '../../http/route.ts';
import { createTask, getVisibleTask, listTasks, transitionTask, updateTask } from './tasks.service.ts';

const transition = (name: 'complete' | 'reopen' | 'cancel', summary: string) =>
  sessionRoute({
    method: 'POST',
    url: `/api/tasks/:id/${name}`,
    tag: 'tasks',
    summary,
    params: IdParams,
    body: TaskTransitionRequest,
    response: Task,
    errors: [403, 404, 409],
    handler: ({ params, body }, ctx) => transitionTask(ctx, params.id, name, body.version),
  });

export const taskRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/tasks',
    tag: 'tasks',
    summary: 'Tasks in your scope (by assignee), due soonest first unless sorted otherwise',
    query: TasksQuery,
    response: pageOf(Task),
    handler: ({ query }, ctx) => listTasks(ctx, query),
  }),
  sessionRoute({
    method: 'GET',
    url: '/api/tasks/:id',
    tag: 'tasks',
    summary: 'One task',
    params: IdParams,
    response: Task,
    errors: [404],
    handler: ({ params }, ctx) => getVisibleTask(ctx, params.id),
  }),
  sessionRoute({
    method: 'POST',
    url: '/api/tasks',
    tag: 'tasks',
    summary: 'Create a task for yourself or someone you may assign work to',
    body: CreateTaskRequest,
    response: Task,
    status: 201,
    errors: [403, 404, 422],
    handler: ({ body }, ctx) => createTask(ctx, body),
  }),
  sessionRoute({
    method: 'PATCH',
    url: '/api/tasks/:id',
    tag: 'tasks',
    summary: 'Edit an open task (send the version you read)',
    params: IdParams,
    body: UpdateTaskRequest,
    response: Task,
    errors: [403, 404, 409, 422],
    handler: ({ params, body }, ctx) => updateTask(ctx, params.id, body),
  }),
  transition('complete', 'Mark an open task done'),
  transition('reopen', 'Reopen a done or cancelled task'),
  transition('cancel', 'Cancel an open task'),
];
