import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { withOrg } from '../../db/tenant.ts';
import { createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase } from '../../test/server.ts';
import { ids, paths } from './leads.factories.ts';

/** An instant with microseconds, exactly as written (a Date would cut them). */
const instant = (iso: string) => sql<Date>`${iso}::timestamptz`;

/** Walks every page of a list, failing on any page that is not a 200. */
async function walk(session: Session, query: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const url: string = `/api/leads?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await session.request('GET', url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    seen.push(...ids(res.body));
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  return seen;
}

describeEachDatabase('leads: paging inside one millisecond', (ctx) => {
  let org: TestOrg;
  let admin: Session;
  const tag = randomUUID().slice(0, 8);
  /** Leads written by SQL, as now() writes them: one millisecond, different microseconds. */
  const seeded: { id: string; arrived: string; updated: string }[] = [];

  beforeAll(async () => {
    const t = ctx();
    org = await createTestOrg(t, 'Lead paging org');
    admin = await loginAs(t, org.users.admin.email);
    for (let i = 0; i < 11; i += 1) {
      // Two leads share each microsecond of arrival, so the id breaks those ties.
      const arrived = `2026-03-02T08:00:00.456${String(Math.floor(i / 2) * 11).padStart(3, '0')}Z`;
      const updated = `2026-03-02T08:30:00.789${String(((i * 5) % 11) * 3).padStart(3, '0')}Z`;
      seeded.push({ id: randomUUID(), arrived, updated });
    }
    await withOrg(t.deps.db, org.orgId, (tx) =>
      tx
        .insertInto('leads')
        .values(
          seeded.map((lead, i) => ({
            org_id: org.orgId,
            lead_id: lead.id,
            title: `${tag} lead ${i}`,
            source: 'web_form',
            arrived_at: instant(lead.arrived),
            created_at: instant(lead.arrived),
            updated_at: instant(lead.updated),
          })),
        )
        .execute(),
    );
  });

  function expected(key: 'arrived' | 'updated', order: 'asc' | 'desc'): string[] {
    const sorted = [...seeded]
      .sort((a, b) => (a[key] === b[key] ? (a.id < b.id ? -1 : 1) : a[key] < b[key] ? -1 : 1))
      .map((lead) => lead.id);
    return order === 'asc' ? sorted : sorted.reverse();
  }

  it('pages every lead exactly once, in order, for each sort and order', async () => {
    for (const sort of ['arrived', 'updated'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const query = `q=${tag}&sort=${sort}&order=${order}&limit=3`;
        expect(await walk(admin, query), query).toEqual(expected(sort, order));
      }
    }
  });

  it('refuses a forged cursor with 400 on query.cursor', async () => {
    const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const cursor of [
      forged(['2026-02-30T08:00:00.456000Z', randomUUID()]),
      forged(['2026-03-02T08:00:00.456Z', randomUUID()]),
      forged([1, randomUUID()]),
      forged(['yesterday', randomUUID()]),
      'garbage',
    ]) {
      const res = await admin.request('GET', `/api/leads?sort=updated&cursor=${cursor}`);
      expect(res.status, cursor).toBe(400);
      expect(paths(res.body)).toEqual(['query.cursor']);
    }
  });
});
