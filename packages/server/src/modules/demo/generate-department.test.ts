import {
  businessTimeBetween,
  isInBusinessHours,
  isWorkingDay,
  lineAmount,
  localDay,
  normalizePhone,
  validateInn,
  validateKpp,
  type WorkCalendar,
} from '@pulse/domain';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { withOrg } from '../../db/tenant.ts';
import { openTestDatabase, testBackends } from '../../test/databases.ts';
import { loadWorkCalendar } from '../calendar/calendar.queries.ts';
import { createOrganization } from '../organizations/create-organization.ts';
import { generateDepartment } from './generate-department.ts';

/** A Monday; the history runs to Friday 2026-06-12. */
const ANCHOR = '2026-06-15';
const ANCHOR_START = new Date('2026-06-14T21:00:00Z');
const SEED = 7;

async function department(db: Kysely<Database>, domain: string, seed: number) {
  const { orgId } = await createOrganization(db, {
    name: `Демо ${domain}`,
    admin: { email: `admin@${domain}`, fullName: 'Павел Администратов', password: null },
    now: new Date('2026-06-15T06:00:00Z'),
  });
  const rows = await generateDepartment(db, orgId, {
    size: 'tiny',
    seed,
    anchorDay: ANCHOR,
    emailDomain: domain,
    passwordHash: null,
  });
  return { orgId, rows };
}

/** md5 of each table's key columns; references to the org's own defaults by name or position. */
const CHECKSUMS = {
  users: sql`SELECT md5(string_agg(concat_ws('|', user_id, split_part(email, '@', 1), full_name, role, unit_id, hire_date), ',' ORDER BY user_id)) FROM users WHERE role <> 'admin'`,
  companies: sql`SELECT md5(string_agg(concat_ws('|', company_id, name, inn, kpp, region, channel, owner_id, is_key_account, created_at), ',' ORDER BY company_id)) FROM companies`,
  contacts: sql`SELECT md5(string_agg(concat_ws('|', contact_id, company_id, full_name, position, created_at), ',' ORDER BY contact_id)) FROM contacts`,
  phones: sql`SELECT md5(string_agg(concat_ws('|', phone_id, company_id, contact_id, e164, raw), ',' ORDER BY phone_id)) FROM phones`,
  deals: sql`SELECT md5(string_agg(concat_ws('|', d.deal_id, d.title, s.position, d.status, d.amount_minor, d.expected_close_date, d.closed_at, r.name, d.competitor_id, d.lead_id, d.owner_id), ',' ORDER BY d.deal_id))
    FROM deals d JOIN stages s ON s.org_id = d.org_id AND s.stage_id = d.stage_id
    LEFT JOIN lost_reasons r ON r.org_id = d.org_id AND r.lost_reason_id = d.lost_reason_id`,
  deal_lines: sql`SELECT md5(string_agg(concat_ws('|', deal_line_id, deal_id, product_id, quantity, discount_percent, amount_minor), ',' ORDER BY deal_line_id)) FROM deal_lines`,
  deal_stage_changes: sql`SELECT md5(string_agg(concat_ws('|', c.change_id, c.deal_id, f.position, t.position, c.changed_at), ',' ORDER BY c.change_id))
    FROM deal_stage_changes c JOIN stages t ON t.org_id = c.org_id AND t.stage_id = c.to_stage_id
    LEFT JOIN stages f ON f.org_id = c.org_id AND f.stage_id = c.from_stage_id`,
  sales: sql`SELECT md5(string_agg(concat_ws('|', sale_id, sale_date, deal_line_id, amount_minor), ',' ORDER BY sale_id)) FROM sales`,
  activities: sql`SELECT md5(string_agg(concat_ws('|', activity_id, kind, direction, status, occurred_at, duration_sec, user_id, company_id, deal_id, lead_id), ',' ORDER BY activity_id)) FROM activities`,
  tasks: sql`SELECT md5(string_agg(concat_ws('|', task_id, title, status, due_at, completed_at, deal_id), ',' ORDER BY task_id)) FROM tasks`,
  leads: sql`SELECT md5(string_agg(concat_ws('|', lead_id, status, source, arrived_at, first_touch_at, response_ms, deal_id), ',' ORDER BY lead_id)) FROM leads`,
} as const;

async function checksums(db: Kysely<Database>, orgId: string): Promise<Record<string, string>> {
  return withOrg(db, orgId, async (tx) => {
    const result: Record<string, string> = {};
    for (const [table, query] of Object.entries(CHECKSUMS)) {
      const { rows } = await query.execute(tx);
      result[table] = String(Object.values(rows[0] as object)[0]);
    }
    return result;
  });
}

async function rowsOf<T>(db: Kysely<Database>, orgId: string, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return withOrg(db, orgId, async (tx) => (await query.execute(tx)).rows);
}

for (const backend of testBackends()) {
  describe(`generateDepartment [${backend}]`, () => {
    let database: DatabaseHandle;
    let db: Kysely<Database>;
    let a: { orgId: string; rows: Record<string, number> };
    let b: { orgId: string; rows: Record<string, number> };
    let calendar: WorkCalendar;

    beforeAll(async () => {
      database = await openTestDatabase(backend);
      db = database.db;
      a = await department(db, 'a.test', SEED);
      b = await department(db, 'b.test', SEED);
      calendar = await withOrg(db, a.orgId, (tx) => loadWorkCalendar(tx, a.orgId));
    });
    afterAll(async () => database?.close());

    it('makes the same department from the same seed and anchor day: row counts and checksums', async () => {
      expect(b.rows).toEqual(a.rows);
      expect(await checksums(db, b.orgId)).toEqual(await checksums(db, a.orgId));
    });

    it('makes another department from another seed', async () => {
      const c = await department(db, 'c.test', SEED + 1);
      const [first, other] = [await checksums(db, a.orgId), await checksums(db, c.orgId)];
      expect(other.companies).not.toBe(first.companies);
      expect(other.deals).not.toBe(first.deals);
    });

    it('has every kind of record at tiny size', () => {
      for (const table of [
        'companies',
        'contacts',
        'phones',
        'emails',
        'leads',
        'deals',
        'deal_lines',
        'deal_stage_changes',
        'sales',
        'activities',
        'tasks',
      ]) {
        expect(a.rows[table], table).toBeGreaterThan(0);
      }
    });

    it('keeps the demo structure: the demo logins, about 25 people, new hires of the last 3 months', async () => {
      const users = await rowsOf<{ email: string; role: string; hire_date: string | null; active: boolean }>(
        db,
        a.orgId,
        sql`SELECT email, role, hire_date, active FROM users`,
      );
      const role = (local: string) => users.find((u) => u.email === `${local}@a.test`)?.role;
      expect(role('director')).toBe('commercial_director');
      expect(role('head')).toBe('head_of_sales');
      expect(role('manager')).toBe('sales_manager');
      expect(role('leadgen')).toBe('lead_generation');
      expect(role('quality')).toBe('quality_manager');
      expect(role('admin')).toBe('admin');
      expect(users.length).toBeGreaterThanOrEqual(22);
      expect(users.filter((u) => u.hire_date !== null && u.hire_date >= '2026-03-15').length).toBeGreaterThanOrEqual(2);
      expect(users.some((u) => !u.active)).toBe(true);
    });

    it('gives every company and lead an INN that passes the checksum, and legal entities a KPP', async () => {
      const companies = await rowsOf<{ name: string; inn: string; kpp: string | null }>(
        db,
        a.orgId,
        sql`SELECT name, inn, kpp FROM companies`,
      );
      for (const c of companies) {
        const individual = c.name.startsWith('ИП ');
        expect(validateInn(c.inn), c.inn).toEqual({ ok: true, kind: individual ? 'individual' : 'legal' });
        if (individual) expect(c.kpp).toBeNull();
        else expect(validateKpp(c.kpp ?? '')).toEqual({ ok: true });
      }
      const leadInns = await rowsOf<{ inn: string }>(db, a.orgId, sql`SELECT inn FROM leads WHERE inn IS NOT NULL`);
      for (const l of leadInns) expect(validateInn(l.inn).ok, l.inn).toBe(true);
    });

    it('stores phones in E.164 that their raw form normalises to', async () => {
      const phones = await rowsOf<{ e164: string; raw: string }>(db, a.orgId, sql`SELECT e164, raw FROM phones`);
      for (const p of phones) expect(normalizePhone(p.raw), p.raw).toEqual({ ok: true, e164: p.e164 });
    });

    it('names contacts with agreeing gender forms', async () => {
      const contacts = await rowsOf<{ full_name: string }>(db, a.orgId, sql`SELECT full_name FROM contacts`);
      for (const { full_name } of contacts) {
        const [last, , patronymic] = full_name.split(' ') as [string, string, string];
        const female = /(вна|чна)$/.test(patronymic);
        if (female) expect(last, full_name).not.toMatch(/(ов|ев|ёв|ин|ский)$/);
        else expect(last, full_name).not.toMatch(/(ова|ева|ёва|ина|ская)$/);
      }
    });

    it('makes each deal amount the exact sum of its lines, each line priced by lineAmount', async () => {
      const lines = await rowsOf<{
        deal_id: string;
        deal_amount: number;
        quantity: string;
        unit_price_minor: number;
        discount_percent: string;
        amount_minor: number;
      }>(
        db,
        a.orgId,
        sql`SELECT d.deal_id, d.amount_minor AS deal_amount, l.quantity, l.unit_price_minor, l.discount_percent, l.amount_minor
          FROM deals d JOIN deal_lines l ON l.org_id = d.org_id AND l.deal_id = d.deal_id`,
      );
      const sums = new Map<string, { deal: number; lines: number }>();
      for (const l of lines) {
        expect(l.amount_minor).toBe(
          lineAmount({
            quantity: Number(l.quantity),
            unitPriceMinor: l.unit_price_minor,
            discountPercent: Number(l.discount_percent),
          }),
        );
        const sum = sums.get(l.deal_id) ?? { deal: l.deal_amount, lines: 0 };
        sum.lines += l.amount_minor;
        sums.set(l.deal_id, sum);
      }
      expect(sums.size).toBe(a.rows.deals);
      for (const sum of sums.values()) expect(sum.lines).toBe(sum.deal);
    });

    it('gives every won deal sales lines that sum exactly to its amount, dated the local day it was won', async () => {
      const deals = await rowsOf<{
        status: string;
        amount_minor: number;
        closed_at: Date | null;
        sold: number | null;
        lines: number;
        sales: number;
        days: string[] | null;
      }>(
        db,
        a.orgId,
        sql`SELECT d.status, d.amount_minor, d.closed_at,
            (SELECT sum(s.amount_minor)::bigint FROM sales s WHERE s.org_id = d.org_id AND s.deal_id = d.deal_id) AS sold,
            (SELECT count(*)::int FROM deal_lines l WHERE l.org_id = d.org_id AND l.deal_id = d.deal_id) AS lines,
            (SELECT count(*)::int FROM sales s WHERE s.org_id = d.org_id AND s.deal_id = d.deal_id) AS sales,
            (SELECT array_agg(DISTINCT s.sale_date::text) FROM sales s WHERE s.org_id = d.org_id AND s.deal_id = d.deal_id) AS days
          FROM deals d`,
      );
      expect(deals.filter((d) => d.status === 'won').length).toBeGreaterThan(0);
      for (const d of deals) {
        if (d.status !== 'won') {
          expect(d.sales).toBe(0);
          continue;
        }
        expect(d.sold).toBe(d.amount_minor);
        expect(d.sales).toBe(d.lines);
        expect(d.days).toEqual([localDay(d.closed_at as Date, calendar.timeZone)]);
      }
    });

    it('keeps stage histories consistent: from = previous to, the last to = the current stage', async () => {
      const changes = await rowsOf<{
        deal_id: string;
        from_stage_id: string | null;
        to_stage_id: string;
        changed_at: Date;
        stage_id: string;
        status: string;
        stage_entered_at: Date;
        closed_at: Date | null;
        kind: string;
      }>(
        db,
        a.orgId,
        sql`SELECT c.deal_id, c.from_stage_id, c.to_stage_id, c.changed_at, d.stage_id, d.status, d.stage_entered_at, d.closed_at, s.kind
          FROM deal_stage_changes c JOIN deals d ON d.org_id = c.org_id AND d.deal_id = c.deal_id
          JOIN stages s ON s.org_id = d.org_id AND s.stage_id = d.stage_id
          ORDER BY c.deal_id, c.changed_at`,
      );
      const byDeal = new Map<string, typeof changes>();
      for (const change of changes) byDeal.set(change.deal_id, [...(byDeal.get(change.deal_id) ?? []), change]);
      expect(byDeal.size).toBe(a.rows.deals);
      for (const history of byDeal.values()) {
        const last = history[history.length - 1] as (typeof history)[number];
        expect(history[0]?.from_stage_id).toBeNull();
        for (let i = 1; i < history.length; i++) {
          const [before, change] = [history[i - 1], history[i]] as [typeof last, typeof last];
          expect(change.from_stage_id).toBe(before.to_stage_id);
          expect(change.changed_at.getTime()).toBeGreaterThan(before.changed_at.getTime());
        }
        expect(last.to_stage_id).toBe(last.stage_id);
        expect(last.stage_entered_at).toEqual(last.changed_at);
        expect(last.kind).toBe(last.status);
        expect(last.closed_at).toEqual(last.status === 'open' ? null : last.changed_at);
        for (const change of history) expect(isInBusinessHours(calendar, change.changed_at)).toBe(true);
      }
    });

    it('places activities on working days in business hours: the past done, the future planned', async () => {
      const activities = await rowsOf<{ occurred_at: Date; status: string }>(
        db,
        a.orgId,
        sql`SELECT occurred_at, status FROM activities`,
      );
      for (const { occurred_at, status } of activities) {
        expect(isWorkingDay(calendar, localDay(occurred_at, calendar.timeZone))).toBe(true);
        expect(isInBusinessHours(calendar, occurred_at), occurred_at.toISOString()).toBe(true);
        if (status === 'planned') expect(occurred_at >= ANCHOR_START).toBe(true);
        else expect(occurred_at < ANCHOR_START).toBe(true);
      }
      expect(activities.some((x) => x.status === 'planned')).toBe(true);
      expect(activities.some((x) => x.status === 'missed')).toBe(true);
    });

    it('has open, overdue and done tasks, none completed in the future', async () => {
      const [t] = await rowsOf<{ open: number; overdue: number; done: number; future_done: number }>(
        db,
        a.orgId,
        sql`SELECT count(*) FILTER (WHERE status = 'open')::int AS open,
            count(*) FILTER (WHERE status = 'open' AND due_at < ${ANCHOR_START})::int AS overdue,
            count(*) FILTER (WHERE status = 'done')::int AS done,
            count(*) FILTER (WHERE completed_at >= ${ANCHOR_START})::int AS future_done FROM tasks`,
      );
      expect(t).toMatchObject({ future_done: 0 });
      expect(t?.open).toBeGreaterThan(0);
      expect(t?.overdue).toBeGreaterThan(0);
      expect(t?.done).toBeGreaterThan(0);
    });

    it('measures each lead response in business time and links converted leads to their company, contact and deal', async () => {
      const leads = await rowsOf<{
        status: string;
        arrived_at: Date;
        first_touch_at: Date | null;
        response_ms: number | null;
        company_id: string | null;
        contact_id: string | null;
        deal_id: string | null;
        deal_lead: string | null;
        lead_id: string;
        touches: number;
      }>(
        db,
        a.orgId,
        sql`SELECT l.status, l.arrived_at, l.first_touch_at, l.response_ms, l.company_id, l.contact_id, l.deal_id, d.lead_id AS deal_lead, l.lead_id,
            (SELECT count(*)::int FROM activities x WHERE x.org_id = l.org_id AND x.lead_id = l.lead_id AND x.occurred_at = l.first_touch_at AND x.direction = 'outbound') AS touches
          FROM leads l LEFT JOIN deals d ON d.org_id = l.org_id AND d.deal_id = l.deal_id`,
      );
      for (const lead of leads) {
        if (lead.first_touch_at === null) {
          expect(lead.response_ms).toBeNull();
          continue;
        }
        expect(lead.response_ms).toBe(businessTimeBetween(calendar, lead.arrived_at, lead.first_touch_at));
        expect(lead.touches).toBe(1);
      }
      const converted = leads.filter((l) => l.status === 'converted');
      expect(converted.length).toBeGreaterThan(0);
      for (const lead of converted) {
        expect(lead.company_id && lead.contact_id && lead.deal_id).toBeTruthy();
        expect(lead.deal_lead).toBe(lead.lead_id);
      }
    });

    it('sells more in the peak months (March, November, December) than in the dips (January, July, August)', async () => {
      const [s] = await rowsOf<{ peaks: number; dips: number }>(
        db,
        a.orgId,
        sql`SELECT count(*) FILTER (WHERE extract(month FROM closed_at AT TIME ZONE 'Europe/Moscow') IN (3, 11, 12))::int AS peaks,
            count(*) FILTER (WHERE extract(month FROM closed_at AT TIME ZONE 'Europe/Moscow') IN (1, 7, 8))::int AS dips
          FROM deals WHERE closed_at >= ${new Date('2024-07-01T00:00:00Z')}`,
      );
      // Expected ratio 3.7 / 2.3 ≈ 1.6; the margin allows for tiny-size noise.
      expect(s?.peaks).toBeGreaterThan((s?.dips ?? 0) * 1.15);
    });
  });
}
