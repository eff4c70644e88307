import { localDay } from '@pulse/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { withOrg, withoutOrg } from '../../db/tenant.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createOrganization } from '../organizations/create-organization.ts';
import type { DatasetSize } from './dataset-size.ts';
import { generateDepartment } from './generate-department.ts';
import { type SeedDemoPlanResult, seedDemoPlan } from './seed-demo-plan.ts';

export const DEMO_PASSWORD = 'pulse-demo';
/** The seed of the demo everyone sees; any other gives another, equally believable department. */
export const DEMO_SEED = 20_240_901;
export const DEMO_EMAIL_DOMAIN = 'demo.test';
export const DEMO_ORG_NAME = 'Демо: ООО «Пульс Продаж»';

/** The demo logins README lists; every one uses DEMO_PASSWORD. */
export const DEMO_LOGINS = [
  { email: 'director@demo.test', role: 'commercial_director' },
  { email: 'head@demo.test', role: 'head_of_sales' },
  { email: 'manager@demo.test', role: 'sales_manager' },
  { email: 'leadgen@demo.test', role: 'lead_generation' },
  { email: 'quality@demo.test', role: 'quality_manager' },
  { email: 'admin@demo.test', role: 'admin' },
] as const;

/** Any fixed number: two instances starting at once on one server create the demo once. */
const DEMO_LOCK_KEY = 4_242_002;

export interface SeedDemoOptions {
  /** 'demo' (default) for people to explore; 'tiny' for tests that only need its shape. */
  size?: DatasetSize;
  seed?: number;
}

export interface SeedDemoResult {
  created: boolean;
  orgId: string;
  /** Rows written per table, when it was created now. */
  rows?: Record<string, number>;
  /** This year's approved plan with the month's goals, when it was made now. */
  plan?: SeedDemoPlanResult;
}

/**
 * Creates the demo organisation once: a sales department with two years of history up to the
 * day before `now`'s day in the organisation's zone, then this year's approved plan with the
 * month's PDCA cycle and goals (seed-demo-plan.ts). Later calls leave it (and any edits to it)
 * alone. The organisation, the department and the plan are each written in one transaction, so
 * an interrupted run is completed by the next one rather than leaving half a demo.
 */
export async function seedDemo(
  db: Kysely<Database>,
  now: Date,
  options: SeedDemoOptions = {},
): Promise<SeedDemoResult> {
  return db.connection().execute(async (lockConnection) => {
    await sql`SELECT pg_advisory_lock(${DEMO_LOCK_KEY})`.execute(lockConnection);
    try {
      return await seedOnce(db, now, options);
    } finally {
      await sql`SELECT pg_advisory_unlock(${DEMO_LOCK_KEY})`.execute(lockConnection);
    }
  });
}

async function seedOnce(db: Kysely<Database>, now: Date, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const loginOrg = (email: string) =>
    withoutOrg(db, (tx) => tx.selectFrom('user_logins').select('org_id').where('email', '=', email).executeTakeFirst());
  // The director is written with the department, so their login means the department is complete.
  const directorEmail = `director@${DEMO_EMAIL_DOMAIN}`;
  const complete = await loginOrg(directorEmail);
  if (complete) {
    // A run that died after the department but before the plan (or a demo made before demos had
    // plans): the plan step finishes it. With any plan there, it does nothing.
    const plan = await seedDemoPlan(db, complete.org_id, directorEmail, now);
    return plan ? { created: true, orgId: complete.org_id, plan } : { created: false, orgId: complete.org_id };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const interrupted = await loginOrg(`admin@${DEMO_EMAIL_DOMAIN}`);
  const orgId =
    interrupted?.org_id ??
    (
      await createOrganization(db, {
        name: DEMO_ORG_NAME,
        admin: { email: `admin@${DEMO_EMAIL_DOMAIN}`, fullName: 'Павел Администратов', password: null, passwordHash },
        now,
      })
    ).orgId;
  const timeZone = await withOrg(db, orgId, async (tx) => {
    const org = await tx
      .selectFrom('organizations')
      .select('time_zone')
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    return org.time_zone;
  });
  const rows = await generateDepartment(db, orgId, {
    size: options.size ?? 'demo',
    seed: options.seed ?? DEMO_SEED,
    anchorDay: localDay(now, timeZone),
    emailDomain: DEMO_EMAIL_DOMAIN,
    passwordHash,
  });
  const plan = await seedDemoPlan(db, orgId, directorEmail, now);
  return { created: true, orgId, rows, ...(plan ? { plan } : {}) };
}
