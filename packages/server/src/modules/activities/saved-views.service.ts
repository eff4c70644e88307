import { type SavedView, SavedViewEntity } from '@pulse/contracts';
import { z } from 'zod';
import { forbidden, notFound } from '../../http/errors.ts';
import { keysetPage } from '../../http/keyset.ts';
import { auditChange } from '../audit/record-audit.ts';
import { canEditSavedView, canSeeSavedView } from './activities.policy.ts';
import { findSavedViews, getSavedViewRow, type SavedViewRow } from './saved-views.queries.ts';
import type { WorkCtx } from './work-context.ts';

const StoredState = z.record(z.string(), z.unknown());

function presentSavedView(row: SavedViewRow): SavedView {
  return {
    id: row.view_id,
    entity: SavedViewEntity.parse(row.entity),
    name: row.name,
    // jsonb written by this module is always an object; anything else reads as an empty view.
    state: StoredState.safeParse(row.state).data ?? {},
    shared: row.shared,
    owner: { id: row.user_id, fullName: row.owner_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listSavedViews(
  { tx, actor }: WorkCtx,
  query: { entity?: SavedViewEntity; cursor?: string; limit: number },
): Promise<{ items: SavedView[]; nextCursor: string | null }> {
  const rows = await findSavedViews(tx, actor, query);
  return keysetPage(rows, query.limit, presentSavedView);
}

export async function createSavedView(
  ctx: WorkCtx,
  input: { entity: SavedViewEntity; name: string; state: Record<string, unknown>; shared: boolean },
): Promise<SavedView> {
  const { tx, actor, deps } = ctx;
  const now = deps.now();
  const { view_id } = await tx
    .insertInto('saved_views')
    .values({
      org_id: actor.orgId,
      user_id: actor.userId,
      entity: input.entity,
      name: input.name,
      state: JSON.stringify(input.state),
      shared: input.shared,
      created_at: now,
      updated_at: now,
    })
    .returning('view_id')
    .executeTakeFirstOrThrow();
  const after = await reload(ctx, view_id);
  await audit(ctx, 'create', view_id, null, after);
  return presentSavedView(after);
}

/** Renames, restates or (un)shares a view: the owner only (403 for a shared view of someone else). */
export async function updateSavedView(
  ctx: WorkCtx,
  viewId: string,
  input: { name?: string; state?: Record<string, unknown>; shared?: boolean },
): Promise<SavedView> {
  const before = await loadEditableView(ctx, viewId);
  await ctx.tx
    .updateTable('saved_views')
    .set({
      name: input.name ?? before.name,
      ...(input.state === undefined ? {} : { state: JSON.stringify(input.state) }),
      shared: input.shared ?? before.shared,
      updated_at: ctx.deps.now(),
    })
    .where('org_id', '=', ctx.actor.orgId)
    .where('view_id', '=', viewId)
    .execute();
  const after = await reload(ctx, viewId);
  await audit(ctx, 'update', viewId, before, after);
  return presentSavedView(after);
}

export async function deleteSavedView(ctx: WorkCtx, viewId: string): Promise<void> {
  const before = await loadEditableView(ctx, viewId);
  await ctx.tx.deleteFrom('saved_views').where('org_id', '=', ctx.actor.orgId).where('view_id', '=', viewId).execute();
  await audit(ctx, 'delete', viewId, before, null);
}

/** Someone else's private view does not exist for the actor (404); a shared one is read-only (403). */
async function loadEditableView(ctx: WorkCtx, viewId: string): Promise<SavedViewRow> {
  const row = await getSavedViewRow(ctx.tx, ctx.actor.orgId, viewId);
  if (!row || !canSeeSavedView(ctx.actor, row)) throw notFound('Saved view');
  if (!canEditSavedView(ctx.actor, row)) throw forbidden('Only the owner of a view may change it');
  return row;
}

async function reload(ctx: WorkCtx, viewId: string): Promise<SavedViewRow> {
  const row = await getSavedViewRow(ctx.tx, ctx.actor.orgId, viewId);
  if (!row) throw notFound('Saved view');
  return row;
}

function audit(
  ctx: WorkCtx,
  action: 'create' | 'update' | 'delete',
  viewId: string,
  before: SavedViewRow | null,
  after: SavedViewRow | null,
) {
  const fields = (row: SavedViewRow | null) =>
    row && { entity: row.entity, name: row.name, state: row.state, shared: row.shared, ownerId: row.user_id };
  return auditChange(ctx, {
    action,
    entity: 'saved_view',
    entityId: viewId,
    before: fields(before),
    after: fields(after),
  });
}
