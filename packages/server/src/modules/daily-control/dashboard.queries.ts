import type { PeriodGrain } from '@pulse/domain';
import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import type { StoredTarget } from './dashboard-cells.ts';

// What the dashboard reads besides the rollup and the live KPIs: the organisation's units with
// their names (a few dozen rows), and the KPI targets of the people and units in view whose span
// touches the period (kpi_targets by org, then filtered by subject — a handful per person).

/** A unit with what the dashboard shows of it. */
export interface UnitRow {
  unit_id: string;
  parent_id: string | null;
  name: string;
  kind: string;
  head_user_id: string | null;
}

/** Every unit of the organisation, by name. */
export function findUnitRows(tx: Tx, orgId: string): Promise<UnitRow[]> {
  return tx
    .selectFrom('units as u')
    .select(['u.unit_id', 'u.parent_id', 'u.name', 'u.kind', 'u.head_user_id'])
    .where('u.org_id', '=', orgId)
    .orderBy('u.name')
    .orderBy('u.unit_id')
    .execute();
}

/** The targets of each subject (a rep's own, a unit's own) touching from…to. */
export interface SubjectTargets {
  byUser: Map<string, StoredTarget[]>;
  byUnit: Map<string, StoredTarget[]>;
}

/** One query for every subject in view: targets whose span shares a day with from…to. */
export async function findTargets(
  tx: Tx,
  orgId: string,
  subjects: { userIds: readonly string[]; unitIds: readonly string[] },
  period: { from: string; to: string },
): Promise<SubjectTargets> {
  const result: SubjectTargets = { byUser: new Map(), byUnit: new Map() };
  if (subjects.userIds.length === 0 && subjects.unitIds.length === 0) return result;
  const rows = await tx
    .selectFrom('kpi_targets as t')
    .select(['t.kpi_id', 't.user_id', 't.unit_id', 't.grain', 't.period_from', 't.period_to'])
    .select([
      sql<string>`t.target::text`.as('target'),
      sql<string>`t.green_at::text`.as('green_at'),
      sql<string>`t.amber_at::text`.as('amber_at'),
    ])
    .where('t.org_id', '=', orgId)
    .where('t.period_from', '<=', period.to)
    .where('t.period_to', '>=', period.from)
    .where((eb) =>
      eb.or([
        sql<boolean>`t.user_id = ANY(${[...subjects.userIds]}::uuid[])`,
        sql<boolean>`t.unit_id = ANY(${[...subjects.unitIds]}::uuid[])`,
      ]),
    )
    .orderBy('t.period_from')
    .execute();
  for (const row of rows) {
    const target: StoredTarget = {
      kpiId: row.kpi_id,
      grain: row.grain as PeriodGrain,
      from: String(row.period_from),
      to: String(row.period_to),
      target: Number(row.target),
      greenAt: Number(row.green_at),
      amberAt: Number(row.amber_at),
    };
    const [map, key] = row.user_id ? [result.byUser, row.user_id] : [result.byUnit, row.unit_id ?? ''];
    map.set(key, [...(map.get(key) ?? []), target]);
  }
  return result;
}
