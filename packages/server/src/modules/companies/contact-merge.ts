import type { Contact } from '@pulse/contracts';
import { forbidden, notFound, unprocessable } from '../../http/errors.ts';
import { assertNotMerged, assertVersion, auditClient, type Ctx } from './client-context.ts';
import { loadClientSettings } from './client-settings.ts';
import { canEditClient } from './companies.policy.ts';
import { moveLinks } from './company-links.ts';
import { moveContactPoints } from './contact-points.ts';
import { type ContactRow, getContactRow } from './contacts.queries.ts';
import { bumpContactVersion, loadEditableContact, loadVisibleContact, presentOneContact } from './contacts.service.ts';
import { auditedContact } from './present-contact.ts';

/** Every table that points at a contact, how its rows are named, and what they keep. */
const LINKED = [
  { table: 'deals', idColumn: 'deal_id', entity: 'deal', versioned: true, timestamped: true },
  { table: 'leads', idColumn: 'lead_id', entity: 'lead', versioned: true, timestamped: true },
  { table: 'activities', idColumn: 'activity_id', entity: 'activity', versioned: false, timestamped: true },
  { table: 'tasks', idColumn: 'task_id', entity: 'task', versioned: true, timestamped: true },
] as const;

/** Fields the survivor takes from the other contact when it has none of its own. */
const FILLED = ['position', 'company_id', 'owner_id', 'source', 'notes'] as const;

/**
 * Merges `otherId` into the contact in the path: deals, leads, activities, tasks, phones,
 * e-mails and contacts merged into the other before move to the survivor; the survivor's empty
 * fields are filled from the other (a decision maker stays one); the other is archived with
 * `mergedIntoId`. Both keep their audit trail; each moved record gets an entry.
 */
export async function mergeContacts(
  ctx: Ctx,
  survivorId: string,
  input: { otherId: string; version: number },
): Promise<Contact> {
  const { tx, actor, deps } = ctx;
  if (input.otherId === survivorId) {
    throw unprocessable('A contact cannot be merged with itself', [{ path: 'body.otherId', message: 'Same contact' }]);
  }
  const settings = await loadClientSettings(tx, actor.orgId, deps.now());
  const survivor = await loadEditableContact(ctx, settings, survivorId);
  const other = await getContactRow(tx, actor, settings, input.otherId);
  if (!other) throw notFound('Contact');
  if (!canEditClient(actor, { ownerId: other.owner_id, ownerUnitId: other.owner_unit_id })) throw forbidden();
  assertVersion(survivor.version, input.version);
  assertNotMerged(survivor);
  if (other.merged_into_id !== null) {
    throw unprocessable('The other contact was already merged', [{ path: 'body.otherId', message: 'Already merged' }]);
  }
  const [survivorBefore, otherBefore] = [await presentOneContact(ctx, survivor), await presentOneContact(ctx, other)];
  const now = deps.now();
  const common = { orgId: actor.orgId, actorUserId: actor.userId, at: now, fromId: other.contact_id, toId: survivorId };
  for (const link of LINKED) {
    await moveLinks(tx, { ...common, ...link, linkColumn: 'contact_id', field: 'contactId' });
  }
  await moveLinks(tx, {
    ...common,
    table: 'contacts',
    idColumn: 'contact_id',
    entity: 'contact',
    linkColumn: 'merged_into_id',
    field: 'mergedIntoId',
    versioned: true,
    timestamped: true,
  });
  await moveContactPoints(tx, actor.orgId, { contactId: other.contact_id }, { contactId: survivorId });
  const fill = Object.fromEntries(
    FILLED.filter((column) => survivor[column] === null && other[column] !== null).map((column) => [
      column,
      other[column],
    ]),
  ) as Partial<Pick<ContactRow, (typeof FILLED)[number]>>;
  await bumpContactVersion(ctx, survivorId, survivor.version, {
    ...fill,
    is_decision_maker: survivor.is_decision_maker || other.is_decision_maker,
  });
  await bumpContactVersion(ctx, other.contact_id, other.version, {
    archived_at: other.archived_at ?? now,
    merged_into_id: survivorId,
  });
  const survivorAfter = await presentOneContact(ctx, await loadVisibleContact(ctx, settings, survivorId));
  const otherAfter = await presentOneContact(ctx, await loadVisibleContact(ctx, settings, other.contact_id));
  await auditClient(ctx, 'update', 'contact', survivorId, auditedContact(survivorBefore), {
    ...auditedContact(survivorAfter),
    mergedFrom: other.contact_id,
  });
  await auditClient(
    ctx,
    'update',
    'contact',
    other.contact_id,
    auditedContact(otherBefore),
    auditedContact(otherAfter),
  );
  return survivorAfter;
}
