import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.ts';
import { openTestDatabase, testBackends } from '../test/databases.ts';
import { encodeCursor } from './cursor.ts';
import { AppError } from './errors.ts';
import { afterCursor, type KeysetKind, type KeysetSort, keysetPage, orderBy, readCursor, sortKey } from './keyset.ts';

const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

function rejection(kind: KeysetKind, cursor: string): unknown {
  try {
    readCursor({ kind }, cursor);
  } catch (error) {
    return error;
  }
  return null;
}

describe('readCursor', () => {
  const id = randomUUID();

  it('reads nothing on the first page', () => expect(readCursor({ kind: 'timestamp' }, undefined)).toBeNull());

  it.each([
    ['timestamp', '2026-03-02T09:00:00.123456Z'],
    ['timestamp', '2024-02-29T23:59:59.000000Z'],
    ['date', '2024-02-29'],
    ['integer', 0],
    ['integer', 123_456_789_00],
    ['text', 'ооо альфа'],
  ] as const)('accepts a %s cursor holding %j', (kind, value) => {
    expect(readCursor({ kind }, encodeCursor([value, id]))).toEqual([value, id]);
  });

  it.each([
    ['timestamp', 'a day that does not exist', forged(['2026-02-30T09:00:00.000000Z', id])],
    ['timestamp', 'a non-leap 29 February', forged(['2025-02-29T09:00:00.000000Z', id])],
    ['timestamp', 'hour 24', forged(['2026-03-02T24:00:00.000000Z', id])],
    ['timestamp', 'milliseconds only', forged(['2026-03-02T09:00:00.123Z', id])],
    ['timestamp', 'no time zone', forged(['2026-03-02T09:00:00.123456', id])],
    ['timestamp', 'an offset instead of UTC', forged(['2026-03-02T09:00:00.123456+03:00', id])],
    ['timestamp', "PostgreSQL's text form", forged(['2026-03-02 09:00:00.123456+00', id])],
    ['timestamp', 'a word PostgreSQL would read', forged(['now', id])],
    ['timestamp', 'a number', forged([1, id])],
    ['date', 'a day that does not exist', forged(['2026-02-30', id])],
    ['date', 'a timestamp', forged(['2026-03-02T09:00:00.000000Z', id])],
    ['date', 'a word PostgreSQL would read', forged(['infinity', id])],
    ['integer', 'a string', forged(['12', id])],
    ['integer', 'a fraction', forged([1.5, id])],
    ['integer', 'an unsafe integer', forged([2 ** 60, id])],
    ['text', 'a number', forged([12, id])],
    ['text', 'a NUL character', forged(['a\u0000b', id])],
    ['text', 'an over-long value', forged(['x'.repeat(1001), id])],
    ['text', 'an id that is not a UUID', forged(['alpha', 'not-a-uuid'])],
    ['text', 'a third element', forged(['alpha', id, 1])],
    ['text', 'not base64 JSON', 'garbage!'],
    ['text', 'JSON that is not a tuple', forged({ value: 'alpha', id })],
  ] as const)('refuses a %s cursor holding %s with 400 on query.cursor', (kind, _what, cursor) => {
    const error = rejection(kind, cursor);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', details: [{ path: 'query.cursor' }] });
  });

  it('checks the cursor while the query is built, before any SQL runs', () => {
    const sort: KeysetSort = { expression: sql.ref('r.at'), kind: 'timestamp', idColumn: 'r.id', order: 'asc' };
    expect(() => afterCursor(sort, forged(['2026-02-30T09:00:00.000000Z', randomUUID()]))).toThrow(AppError);
  });
});

describe('keysetPage', () => {
  it('carries the last row of a full page in the cursor, and none after the last page', () => {
    const rows = ['a', 'b', 'c'].map((name) => ({ sort_key: name, id_key: randomUUID() }));
    const page = keysetPage(rows, 2, (row) => row.sort_key);
    expect(page.items).toEqual(['a', 'b']);
    expect(readCursor({ kind: 'text' }, page.nextCursor ?? undefined)).toEqual(['b', rows[1]?.id_key]);
    expect(keysetPage(rows, 3, (row) => row.sort_key).nextCursor).toBeNull();
  });
});

interface Seed {
  id: string;
  at: string;
  day: string;
  amount: number;
  name: string;
}

const SORTS: Record<KeysetKind, { column: string; value: (row: Seed) => string | number }> = {
  timestamp: { column: 'r.at', value: (row) => row.at },
  date: { column: 'r.day', value: (row) => row.day },
  integer: { column: 'r.amount', value: (row) => row.amount },
  text: { column: 'r.name', value: (row) => row.name },
};

/**
 * Many rows inside one millisecond (and some sharing a microsecond, so the id breaks ties):
 * a cursor that carried milliseconds would repeat or skip them.
 */
function seedRows(): Seed[] {
  return Array.from({ length: 37 }, (_, i) => {
    const micros = String(((i * 7) % 13) * 37).padStart(3, '0');
    return {
      id: randomUUID(),
      at: `2026-03-02T09:00:00.123${micros}Z`,
      day: `2026-03-0${(i % 3) + 1}`,
      amount: (i % 5) * 100,
      name: `name ${i % 4}`,
    };
  });
}

function expectedOrder(rows: Seed[], kind: KeysetKind, order: 'asc' | 'desc'): string[] {
  const { value } = SORTS[kind];
  const compare = (a: Seed, b: Seed) => {
    const [x, y] = [value(a), value(b)];
    if (x !== y) return x < y ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
  const sorted = [...rows].sort(compare).map((row) => row.id);
  return order === 'asc' ? sorted : sorted.reverse();
}

for (const backend of testBackends()) {
  describe(`keyset pages over a real database [${backend}]`, () => {
    let database: DatabaseHandle;
    const rows = seedRows();

    beforeAll(async () => {
      // A fresh database of its own: a plain table is dropped with it.
      database = await openTestDatabase(backend);
      await sql`CREATE TABLE keyset_rows
        (id uuid PRIMARY KEY, at timestamptz NOT NULL, day date NOT NULL, amount bigint NOT NULL, name text NOT NULL)`.execute(
        database.db,
      );
      const values = rows.map(
        (row) => sql`(${row.id}::uuid, ${row.at}::timestamptz, ${row.day}::date, ${row.amount}, ${row.name})`,
      );
      await sql`INSERT INTO keyset_rows VALUES ${sql.join(values)}`.execute(database.db);
    });
    afterAll(async () => {
      await database?.close();
    });

    /** Walks every page on one connection whose session settings differ from the defaults. */
    async function walk(kind: KeysetKind, order: 'asc' | 'desc', limit: number) {
      return database.db.connection().execute(async (db) => {
        // The cursor format must not depend on how the session prints dates and times.
        await sql`SET TimeZone = 'Asia/Kathmandu'`.execute(db);
        await sql`SET DateStyle = 'SQL, DMY'`.execute(db);
        const sort: KeysetSort = { expression: sql.ref(SORTS[kind].column), kind, idColumn: 'r.id', order };
        const seen: string[] = [];
        const cursors: string[] = [];
        let cursor: string | undefined;
        for (let pages = 0; pages < 100; pages += 1) {
          const fetched = await sql<{ sort_key: string | number; id_key: string }>`
            SELECT ${sortKey(sort)} AS sort_key, r.id AS id_key FROM keyset_rows r
            WHERE ${afterCursor(sort, cursor)} ORDER BY ${orderBy(sort)} LIMIT ${limit + 1}`.execute(db);
          const page = keysetPage(fetched.rows, limit, (row) => row.id_key);
          seen.push(...page.items);
          if (!page.nextCursor) break;
          cursors.push(page.nextCursor);
          cursor = page.nextCursor;
        }
        await sql`RESET TimeZone`.execute(db);
        await sql`RESET DateStyle`.execute(db);
        return { seen, cursors };
      });
    }

    for (const order of ['asc', 'desc'] as const) {
      it(`pages timestamps that share a millisecond completely, ${order}: every row once, in order`, async () => {
        const { seen, cursors } = await walk('timestamp', order, 4);
        expect(seen).toEqual(expectedOrder(rows, 'timestamp', order));
        expect(readCursor({ kind: 'timestamp' }, cursors[0])?.[0]).toMatch(/^2026-03-02T09:00:00\.123\d{3}Z$/);
      });
    }

    for (const kind of ['date', 'integer', 'text'] as const) {
      it(`pages the ${kind} sort with ties completely, both ways`, async () => {
        for (const order of ['asc', 'desc'] as const) {
          expect((await walk(kind, order, 3)).seen, order).toEqual(expectedOrder(rows, kind, order));
        }
      });
    }
  });
}
