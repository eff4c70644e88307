import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Tx } from '../../db/tenant.ts';
import { composeToken, hashSecret, newSecret } from './tokens.ts';

export const SESSION_COOKIE = 'pulse_session';

/** Stores a new session and returns the cookie value and its CSRF token. */
export async function createSession(
  tx: Tx,
  options: { orgId: string; userId: string; now: Date; hours: number; ip: string; userAgent: string | undefined },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const secret = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(options.now.getTime() + options.hours * 3_600_000);
  const row = await tx
    .insertInto('sessions')
    .values({
      org_id: options.orgId,
      user_id: options.userId,
      token_hash: hashSecret(secret),
      csrf_token: csrfToken,
      created_at: options.now,
      last_seen_at: options.now,
      expires_at: expiresAt,
      ip: options.ip,
      user_agent: options.userAgent?.slice(0, 300) ?? null,
    })
    .returning('session_id')
    .executeTakeFirstOrThrow();
  return { token: composeToken(options.orgId, row.session_id, secret), csrfToken, expiresAt };
}

export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  config: Config,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request, config),
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure(request, config) });
}

function isSecure(request: FastifyRequest, config: Config): boolean {
  if (config.secureCookies === 'always') return true;
  if (config.secureCookies === 'never') return false;
  return request.protocol === 'https';
}
