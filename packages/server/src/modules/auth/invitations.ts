import type { Config } from '../../config.ts';
import type { Tx } from '../../db/tenant.ts';
import { composeToken, hashSecret, newSecret } from './tokens.ts';

/** An invitation link is valid this long. */
export const INVITATION_DAYS = 7;

/** Issues a one-time invitation link; earlier unused links of the same user stop working. */
export async function issueInvitation(
  tx: Tx,
  options: { orgId: string; userId: string; createdBy: string | null; now: Date; config: Config },
): Promise<{ token: string; url: string; expiresAt: string }> {
  await tx
    .updateTable('invitations')
    .set({ used_at: options.now })
    .where('org_id', '=', options.orgId)
    .where('user_id', '=', options.userId)
    .where('used_at', 'is', null)
    .execute();
  const secret = newSecret();
  const expiresAt = new Date(options.now.getTime() + INVITATION_DAYS * 86_400_000);
  const row = await tx
    .insertInto('invitations')
    .values({
      org_id: options.orgId,
      user_id: options.userId,
      token_hash: hashSecret(secret),
      created_by: options.createdBy,
      created_at: options.now,
      expires_at: expiresAt,
    })
    .returning('invitation_id')
    .executeTakeFirstOrThrow();
  const token = composeToken(options.orgId, row.invitation_id, secret);
  const base = options.config.publicUrl ?? `http://localhost:${options.config.port}`;
  return { token, url: `${base.replace(/\/$/, '')}/invite/${token}`, expiresAt: expiresAt.toISOString() };
}
