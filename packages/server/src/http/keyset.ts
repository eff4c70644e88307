import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from './cursor.ts';

/**
 * Keyset pagination over a sortable column: every list in the API pages this way, so a page
 * costs the same at row 100 as at row 100,000. The cursor holds the last row's sort value and
 * id; the sort expression must never be NULL (wrap nullable columns in COALESCE).
 */
export interface KeysetSort {
  /** SQL expression the list is ordered by, e.g. sql`lower(c.name)` or sql.ref('d.amount_minor'). */
  expression: RawBuilder<unknown> | Expression<unknown>;
  /** The unique tiebreaker column, e.g. 'd.deal_id'. */
  idColumn: string;
  order: 'asc' | 'desc';
}

const CursorKey = z.tuple([z.union([z.string().max(1000), z.number()]), z.uuid()]);

/** The WHERE condition that starts a page after the cursor (or `true` on the first page). */
export function afterCursor(sort: KeysetSort, cursor: string | undefined): Expression<SqlBool> {
  const key = decodeCursor(cursor, CursorKey);
  if (!key) return sql<SqlBool>`true`;
  const [value, id] = key;
  const op = sql.raw(sort.order === 'asc' ? '>' : '<');
  return sql<SqlBool>`(${sort.expression}, ${sql.ref(sort.idColumn)}) ${op} (${value}, ${id}::uuid)`;
}

/** ORDER BY for the sort, tiebroken by id in the same direction. */
export function orderBy(sort: KeysetSort): RawBuilder<unknown> {
  const dir = sql.raw(sort.order === 'asc' ? 'ASC' : 'DESC');
  return sql`${sort.expression} ${dir}, ${sql.ref(sort.idColumn)} ${dir}`;
}

/**
 * Turns limit + 1 fetched rows into a page. Rows must carry the sort value as `sort_key` and
 * their id as `id_key`.
 */
export function keysetPage<Row extends { sort_key: unknown; id_key: string }, Item>(
  rows: Row[],
  limit: number,
  present: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const sortValue = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'number' ? v : String(v));
  return {
    items: page.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor([sortValue(last.sort_key), last.id_key]) : null,
  };
}
