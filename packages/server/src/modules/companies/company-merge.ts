import type { Company } from '@pulse/contracts';
import { forbidden, notFound, unprocessable } from '../../http/errors.ts';
import { assertNotMerged, assertVersion, auditClient, type Ctx } from './client-context.ts';
import { loadClientSettings } from './client-settings.ts';
import { canEditClient } from './companies.policy.ts';
import { type CompanyRow, getCompanyRow } from './companies.queries.ts';
import { bumpVersion, loadEditable, loadVisible, presentOne } from './companies.service.ts';
import { moveLinks } from './company-links.ts';
import { moveContactPoints } from './contact-points.ts';
import { auditedCompany } from './present-company.ts';

/** Every table that points at a company, how its rows are named, and what they keep. */
const LINKED = [
  { table: 'contacts', idColumn: 'contact_id', entity: 'contact', versioned: true, timestamped: true },
  { table: 'deals', idColumn: 'deal_id', entity: 'deal', versioned: true, timestamped: true },
  { table: 'leads', idColumn: 'lead_id', entity: 'lead', versioned: true, timestamped: true },
  { table: 'activities', idColumn: 'activity_id', entity: 'activity', versioned: false, timestamped: true },
  { table: 'tasks', idColumn: 'task_id', entity: 'task', versioned: true, timestamped: true },
  { table: 'sales', idColumn: 'sale_id', entity: 'sale', versioned: false, timestamped: false },
] as const;

/** Fields the survivor takes from the other company when it has none of its own. */
const FILLED = [
  'legal_name',
  'inn',
  'kpp',
  'industry',
  'size',
  'region',
  'city',
  'channel',
  'segment',
  'source',
  'owner_id',
  'notes',
] as const;

/**
 * Merges `otherId` into the company in the path: every record linked to the other (contacts,
 * deals, leads, activities, tasks, sales, phones, e-mails, companies merged into it before)
 * moves to the survivor, the survivor's empty fields are filled from the other, and the other
 * is archived with `mergedIntoId`. Both keep their audit trail; each moved record gets an entry.
 */
export async function mergeCompanies(
  ctx: Ctx,
  survivorId: string,
  input: { otherId: string; version: number },
): Promise<Company> {
  const { tx, actor, deps } = ctx;
  if (input.otherId === survivorId) {
    throw unprocessable('A company cannot be merged with itself', [{ path: 'body.otherId', message: 'Same company' }]);
  }
  const settings = await loadClientSettings(tx, actor.orgId, deps.now());
  const survivor = await loadEditable(ctx, settings, survivorId);
  const other = await getCompanyRow(tx, actor, settings, input.otherId);
  if (!other) throw notFound('Company');
  if (!canEditClient(actor, { ownerId: other.owner_id, ownerUnitId: other.owner_unit_id })) throw forbidden();
  assertVersion(survivor.version, input.version);
  assertNotMerged(survivor);
  if (other.merged_into_id !== null) {
    throw unprocessable('The other company was already merged', [{ path: 'body.otherId', message: 'Already merged' }]);
  }
  const [survivorBefore, otherBefore] = [await presentOne(ctx, survivor), await presentOne(ctx, other)];
  const now = deps.now();
  const common = { orgId: actor.orgId, actorUserId: actor.userId, at: now, fromId: other.company_id, toId: survivorId };
  for (const link of LINKED) {
    await moveLinks(tx, { ...common, ...link, linkColumn: 'company_id', field: 'companyId' });
  }
  await moveLinks(tx, {
    ...common,
    table: 'companies',
    idColumn: 'company_id',
    entity: 'company',
    linkColumn: 'merged_into_id',
    field: 'mergedIntoId',
    versioned: true,
    timestamped: true,
  });
  await moveContactPoints(tx, actor.orgId, { companyId: other.company_id }, { companyId: survivorId });
  const fill = Object.fromEntries(
    FILLED.filter((column) => survivor[column] === null && other[column] !== null).map((column) => [
      column,
      other[column],
    ]),
  ) as Partial<Pick<CompanyRow, (typeof FILLED)[number]>>;
  await bumpVersion(ctx, survivorId, survivor.version, {
    ...fill,
    is_key_account: survivor.is_key_account || other.is_key_account,
  });
  await bumpVersion(ctx, other.company_id, other.version, {
    archived_at: other.archived_at ?? now,
    merged_into_id: survivorId,
  });
  const survivorAfter = await presentOne(ctx, await loadVisible(ctx, settings, survivorId));
  const otherAfter = await presentOne(ctx, await loadVisible(ctx, settings, other.company_id));
  await auditClient(ctx, 'update', 'company', survivorId, auditedCompany(survivorBefore), {
    ...auditedCompany(survivorAfter),
    mergedFrom: other.company_id,
  });
  await auditClient(
    ctx,
    'update',
    'company',
    other.company_id,
    auditedCompany(otherBefore),
    auditedCompany(otherAfter),
  );
  return survivorAfter;
}
