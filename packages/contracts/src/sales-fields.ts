import { z } from 'zod';

// Field schemas shared by products, deals and sales lines. Internal to the contracts package:
// index.ts does not re-export this file. Money is always an integer number of minor units
// (kopecks) with the organisation's currency beside it; days are 'YYYY-MM-DD'.

/** An amount of money in minor units: a whole number, 0 or more, exactly representable. */
export const Minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Optional free text: trimmed, and an empty string means "none". */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable();
const hasDecimals = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals === value;
/** Units sold: more than 0, at most 3 decimals (the numeric(14, 3) column). */
export const Quantity = z
  .number()
  .gt(0)
  .max(99_999_999_999)
  .refine((v) => hasDecimals(v, 3), 'At most 3 decimal places');
/** A discount off a line, 0–100 %, at most 2 decimals. */
export const Discount = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => hasDecimals(v, 2), 'At most 2 decimal places');
/** A yes/no filter in a query string. */
export const Flag = z.enum(['true', 'false']);
/** A list's sort direction. */
export const SortOrder = z.enum(['asc', 'desc']);
