import { loginAs, type TestOrg } from '../../test/factories.ts';
import type { Probes } from '../../test/probes.ts';
import type { TestApp } from '../../test/server.ts';
import { insertCompany, insertDeal } from './activities.factories.ts';

/** As A's sales manager: a note on a company of theirs, a task on a deal, and a shared view. */
async function recordsOfA(a: TestOrg, t: TestApp) {
  const manager = await loginAs(t, a.users.managerA.email);
  const companyId = await insertCompany(t, a, { name: 'Alpha Secret Client LLC', ownerId: a.users.managerA.id });
  const dealId = await insertDeal(t, a, { title: 'Alpha secret deal', ownerId: a.users.managerA.id, companyId });
  const note = await manager.request('POST', '/api/activities', {
    kind: 'note',
    body: 'Alpha secret note body',
    companyId,
  });
  const task = await manager.request('POST', '/api/tasks', {
    title: 'Alpha secret task',
    dueAt: new Date(t.clock.now.getTime() + 86_400_000).toISOString(),
    dealId,
  });
  const view = await manager.request('POST', '/api/views', {
    entity: 'deals',
    name: 'Alpha secret view',
    state: { filter: 'alpha-secret-filter' },
    shared: true,
  });
  if (note.status !== 201 || task.status !== 201 || view.status !== 201) {
    throw new Error(`probe setup failed: ${note.status} ${task.status} ${view.status}`);
  }
  const activityId: string = note.body.id;
  const taskId: string = task.body.id;
  const viewId: string = view.body.id;
  return {
    companyId,
    dealId,
    activityId,
    taskId,
    taskVersion: task.body.version as number,
    viewId,
    secrets: [
      companyId,
      dealId,
      activityId,
      taskId,
      viewId,
      'Alpha Secret Client',
      'Alpha secret',
      'alpha-secret-filter',
    ],
  };
}

/** Tenant-isolation probes for every route of this module (see http/tenant-isolation.test.ts). */
export const activityProbes: Probes = {
  'GET /api/activities': async (a, t) => {
    const { companyId, secrets } = await recordsOfA(a, t);
    return { url: `/api/activities?limit=200&companyId=${companyId}`, expect: 'no_leak', secrets };
  },
  'GET /api/activities/:id': async (a, t) => {
    const { activityId, secrets } = await recordsOfA(a, t);
    return { url: `/api/activities/${activityId}`, expect: 'not_found', secrets };
  },
  'POST /api/activities': async (a, t) => {
    const { companyId, dealId, secrets } = await recordsOfA(a, t);
    return {
      url: '/api/activities',
      body: { kind: 'call', direction: 'outbound', companyId, dealId, nextStep: { none: true, reason: 'probe' } },
      expect: 'not_found',
      secrets,
    };
  },
  'PATCH /api/activities/:id': async (a, t) => {
    const { activityId, secrets } = await recordsOfA(a, t);
    return { url: `/api/activities/${activityId}`, body: { version: 1, body: 'Stolen' }, expect: 'not_found', secrets };
  },
  'DELETE /api/activities/:id': async (a, t) => {
    const { activityId, secrets } = await recordsOfA(a, t);
    return { url: `/api/activities/${activityId}`, expect: 'not_found', secrets };
  },
  'GET /api/tasks': async (a, t) => {
    const { dealId, secrets } = await recordsOfA(a, t);
    return { url: `/api/tasks?limit=200&dealId=${dealId}`, expect: 'no_leak', secrets };
  },
  'GET /api/tasks/:id': async (a, t) => {
    const { taskId, secrets } = await recordsOfA(a, t);
    return { url: `/api/tasks/${taskId}`, expect: 'not_found', secrets };
  },
  'POST /api/tasks': async (a, t) => {
    const { dealId, secrets } = await recordsOfA(a, t);
    return {
      url: '/api/tasks',
      body: { title: 'Probe', dueAt: '2030-01-01T09:00:00Z', dealId },
      expect: 'not_found',
      secrets,
    };
  },
  'PATCH /api/tasks/:id': async (a, t) => {
    const { taskId, taskVersion, secrets } = await recordsOfA(a, t);
    return {
      url: `/api/tasks/${taskId}`,
      body: { version: taskVersion, title: 'Stolen' },
      expect: 'not_found',
      secrets,
    };
  },
  'POST /api/tasks/:id/complete': async (a, t) => {
    const { taskId, taskVersion, secrets } = await recordsOfA(a, t);
    return { url: `/api/tasks/${taskId}/complete`, body: { version: taskVersion }, expect: 'not_found', secrets };
  },
  'POST /api/tasks/:id/reopen': async (a, t) => {
    const { taskId, taskVersion, secrets } = await recordsOfA(a, t);
    return { url: `/api/tasks/${taskId}/reopen`, body: { version: taskVersion }, expect: 'not_found', secrets };
  },
  'POST /api/tasks/:id/cancel': async (a, t) => {
    const { taskId, taskVersion, secrets } = await recordsOfA(a, t);
    return { url: `/api/tasks/${taskId}/cancel`, body: { version: taskVersion }, expect: 'not_found', secrets };
  },
  'GET /api/my-day': async (a, t) => {
    const { secrets } = await recordsOfA(a, t);
    return { url: `/api/my-day?userId=${a.users.managerA.id}`, expect: 'not_found', secrets };
  },
  'GET /api/views': async (a, t) => {
    const { secrets } = await recordsOfA(a, t);
    return { url: '/api/views?limit=200', expect: 'no_leak', secrets };
  },
  'POST /api/views': async (a, t) => {
    const { secrets } = await recordsOfA(a, t);
    return {
      url: '/api/views',
      body: { entity: 'deals', name: 'Probe view', state: { columns: ['title'] }, shared: true },
      expect: 'no_leak',
      secrets,
    };
  },
  'PATCH /api/views/:id': async (a, t) => {
    const { viewId, secrets } = await recordsOfA(a, t);
    return { url: `/api/views/${viewId}`, body: { name: 'Stolen' }, expect: 'not_found', secrets };
  },
  'DELETE /api/views/:id': async (a, t) => {
    const { viewId, secrets } = await recordsOfA(a, t);
    return { url: `/api/views/${viewId}`, expect: 'not_found', secrets };
  },
};
