import type { Activity } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import {
  activityFormValues,
  activityPatch,
  durationText,
  hasField,
  minutesToSeconds,
  recordsOutcome,
  statusChoices,
} from './activity-form.ts';

const TZ = 'Europe/Moscow';
const company = { id: '00000000-0000-4000-8000-000000000001', title: 'ООО «Насосы»' };
const deal = { id: '00000000-0000-4000-8000-000000000002', title: 'Поставка насосов' };
const call: Activity = {
  id: '00000000-0000-4000-8000-000000000010',
  kind: 'call',
  direction: 'outbound',
  status: 'done',
  subject: 'Обсудить КП',
  body: null,
  occurredAt: '2026-03-10T07:30:00.000Z',
  durationSec: 95,
  result: null,
  recordingUrl: null,
  phone: '+74951234567',
  user: { id: '00000000-0000-4000-8000-000000000020', fullName: 'Иван Менеджеров' },
  company,
  contact: null,
  lead: null,
  deal,
  nextStepTaskId: null,
  noNextStepReason: null,
  createdById: null,
  createdAt: '2026-03-10T07:31:00.000Z',
  updatedAt: '2026-03-10T07:31:00.000Z',
  version: 3,
  permissions: { edit: true, delete: false, complete: false },
};
const meeting: Activity = { ...call, kind: 'meeting', direction: null, status: 'planned', phone: null };
const note: Activity = { ...call, kind: 'note', direction: null, durationSec: null, phone: null, body: 'Текст' };

describe('activityFormValues', () => {
  it('shows the time in the viewer’s time zone', () => {
    const values = activityFormValues(call, TZ);
    expect([values.day, values.time]).toEqual(['2026-03-10', '10:30']);
  });
  it('takes the links from the linked records', () =>
    expect(activityFormValues(call, TZ).links).toEqual({
      companyId: company.id,
      contactId: null,
      leadId: null,
      dealId: deal.id,
    }));
});

describe('activityPatch', () => {
  const initial = activityFormValues(call, TZ);

  it('sends only the version when nothing changed', () =>
    expect(activityPatch(call, initial, initial, TZ)).toEqual({ ok: true, data: { version: 3 } }));

  it('sends the changed fields, trimmed, and an emptied one as null', () =>
    expect(
      activityPatch(
        call,
        initial,
        { ...initial, subject: '  Согласовать цену ', phone: '', result: 'Договорились' },
        TZ,
      ),
    ).toEqual({
      ok: true,
      data: { version: 3, subject: 'Согласовать цену', phone: null, result: 'Договорились' },
    }));

  it('sends a new time as an instant in UTC', () => {
    const patch = activityPatch(call, initial, { ...initial, time: '09:15' }, TZ);
    expect(patch.ok && patch.data.occurredAt).toBe('2026-03-10T06:15:00.000Z');
  });

  it('sends a removed link as null and leaves the others out', () => {
    const patch = activityPatch(call, initial, { ...initial, links: { ...initial.links, dealId: null } }, TZ);
    expect(patch).toEqual({ ok: true, data: { version: 3, dealId: null } });
  });

  it('never sends a field the kind does not have', () => {
    const values = activityFormValues(note, TZ);
    const patch = activityPatch(note, values, { ...values, durationMin: '5', result: 'x', phone: '1' }, TZ);
    expect(patch).toEqual({ ok: true, data: { version: 3 } });
  });

  it('names a duration that is not a number', () =>
    expect(activityPatch(call, initial, { ...initial, durationMin: 'долго' }, TZ)).toEqual({
      ok: false,
      issues: [{ path: 'durationSec' }],
    }));

  it('names an emptied date', () => {
    const patch = activityPatch(call, initial, { ...initial, day: '' }, TZ);
    expect(patch.ok ? [] : patch.issues.map((issue) => issue.path)).toEqual(['occurredAt']);
  });

  it('adds the next step only when a planned meeting is being completed', () => {
    const planned = activityFormValues(meeting, TZ);
    const next = { title: 'Отправить договор', dueAt: '2026-03-12T07:00:00.000Z' };
    expect(activityPatch(meeting, planned, { ...planned, status: 'done' }, TZ, next)).toEqual({
      ok: true,
      data: { version: 3, status: 'done', nextStep: next },
    });
    expect(activityPatch(meeting, planned, { ...planned, subject: 'Встреча' }, TZ, next)).toEqual({
      ok: true,
      data: { version: 3, subject: 'Встреча' },
    });
  });
});

describe('statusChoices', () => {
  it('offers a planned call every outcome', () =>
    expect(statusChoices({ kind: 'call', status: 'planned' })).toEqual(['planned', 'done', 'missed', 'cancelled']));
  it('offers no "missed" for a meeting', () =>
    expect(statusChoices({ kind: 'meeting', status: 'planned' })).toEqual(['planned', 'done', 'cancelled']));
  it('offers nothing once the activity is history', () =>
    expect(statusChoices({ kind: 'call', status: 'done' })).toEqual([]));
});

describe('recordsOutcome', () => {
  const planned = activityFormValues(meeting, TZ);
  it('is true when a planned meeting becomes done', () =>
    expect(recordsOutcome(meeting, { ...planned, status: 'done' })).toBe(true));
  it('is false when it is cancelled', () =>
    expect(recordsOutcome(meeting, { ...planned, status: 'cancelled' })).toBe(false));
});

describe('hasField', () => {
  it('gives a call its recording', () => expect(hasField('call', 'recordingUrl')).toBe(true));
  it('gives an e-mail a direction but no duration', () =>
    expect([hasField('email', 'direction'), hasField('email', 'durationSec')]).toEqual([true, false]));
});

describe('duration in minutes', () => {
  it('shows seconds as minutes with at most two decimals', () =>
    expect([durationText(90), durationText(95), durationText(null)]).toEqual(['1.5', '1.58', '']));
  it('reads minutes with a decimal comma', () => expect(minutesToSeconds('1,5')).toBe(90));
  it('reads an empty box as no duration', () => expect(minutesToSeconds(' ')).toBeNull());
  it('reads text as not a number', () => expect(minutesToSeconds('5 мин')).toBeNaN());
});
