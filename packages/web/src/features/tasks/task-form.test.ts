import type { Task } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import { taskFormValues, taskPatch } from './task-form.ts';

const TZ = 'Europe/Moscow';
const task: Task = {
  id: '00000000-0000-4000-8000-000000000010',
  title: 'Отправить КП',
  description: null,
  dueAt: '2026-03-11T09:00:00.000Z',
  priority: 'normal',
  status: 'open',
  isOverdue: false,
  assignee: { id: '00000000-0000-4000-8000-000000000020', fullName: 'Иван Менеджеров' },
  createdById: null,
  completedAt: null,
  company: { id: '00000000-0000-4000-8000-000000000001', title: 'ООО «Насосы»' },
  contact: null,
  lead: null,
  deal: null,
  sourceActivityId: null,
  createdAt: '2026-03-10T07:31:00.000Z',
  updatedAt: '2026-03-10T07:31:00.000Z',
  version: 2,
  permissions: { edit: true, complete: true, reopen: false },
};
const initial = taskFormValues(task, TZ);

describe('taskFormValues', () => {
  it('shows the due time in the viewer’s time zone', () =>
    expect([initial.day, initial.time]).toEqual(['2026-03-11', '12:00']));
});

describe('taskPatch', () => {
  it('sends only the version when nothing changed', () =>
    expect(taskPatch(task, initial, initial, TZ)).toEqual({ ok: true, data: { version: 2 } }));

  it('sends a new title and due time', () =>
    expect(
      taskPatch(task, initial, { ...initial, title: 'Отправить договор', day: '2026-03-12', time: '15:30' }, TZ),
    ).toEqual({
      ok: true,
      data: { version: 2, title: 'Отправить договор', dueAt: '2026-03-12T12:30:00.000Z' },
    }));

  it('sends an emptied description as null', () => {
    const withText = taskFormValues({ ...task, description: 'Цены на март' }, TZ);
    expect(taskPatch(task, withText, { ...withText, description: '  ' }, TZ)).toEqual({
      ok: true,
      data: { version: 2, description: null },
    });
  });

  it('keeps the assignee when the picker is cleared', () =>
    expect(taskPatch(task, initial, { ...initial, assigneeId: null }, TZ)).toEqual({ ok: true, data: { version: 2 } }));

  it('sends a new link and a priority', () => {
    const dealId = '00000000-0000-4000-8000-000000000002';
    expect(taskPatch(task, initial, { ...initial, priority: 'high', links: { ...initial.links, dealId } }, TZ)).toEqual(
      { ok: true, data: { version: 2, priority: 'high', dealId } },
    );
  });

  it('names an empty title', () =>
    expect(taskPatch(task, initial, { ...initial, title: '  ' }, TZ)).toEqual({
      ok: false,
      issues: [{ path: 'title' }],
    }));
});
