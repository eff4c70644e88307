import { unprocessable } from '../../http/errors.ts';
import { auditChange } from '../audit/record-audit.ts';
import { assertNotMerged, assertVersion, type Ctx } from './client-context.ts';
import {
  bumpClient,
  type ClientKind,
  type ClientRow,
  loadEditableClient,
  loadVisibleClient,
  pointOwner,
} from './client-records.ts';
import { loadClientSettings } from './client-settings.ts';
import { LINKED_TABLES, moveLinks } from './company-links.ts';
import { moveContactPoints } from './contact-points.ts';

/**
 * Merges `otherId` into the record in the path: the rows of every linked table, the phones and
 * e-mails, and the records merged into the other before move to the survivor; the survivor
 * takes what `kind.survivorTakes` says from the other; the other is archived with
 * `mergedIntoId`. Both keep their audit trail; each moved record gets an entry.
 */
export async function mergeClients<Row extends ClientRow, View>(
  ctx: Ctx,
  kind: ClientKind<Row, View>,
  survivorId: string,
  input: { otherId: string; version: number },
): Promise<View> {
  const { tx, actor, deps } = ctx;
  const { entity } = kind;
  if (input.otherId === survivorId) {
    throw unprocessable(`A ${entity} cannot be merged with itself`, [
      { path: 'body.otherId', message: `Same ${entity}` },
    ]);
  }
  const settings = await loadClientSettings(tx, actor.orgId, deps.now());
  const survivor = await loadEditableClient(ctx, kind, settings, survivorId);
  const other = await loadEditableClient(ctx, kind, settings, input.otherId);
  const otherId = kind.idOf(other);
  assertVersion(survivor.version, input.version);
  assertNotMerged(survivor);
  if (other.merged_into_id !== null) {
    throw unprocessable(`The other ${entity} was already merged`, [
      { path: 'body.otherId', message: 'Already merged' },
    ]);
  }
  const [survivorBefore, otherBefore] = [await kind.present(ctx, survivor), await kind.present(ctx, other)];
  const now = deps.now();
  const common = { orgId: actor.orgId, actorUserId: actor.userId, at: now, fromId: otherId, toId: survivorId };
  for (const table of kind.linked) {
    await moveLinks(tx, { ...common, table, ...LINKED_TABLES[table], linkColumn: kind.idColumn, field: kind.field });
  }
  await moveLinks(tx, {
    ...common,
    table: kind.table,
    idColumn: kind.idColumn,
    entity,
    linkColumn: 'merged_into_id',
    field: 'mergedIntoId',
    versioned: true,
    timestamped: true,
  });
  await moveContactPoints(tx, actor.orgId, pointOwner(kind, otherId), pointOwner(kind, survivorId));
  await bumpClient(ctx, kind, survivorId, survivor.version, kind.survivorTakes(survivor, other));
  await bumpClient(ctx, kind, otherId, other.version, {
    archived_at: other.archived_at ?? now,
    merged_into_id: survivorId,
  });
  const survivorAfter = await kind.present(ctx, await loadVisibleClient(ctx, kind, settings, survivorId));
  const otherAfter = await kind.present(ctx, await loadVisibleClient(ctx, kind, settings, otherId));
  await auditChange(ctx, {
    action: 'update',
    entity,
    entityId: survivorId,
    before: kind.audited(survivorBefore),
    after: {
      ...kind.audited(survivorAfter),
      mergedFrom: otherId,
    },
  });
  await auditChange(ctx, {
    action: 'update',
    entity,
    entityId: otherId,
    before: kind.audited(otherBefore),
    after: kind.audited(otherAfter),
  });
  return survivorAfter;
}

/** The `columns` the survivor has empty and the other has filled, with the other's values. */
export function filledFrom<Row, Column extends keyof Row & string>(
  survivor: Row,
  other: Row,
  columns: readonly Column[],
): Partial<Pick<Row, Column>> {
  return Object.fromEntries(
    columns
      .filter((column) => survivor[column] === null && other[column] !== null)
      .map((column) => [column, other[column]]),
  ) as Partial<Pick<Row, Column>>;
}
