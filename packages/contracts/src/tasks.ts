import { z } from 'zod';
import { NewLinks, RecordRef, SortOrder, UserRef } from './activity-fields.ts';
import { Id, Instant, PageQuery } from './common.ts';

export const TaskPriority = z.enum(['low', 'normal', 'high']);
export type TaskPriority = z.infer<typeof TaskPriority>;
export const TaskStatus = z.enum(['open', 'done', 'cancelled']);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** What the asking user may do with a task now, decided by the server's task rules. */
export const TaskPermissions = z.object({
  /** Edit its fields: an open task only. */
  edit: z.boolean(),
  /** Complete (or cancel) it: an open task only. */
  complete: z.boolean(),
  /** Reopen a done or cancelled task. */
  reopen: z.boolean(),
});
export type TaskPermissions = z.infer<typeof TaskPermissions>;

export const Task = z.object({
  id: Id,
  title: z.string(),
  description: z.string().nullable(),
  dueAt: z.string(),
  priority: TaskPriority,
  status: TaskStatus,
  /** Open and its due time has passed (by the server's clock at the time of the answer). */
  isOverdue: z.boolean(),
  assignee: UserRef,
  createdById: Id.nullable(),
  completedAt: z.string().nullable(),
  company: RecordRef.nullable(),
  contact: RecordRef.nullable(),
  lead: RecordRef.nullable(),
  deal: RecordRef.nullable(),
  /** The call or meeting this task is the next step of. */
  sourceActivityId: Id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  permissions: TaskPermissions,
});
export type Task = z.infer<typeof Task>;

const TaskTitle = z.string().trim().min(1).max(300);
const TaskDescription = z.string().max(10_000);

export const CreateTaskRequest = z
  .object({
    title: TaskTitle,
    description: TaskDescription.nullable().optional(),
    dueAt: Instant,
    priority: TaskPriority.default('normal'),
    /** Defaults to the actor; someone else only if the actor may assign to them (422). */
    assigneeId: Id.optional(),
    ...NewLinks,
  })
  .strict();
export type CreateTaskRequest = z.infer<typeof CreateTaskRequest>;

/** Edits an open task (a done or cancelled one is reopened first: 409). Stale `version` → 409. */
export const UpdateTaskRequest = z
  .object({
    version: z.number().int().min(1),
    title: TaskTitle.optional(),
    description: TaskDescription.nullable().optional(),
    dueAt: Instant.optional(),
    priority: TaskPriority.optional(),
    assigneeId: Id.optional(),
    ...NewLinks,
  })
  .strict();
export type UpdateTaskRequest = z.infer<typeof UpdateTaskRequest>;

/** Complete, reopen or cancel: only the version read is sent. */
export const TaskTransitionRequest = z.object({ version: z.number().int().min(1) }).strict();

/**
 * The task list's status filter: one status, or 'not-cancelled' for open and done tasks alike
 * (what the tasks-on-time KPI counts).
 */
export const TaskStatusFilter = z.enum([...TaskStatus.options, 'not-cancelled']);
export type TaskStatusFilter = z.infer<typeof TaskStatusFilter>;

export const TaskSort = z.enum(['dueAt', 'createdAt']);
export const TasksQuery = PageQuery.extend({
  /** Searches the title and description. */
  q: z.string().trim().max(200).optional(),
  assigneeId: Id.optional(),
  status: TaskStatusFilter.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** dueAt ≥ dueFrom */
  dueFrom: Instant.optional(),
  /** dueAt < dueTo */
  dueTo: Instant.optional(),
  companyId: Id.optional(),
  contactId: Id.optional(),
  leadId: Id.optional(),
  dealId: Id.optional(),
  sort: TaskSort.default('dueAt'),
  order: SortOrder.default('asc'),
}).strict();
export type TasksQuery = z.infer<typeof TasksQuery>;
