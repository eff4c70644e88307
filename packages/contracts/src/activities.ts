import { z } from 'zod';
import { NewLinks, RecordRef, SortOrder, UserRef } from './activity-fields.ts';
import { Day, Id, Instant, PageQuery } from './common.ts';
import { Task, TaskPriority } from './tasks.ts';

// ── Shared pieces ────────────────────────────────────────────────────────────────────────────

export const ActivityKind = z.enum(['call', 'meeting', 'email', 'note']);
export type ActivityKind = z.infer<typeof ActivityKind>;
export const ActivityDirection = z.enum(['inbound', 'outbound']);
export type ActivityDirection = z.infer<typeof ActivityDirection>;
/** `missed` is for calls only; e-mails and notes are always `done` (they are logged after the fact). */
export const ActivityStatus = z.enum(['planned', 'done', 'missed', 'cancelled']);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

const Subject = z.string().trim().max(300);
const Text = z.string().max(20_000);
const DurationSec = z.number().int().min(0).max(86_400);
const Result = z.string().trim().max(500);
const RecordingUrl = z.url({ protocol: /^https?$/ }).max(2000);
/** As typed by a person or a PBX; the server normalises it to E.164 (invalid → 400 on the field). */
const RawPhone = z.string().trim().min(1).max(100);

/**
 * "Do what you promised when you promised": completing a call or meeting linked to an open deal
 * or lead names the next step — a task (linked to the same records; assigned to whoever did the
 * activity unless `assigneeId` says otherwise) or an explicit `none` with the reason.
 */
export const NextStepTask = z
  .object({
    title: z.string().trim().min(1).max(300),
    dueAt: Instant,
    assigneeId: Id.optional(),
    priority: TaskPriority.optional(),
  })
  .strict();
export const NoNextStep = z.object({ none: z.literal(true), reason: z.string().trim().min(1).max(500) }).strict();
export const ActivityNextStep = z.union([NextStepTask, NoNextStep]);
export type ActivityNextStep = z.infer<typeof ActivityNextStep>;

// ── Activities ───────────────────────────────────────────────────────────────────────────────

/**
 * What the asking user may do with an activity, decided by the server's activity policy: the
 * web shows only these controls (the server checks again on the write).
 */
export const ActivityPermissions = z.object({
  edit: z.boolean(),
  /** Only notes and still-planned meetings are deleted; what happened is history. */
  delete: z.boolean(),
  /** A planned call or meeting may be completed. */
  complete: z.boolean(),
});
export type ActivityPermissions = z.infer<typeof ActivityPermissions>;

export const Activity = z.object({
  id: Id,
  kind: ActivityKind,
  direction: ActivityDirection.nullable(),
  status: ActivityStatus,
  subject: z.string().nullable(),
  body: z.string().nullable(),
  /** When it happened, or when it is planned for. */
  occurredAt: z.string(),
  durationSec: z.number().int().nullable(),
  result: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  /** E.164, e.g. '+74951234567'. */
  phone: z.string().nullable(),
  /** Who performed it (made the call, held the meeting). */
  user: UserRef.nullable(),
  company: RecordRef.nullable(),
  contact: RecordRef.nullable(),
  lead: RecordRef.nullable(),
  deal: RecordRef.nullable(),
  /** The task created as this activity's next step, if any. */
  nextStepTaskId: Id.nullable(),
  /** Why a completed call or meeting has no next step, when the performer said so. */
  noNextStepReason: z.string().nullable(),
  createdById: Id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  permissions: ActivityPermissions,
});
export type Activity = z.infer<typeof Activity>;

const NewActivityCommon = {
  subject: Subject.nullable().optional(),
  /** Defaults to now. */
  occurredAt: Instant.optional(),
  /** Who performed it; defaults to the actor; someone else only if the actor may assign to them (422). */
  userId: Id.optional(),
  ...NewLinks,
};

/** A call; `status` defaults to `done`. A completed call linked to an open deal or lead needs `nextStep`. */
export const CreateCallRequest = z
  .object({
    kind: z.literal('call'),
    direction: ActivityDirection,
    status: z.enum(['planned', 'done', 'missed']).default('done'),
    body: Text.nullable().optional(),
    durationSec: DurationSec.nullable().optional(),
    result: Result.nullable().optional(),
    recordingUrl: RecordingUrl.nullable().optional(),
    phone: RawPhone.nullable().optional(),
    nextStep: ActivityNextStep.optional(),
    ...NewActivityCommon,
  })
  .strict();
/** A meeting; `status` defaults to `planned`. Completing it linked to an open deal or lead needs `nextStep`. */
export const CreateMeetingRequest = z
  .object({
    kind: z.literal('meeting'),
    status: z.enum(['planned', 'done']).default('planned'),
    body: Text.nullable().optional(),
    durationSec: DurationSec.nullable().optional(),
    result: Result.nullable().optional(),
    nextStep: ActivityNextStep.optional(),
    ...NewActivityCommon,
  })
  .strict();
/** A logged e-mail (always `done`). */
export const CreateEmailRequest = z
  .object({
    kind: z.literal('email'),
    direction: ActivityDirection,
    status: z.literal('done').default('done'),
    body: Text.nullable().optional(),
    ...NewActivityCommon,
  })
  .strict();
export const CreateNoteRequest = z
  .object({
    kind: z.literal('note'),
    status: z.literal('done').default('done'),
    body: z.string().trim().min(1).max(20_000),
    ...NewActivityCommon,
  })
  .strict();
export const CreateActivityRequest = z.discriminatedUnion('kind', [
  CreateCallRequest,
  CreateMeetingRequest,
  CreateEmailRequest,
  CreateNoteRequest,
]);
export type CreateActivityRequest = z.infer<typeof CreateActivityRequest>;

/**
 * An edit based on the `version` read (stale → 409). Fields that do not fit the activity's kind
 * are refused with 422 on the field. Status moves only from `planned` (to `done`, `cancelled`, or
 * `missed` for a call); completing asks for `nextStep` as on create.
 */
export const UpdateActivityRequest = z
  .object({
    version: z.number().int().min(1),
    status: ActivityStatus.optional(),
    direction: ActivityDirection.optional(),
    subject: Subject.nullable().optional(),
    body: Text.nullable().optional(),
    occurredAt: Instant.optional(),
    durationSec: DurationSec.nullable().optional(),
    result: Result.nullable().optional(),
    recordingUrl: RecordingUrl.nullable().optional(),
    phone: RawPhone.nullable().optional(),
    userId: Id.optional(),
    nextStep: ActivityNextStep.optional(),
    ...NewLinks,
  })
  .strict();
export type UpdateActivityRequest = z.infer<typeof UpdateActivityRequest>;

export const ActivitySort = z.enum(['occurredAt', 'createdAt']);
export const ActivitiesQuery = PageQuery.extend({
  /** Searches the subject, body and result. */
  q: z.string().trim().max(200).optional(),
  kind: ActivityKind.optional(),
  direction: ActivityDirection.optional(),
  status: ActivityStatus.optional(),
  userId: Id.optional(),
  companyId: Id.optional(),
  contactId: Id.optional(),
  leadId: Id.optional(),
  dealId: Id.optional(),
  /** occurredAt ≥ from */
  from: Instant.optional(),
  /** occurredAt < to */
  to: Instant.optional(),
  sort: ActivitySort.default('occurredAt'),
  order: SortOrder.default('desc'),
}).strict();
export type ActivitiesQuery = z.infer<typeof ActivitiesQuery>;

// ── My day ───────────────────────────────────────────────────────────────────────────────────

export const MyDayQuery = z.object({ userId: Id.optional() }).strict();

/** An open deal with neither an open task nor a planned activity still ahead. */
export const DealWithoutNextStep = z.object({
  deal: RecordRef,
  company: RecordRef.nullable(),
  stageName: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  /** The last completed activity on the deal, if any. */
  lastActivityAt: z.string().nullable(),
});
export type DealWithoutNextStep = z.infer<typeof DealWithoutNextStep>;

/** A lead handed to the user and not yet touched, waiting longer than the organisation's target. */
export const WaitingLead = z.object({
  lead: RecordRef,
  companyName: z.string().nullable(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  arrivedAt: z.string(),
  handedOffAt: z.string().nullable(),
  /** Business time (work calendar) since arrival, in milliseconds. */
  waitingMs: z.number().int(),
  targetMs: z.number().int(),
});
export type WaitingLead = z.infer<typeof WaitingLead>;

/**
 * A salesperson's day. `dueToday` holds open tasks due later today (in the user's time zone);
 * tasks whose due time has passed are in `overdue` only. Each list holds at most 100 items;
 * `counts` are complete.
 */
export const MyDay = z.object({
  user: UserRef.extend({ timeZone: z.string() }),
  day: Day,
  now: z.string(),
  counts: z.object({
    dueToday: z.number().int(),
    overdue: z.number().int(),
    missedCalls: z.number().int(),
    dealsWithoutNextStep: z.number().int(),
    leadsWaiting: z.number().int(),
  }),
  dueToday: z.array(Task),
  overdue: z.array(Task),
  /** Missed inbound calls with no later outbound call or e-mail to the same contact, company or number. */
  missedCalls: z.array(Activity),
  dealsWithoutNextStep: z.array(DealWithoutNextStep),
  leadsWaiting: z.array(WaitingLead),
});
export type MyDay = z.infer<typeof MyDay>;

// ── Saved list views ─────────────────────────────────────────────────────────────────────────

export const SavedViewEntity = z.enum([
  'companies',
  'contacts',
  'leads',
  'deals',
  'activities',
  'tasks',
  'products',
  'sales',
]);
export type SavedViewEntity = z.infer<typeof SavedViewEntity>;

/** A view's state (filters, sort, columns) is the web app's business; the server only bounds its size. */
export const MAX_VIEW_STATE_BYTES = 10_240;
export const SavedViewState = z
  .record(z.string(), z.unknown())
  .refine((state) => new TextEncoder().encode(JSON.stringify(state)).length <= MAX_VIEW_STATE_BYTES, {
    message: `At most ${MAX_VIEW_STATE_BYTES} bytes as JSON`,
  });

export const SavedView = z.object({
  id: Id,
  entity: SavedViewEntity,
  name: z.string(),
  state: z.record(z.string(), z.unknown()),
  /** Shared views are visible to everyone in the organisation; only the owner edits them. */
  shared: z.boolean(),
  owner: UserRef,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof SavedView>;

const ViewName = z.string().trim().min(1).max(100);
export const SavedViewsQuery = PageQuery.extend({ entity: SavedViewEntity.optional() }).strict();
export const CreateSavedViewRequest = z
  .object({
    entity: SavedViewEntity,
    name: ViewName,
    state: SavedViewState.default({}),
    shared: z.boolean().default(false),
  })
  .strict();
export const UpdateSavedViewRequest = z
  .object({ name: ViewName, state: SavedViewState, shared: z.boolean() })
  .partial()
  .strict();
