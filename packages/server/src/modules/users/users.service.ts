import type { Invitation, Role, User } from '@pulse/contracts';
import { Id } from '@pulse/contracts';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import type { Tx } from '../../db/tenant.ts';
import { decodeCursor, pageFrom } from '../../http/cursor.ts';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors.ts';
import type { Actor } from '../access/actor.ts';
import { auditChange } from '../audit/record-audit.ts';
import { issueInvitation } from '../auth/invitations.ts';
import { getUnitRow } from '../units/units.queries.ts';
import { auditedUser, presentUser, type UserRow } from './present-user.ts';
import { canManageUsers, canViewUser } from './users.policy.ts';
import { findUsers, getUserRow } from './users.queries.ts';

interface Ctx {
  tx: Tx;
  actor: Actor;
  deps: AppDeps;
}

const UsersCursor = z.tuple([z.string().max(300), Id]);

export async function listUsers(
  { tx, actor }: Ctx,
  query: { cursor?: string; limit: number; q?: string; role?: Role; unitId?: string; active: 'true' | 'false' | 'all' },
): Promise<{ items: User[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, UsersCursor);
  const rows = await findUsers(tx, actor, { ...query, after });
  return pageFrom(rows, query.limit, presentUser, (row) => [row.full_name, row.user_id]);
}

export async function getVisibleUser({ tx, actor }: Ctx, userId: string): Promise<User> {
  const row = await getUserRow(tx, actor.orgId, userId);
  if (!row || !canViewUser(actor, row)) throw notFound('User');
  return presentUser(row);
}

/** An administrator adds a person; they get a one-time link to set their password. */
export async function createUser(
  ctx: Ctx,
  input: {
    email: string;
    fullName: string;
    role: Role;
    unitId: string | null;
    managerId: string | null;
    hireDate: string | null;
    locale?: 'ru' | 'en';
    timeZone?: string;
  },
): Promise<{ user: User; invitation: Invitation }> {
  const { tx, actor, deps } = ctx;
  if (!canManageUsers(actor)) throw forbidden();
  await assertReferences(tx, actor.orgId, null, input);
  const taken = await tx.selectFrom('user_logins').select('email').where('email', '=', input.email).executeTakeFirst();
  if (taken) throw conflict('A user with this e-mail already exists', [{ path: 'body.email', message: 'Taken' }]);
  const org = await tx
    .selectFrom('organizations')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .executeTakeFirstOrThrow();
  const now = deps.now();
  const row = await tx
    .insertInto('users')
    .values({
      org_id: actor.orgId,
      email: input.email,
      full_name: input.fullName,
      role: input.role,
      unit_id: input.unitId,
      manager_id: input.managerId,
      hire_date: input.hireDate,
      locale: input.locale ?? org.locale,
      time_zone: input.timeZone ?? org.time_zone,
      password_hash: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx.insertInto('user_logins').values({ email: row.email, org_id: actor.orgId, user_id: row.user_id }).execute();
  await audit(ctx, 'create', null, row);
  const invitation = await issueInvitation(tx, {
    orgId: actor.orgId,
    userId: row.user_id,
    createdBy: actor.userId,
    now,
    config: deps.config,
  });
  return { user: presentUser(row), invitation };
}

/** An administrator edits a person; `active: false` deactivates (never deletes) and ends their sessions. */
export async function updateUser(
  ctx: Ctx,
  userId: string,
  input: {
    fullName?: string;
    role?: Role;
    unitId?: string | null;
    managerId?: string | null;
    hireDate?: string | null;
    active?: boolean;
  },
): Promise<User> {
  const { tx, actor, deps } = ctx;
  if (!canManageUsers(actor)) throw forbidden();
  const before = await getUserRow(tx, actor.orgId, userId);
  if (!before) throw notFound('User');
  await assertReferences(tx, actor.orgId, userId, { unitId: input.unitId ?? null, managerId: input.managerId ?? null });
  if (userId === actor.userId && (input.active === false || (input.role && input.role !== 'admin'))) {
    throw unprocessable('You cannot deactivate yourself or take away your own administrator role', [
      { path: input.active === false ? 'body.active' : 'body.role', message: 'Not on your own account' },
    ]);
  }
  const now = deps.now();
  const active = input.active ?? before.active;
  const after = await tx
    .updateTable('users')
    .set({
      full_name: input.fullName ?? before.full_name,
      role: input.role ?? before.role,
      unit_id: input.unitId === undefined ? before.unit_id : input.unitId,
      manager_id: input.managerId === undefined ? before.manager_id : input.managerId,
      hire_date: input.hireDate === undefined ? before.hire_date : input.hireDate,
      active,
      deactivated_at: active ? null : (before.deactivated_at ?? now),
      updated_at: now,
    })
    .where('org_id', '=', actor.orgId)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (!active) {
    await tx.deleteFrom('sessions').where('org_id', '=', actor.orgId).where('user_id', '=', userId).execute();
  }
  await audit(ctx, 'update', before, after);
  return presentUser(after);
}

/** A new one-time link for a person who lost theirs; earlier links stop working. */
export async function reissueInvitation(ctx: Ctx, userId: string): Promise<Invitation> {
  const { tx, actor, deps } = ctx;
  if (!canManageUsers(actor)) throw forbidden();
  const user = await getUserRow(tx, actor.orgId, userId);
  if (!user) throw notFound('User');
  if (!user.active) throw unprocessable('Reactivate the user before inviting them again');
  return issueInvitation(tx, {
    orgId: actor.orgId,
    userId,
    createdBy: actor.userId,
    now: deps.now(),
    config: deps.config,
  });
}

async function assertReferences(
  tx: Tx,
  orgId: string,
  userId: string | null,
  input: { unitId: string | null; managerId: string | null },
): Promise<void> {
  if (input.unitId && !(await getUnitRow(tx, orgId, input.unitId))) {
    throw unprocessable('The unit does not exist', [{ path: 'body.unitId', message: 'Unknown unit' }]);
  }
  if (!input.managerId) return;
  if (input.managerId === userId) {
    throw unprocessable('A person cannot be their own manager', [{ path: 'body.managerId', message: 'Self' }]);
  }
  // Walk up the proposed manager's chain: meeting `userId` there would make a loop.
  let cursor: string | null = input.managerId;
  for (let depth = 0; cursor && depth < 100; depth += 1) {
    const manager = await getUserRow(tx, orgId, cursor);
    if (!manager)
      throw unprocessable('The manager does not exist', [{ path: 'body.managerId', message: 'Unknown user' }]);
    if (depth === 0 && !manager.active) {
      throw unprocessable('The manager is deactivated', [{ path: 'body.managerId', message: 'Deactivated user' }]);
    }
    if (manager.manager_id === userId && userId !== null) {
      throw unprocessable('This would make a loop of managers', [{ path: 'body.managerId', message: 'Cycle' }]);
    }
    cursor = manager.manager_id;
  }
}

function audit(ctx: Ctx, action: 'create' | 'update', before: UserRow | null, after: UserRow) {
  return auditChange(ctx, {
    action,
    entity: 'user',
    entityId: after.user_id,
    before: before && auditedUser(before),
    after: auditedUser(after),
  });
}
