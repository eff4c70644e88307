import { z } from 'zod';
import { decodeCursor } from '../../http/cursor.ts';

/** A timestamptz as PostgreSQL prints it in the ISO DateStyle: '2026-03-02 12:00:00.123456+03'. */
const PG_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

const isRealDay = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
};

const TimestampText = z.string().refine((text) => {
  const match = PG_TIMESTAMP.exec(text);
  return match !== null && isRealDay(match[1] as string);
});

/**
 * Checks a keyset cursor over a timestamp column before it reaches SQL: a forged cursor holding
 * '2026-02-30' is a 400 on query.cursor, not a database error.
 */
export function assertTimestampCursor(cursor: string | undefined): void {
  decodeCursor(cursor, z.tuple([TimestampText, z.uuid()]));
}
