import type { AppDeps } from '../../app-deps.ts';
import type { Tx } from '../../db/tenant.ts';
import type { Actor } from '../access/actor.ts';

/** What every use case of this module receives: the tenant transaction, the actor and the clock. */
export interface WorkCtx {
  tx: Tx;
  actor: Actor;
  deps: AppDeps;
}
