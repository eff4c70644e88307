import type { Unit } from '@pulse/contracts';
import { UnitKind } from '@pulse/contracts';
import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';

/** Units with their member counts (active members only). */
export async function findUnits(tx: Tx, orgId: string, unitIds?: string[]): Promise<Unit[]> {
  if (unitIds && unitIds.length === 0) return [];
  let query = tx
    .selectFrom('units as u')
    .select([
      'u.unit_id',
      'u.parent_id',
      'u.name',
      'u.kind',
      'u.head_user_id',
      sql<number>`(SELECT count(*)::int FROM users m WHERE m.org_id = u.org_id AND m.unit_id = u.unit_id AND m.active)`.as(
        'member_count',
      ),
    ])
    .where('u.org_id', '=', orgId)
    .orderBy('u.name')
    .orderBy('u.unit_id');
  if (unitIds) query = query.where('u.unit_id', 'in', unitIds);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.unit_id,
    parentId: r.parent_id,
    name: r.name,
    kind: UnitKind.parse(r.kind),
    headUserId: r.head_user_id,
    memberCount: r.member_count,
  }));
}

export async function getUnitRow(tx: Tx, orgId: string, unitId: string) {
  return tx
    .selectFrom('units')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}
