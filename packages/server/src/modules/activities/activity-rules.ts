import type { ActivityNextStep, TaskPriority } from '@pulse/contracts';
import { type CountryCode, normalizePhone } from '@pulse/domain';
import { AppError, conflict, unprocessable } from '../../http/errors.ts';
import { assertAssignable, linksOpenWork } from './linked-records.ts';
import type { WorkCtx } from './work-context.ts';

/** The kinds each optional field belongs to; anything else is a 422 on the field. */
const KINDS_OF_FIELD = {
  direction: ['call', 'email'],
  durationSec: ['call', 'meeting'],
  result: ['call', 'meeting'],
  recordingUrl: ['call'],
  phone: ['call'],
} as const;

/** Refuses fields an activity of this kind does not have (a note has no duration). */
export function assertFieldsFitKind(kind: string, input: Partial<Record<keyof typeof KINDS_OF_FIELD, unknown>>): void {
  for (const [field, kinds] of Object.entries(KINDS_OF_FIELD)) {
    if (input[field as keyof typeof KINDS_OF_FIELD] === undefined) continue;
    if (!(kinds as readonly string[]).includes(kind)) {
      throw unprocessable(`A ${kind} has no ${field}`, [{ path: `body.${field}`, message: `Not for a ${kind}` }]);
    }
  }
}

/** Where a planned activity may go; done, missed and cancelled ones are history. */
const MOVES_FROM_PLANNED: Record<string, readonly string[]> = {
  call: ['done', 'missed', 'cancelled'],
  meeting: ['done', 'cancelled'],
  email: [],
  note: [],
};

export function assertStatusMove(kind: string, from: string, to: string): void {
  if (to === from) return;
  if (from !== 'planned') {
    throw conflict(`This ${kind} is ${from}: it is history and its status cannot change`, [
      { path: 'body.status', message: `Already ${from}` },
    ]);
  }
  if (!(MOVES_FROM_PLANNED[kind] ?? []).includes(to)) {
    throw unprocessable(`A ${kind} cannot become ${to}`, [{ path: 'body.status', message: `Not for a ${kind}` }]);
  }
}

/** Minutes a "done" time may lie ahead of the server clock (a phone's clock runs a little fast). */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Something that happened cannot have happened in the future; a planned one may lie anywhere. */
export function assertNotInFuture(status: string, occurredAt: Date, now: Date): void {
  if (status !== 'planned' && status !== 'cancelled' && occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw unprocessable('A call, meeting or e-mail that took place cannot be in the future', [
      { path: 'body.occurredAt', message: 'In the future' },
    ]);
  }
}

/**
 * When an edited activity took place: at the time sent, else at the time it had — except a
 * planned call or meeting completed (done, or a missed call) before its planned time, which took
 * place now: what happened cannot lie in the future.
 */
export function occurredAtOnEdit(
  before: { status: string; occurredAt: Date },
  status: string,
  sent: string | undefined,
  now: Date,
): Date {
  if (sent !== undefined) return new Date(sent);
  const completedEarly =
    before.status === 'planned' &&
    status !== 'planned' &&
    status !== 'cancelled' &&
    before.occurredAt.getTime() > now.getTime();
  return completedEarly ? now : before.occurredAt;
}

/** The phone in E.164, read in the organisation's country; unreadable input is a 400 on body.phone. */
export async function normalizeActivityPhone(
  ctx: WorkCtx,
  raw: string | null | undefined,
): Promise<string | null | undefined> {
  if (raw === undefined || raw === null) return raw;
  const org = await ctx.tx
    .selectFrom('organizations')
    .select('country')
    .where('org_id', '=', ctx.actor.orgId)
    .executeTakeFirstOrThrow();
  const region = (/^[A-Z]{2}$/.test(org.country) ? org.country : 'RU') as CountryCode;
  const phone = normalizePhone(raw, region);
  if (phone.ok) return phone.e164;
  throw new AppError(400, 'validation_failed', 'Invalid body: body.phone', [
    { path: 'body.phone', message: phone.reason === 'too_long' ? 'Too many digits' : 'Not a phone number' },
  ]);
}

/** What a completed call or meeting leaves behind: a task to create, or the reason there is none. */
export interface ResolvedNextStep {
  task: { title: string; dueAt: Date; assigneeId: string; priority: TaskPriority } | null;
  noNextStepReason: string | null;
}

/**
 * "Do what you promised when you promised." A call or meeting whose outcome is being recorded
 * (done, or a missed call) may name its next step; one being completed while linked to an open
 * deal or lead must (422 on body.nextStep otherwise). Any other request may not carry one.
 */
export async function resolveNextStep(
  ctx: WorkCtx,
  activity: {
    kind: string;
    /** The status this request moves the activity into, or null when it does not move it. */
    outcome: string | null;
    links: { leadId: string | null; dealId: string | null };
    performerId: string | null;
  },
  nextStep: ActivityNextStep | undefined,
): Promise<ResolvedNextStep> {
  const none: ResolvedNextStep = { task: null, noNextStepReason: null };
  const recordsOutcome =
    (activity.kind === 'call' || activity.kind === 'meeting') &&
    (activity.outcome === 'done' || activity.outcome === 'missed');
  if (nextStep && !recordsOutcome) {
    throw unprocessable('A next step is named when a call or meeting is completed', [
      { path: 'body.nextStep', message: 'Only when completing a call or meeting' },
    ]);
  }
  if (!nextStep) {
    if (activity.outcome === 'done' && recordsOutcome && (await linksOpenWork(ctx, activity.links))) {
      throw unprocessable('Name the next step: a task with its due time, or none with the reason', [
        { path: 'body.nextStep', message: 'Required for a completed call or meeting on an open deal or lead' },
      ]);
    }
    return none;
  }
  if ('none' in nextStep) return { task: null, noNextStepReason: nextStep.reason };
  const dueAt = new Date(nextStep.dueAt);
  if (dueAt.getTime() <= ctx.deps.now().getTime()) {
    throw unprocessable('The next step is due in the future', [
      { path: 'body.nextStep.dueAt', message: 'Not in the future' },
    ]);
  }
  const assigneeId = nextStep.assigneeId ?? activity.performerId ?? ctx.actor.userId;
  await assertAssignable(ctx, assigneeId, 'body.nextStep.assigneeId');
  return {
    task: { title: nextStep.title, dueAt, assigneeId, priority: nextStep.priority ?? 'normal' },
    noNextStepReason: null,
  };
}
