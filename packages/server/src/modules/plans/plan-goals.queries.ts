import type { FunnelHistory } from '@pulse/domain';
import { type SqlBool, sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';

// What the reverse funnel and "my goals" read, per person, over days in the organisation's zone:
// calls (not inbound) and meetings logged as done, deals opened, deals won and lost by the day
// they closed, and revenue from sales lines.

/** Days, both inclusive, and the zone instants are read in. */
export interface DayWindow {
  from: string;
  to: string;
  timeZone: string;
}

const dayOf = (column: string, timeZone: string) => sql<string>`(${sql.ref(column)} AT TIME ZONE ${timeZone})::date`;
const count = sql<string>`count(*)::text`;

/** Funnel counts of each person in `userIds` over the window (people without any are absent). */
export async function findFunnelHistories(
  tx: Tx,
  orgId: string,
  userIds: readonly string[],
  window: DayWindow,
): Promise<Map<string, FunnelHistory>> {
  const result = new Map<string, FunnelHistory>();
  if (userIds.length === 0) return result;
  const of = (userId: string): FunnelHistory => {
    let history = result.get(userId);
    if (!history) {
      history = { calls: 0, meetings: 0, opportunitiesOpened: 0, wonDeals: 0, lostDeals: 0, wonAmountMinor: 0 };
      result.set(userId, history);
    }
    return history;
  };
  const ids = sql<SqlBool>`= ANY(${[...userIds]}::uuid[])`;
  const activities = await tx
    .selectFrom('activities as a')
    .select(['a.user_id', 'a.kind', count.as('n')])
    .where('a.org_id', '=', orgId)
    .where(sql<SqlBool>`a.user_id ${ids}`)
    .where('a.status', '=', 'done')
    .where((eb) =>
      eb.or([
        eb('a.kind', '=', 'meeting'),
        eb.and([eb('a.kind', '=', 'call'), eb.or([eb('a.direction', 'is', null), eb('a.direction', '!=', 'inbound')])]),
      ]),
    )
    .where(dayOf('a.occurred_at', window.timeZone), '>=', window.from)
    .where(dayOf('a.occurred_at', window.timeZone), '<=', window.to)
    .groupBy(['a.user_id', 'a.kind'])
    .execute();
  for (const row of activities) {
    if (!row.user_id) continue;
    if (row.kind === 'call') of(row.user_id).calls = Number(row.n);
    else of(row.user_id).meetings = Number(row.n);
  }
  const opened = await tx
    .selectFrom('deals as d')
    .select(['d.owner_id', count.as('n')])
    .where('d.org_id', '=', orgId)
    .where(sql<SqlBool>`d.owner_id ${ids}`)
    .where(dayOf('d.created_at', window.timeZone), '>=', window.from)
    .where(dayOf('d.created_at', window.timeZone), '<=', window.to)
    .groupBy('d.owner_id')
    .execute();
  for (const row of opened) of(row.owner_id).opportunitiesOpened = Number(row.n);
  const closed = await tx
    .selectFrom('deals as d')
    .select(['d.owner_id', 'd.status', count.as('n'), sql<string>`sum(d.amount_minor)::text`.as('amount')])
    .where('d.org_id', '=', orgId)
    .where(sql<SqlBool>`d.owner_id ${ids}`)
    .where('d.status', 'in', ['won', 'lost'])
    .where(sql<SqlBool>`d.closed_at IS NOT NULL`)
    .where(dayOf('d.closed_at', window.timeZone), '>=', window.from)
    .where(dayOf('d.closed_at', window.timeZone), '<=', window.to)
    .groupBy(['d.owner_id', 'd.status'])
    .execute();
  for (const row of closed) {
    const history = of(row.owner_id);
    if (row.status === 'won') {
      history.wonDeals = Number(row.n);
      history.wonAmountMinor = Number(row.amount);
    } else {
      history.lostDeals = Number(row.n);
    }
  }
  return result;
}

/** Each person's best calendar month of sales revenue in the window, in a currency. */
export async function findBestMonths(
  tx: Tx,
  orgId: string,
  userIds: readonly string[],
  window: { from: string; to: string; currency: string },
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx
    .selectFrom((qb) =>
      qb
        .selectFrom('sales as s')
        .select(['s.owner_id', sql<string>`sum(s.amount_minor)`.as('revenue')])
        .where('s.org_id', '=', orgId)
        .where(sql<SqlBool>`s.owner_id = ANY(${[...userIds]}::uuid[])`)
        .where('s.currency', '=', window.currency)
        .where('s.sale_date', '>=', window.from)
        .where('s.sale_date', '<=', window.to)
        .groupBy(['s.owner_id', sql`date_trunc('month', s.sale_date)`])
        .as('m'),
    )
    .select(['m.owner_id', sql<string>`max(m.revenue)::text`.as('best')])
    .groupBy('m.owner_id')
    .execute();
  const result = new Map<string, number>();
  for (const row of rows) if (row.owner_id) result.set(row.owner_id, Number(row.best));
  return result;
}

/** Revenue of one person's sales lines over days, in a currency. */
export async function sumRevenue(
  tx: Tx,
  orgId: string,
  userId: string,
  window: { from: string; to: string; currency: string },
): Promise<number> {
  const row = await tx
    .selectFrom('sales')
    .select(sql<string>`coalesce(sum(amount_minor), 0)::text`.as('revenue'))
    .where('org_id', '=', orgId)
    .where('owner_id', '=', userId)
    .where('currency', '=', window.currency)
    .where('sale_date', '>=', window.from)
    .where('sale_date', '<=', window.to)
    .executeTakeFirstOrThrow();
  return Number(row.revenue);
}

/** The organisation's own achievability margin and thin-history threshold for SMART goals. */
export function getGoalSettings(tx: Tx, orgId: string) {
  return tx
    .selectFrom('organizations')
    .select(['achievability_margin_bp', 'thin_history_deals'])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
}
