import type { ClientLifecycle } from '@pulse/contracts';
import { type CountryCode, localDay } from '@pulse/domain';
import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';

/** What client rules read from the organisation: lifecycle thresholds, today, the phone region. */
export interface ClientSettings {
  /** Today in the organisation's time zone, 'YYYY-MM-DD'. */
  today: string;
  dormantAfterDays: number;
  lostAfterDays: number;
  /** Default region for phone numbers typed without a country code. */
  region: CountryCode;
}

export async function loadClientSettings(tx: Tx, orgId: string, now: Date): Promise<ClientSettings> {
  const org = await tx
    .selectFrom('organizations')
    .select(['time_zone', 'country', 'dormant_after_days', 'lost_after_days'])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return {
    today: localDay(now, org.time_zone),
    dormantAfterDays: org.dormant_after_days,
    lostAfterDays: org.lost_after_days,
    region: org.country as CountryCode,
  };
}

/**
 * The purchase history of a company as of today: a lateral subquery giving `last_day` (the
 * latest sale day up to today, or null) and `purchase_days` (distinct sale days up to today).
 */
export function purchaseHistory(settings: ClientSettings, companyIdColumn: string, orgIdColumn: string) {
  return sql<{ last_day: string | null; purchase_days: number }>`(
    SELECT max(s.sale_date) AS last_day, count(DISTINCT s.sale_date)::int AS purchase_days
    FROM sales s
    WHERE s.org_id = ${sql.ref(orgIdColumn)} AND s.company_id = ${sql.ref(companyIdColumn)}
      AND s.sale_date <= ${settings.today}::date)`;
}

/**
 * The domain's clientLifecycle rule in SQL over a {@link purchaseHistory} aliased `alias`, so a
 * list can filter and page by it; lifecycle.test.ts checks both give the same answers.
 * "More than N days" is strict, as in the domain.
 */
export function lifecycleSql(settings: ClientSettings, alias: string): RawBuilder<ClientLifecycle> {
  const last = sql.ref(`${alias}.last_day`);
  const days = sql.ref(`${alias}.purchase_days`);
  const since = sql`(${settings.today}::date - ${last})`;
  return sql<ClientLifecycle>`(CASE
    WHEN ${last} IS NULL THEN 'new'
    WHEN ${since} > ${settings.lostAfterDays}::int THEN 'lost'
    WHEN ${since} > ${settings.dormantAfterDays}::int THEN 'dormant'
    WHEN ${days} >= 2 THEN 'repeat'
    ELSE 'active' END)`;
}
