import type { ColumnType } from 'kysely';

// Column types shared by the table files. Internal to db/: schema.ts does not re-export them.

/** timestamptz: pg reads it as a Date; write a Date. */
export type Timestamp = Date;
/** date: read and written as 'YYYY-MM-DD' (connection.ts keeps pg from turning it into a Date). */
export type DayColumn = ColumnType<string, string, string>;
/** numeric columns arrive from pg as strings (exact decimals); write numbers or strings. */
export type Decimal = ColumnType<string, number | string, number | string>;
/**
 * jsonb: written as a JSON string (`JSON.stringify`), read back already parsed, so `unknown`
 * until the reader checks its shape.
 */
export type Json = ColumnType<unknown, string, string>;
/**
 * A jsonb column with a database default: the same as `Json`, but an insert may leave it out.
 * Not `Generated<Json>`: that would nest a ColumnType inside another, so a select would see
 * the wrapper type and an insert or update could not take the JSON string.
 */
export type GeneratedJson = ColumnType<unknown, string | undefined, string>;
