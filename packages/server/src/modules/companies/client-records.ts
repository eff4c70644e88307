import type { ClientDuplicate } from '@pulse/contracts';
import { type Insertable, sql, type Updateable } from 'kysely';
import type { CompaniesTable, ContactsTable } from '../../db/schema.ts';
import type { Tx } from '../../db/tenant.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { keysetPage } from '../../http/keyset.ts';
import type { Actor } from '../access/actor.ts';
import { auditChange } from '../audit/record-audit.ts';
import {
  assertNotMerged,
  assertOwnerChange,
  assertVersion,
  type Ctx,
  canCreateClients,
  staleVersion,
} from './client-context.ts';
import { type ClientSettings, loadClientSettings } from './client-settings.ts';
import { canEditClient } from './companies.policy.ts';
import type { LinkedTable } from './company-links.ts';
import {
  type EmailValue,
  loadContactPoints,
  normalizePhones,
  type PointOwner,
  replaceContactPoints,
  uniqueEmails,
} from './contact-points.ts';
import type { DuplicateProbe } from './duplicates.ts';
import { type ClientSearch, clientSearch, listOrder } from './list-filters.ts';

// The use cases companies and contacts share (companies.service.ts and contacts.service.ts keep
// only what differs): load in scope → policy → version check → write → audit. The merge is in
// client-merge.ts.

/** The columns the shared use cases read on a company or contact row. */
export interface ClientRow {
  version: number;
  owner_id: string | null;
  owner_unit_id: string | null;
  archived_at: Date | null;
  merged_into_id: string | null;
}

/** Columns a use case changes on a company or a contact (its key and version are the flow's). */
export type ClientColumns =
  | Omit<Updateable<CompaniesTable>, 'org_id' | 'company_id' | 'version'>
  | Omit<Updateable<ContactsTable>, 'org_id' | 'contact_id' | 'version'>;

/** A new company's or contact's columns; the flow adds the organisation and sets owner and timestamps. */
export type NewClientColumns = Omit<Insertable<CompaniesTable>, 'org_id'> | Omit<Insertable<ContactsTable>, 'org_id'>;

/**
 * One kind of client record as the shared use cases see it: where it is stored, how it is
 * named, read, shown and audited, what refers to it, and what a merge moves and fills.
 */
export interface ClientKind<Row extends ClientRow, View> {
  table: 'companies' | 'contacts';
  idColumn: 'company_id' | 'contact_id';
  /** The key as the API names it (on the records that point at it). */
  field: 'companyId' | 'contactId';
  /** The audit entity, and the record's name in messages. */
  entity: 'company' | 'contact';
  /** The record's name in a 404. */
  noun: 'Company' | 'Contact';
  idOf(row: Row): string;
  /** The row if the actor sees it. */
  getRow(tx: Tx, actor: Actor, settings: ClientSettings, id: string): Promise<Row | undefined>;
  present(ctx: Ctx, row: Row): Promise<View>;
  audited(view: View): Record<string, unknown>;
  /** What refers to the record, by name: such a record is archived, not deleted. */
  findLinks(tx: Tx, orgId: string, id: string): Promise<string[]>;
  /** What it is compared by for duplicates, besides its phones and e-mails. */
  probe(row: Row): Pick<DuplicateProbe, 'name' | 'inn' | 'companyId'>;
  findDuplicates(tx: Tx, orgId: string, probe: DuplicateProbe): Promise<ClientDuplicate[]>;
  /** Tables whose rows move to the survivor of a merge, in that order. */
  linked: readonly LinkedTable[];
  /** What the survivor of a merge takes from the other. */
  survivorTakes(survivor: Row, other: Row): ClientColumns;
}

/** Phones and e-mails as a create or update request sends them. */
interface PointsInput {
  phones: Parameters<typeof normalizePhones>[0];
  emails: readonly EmailValue[];
}

/** A company's or contact's phones and e-mails hang off it as this. */
export function pointOwner(kind: Pick<ClientKind<ClientRow, unknown>, 'field'>, id: string): PointOwner {
  return kind.field === 'companyId' ? { companyId: id } : { contactId: id };
}

/** A record the actor sees, or 404 (missing, another organisation's, out of scope). */
export async function loadVisibleClient<Row extends ClientRow, View>(
  ctx: Ctx,
  kind: ClientKind<Row, View>,
  settings: ClientSettings,
  id: string,
): Promise<Row> {
  const row = await kind.getRow(ctx.tx, ctx.actor, settings, id);
  if (!row) throw notFound(kind.noun);
  return row;
}

/** A record the actor sees (404) and may change (403). */
export async function loadEditableClient<Row extends ClientRow, View>(
  ctx: Ctx,
  kind: ClientKind<Row, View>,
  settings: ClientSettings,
  id: string,
): Promise<Row> {
  const row = await loadVisibleClient(ctx, kind, settings, id);
  if (!canEditClient(ctx.actor, { ownerId: row.owner_id, ownerUnitId: row.owner_unit_id })) throw forbidden();
  return row;
}

export async function getClient<Row extends ClientRow, View>(
  ctx: Ctx,
  kind: ClientKind<Row, View>,
  id: string,
): Promise<View> {
  const settings = await loadClientSettings(ctx.tx, ctx.actor.orgId, ctx.deps.now());
  return kind.present(ctx, await loadVisibleClient(ctx, kind, settings, id));
}

/** A keyset page of a client list; `q` is read as text, an INN or a phone in the organisation's region. */
export async function listClients<
  Query extends { q?: string; sort: 'name' | 'created' | 'updated'; order?: 'asc' | 'desc'; limit: number },
  Row extends { sort_key: string | number; id_key: string },
  Item,
>(
  ctx: Ctx,
  query: Query,
  find: (
    tx: Tx,
    actor: Actor,
    settings: ClientSettings,
    filter: Query & ClientSearch & { order: 'asc' | 'desc' },
  ) => Promise<Row[]>,
  present: (row: Row) => Item,
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const settings = await loadClientSettings(ctx.tx, ctx.actor.orgId, ctx.deps.now());
  const rows = await find(ctx.tx, ctx.actor, settings, {
    ...query,
    ...clientSearch(query.q, settings.region),
    order: listOrder(query.sort, query.order),
  });
  return keysetPage(rows, query.limit, present);
}

/**
 * How a client record is created for a lead's conversion: its owner was chosen by the lead's
 * hand-off, not by the actor, so the actor's right to assign owners is not asked again, and the
 * new record is read back even where the actor's own scope would not show it (a lead-generation
 * specialist converting a lead handed to a manager).
 */
export interface CreateClientOptions {
  ownerFromHandOff?: boolean;
}

/** The actor reading past their scope: only for what they have just created for someone else. */
function readingAnywhere(ctx: Ctx): Ctx {
  return { ...ctx, actor: { ...ctx.actor, scope: { kind: 'organisation', unitIds: [] } } };
}

/**
 * A new record owned by `ownerId` (the actor when not sent). `vet` checks what only this kind
 * of record requires, as `reader` sees, and returns its look-alikes; it runs before the insert.
 */
export async function createClient<Row extends ClientRow, View>(
  ctx: Ctx,
  kind: ClientKind<Row, View>,
  input: PointsInput & { ownerId?: string | null },
  write: CreateClientOptions & {
    columns: NewClientColumns;
    vet: (
      reader: Ctx,
      settings: ClientSettings,
      points: Pick<DuplicateProbe, 'phones' | 'emails'>,
    ) => Promise<ClientDuplicate[]>;
  },
): Promise<{ record: View; duplicates: ClientDuplicate[] }> {
  const { tx, actor, deps } = ctx;
  const settings = await loadClientSettings(tx, actor.orgId, deps.now());
  const phones = normalizePhones(input.phones, settings.region);
  const emails = uniqueEmails(input.emails);
  if (!canCreateClients(actor)) throw forbidden();
  const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId;
  if (!write.ownerFromHandOff) await assertOwnerChange(ctx, ownerId);
  const reader = write.ownerFromHandOff ? readingAnywhere(ctx) : ctx;
  const duplicates = await write.vet(reader, settings, {
    phones: phones.map((p) => p.e164),
    emails: emails.map((e) => e.email),
  });
  const now = deps.now();
  const { id } = await tx
    .insertInto(kind.table)
    .values({ org_id: actor.orgId, ...write.columns, owner_id: ownerId, created_at: now, updated_at: now })
    .returning(sql<string>`${sql.ref(kind.idColumn)}`.as('id'))
    .executeTakeFirstOrThrow();
  await replaceContactPoints(tx, actor.orgId, pointOwner(kind, id), { phones, emails });
  const record = await kind.present(ctx, await loadVisibleClient(reader, kind, settings, id));
  await auditChange(ctx, {
    action: 'create',
    entity: kind.entity,
    entityId: id,
    before: null,
    after: kind.audited(record),
  });
  return { record, duplicates };
}

/**
 * Changes `columns` (fields not sent are undefined and stay as they are); phones and e-mails,
 * when sent, replace the lists. `vet` checks what only this kind of record requires.
 */
export async function updateClient<Row extends ClientRow, View>(
  ctx: Ctx,
  kind: ClientKind<Row, View>,
  id: string,
  input: Partial<PointsInput> & { version: number; ownerId?: string | null },
  write: { columns: ClientColumns; vet?: (row: Row, settings: ClientSettings) => Promise<void> },
): Promise<View> {
  const { tx, actor, deps } = ctx;
  const settings = await loadClientSettings(tx, actor.orgId, deps.now());
  const phones = input.phones && normalizePhones(input.phones, settings.region);
  const emails = input.emails && uniqueEmails(input.emails);
  const row = await loadEditableClient(ctx, kind, settings, id);
  assertVersion(row.version, input.version);
  assertNotMerged(row);
  if (input.ownerId !== undefined && input.ownerId !== row.owner_id) await assertOwnerChange(ctx, input.ownerId);
  await write.vet?.(row, settings);
  const before = await kind.present(ctx, row);
  await bumpClient(ctx, kind, id, input.version, write.columns);
  await replaceContactPoints(tx, actor.orgId, pointOwner(kind, id), { phones, emails });
  const after = await kind.present(ctx, await loadVisibleClient(ctx, kind, settings, id));
  await auditChange(ctx, {
    action: 'update',
    entity: kind.entity,
    entityId: id,
    before: kind.audited(before),
    after: kind.audited(after),
  });
  return after;
}

/** Archives (hides from lists by default) or restores a record; merged ones stay archived. */
export async function setClientArchived<Row extends ClientRow, View>(
  ctx: Ctx,
  kind: ClientKind<Row, View>,
  id: string,
  input: { version: number },
  archived: boolean,
): Promise<View> {
  const settings = await loadClientSettings(ctx.tx, ctx.actor.orgId, ctx.deps.now());
  const row = await loadEditableClient(ctx, kind, settings, id);
  assertVersion(row.version, input.version);
  if (!archived) assertNotMerged(row);
  if ((row.archived_at !== null) === archived) return kind.present(ctx, row);
  const before = await kind.present(ctx, row);
  await bumpClient(ctx, kind, id, input.version, { archived_at: archived ? ctx.deps.now() : null });
  const after = await kind.present(ctx, await loadVisibleClient(ctx, kind, settings, id));
  await auditChange(ctx, {
    action: 'update',
    entity: kind.entity,
    entityId: id,
    before: kind.audited(before),
    after: kind.audited(after),
  });
  return after;
}

/** Deletes a record nothing refers to; one with deals or history is archived instead (409). */
export async function deleteClient<Row extends ClientRow, View>(
  ctx: Ctx,
  kind: ClientKind<Row, View>,
  id: string,
): Promise<void> {
  const { tx, actor } = ctx;
  const settings = await loadClientSettings(tx, actor.orgId, ctx.deps.now());
  const row = await loadEditableClient(ctx, kind, settings, id);
  const links = await kind.findLinks(tx, actor.orgId, id);
  if (links.length > 0) {
    throw conflict(`The ${kind.entity} has ${links.join(', ')}; archive it instead of deleting`, [
      { path: 'id', message: `Linked: ${links.join(', ')}` },
    ]);
  }
  const before = await kind.present(ctx, row);
  await replaceContactPoints(tx, actor.orgId, pointOwner(kind, id), { phones: [], emails: [] });
  await tx.deleteFrom(kind.table).where('org_id', '=', actor.orgId).where(kind.idColumn, '=', id).execute();
  await auditChange(ctx, {
    action: 'delete',
    entity: kind.entity,
    entityId: id,
    before: kind.audited(before),
    after: null,
  });
}

/** Records that look like this one (see duplicates.ts for each kind's reasons). */
export async function findDuplicatesOfClient<Row extends ClientRow, View>(
  ctx: Ctx,
  kind: ClientKind<Row, View>,
  id: string,
): Promise<{ items: ClientDuplicate[] }> {
  const { tx, actor } = ctx;
  const settings = await loadClientSettings(tx, actor.orgId, ctx.deps.now());
  const row = await loadVisibleClient(ctx, kind, settings, id);
  const points = await loadContactPoints(tx, actor.orgId, pointOwner(kind, id));
  const items = await kind.findDuplicates(tx, actor.orgId, {
    id,
    ...kind.probe(row),
    phones: points.phones.map((p) => p.e164),
    emails: points.emails.map((e) => e.email),
  });
  return { items };
}

/** Writes the change if the row is still at `version` (409 otherwise), moving it one version on. */
export async function bumpClient<Row extends ClientRow, View>(
  ctx: Ctx,
  kind: ClientKind<Row, View>,
  id: string,
  version: number,
  columns: ClientColumns,
): Promise<void> {
  const updated = await ctx.tx
    .updateTable(kind.table)
    .set((eb) => ({ ...columns, version: eb('version', '+', 1), updated_at: ctx.deps.now() }))
    .where('org_id', '=', ctx.actor.orgId)
    .where(kind.idColumn, '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw staleVersion();
}
