import type { Me } from '@pulse/contracts';
import type { AppDeps } from '../../app-deps.ts';
import type { Tx } from '../../db/tenant.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { auditedUser } from '../users/present-user.ts';
import { buildMe } from './build-me.ts';

/** A user changes their own display name, language and time zone. */
export async function updateMe(
  ctx: { tx: Tx; actor: Actor; deps: AppDeps },
  input: { fullName?: string; locale?: 'ru' | 'en'; timeZone?: string },
): Promise<Me> {
  const { tx, actor } = ctx;
  const now = ctx.deps.now();
  const before = await tx
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  const after = await tx
    .updateTable('users')
    .set({
      full_name: input.fullName ?? before.full_name,
      locale: input.locale ?? before.locale,
      time_zone: input.timeZone ?? before.time_zone,
      updated_at: now,
    })
    .where('org_id', '=', actor.orgId)
    .where('user_id', '=', actor.userId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, {
    orgId: actor.orgId,
    actorUserId: actor.userId,
    action: 'update',
    entity: 'user',
    entityId: actor.userId,
    before: auditedUser(before),
    after: auditedUser(after),
    at: now,
  });
  return buildMe(tx, {
    ...actor,
    fullName: after.full_name,
    locale: after.locale === 'en' ? 'en' : 'ru',
    timeZone: after.time_zone,
  });
}
