import type { Competitor, LostReason } from '@pulse/contracts';
import { sql } from 'kysely';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { auditChange } from '../audit/record-audit.ts';
import { canManagePipelines } from './deals.policy.ts';
import type { Ctx } from './use-case-context.ts';

// Lost reasons and competitors: short lists the administrator keeps and every deal picks from.
// An entry a deal uses cannot be deleted (409); deactivate it and it leaves the pick lists.

type ActiveFilter = 'true' | 'false' | 'all';

export async function listLostReasons({ tx, actor }: Ctx, query: { active: ActiveFilter }): Promise<LostReason[]> {
  let q = tx.selectFrom('lost_reasons').selectAll().where('org_id', '=', actor.orgId);
  if (query.active !== 'all') q = q.where('active', '=', query.active === 'true');
  const rows = await q.orderBy('position').orderBy(sql`lower(name)`).orderBy('lost_reason_id').execute();
  return rows.map(presentLostReason);
}

export async function getLostReason({ tx, actor }: Ctx, id: string): Promise<LostReason> {
  const row = await tx
    .selectFrom('lost_reasons')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('lost_reason_id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Lost reason');
  return presentLostReason(row);
}

export async function createLostReason(ctx: Ctx, input: { name: string; position?: number }): Promise<LostReason> {
  const { tx, actor } = ctx;
  if (!canManagePipelines(actor)) throw forbidden();
  await assertNameFree(ctx, 'lost_reasons', input.name, null);
  const last = await tx
    .selectFrom('lost_reasons')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('org_id', '=', actor.orgId)
    .executeTakeFirst();
  const row = await tx
    .insertInto('lost_reasons')
    .values({ org_id: actor.orgId, name: input.name, position: input.position ?? (last?.position ?? -1) + 1 })
    .returningAll()
    .executeTakeFirstOrThrow();
  const reason = presentLostReason(row);
  await auditChange(ctx, { action: 'create', entity: 'lost_reason', entityId: reason.id, before: null, after: reason });
  return reason;
}

export async function updateLostReason(
  ctx: Ctx,
  id: string,
  input: { name?: string; position?: number; active?: boolean },
): Promise<LostReason> {
  const { tx, actor } = ctx;
  if (!canManagePipelines(actor)) throw forbidden();
  const before = await getLostReason(ctx, id);
  if (input.name !== undefined) await assertNameFree(ctx, 'lost_reasons', input.name, id);
  const row = await tx
    .updateTable('lost_reasons')
    .set({
      name: input.name ?? before.name,
      position: input.position ?? before.position,
      active: input.active ?? before.active,
    })
    .where('org_id', '=', actor.orgId)
    .where('lost_reason_id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = presentLostReason(row);
  await auditChange(ctx, { action: 'update', entity: 'lost_reason', entityId: id, before, after });
  return after;
}

export async function deleteLostReason(ctx: Ctx, id: string): Promise<void> {
  const { tx, actor } = ctx;
  if (!canManagePipelines(actor)) throw forbidden();
  const before = await getLostReason(ctx, id);
  const used = await tx
    .selectFrom('deals')
    .select('deal_id')
    .where('org_id', '=', actor.orgId)
    .where('lost_reason_id', '=', id)
    .executeTakeFirst();
  if (used) throw conflict('Deals were lost for this reason; deactivate it instead');
  await tx.deleteFrom('lost_reasons').where('org_id', '=', actor.orgId).where('lost_reason_id', '=', id).execute();
  await auditChange(ctx, { action: 'delete', entity: 'lost_reason', entityId: id, before, after: null });
}

export async function listCompetitors({ tx, actor }: Ctx, query: { active: ActiveFilter }): Promise<Competitor[]> {
  let q = tx.selectFrom('competitors').selectAll().where('org_id', '=', actor.orgId);
  if (query.active !== 'all') q = q.where('active', '=', query.active === 'true');
  const rows = await q.orderBy(sql`lower(name)`).orderBy('competitor_id').execute();
  return rows.map(presentCompetitor);
}

export async function getCompetitor({ tx, actor }: Ctx, id: string): Promise<Competitor> {
  const row = await tx
    .selectFrom('competitors')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('competitor_id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Competitor');
  return presentCompetitor(row);
}

export async function createCompetitor(ctx: Ctx, input: { name: string }): Promise<Competitor> {
  const { tx, actor } = ctx;
  if (!canManagePipelines(actor)) throw forbidden();
  await assertNameFree(ctx, 'competitors', input.name, null);
  const row = await tx
    .insertInto('competitors')
    .values({ org_id: actor.orgId, name: input.name })
    .returningAll()
    .executeTakeFirstOrThrow();
  const competitor = presentCompetitor(row);
  await auditChange(ctx, {
    action: 'create',
    entity: 'competitor',
    entityId: competitor.id,
    before: null,
    after: competitor,
  });
  return competitor;
}

export async function updateCompetitor(
  ctx: Ctx,
  id: string,
  input: { name?: string; active?: boolean },
): Promise<Competitor> {
  const { tx, actor } = ctx;
  if (!canManagePipelines(actor)) throw forbidden();
  const before = await getCompetitor(ctx, id);
  if (input.name !== undefined) await assertNameFree(ctx, 'competitors', input.name, id);
  const row = await tx
    .updateTable('competitors')
    .set({ name: input.name ?? before.name, active: input.active ?? before.active })
    .where('org_id', '=', actor.orgId)
    .where('competitor_id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = presentCompetitor(row);
  await auditChange(ctx, { action: 'update', entity: 'competitor', entityId: id, before, after });
  return after;
}

export async function deleteCompetitor(ctx: Ctx, id: string): Promise<void> {
  const { tx, actor } = ctx;
  if (!canManagePipelines(actor)) throw forbidden();
  const before = await getCompetitor(ctx, id);
  const used = await tx
    .selectFrom('deals')
    .select('deal_id')
    .where('org_id', '=', actor.orgId)
    .where('competitor_id', '=', id)
    .executeTakeFirst();
  if (used) throw conflict('Deals name this competitor; deactivate it instead');
  await tx.deleteFrom('competitors').where('org_id', '=', actor.orgId).where('competitor_id', '=', id).execute();
  await auditChange(ctx, { action: 'delete', entity: 'competitor', entityId: id, before, after: null });
}

async function assertNameFree(
  { tx, actor }: Ctx,
  table: 'lost_reasons' | 'competitors',
  name: string,
  exceptId: string | null,
): Promise<void> {
  const idColumn = table === 'lost_reasons' ? 'lost_reason_id' : 'competitor_id';
  const taken = await tx
    .selectFrom(table)
    .select(sql<string>`${sql.ref(idColumn)}`.as('id'))
    .where('org_id', '=', actor.orgId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (taken && taken.id !== exceptId) {
    throw conflict('An entry with this name already exists', [{ path: 'body.name', message: 'Taken' }]);
  }
}

function presentLostReason(row: { lost_reason_id: string; name: string; position: number; active: boolean }) {
  return { id: row.lost_reason_id, name: row.name, position: row.position, active: row.active };
}
function presentCompetitor(row: { competitor_id: string; name: string; active: boolean }) {
  return { id: row.competitor_id, name: row.name, active: row.active };
}
