import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from './cursor.ts';

/**
 * What a list is sorted by, which decides how its sort value travels in a cursor:
 * - `text`: the value itself (at most 1,000 characters);
 * - `integer`: a JSON number (a safe integer);
 * - `date`: a day, 'YYYY-MM-DD';
 * - `timestamp`: the instant in UTC with PostgreSQL's microseconds, '2026-03-02T09:00:00.123456Z'.
 *   A JS Date holds only milliseconds, and rows written with now() share a millisecond, so the
 *   value never passes through a Date: SQL prints it and SQL reads it back.
 */
export type KeysetKind = 'text' | 'integer' | 'date' | 'timestamp';

/**
 * Keyset pagination over a sortable column: every list in the API pages this way, so a page
 * costs the same at row 100 as at row 100,000. The cursor holds the last row's sort value and
 * id; the sort expression must never be NULL (wrap nullable columns in COALESCE).
 */
export interface KeysetSort {
  /** SQL expression the list is ordered by, e.g. sql`lower(c.name)` or sql.ref('d.amount_minor'). */
  expression: RawBuilder<unknown> | Expression<unknown>;
  /** The type of the expression, see {@link KeysetKind}. */
  kind: KeysetKind;
  /** The unique tiebreaker column, e.g. 'd.deal_id'. */
  idColumn: string;
  order: 'asc' | 'desc';
}

const UTC_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day that exists: '2026-02-30' reads as a date in JavaScript but not in PostgreSQL. */
function isRealDay(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, date));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
}

interface KindRules {
  /** What a decoded cursor value must be, checked before it reaches SQL. */
  value: z.ZodType<string | number>;
  /** The row's sort value as it goes into the cursor. */
  select: (expression: KeysetSort['expression']) => RawBuilder<string | number>;
  /** The cursor value as SQL, typed so PostgreSQL compares it as the sort expression's type. */
  param: (value: string | number) => RawBuilder<unknown>;
}

const KINDS: Record<KeysetKind, KindRules> = {
  text: {
    // PostgreSQL text cannot hold NUL.
    value: z
      .string()
      .max(1000)
      .refine((s) => !s.includes('\u0000')),
    select: (e) => sql<string>`${e}`,
    param: (v) => sql`${v}::text`,
  },
  integer: {
    value: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
    select: (e) => sql<number>`${e}`,
    param: (v) => sql`${v}::bigint`,
  },
  date: {
    value: z.string().refine((s) => DAY.test(s) && isRealDay(s)),
    // to_char, not ::text: the text form of a date follows the session's DateStyle.
    select: (e) => sql<string>`to_char(${e}, 'YYYY-MM-DD')`,
    param: (v) => sql`${v}::date`,
  },
  timestamp: {
    value: z.string().refine((s) => {
      const match = UTC_INSTANT.exec(s);
      return match !== null && isRealDay(match[1] as string);
    }),
    // Fixed to UTC and ISO 8601, whatever the session's TimeZone and DateStyle.
    select: (e) => sql<string>`to_char((${e}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    param: (v) => sql`${v}::timestamptz`,
  },
};

/**
 * The cursor's sort value and id, checked against the sort's kind: a cursor this API did not
 * issue is a 400 on query.cursor here, never a database error later. Null on the first page.
 */
export function readCursor(
  sort: Pick<KeysetSort, 'kind'>,
  cursor: string | undefined,
): [string | number, string] | null {
  return decodeCursor(cursor, z.tuple([KINDS[sort.kind].value, z.uuid()]));
}

/** The row's sort value in the form a cursor carries; select it `as('sort_key')`. */
export function sortKey(sort: KeysetSort): RawBuilder<string | number> {
  return KINDS[sort.kind].select(sort.expression);
}

/** The WHERE condition that starts a page after the cursor (or `true` on the first page). */
export function afterCursor(sort: KeysetSort, cursor: string | undefined): Expression<SqlBool> {
  const key = readCursor(sort, cursor);
  if (!key) return sql<SqlBool>`true`;
  const [value, id] = key;
  const op = sql.raw(sort.order === 'asc' ? '>' : '<');
  return sql<SqlBool>`(${sort.expression}, ${sql.ref(sort.idColumn)}) ${op} (${KINDS[sort.kind].param(value)}, ${id}::uuid)`;
}

/** ORDER BY for the sort, tiebroken by id in the same direction. */
export function orderBy(sort: KeysetSort): RawBuilder<unknown> {
  const dir = sql.raw(sort.order === 'asc' ? 'ASC' : 'DESC');
  return sql`${sort.expression} ${dir}, ${sql.ref(sort.idColumn)} ${dir}`;
}

/**
 * Turns limit + 1 fetched rows into a page. Rows must carry the sort value as `sort_key`
 * (selected with {@link sortKey}) and their id as `id_key`.
 */
export function keysetPage<Row extends { sort_key: string | number; id_key: string }, Item>(
  rows: Row[],
  limit: number,
  present: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor([last.sort_key, last.id_key]) : null,
  };
}
