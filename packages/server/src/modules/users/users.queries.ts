import type { Role } from '@pulse/contracts';
import type { Tx } from '../../db/tenant.ts';
import type { Actor } from '../access/actor.ts';

/** A page of users the actor may see, ordered by name, after the keyset `after`. */
export async function findUsers(
  tx: Tx,
  actor: Actor,
  filter: {
    q?: string;
    role?: Role;
    unitId?: string;
    active: 'true' | 'false' | 'all';
    after: [string, string] | null;
    limit: number;
  },
) {
  let query = tx.selectFrom('users').selectAll().where('org_id', '=', actor.orgId);
  if (actor.scope.kind !== 'organisation') {
    const unitIds = actor.scope.unitIds;
    const ids = [actor.userId, ...(actor.managerId ? [actor.managerId] : [])];
    query = query.where((eb) =>
      eb.or([eb('user_id', 'in', ids), ...(unitIds.length > 0 ? [eb('unit_id', 'in', unitIds)] : [])]),
    );
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('full_name', 'ilike', pattern), eb('email', 'ilike', pattern)]));
  }
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.unitId) query = query.where('unit_id', '=', filter.unitId);
  if (filter.active !== 'all') query = query.where('active', '=', filter.active === 'true');
  if (filter.after) {
    const [name, id] = filter.after;
    query = query.where((eb) =>
      eb.or([eb('full_name', '>', name), eb.and([eb('full_name', '=', name), eb('user_id', '>', id)])]),
    );
  }
  return query
    .orderBy('full_name')
    .orderBy('user_id')
    .limit(filter.limit + 1)
    .execute();
}

export function getUserRow(tx: Tx, orgId: string, userId: string) {
  return tx
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}
