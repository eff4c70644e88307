import {
  type Activity,
  type ActivityDirection,
  type ActivityKind,
  type ActivityNextStep,
  type ActivityStatus,
  UpdateActivityRequest,
} from '@pulse/contracts';
import type { UpdateActivityBody } from '../../api/activities.ts';
import { checkWith } from '../../shared/form-errors.ts';
import { zonedInstant, zonedParts } from '../../shared/format.ts';
import { changedLinks, linksOf, type WorkLinks } from './work-links.ts';

/** The edit form of an activity as typed. */
export interface ActivityFormValues {
  status: ActivityStatus;
  direction: ActivityDirection | null;
  subject: string;
  body: string;
  day: string;
  time: string;
  durationMin: string;
  result: string;
  recordingUrl: string;
  phone: string;
  /** Who performed it. */
  userId: string | null;
  links: WorkLinks;
}

export type KindField = 'direction' | 'durationSec' | 'result' | 'recordingUrl' | 'phone';

/** The optional fields each kind has; the server refuses the others with a 422 on the field. */
const FIELDS_OF_KIND: Record<ActivityKind, readonly KindField[]> = {
  call: ['direction', 'durationSec', 'result', 'recordingUrl', 'phone'],
  meeting: ['durationSec', 'result'],
  email: ['direction'],
  note: [],
};

export function hasField(kind: ActivityKind, field: KindField): boolean {
  return FIELDS_OF_KIND[kind].includes(field);
}

/** Where a planned activity may go; a done, missed or cancelled one is history and keeps its status. */
const MOVES_FROM_PLANNED: Record<ActivityKind, readonly ActivityStatus[]> = {
  call: ['planned', 'done', 'missed', 'cancelled'],
  meeting: ['planned', 'done', 'cancelled'],
  email: [],
  note: [],
};

/** The statuses the form offers; empty when the status cannot change. */
export function statusChoices(activity: Pick<Activity, 'kind' | 'status'>): readonly ActivityStatus[] {
  return activity.status === 'planned' ? MOVES_FROM_PLANNED[activity.kind] : [];
}

/** Seconds as minutes for the form: 90 → '1.5', 120 → '2'. */
export function durationText(seconds: number | null): string {
  if (seconds === null) return '';
  return String(Math.round((seconds / 60) * 100) / 100);
}

/** Minutes as typed ('1,5') → whole seconds; NaN when it is not a number, so the contract check names the field. */
export function minutesToSeconds(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Math.round(Number(trimmed) * 60) : Number.NaN;
}

export function activityFormValues(activity: Activity, timeZone: string): ActivityFormValues {
  const [day, time] = zonedParts(activity.occurredAt, timeZone);
  return {
    status: activity.status,
    direction: activity.direction,
    subject: activity.subject ?? '',
    body: activity.body ?? '',
    day,
    time,
    durationMin: durationText(activity.durationSec),
    result: activity.result ?? '',
    recordingUrl: activity.recordingUrl ?? '',
    phone: activity.phone ?? '',
    userId: activity.user?.id ?? null,
    links: linksOf(activity),
  };
}

/** The edit records the outcome of a call or meeting: the one case that may (or must) name a next step. */
export function recordsOutcome(activity: Pick<Activity, 'kind' | 'status'>, values: ActivityFormValues): boolean {
  return (
    (activity.kind === 'call' || activity.kind === 'meeting') &&
    values.status !== activity.status &&
    (values.status === 'done' || values.status === 'missed')
  );
}

const blank = (text: string) => (text.trim() ? text.trim() : null);

type Checked<T> = { ok: true; data: T } | { ok: false; issues: { path: string }[] };

/**
 * The PATCH the form makes: only the fields the user changed (and only those the activity's kind
 * has), based on the version read, checked against the contract.
 */
export function activityPatch(
  activity: Activity,
  initial: ActivityFormValues,
  values: ActivityFormValues,
  timeZone: string,
  nextStep?: ActivityNextStep,
): Checked<UpdateActivityBody> {
  const kind = activity.kind;
  const body: Record<string, unknown> = { version: activity.version };
  if (values.status !== initial.status) body.status = values.status;
  if (hasField(kind, 'direction') && values.direction !== initial.direction) body.direction = values.direction;
  if (values.subject !== initial.subject) body.subject = blank(values.subject);
  if (values.body !== initial.body) body.body = blank(values.body);
  if (values.day !== initial.day || values.time !== initial.time) {
    body.occurredAt = values.day && values.time ? zonedInstant(values.day, values.time, timeZone) : '';
  }
  if (hasField(kind, 'durationSec') && values.durationMin !== initial.durationMin) {
    body.durationSec = minutesToSeconds(values.durationMin);
  }
  if (hasField(kind, 'result') && values.result !== initial.result) body.result = blank(values.result);
  if (hasField(kind, 'recordingUrl') && values.recordingUrl !== initial.recordingUrl) {
    body.recordingUrl = blank(values.recordingUrl);
  }
  if (hasField(kind, 'phone') && values.phone !== initial.phone) body.phone = blank(values.phone);
  if (values.userId && values.userId !== initial.userId) body.userId = values.userId;
  Object.assign(body, changedLinks(initial.links, values.links));
  if (nextStep && recordsOutcome(activity, values)) body.nextStep = nextStep;
  return checkWith(UpdateActivityRequest, body);
}
