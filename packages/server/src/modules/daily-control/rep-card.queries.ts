import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';

// What the rep card reads besides the rollup and the live KPIs: the rep by key, their teammates
// (users_unit index) and the rep's own KPI targets that touch the period.

/** The rep as the card shows them. */
export interface RepRow {
  user_id: string;
  full_name: string;
  role: string;
  unit_id: string | null;
  unit_name: string | null;
  hire_date: string | null;
  active: boolean;
}

/** A person of the organisation by id, with their unit's name; undefined when there is none. */
export async function getRep(tx: Tx, orgId: string, userId: string): Promise<RepRow | undefined> {
  return tx
    .selectFrom('users as u')
    .leftJoin('units as n', (j) => j.onRef('n.org_id', '=', 'u.org_id').onRef('n.unit_id', '=', 'u.unit_id'))
    .select([
      'u.user_id',
      'u.full_name',
      'u.role',
      'u.unit_id',
      'n.name as unit_name',
      sql<string | null>`to_char(u.hire_date, 'YYYY-MM-DD')`.as('hire_date'),
      'u.active',
    ])
    .where('u.org_id', '=', orgId)
    .where('u.user_id', '=', userId)
    .executeTakeFirst();
}

/** A teammate the team's medians are taken over. */
export interface TeammateRow {
  user_id: string;
  full_name: string;
  unit_id: string | null;
  role: string;
}

/** The other active sales managers of a unit (its own people, not its subtree's), by name. */
export async function findTeammates(tx: Tx, orgId: string, unitId: string, repId: string): Promise<TeammateRow[]> {
  return tx
    .selectFrom('users as u')
    .select(['u.user_id', 'u.full_name', 'u.unit_id', 'u.role'])
    .where('u.org_id', '=', orgId)
    .where('u.unit_id', '=', unitId)
    .where('u.active', '=', true)
    .where('u.role', '=', 'sales_manager')
    .where('u.user_id', '<>', repId)
    .orderBy('u.full_name')
    .orderBy('u.user_id')
    .execute();
}

/** A target of the rep, its figures as numbers (numeric columns come back as decimal strings). */
export interface RepTargetRow {
  kpi_id: string;
  grain: 'day' | 'week' | 'month';
  period_from: string;
  period_to: string;
  target: number;
  green_at: number;
  amber_at: number;
}

/** The rep's own targets whose span touches from…to, earliest span first. */
export async function findRepTargets(
  tx: Tx,
  orgId: string,
  userId: string,
  period: { from: string; to: string },
): Promise<RepTargetRow[]> {
  const rows = await tx
    .selectFrom('kpi_targets as t')
    .select([
      't.kpi_id',
      't.grain',
      sql<string>`to_char(t.period_from, 'YYYY-MM-DD')`.as('period_from'),
      sql<string>`to_char(t.period_to, 'YYYY-MM-DD')`.as('period_to'),
      't.target',
      't.green_at',
      't.amber_at',
    ])
    .where('t.org_id', '=', orgId)
    .where('t.user_id', '=', userId)
    .where('t.period_to', '>=', period.from)
    .where('t.period_from', '<=', period.to)
    .orderBy('t.period_from')
    .execute();
  return rows.map((row) => ({
    ...row,
    grain: row.grain as RepTargetRow['grain'],
    target: Number(row.target),
    green_at: Number(row.green_at),
    amber_at: Number(row.amber_at),
  }));
}
