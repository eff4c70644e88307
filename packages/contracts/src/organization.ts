import { z } from 'zod';
import { Currency, Id, Locale, NonEmptyName, TimeZone } from './common.ts';

export const Organization = z.object({
  id: Id,
  name: z.string(),
  currency: Currency,
  timeZone: z.string(),
  locale: Locale,
  country: z.string(),
});
export type Organization = z.infer<typeof Organization>;

export const UpdateOrganizationRequest = z
  .object({ name: NonEmptyName, currency: Currency, timeZone: TimeZone, locale: Locale })
  .partial()
  .strict();
