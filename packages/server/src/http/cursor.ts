import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Opaque keyset cursors: the sort key of the last row seen, base64url-encoded JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor and checks its key against the list's own key schema (a 400 otherwise). */
export function decodeCursor<K extends z.ZodType>(cursor: string | undefined, key: K): z.output<K> | null {
  if (cursor === undefined) return null;
  try {
    return key.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError(400, 'validation_failed', 'Invalid cursor', [
      { path: 'query.cursor', message: 'Not a cursor this API issued' },
    ]);
  }
}

/** Splits a page fetched with limit + 1 rows into the page and the next cursor. */
export function pageFrom<Row, Item>(
  rows: Row[],
  limit: number,
  present: (row: Row) => Item,
  keyOf: (row: Row) => (string | number)[],
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
