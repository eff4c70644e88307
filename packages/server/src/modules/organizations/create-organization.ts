import { RUSSIAN_CALENDAR_YEARS } from '@pulse/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { withOrg } from '../../db/tenant.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { hashPassword } from '../auth/passwords.ts';
import { applyRussianYear } from '../calendar/russian-defaults.ts';
import { seedCrmDefaults } from '../crm-defaults/seed-crm-defaults.ts';

/** A new tenant with its work calendar and first administrator. */
export async function createOrganization(
  db: Kysely<Database>,
  input: {
    name: string;
    currency?: string;
    timeZone?: string;
    locale?: 'ru' | 'en';
    country?: string;
    admin: { email: string; fullName: string; password: string | null; passwordHash?: string };
    now: Date;
  },
): Promise<{ orgId: string; adminUserId: string }> {
  const orgId = crypto.randomUUID();
  const passwordHash =
    input.admin.passwordHash ?? (input.admin.password ? await hashPassword(input.admin.password) : null);
  return withOrg(db, orgId, async (tx) => {
    const country = input.country ?? 'RU';
    const timeZone = input.timeZone ?? 'Europe/Moscow';
    await tx
      .insertInto('organizations')
      .values({
        org_id: orgId,
        name: input.name,
        currency: input.currency ?? 'RUB',
        time_zone: timeZone,
        locale: input.locale ?? 'ru',
        country,
        created_at: input.now,
        updated_at: input.now,
      })
      .execute();
    await tx.insertInto('work_calendars').values({ org_id: orgId, time_zone: timeZone, country }).execute();
    await seedCrmDefaults(tx, orgId, input.locale ?? 'ru');
    if (country === 'RU') {
      for (const year of RUSSIAN_CALENDAR_YEARS) await applyRussianYear(tx, orgId, year);
    }
    const admin = await tx
      .insertInto('users')
      .values({
        org_id: orgId,
        email: input.admin.email.toLowerCase(),
        full_name: input.admin.fullName,
        role: 'admin',
        unit_id: null,
        manager_id: null,
        hire_date: null,
        locale: input.locale ?? 'ru',
        time_zone: timeZone,
        password_hash: passwordHash,
        created_at: input.now,
        updated_at: input.now,
      })
      .returning('user_id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('user_logins')
      .values({ email: input.admin.email.toLowerCase(), org_id: orgId, user_id: admin.user_id })
      .execute();
    await recordAudit(tx, {
      orgId,
      actorUserId: null,
      action: 'create',
      entity: 'organization',
      entityId: orgId,
      before: null,
      after: { name: input.name, currency: input.currency ?? 'RUB', timeZone, country },
      at: input.now,
    });
    return { orgId, adminUserId: admin.user_id };
  });
}
