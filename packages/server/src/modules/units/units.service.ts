import type { Unit, UnitKind } from '@pulse/contracts';
import { wouldCreateCycle } from '@pulse/domain';
import type { Selectable } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { UnitsTable } from '../../db/schema.ts';
import type { Tx } from '../../db/tenant.ts';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors.ts';
import type { Actor } from '../access/actor.ts';
import { auditChange } from '../audit/record-audit.ts';
import { loadUnitNodes } from '../auth/authenticate.ts';
import { canManageStructure, canViewUnit } from './units.policy.ts';
import { findUnits, getUnitRow } from './units.queries.ts';

interface Ctx {
  tx: Tx;
  actor: Actor;
  deps: AppDeps;
}

export async function findVisibleUnits({ tx, actor }: Ctx): Promise<Unit[]> {
  return findUnits(tx, actor.orgId, actor.scope.kind === 'organisation' ? undefined : actor.scope.unitIds);
}

export async function getVisibleUnit({ tx, actor }: Ctx, unitId: string): Promise<Unit> {
  if (!canViewUnit(actor, unitId)) throw notFound('Unit');
  return presentOne(tx, actor.orgId, unitId);
}

async function presentOne(tx: Tx, orgId: string, unitId: string): Promise<Unit> {
  const [unit] = await findUnits(tx, orgId, [unitId]);
  if (!unit) throw notFound('Unit');
  return unit;
}

export async function createUnit(
  ctx: Ctx,
  input: { name: string; kind: UnitKind; parentId: string | null; headUserId: string | null },
): Promise<Unit> {
  const { tx, actor } = ctx;
  if (!canManageStructure(actor)) throw forbidden();
  await assertReferences(tx, actor.orgId, input);
  const now = ctx.deps.now();
  const row = await tx
    .insertInto('units')
    .values({
      org_id: actor.orgId,
      name: input.name,
      kind: input.kind,
      parent_id: input.parentId,
      head_user_id: input.headUserId,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(ctx, 'create', row.unit_id, null, row);
  return presentOne(tx, actor.orgId, row.unit_id);
}

export async function updateUnit(
  ctx: Ctx,
  unitId: string,
  input: { name?: string; kind?: UnitKind; parentId?: string | null; headUserId?: string | null },
): Promise<Unit> {
  const { tx, actor } = ctx;
  if (!canManageStructure(actor)) throw forbidden();
  const before = await getUnitRow(tx, actor.orgId, unitId);
  if (!before) throw notFound('Unit');
  await assertReferences(tx, actor.orgId, { parentId: input.parentId ?? null, headUserId: input.headUserId ?? null });
  if (input.parentId !== undefined && wouldCreateCycle(await loadUnitNodes(tx, actor.orgId), unitId, input.parentId)) {
    throw unprocessable('A unit cannot be moved under itself or its own sub-unit', [
      { path: 'body.parentId', message: 'Would create a cycle' },
    ]);
  }
  const after = await tx
    .updateTable('units')
    .set({
      name: input.name ?? before.name,
      kind: input.kind ?? before.kind,
      parent_id: input.parentId === undefined ? before.parent_id : input.parentId,
      head_user_id: input.headUserId === undefined ? before.head_user_id : input.headUserId,
      updated_at: ctx.deps.now(),
    })
    .where('org_id', '=', actor.orgId)
    .where('unit_id', '=', unitId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(ctx, 'update', unitId, before, after);
  return presentOne(tx, actor.orgId, unitId);
}

/** Deletes an empty unit; one with sub-units or people (even deactivated) is refused with 409. */
export async function deleteUnit(ctx: Ctx, unitId: string): Promise<void> {
  const { tx, actor } = ctx;
  if (!canManageStructure(actor)) throw forbidden();
  const before = await getUnitRow(tx, actor.orgId, unitId);
  if (!before) throw notFound('Unit');
  const child = await tx
    .selectFrom('units')
    .select('unit_id')
    .where('org_id', '=', actor.orgId)
    .where('parent_id', '=', unitId)
    .executeTakeFirst();
  if (child) throw conflict('The unit has sub-units; move or delete them first');
  const member = await tx
    .selectFrom('users')
    .select('user_id')
    .where('org_id', '=', actor.orgId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  if (member) throw conflict('The unit has people (active or deactivated); move them first');
  await tx.deleteFrom('units').where('org_id', '=', actor.orgId).where('unit_id', '=', unitId).execute();
  await audit(ctx, 'delete', unitId, before, null);
}

async function assertReferences(
  tx: Tx,
  orgId: string,
  input: { parentId: string | null; headUserId: string | null },
): Promise<void> {
  if (input.parentId && !(await getUnitRow(tx, orgId, input.parentId))) {
    throw unprocessable('The parent unit does not exist', [{ path: 'body.parentId', message: 'Unknown unit' }]);
  }
  if (input.headUserId) {
    const head = await tx
      .selectFrom('users')
      .select(['active'])
      .where('org_id', '=', orgId)
      .where('user_id', '=', input.headUserId)
      .executeTakeFirst();
    if (!head?.active) {
      throw unprocessable('The head must be an active user of this organisation', [
        { path: 'body.headUserId', message: 'Unknown or deactivated user' },
      ]);
    }
  }
}

function audit(
  ctx: Ctx,
  action: 'create' | 'update' | 'delete',
  unitId: string,
  before: Selectable<UnitsTable> | null,
  after: Selectable<UnitsTable> | null,
) {
  const fields = (row: Selectable<UnitsTable> | null) =>
    row && { name: row.name, kind: row.kind, parentId: row.parent_id, headUserId: row.head_user_id };
  return auditChange(ctx, { action, entity: 'unit', entityId: unitId, before: fields(before), after: fields(after) });
}
