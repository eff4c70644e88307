import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { withoutOrg } from '../../db/tenant.ts';
import { AppError } from '../../http/errors.ts';

/** Failures counted over this window. */
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Failed logins allowed per account in the window (guessing one person's password). */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failed logins allowed per IP address in the window (spraying many accounts). */
export const MAX_FAILURES_PER_IP = 30;

/** Refuses with 429 while the account or the address has failed too often recently. */
export async function assertLoginAllowed(db: Kysely<Database>, email: string, ip: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const rows = await withoutOrg(db, (tx) =>
    tx
      .selectFrom('login_failures')
      .select(['key', sql<number>`count(*)::int`.as('failures')])
      .where('key', 'in', [`email:${email}`, `ip:${ip}`])
      .where('failed_at', '>', since)
      .groupBy('key')
      .execute(),
  );
  const count = (key: string) => rows.find((r) => r.key === key)?.failures ?? 0;
  if (count(`email:${email}`) >= MAX_FAILURES_PER_ACCOUNT || count(`ip:${ip}`) >= MAX_FAILURES_PER_IP) {
    throw new AppError(429, 'rate_limited', 'Too many failed logins; try again in 15 minutes');
  }
}

/** Counts a failure against both the account and the address; prunes old entries as it goes. */
export async function recordLoginFailure(db: Kysely<Database>, email: string, ip: string, now: Date): Promise<void> {
  await withoutOrg(db, async (tx) => {
    await tx
      .insertInto('login_failures')
      .values([
        { key: `email:${email}`, failed_at: now },
        { key: `ip:${ip}`, failed_at: now },
      ])
      .execute();
    await tx
      .deleteFrom('login_failures')
      .where('failed_at', '<', new Date(now.getTime() - LOGIN_WINDOW_MS))
      .execute();
  });
}

export async function clearLoginFailures(db: Kysely<Database>, email: string): Promise<void> {
  await withoutOrg(db, (tx) => tx.deleteFrom('login_failures').where('key', '=', `email:${email}`).execute());
}
