import type { Me } from '@pulse/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { type Tx, withOrg, withoutOrg } from '../../db/tenant.ts';
import { notFound, unauthenticated, unprocessable } from '../../http/errors.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { buildMe } from '../me/build-me.ts';
import { buildActor } from './authenticate.ts';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from './login-throttle.ts';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import { clearSessionCookie, createSession, setSessionCookie } from './sessions.ts';
import { parseToken, secretMatches } from './tokens.ts';

interface HttpCtx {
  deps: AppDeps;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** Checks e-mail and password, starts a session and sets its cookie. */
export async function login(ctx: HttpCtx, input: { email: string; password: string }): Promise<Me> {
  const { deps, request } = ctx;
  const now = deps.now();
  await assertLoginAllowed(deps.db, input.email, request.ip, now);
  const login = await withoutOrg(deps.db, (tx) =>
    tx.selectFrom('user_logins').selectAll().where('email', '=', input.email).executeTakeFirst(),
  );
  if (!login) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    return failLogin(ctx, input.email, now);
  }
  const me = await withOrg(deps.db, login.org_id, async (tx) => {
    const user = await tx
      .selectFrom('users')
      .selectAll()
      .where('org_id', '=', login.org_id)
      .where('user_id', '=', login.user_id)
      .executeTakeFirst();
    if (!user?.active || !(await verifyPassword(user.password_hash, input.password))) return null;
    return startSession(ctx, tx, login.org_id, user);
  });
  if (!me) return failLogin(ctx, input.email, now);
  await clearLoginFailures(deps.db, input.email);
  return me;
}

async function failLogin(ctx: HttpCtx, email: string, now: Date): Promise<never> {
  await recordLoginFailure(ctx.deps.db, email, ctx.request.ip, now);
  throw unauthenticated('Wrong e-mail or password');
}

async function startSession(ctx: HttpCtx, tx: Tx, orgId: string, user: Parameters<typeof buildActor>[2]): Promise<Me> {
  const session = await createSession(tx, {
    orgId,
    userId: user.user_id,
    now: ctx.deps.now(),
    hours: ctx.deps.config.sessionHours,
    ip: ctx.request.ip,
    userAgent: ctx.request.headers['user-agent'],
  });
  setSessionCookie(ctx.reply, ctx.request, ctx.deps.config, session.token, session.expiresAt);
  const sessionId = parseToken(session.token)?.recordId ?? '';
  const actor = await buildActor(tx, orgId, user, { sessionId, csrfToken: session.csrfToken });
  return buildMe(tx, actor);
}

/** Ends the current session. */
export async function logout(ctx: HttpCtx & { tx: Tx; actor: Actor }): Promise<void> {
  await ctx.tx
    .deleteFrom('sessions')
    .where('org_id', '=', ctx.actor.orgId)
    .where('session_id', '=', ctx.actor.sessionId)
    .execute();
  clearSessionCookie(ctx.reply, ctx.request, ctx.deps.config);
}

/** Changes the password after checking the current one; every other session of the user ends. */
export async function changePassword(
  ctx: { tx: Tx; actor: Actor; deps: AppDeps },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { tx, actor } = ctx;
  const user = await tx
    .selectFrom('users')
    .select(['password_hash'])
    .where('org_id', '=', actor.orgId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw unprocessable('The current password is wrong', [{ path: 'body.currentPassword', message: 'Does not match' }]);
  }
  const now = ctx.deps.now();
  await tx
    .updateTable('users')
    .set({ password_hash: await hashPassword(input.newPassword), updated_at: now })
    .where('org_id', '=', actor.orgId)
    .where('user_id', '=', actor.userId)
    .execute();
  await tx
    .deleteFrom('sessions')
    .where('org_id', '=', actor.orgId)
    .where('user_id', '=', actor.userId)
    .where('session_id', '!=', actor.sessionId)
    .execute();
  await recordAudit(tx, {
    orgId: actor.orgId,
    actorUserId: actor.userId,
    action: 'update',
    entity: 'user',
    entityId: actor.userId,
    before: { password: 'old' },
    after: { password: 'new' },
    redact: ['password'],
    at: now,
  });
}

/** Who an invitation link is for, without using it up. */
export async function previewInvitation(
  deps: AppDeps,
  token: string,
): Promise<{ email: string; fullName: string; organization: string }> {
  const parsed = parseToken(token);
  if (!parsed) throw notFound('Invitation');
  return withOrg(deps.db, parsed.orgId, async (tx) => {
    const found = await findValidInvitation(tx, parsed, deps.now());
    return { email: found.email, fullName: found.full_name, organization: found.org_name };
  });
}

/** Sets the invited user's password, uses up the link and logs them in. */
export async function acceptInvitation(ctx: HttpCtx, input: { token: string; password: string }): Promise<Me> {
  const parsed = parseToken(input.token);
  if (!parsed) throw notFound('Invitation');
  const now = ctx.deps.now();
  const passwordHash = await hashPassword(input.password);
  return withOrg(ctx.deps.db, parsed.orgId, async (tx) => {
    const found = await findValidInvitation(tx, parsed, now);
    await tx
      .updateTable('invitations')
      .set({ used_at: now })
      .where('org_id', '=', parsed.orgId)
      .where('invitation_id', '=', parsed.recordId)
      .execute();
    const user = await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: now })
      .where('org_id', '=', parsed.orgId)
      .where('user_id', '=', found.user_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      orgId: parsed.orgId,
      actorUserId: user.user_id,
      action: 'update',
      entity: 'user',
      entityId: user.user_id,
      before: { password: found.password_hash ? 'set' : null },
      after: { password: 'set-by-invitation' },
      redact: ['password'],
      at: now,
    });
    return startSession(ctx, tx, parsed.orgId, user);
  });
}

async function findValidInvitation(tx: Tx, token: { orgId: string; recordId: string; secret: string }, now: Date) {
  const row = await tx
    .selectFrom('invitations as i')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'i.org_id').onRef('u.user_id', '=', 'i.user_id'))
    .innerJoin('organizations as o', 'o.org_id', 'i.org_id')
    .select([
      'i.token_hash',
      'i.used_at',
      'i.expires_at',
      'u.user_id',
      'u.email',
      'u.full_name',
      'u.active',
      'u.password_hash',
      'o.name as org_name',
    ])
    .where('i.org_id', '=', token.orgId)
    .where('i.invitation_id', '=', token.recordId)
    .executeTakeFirst();
  if (!row || !secretMatches(token.secret, row.token_hash)) throw notFound('Invitation');
  if (row.used_at || row.expires_at <= now || !row.active) {
    throw unprocessable('This invitation link has expired or was already used');
  }
  return row;
}
