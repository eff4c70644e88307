import { z } from 'zod';
import { Currency, Id, Locale, NonEmptyName, TimeZone } from './common.ts';

export const Organization = z.object({
  id: Id,
  name: z.string(),
  currency: Currency,
  timeZone: z.string(),
  locale: Locale,
  country: z.string(),
  /** How far above a rep's best month a monthly goal may go before it is flagged, basis points (2000 = 20 %). */
  achievabilityMarginBp: z.number().int(),
  /** Below this many closed deals a rep's funnel history is thin and the team's figures are used. */
  thinHistoryDeals: z.number().int(),
  /** 'HH:MM' in the organisation's zone: daily control flags a rep with no call by then. */
  callsExpectedBy: z.string(),
  /** Daily control flags a rep with more overdue tasks than this. */
  overdueTasksLimit: z.number().int(),
});
export type Organization = z.infer<typeof Organization>;

/**
 * The allowed values of the plan and daily-control settings. The API answers a value of the right
 * type outside them with 422 naming the field (a wrong type stays a 400); the form checks the same.
 */
export const PlanControlSettingsRules = z
  .object({
    achievabilityMarginBp: z.number().int().min(0).max(10_000),
    thinHistoryDeals: z.number().int().min(1).max(1_000),
    callsExpectedBy: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour'),
    overdueTasksLimit: z.number().int().min(0).max(1_000),
  })
  .partial();

export const UpdateOrganizationRequest = z
  .object({
    name: NonEmptyName,
    currency: Currency,
    timeZone: TimeZone,
    locale: Locale,
    achievabilityMarginBp: z.number(),
    thinHistoryDeals: z.number(),
    callsExpectedBy: z.string(),
    overdueTasksLimit: z.number(),
  })
  .partial()
  .strict();
export type UpdateOrganizationRequest = z.infer<typeof UpdateOrganizationRequest>;
