import type { SavedViewEntity } from '@pulse/contracts';
import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { afterCursor, type KeysetSort, orderBy, sortKey } from '../../http/keyset.ts';
import type { Actor } from '../access/actor.ts';

/** Saved views with their owner's name. */
export function selectSavedViews(tx: Tx, orgId: string) {
  return tx
    .selectFrom('saved_views as v')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'v.org_id').onRef('u.user_id', '=', 'v.user_id'))
    .selectAll('v')
    .select('u.full_name as owner_name')
    .where('v.org_id', '=', orgId);
}

export type SavedViewRow = Awaited<ReturnType<ReturnType<typeof selectSavedViews>['executeTakeFirstOrThrow']>>;

export function getSavedViewRow(tx: Tx, orgId: string, viewId: string): Promise<SavedViewRow | undefined> {
  return selectSavedViews(tx, orgId).where('v.view_id', '=', viewId).executeTakeFirst();
}

const BY_NAME: KeysetSort = { expression: sql`lower(v.name)`, kind: 'text', idColumn: 'v.view_id', order: 'asc' };

/** The actor's own views and the organisation's shared ones, by name, limit + 1 rows. */
export function findSavedViews(
  tx: Tx,
  actor: Actor,
  filter: { entity?: SavedViewEntity; cursor?: string; limit: number },
) {
  let q = selectSavedViews(tx, actor.orgId)
    .select([sortKey(BY_NAME).as('sort_key'), 'v.view_id as id_key'])
    .where((eb) => eb.or([eb('v.user_id', '=', actor.userId), eb('v.shared', '=', true)]))
    .where(afterCursor(BY_NAME, filter.cursor));
  if (filter.entity) q = q.where('v.entity', '=', filter.entity);
  return q
    .orderBy(orderBy(BY_NAME))
    .limit(filter.limit + 1)
    .execute();
}
