import { validateInn, validateKpp } from '@pulse/domain';
import type { AppDeps } from '../../app-deps.ts';
import type { Tx } from '../../db/tenant.ts';
import { AppError, conflict, forbidden, unprocessable } from '../../http/errors.ts';
import type { Actor } from '../access/actor.ts';
import { isAssignableBy } from '../access/record-scope.ts';
import { canReassignClient } from './companies.policy.ts';

/** What every use case of this module receives from its route. */
export interface Ctx {
  tx: Tx;
  actor: Actor;
  deps: AppDeps;
}

/** Roles that only read clients: they create and edit none. */
const READ_ONLY_ROLES = ['analyst', 'quality_manager'];
export function canCreateClients(actor: Actor): boolean {
  return !READ_ONLY_ROLES.includes(actor.role);
}

/** A 400 on one field, in the shape zod failures take. */
export function invalidField(path: string, message: string): AppError {
  return new AppError(400, 'validation_failed', `Invalid body: ${path}`, [{ path, message }]);
}

/** INN checksum and KPP shape, which the contract cannot check (the rules live in the domain). */
export function assertTaxIds(input: { inn?: string | null; kpp?: string | null }): void {
  if (input.inn) {
    const inn = validateInn(input.inn);
    if (!inn.ok) {
      throw invalidField('body.inn', inn.reason === 'checksum' ? 'The INN check digit is wrong' : '10 or 12 digits');
    }
  }
  if (input.kpp && !validateKpp(input.kpp).ok) {
    throw invalidField('body.kpp', '9 characters: 4 digits, 2 digits or capital letters, 3 digits');
  }
}

/**
 * Who may own the record: keeping it yourself is always allowed; giving it to someone else or
 * to nobody is a head's, director's or administrator's decision (403), and the new owner must
 * be an active person within their reach (422).
 */
export async function assertOwnerChange(ctx: Ctx, ownerId: string | null): Promise<void> {
  const { tx, actor } = ctx;
  if (ownerId === actor.userId) return;
  if (!canReassignClient(actor)) throw forbidden('Only a head of sales, a director or an administrator assigns owners');
  if (ownerId === null) return;
  const owner = await tx
    .selectFrom('users')
    .select(['user_id', 'unit_id', 'active'])
    .where('org_id', '=', actor.orgId)
    .where('user_id', '=', ownerId)
    .executeTakeFirst();
  if (!owner || !isAssignableBy(actor, { userId: owner.user_id, unitId: owner.unit_id, active: owner.active })) {
    throw unprocessable('The owner must be an active person you may assign work to', [
      { path: 'body.ownerId', message: 'Not assignable' },
    ]);
  }
}

/** An edit based on a version someone else already changed is refused. */
export function assertVersion(current: number, sent: number): void {
  if (current !== sent) throw staleVersion();
}
export function staleVersion(): AppError {
  return conflict('Someone else changed this record; reload it and try again', [
    { path: 'body.version', message: 'Stale version' },
  ]);
}

/** A merged record lives on in its survivor; it is no longer edited itself. */
export function assertNotMerged(row: { merged_into_id: string | null }): void {
  if (row.merged_into_id !== null) {
    throw unprocessable('This record was merged into another; edit that one', [
      { path: 'mergedIntoId', message: row.merged_into_id },
    ]);
  }
}
