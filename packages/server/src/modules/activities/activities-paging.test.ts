import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { withOrg } from '../../db/tenant.ts';
import { createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase } from '../../test/server.ts';
import { ids, paths } from './activities.factories.ts';

/** An instant with microseconds, exactly as written (a Date would cut them). */
const instant = (iso: string) => sql<Date>`${iso}::timestamptz`;

/** Walks every page of a list, failing on any page that is not a 200. */
async function walk(session: Session, list: string, query: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const url: string = `/api/${list}?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await session.request('GET', url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    seen.push(...ids(res.body));
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  return seen;
}

interface Seeded {
  id: string;
  first: string;
  second: string;
}

/** One millisecond, different microseconds, as now() writes them; pairs share a microsecond. */
function seedTimes(count: number): Seeded[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    first: `2026-03-01T10:00:00.321${String(Math.floor(i / 2) * 13).padStart(3, '0')}Z`,
    second: `2026-03-01T11:00:00.654${String(((i * 4) % count) * 7).padStart(3, '0')}Z`,
  }));
}

function expected(rows: Seeded[], key: 'first' | 'second', order: 'asc' | 'desc'): string[] {
  const sorted = [...rows]
    .sort((a, b) => (a[key] === b[key] ? (a.id < b.id ? -1 : 1) : a[key] < b[key] ? -1 : 1))
    .map((row) => row.id);
  return order === 'asc' ? sorted : sorted.reverse();
}

const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

describeEachDatabase('activities and tasks: paging inside one millisecond', (ctx) => {
  let org: TestOrg;
  let admin: Session;
  const tag = randomUUID().slice(0, 8);
  const activities = seedTimes(11);
  const tasks = seedTimes(9);

  beforeAll(async () => {
    const t = ctx();
    org = await createTestOrg(t, 'Activity paging org');
    admin = await loginAs(t, org.users.admin.email);
    const userId = org.users.managerA.id;
    await withOrg(t.deps.db, org.orgId, async (tx) => {
      await tx
        .insertInto('activities')
        .values(
          activities.map((a) => ({
            org_id: org.orgId,
            activity_id: a.id,
            kind: 'note',
            body: `${tag} note`,
            user_id: userId,
            created_by: userId,
            occurred_at: instant(a.first),
            created_at: instant(a.second),
            updated_at: instant(a.second),
          })),
        )
        .execute();
      await tx
        .insertInto('tasks')
        .values(
          tasks.map((task) => ({
            org_id: org.orgId,
            task_id: task.id,
            title: `${tag} task`,
            assignee_id: userId,
            due_at: instant(task.first),
            created_at: instant(task.second),
            updated_at: instant(task.second),
          })),
        )
        .execute();
    });
  });

  it('pages every activity exactly once, in order, for each sort and order', async () => {
    for (const [sort, key] of [
      ['occurredAt', 'first'],
      ['createdAt', 'second'],
    ] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const query = `q=${tag}&sort=${sort}&order=${order}&limit=3`;
        expect(await walk(admin, 'activities', query), query).toEqual(expected(activities, key, order));
      }
    }
  });

  it('pages every task exactly once, in order, for each sort and order', async () => {
    for (const [sort, key] of [
      ['dueAt', 'first'],
      ['createdAt', 'second'],
    ] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const query = `q=${tag}&sort=${sort}&order=${order}&limit=2`;
        expect(await walk(admin, 'tasks', query), query).toEqual(expected(tasks, key, order));
      }
    }
  });

  it('refuses a forged cursor with 400 on query.cursor', async () => {
    for (const list of ['activities', 'tasks']) {
      for (const cursor of [
        forged(['2026-02-30T10:00:00.321000Z', randomUUID()]),
        forged(['2026-03-01 10:00:00.321+00', randomUUID()]),
        forged([1, randomUUID()]),
        'garbage',
      ]) {
        const res = await admin.request('GET', `/api/${list}?cursor=${cursor}`);
        expect(res.status, `${list} ${cursor}`).toBe(400);
        expect(paths(res.body)).toEqual(['query.cursor']);
      }
    }
  });
});
