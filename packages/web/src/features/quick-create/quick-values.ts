import {
  type ActivityDirection,
  CreateCallRequest,
  CreateMeetingRequest,
  CreateTaskRequest,
  type TaskPriority,
} from '@pulse/contracts';
import type { CreateActivityBody, CreateTaskBody } from '../../api/activities.ts';
import { checkWith } from '../../shared/form-errors.ts';
import { zonedInstant } from '../../shared/format.ts';
import { emptyNextStep, type NextStepValues, toNextStep } from '../activities/next-step.ts';
import type { CurrentRecord } from './current-record.tsx';

export type QuickKind = 'call' | 'meeting' | 'task';

/** The quick-create form as typed. */
export interface QuickValues {
  kind: QuickKind;
  direction: ActivityDirection;
  callStatus: 'done' | 'planned' | 'missed';
  meetingStatus: 'planned' | 'done';
  subject: string;
  body: string;
  result: string;
  phone: string;
  durationMin: string;
  day: string;
  time: string;
  priority: TaskPriority;
  assigneeId: string | null;
  linkCurrent: boolean;
  companyId: string | null;
  planNext: boolean;
  next: NextStepValues;
}

export function emptyQuickValues(kind: QuickKind, day: string, time: string): QuickValues {
  return {
    kind,
    direction: 'outbound',
    callStatus: 'done',
    meetingStatus: 'planned',
    subject: '',
    body: '',
    result: '',
    phone: '',
    durationMin: '',
    day,
    time,
    priority: 'normal',
    assigneeId: null,
    linkCurrent: true,
    companyId: null,
    planNext: false,
    next: emptyNextStep(day),
  };
}

/** Whether the form completes a call or meeting, the case that asks for a next step. */
export function completes(values: QuickValues): boolean {
  return (
    (values.kind === 'call' && values.callStatus === 'done') ||
    (values.kind === 'meeting' && values.meetingStatus === 'done')
  );
}

const blank = (text: string) => (text.trim() ? text.trim() : null);

function links(values: QuickValues, record: CurrentRecord | null) {
  if (values.linkCurrent && record) return record.links;
  return values.companyId ? { companyId: values.companyId } : {};
}

type Checked<T> = { ok: true; data: T } | { ok: false; issues: { path: string }[] };

/** The request the form makes, checked against its contract. */
export function quickRequest(
  values: QuickValues,
  record: CurrentRecord | null,
  timeZone: string,
): { kind: 'task'; checked: Checked<CreateTaskBody> } | { kind: 'activity'; checked: Checked<CreateActivityBody> } {
  const at = values.day && values.time ? zonedInstant(values.day, values.time, timeZone) : '';
  const nextStep = completes(values) && values.planNext ? (toNextStep(values.next, timeZone) ?? undefined) : undefined;
  const duration = values.durationMin.trim() ? Math.round(Number(values.durationMin) * 60) : null;
  if (values.kind === 'task') {
    return {
      kind: 'task',
      checked: checkWith(CreateTaskRequest, {
        title: values.subject,
        description: blank(values.body),
        dueAt: at,
        priority: values.priority,
        assigneeId: values.assigneeId ?? undefined,
        ...links(values, record),
      }),
    };
  }
  if (values.kind === 'call') {
    return {
      kind: 'activity',
      checked: checkWith(CreateCallRequest, {
        kind: 'call',
        direction: values.direction,
        status: values.callStatus,
        subject: blank(values.subject),
        body: blank(values.body),
        durationSec: duration,
        result: blank(values.result),
        phone: blank(values.phone),
        occurredAt: at || undefined,
        nextStep,
        ...links(values, record),
      }),
    };
  }
  return {
    kind: 'activity',
    checked: checkWith(CreateMeetingRequest, {
      kind: 'meeting',
      status: values.meetingStatus,
      subject: blank(values.subject),
      body: blank(values.body),
      durationSec: duration,
      result: blank(values.result),
      occurredAt: at || undefined,
      nextStep,
      ...links(values, record),
    }),
  };
}
