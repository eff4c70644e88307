import { Role, UnitKind } from '@pulse/contracts';
import { resolveScope, type UnitNode } from '@pulse/domain';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import { type Tx, withOrg } from '../../db/tenant.ts';
import { AppError, unauthenticated } from '../../http/errors.ts';
import type { Actor } from '../access/actor.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { parseToken, secretMatches } from './tokens.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** last_seen_at is refreshed at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

/**
 * Resolves the session cookie to an actor and runs `work` in that actor's tenant transaction.
 * State-changing requests must echo the session's CSRF token in `x-csrf-token`.
 */
export async function authenticate<T>(
  deps: AppDeps,
  request: FastifyRequest,
  work: (tx: Tx, actor: Actor) => Promise<T>,
): Promise<T> {
  const token = parseToken(request.cookies[SESSION_COOKIE] ?? '');
  if (!token) throw unauthenticated();
  return withOrg(deps.db, token.orgId, async (tx) => {
    const actor = await loadActor(tx, token.orgId, token.recordId, token.secret, deps.now());
    if (!actor) throw unauthenticated('Your session has ended; log in again');
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== actor.csrfToken) {
      throw new AppError(403, 'csrf_failed', 'Missing or wrong x-csrf-token header');
    }
    return work(tx, actor);
  });
}

async function loadActor(tx: Tx, orgId: string, sessionId: string, secret: string, now: Date): Promise<Actor | null> {
  const row = await tx
    .selectFrom('sessions as s')
    .innerJoin('users as u', (join) => join.onRef('u.org_id', '=', 's.org_id').onRef('u.user_id', '=', 's.user_id'))
    .select([
      's.token_hash',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.user_id',
      'u.role',
      'u.email',
      'u.full_name',
      'u.unit_id',
      'u.manager_id',
      'u.locale',
      'u.time_zone',
      'u.active',
      // The unit tree rides along, saving a round trip on every request.
      sql<UnitRow[]>`(SELECT coalesce(json_agg(json_build_object('unit_id', t.unit_id, 'parent_id', t.parent_id,
        'kind', t.kind, 'head_user_id', t.head_user_id)), '[]') FROM units t WHERE t.org_id = s.org_id)`.as('units'),
    ])
    .where('s.org_id', '=', orgId)
    .where('s.session_id', '=', sessionId)
    .executeTakeFirst();
  if (!row?.active || row.expires_at <= now || !secretMatches(secret, row.token_hash)) return null;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await tx
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('org_id', '=', orgId)
      .where('session_id', '=', sessionId)
      .execute();
  }
  return buildActor(tx, orgId, row, { sessionId, csrfToken: row.csrf_token }, row.units.map(toUnitNode));
}

interface UnitRow {
  unit_id: string;
  parent_id: string | null;
  kind: string;
  head_user_id: string | null;
}
function toUnitNode(r: UnitRow): UnitNode {
  return { id: r.unit_id, parentId: r.parent_id, kind: UnitKind.parse(r.kind), headUserId: r.head_user_id };
}

/** The actor for a user row: their role's scope is resolved against the current unit tree. */
export async function buildActor(
  tx: Tx,
  orgId: string,
  user: {
    user_id: string;
    role: string;
    email: string;
    full_name: string;
    unit_id: string | null;
    manager_id: string | null;
    locale: string;
    time_zone: string;
  },
  session: { sessionId: string; csrfToken: string },
  knownUnits?: UnitNode[],
): Promise<Actor> {
  const role = Role.parse(user.role);
  const units = knownUnits ?? (await loadUnitNodes(tx, orgId));
  return {
    orgId,
    userId: user.user_id,
    sessionId: session.sessionId,
    csrfToken: session.csrfToken,
    role,
    email: user.email,
    fullName: user.full_name,
    unitId: user.unit_id,
    managerId: user.manager_id,
    locale: user.locale === 'en' ? 'en' : 'ru',
    timeZone: user.time_zone,
    scope: resolveScope({ id: user.user_id, role, unitId: user.unit_id }, units),
  };
}

export async function loadUnitNodes(tx: Tx, orgId: string): Promise<UnitNode[]> {
  const rows = await tx
    .selectFrom('units')
    .select(['unit_id', 'parent_id', 'kind', 'head_user_id'])
    .where('org_id', '=', orgId)
    .execute();
  return rows.map(toUnitNode);
}
