import type { AppDeps } from '../../app-deps.ts';
import type { Tx } from '../../db/tenant.ts';
import type { Actor } from '../access/actor.ts';

/** What every use case of this module receives from its route. */
export interface Ctx {
  tx: Tx;
  actor: Actor;
  deps: AppDeps;
}

/** The organisation's currency and time zone: amounts are in the one, sale days in the other. */
export function getOrgMoneySettings(tx: Tx, orgId: string): Promise<{ currency: string; timeZone: string }> {
  return tx
    .selectFrom('organizations')
    .select(['currency', 'time_zone as timeZone'])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
}

/** `%text%` for ILIKE with the user's % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
