import { z } from 'zod';

/** Identifiers are UUIDs; anything else in a path is a 400, never a database error. */
export const Id = z.uuid();
/** A calendar day 'YYYY-MM-DD', held to years a business record can have. */
export const Day = z.iso
  .date()
  .refine((day) => day >= '1900-01-01' && day <= '2199-12-31', 'A day between 1900 and 2199');
export const Instant = z.iso.datetime({ offset: true });
export const Email = z
  .email()
  .max(254)
  .transform((value) => value.trim().toLowerCase());
export const Locale = z.enum(['ru', 'en']);
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'Unknown IANA time zone' })
  // 'europe/moscow' is accepted by Intl; store the canonical spelling.
  .transform((zone) => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone);
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. RUB');
export const NonEmptyName = z.string().trim().min(1).max(200);

export const IdParams = z.object({ id: Id }).strict();

/** Cursor pagination: `cursor` is opaque; `nextCursor` is null on the last page. */
export const PageQuery = z.object({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const Ok = z.object({ ok: z.literal(true) });

// Constructing an Intl formatter costs about half a millisecond, so each answer is remembered.
const timeZoneChecks = new Map<string, boolean>();
function isTimeZone(value: string): boolean {
  let known = timeZoneChecks.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      known = true;
    } catch {
      known = false;
    }
    if (timeZoneChecks.size < 10_000) timeZoneChecks.set(value, known);
  }
  return known;
}
