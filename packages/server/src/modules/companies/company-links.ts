import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';

/** Tables whose rows point at a company; their names are what a person is told. */
const COMPANY_LINKS = ['deals', 'contacts', 'leads', 'activities', 'tasks', 'sales'] as const;
/** Tables whose rows point at a contact. */
const CONTACT_LINKS = ['deals', 'leads', 'activities', 'tasks'] as const;

/** How the rows of each table that points at a company or contact are named, and what they keep. */
export const LINKED_TABLES = {
  contacts: { idColumn: 'contact_id', entity: 'contact', versioned: true, timestamped: true },
  deals: { idColumn: 'deal_id', entity: 'deal', versioned: true, timestamped: true },
  leads: { idColumn: 'lead_id', entity: 'lead', versioned: true, timestamped: true },
  activities: { idColumn: 'activity_id', entity: 'activity', versioned: false, timestamped: true },
  tasks: { idColumn: 'task_id', entity: 'task', versioned: true, timestamped: true },
  sales: { idColumn: 'sale_id', entity: 'sale', versioned: false, timestamped: false },
} as const;
export type LinkedTable = keyof typeof LINKED_TABLES;

/** What refers to a company (records merged into it too), by name; empty when nothing does. */
export function findCompanyLinks(tx: Tx, orgId: string, companyId: string): Promise<string[]> {
  return findLinks(tx, orgId, companyId, [
    ...COMPANY_LINKS.map((table) => ({ table, column: 'company_id', label: table })),
    { table: 'companies', column: 'merged_into_id', label: 'merged companies' },
  ]);
}

/** What refers to a contact (records merged into it too), by name; empty when nothing does. */
export function findContactLinks(tx: Tx, orgId: string, contactId: string): Promise<string[]> {
  return findLinks(tx, orgId, contactId, [
    ...CONTACT_LINKS.map((table) => ({ table, column: 'contact_id', label: table })),
    { table: 'contacts', column: 'merged_into_id', label: 'merged contacts' },
  ]);
}

async function findLinks(
  tx: Tx,
  orgId: string,
  id: string,
  links: { table: string; column: string; label: string }[],
): Promise<string[]> {
  const found: string[] = [];
  for (const link of links) if (await exists(tx, link.table, link.column, orgId, id)) found.push(link.label);
  return found;
}

async function exists(tx: Tx, table: string, column: string, orgId: string, id: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`SELECT EXISTS (
    SELECT 1 FROM ${sql.table(table)} WHERE org_id = ${orgId} AND ${sql.ref(column)} = ${id}) AS found`.execute(tx);
  return rows[0]?.found ?? false;
}

/**
 * Points every row of `table` that refers to `fromId` at `toId`, writing an audit entry per
 * moved row (entity named by `entity`, field as the API names it) in the same statement.
 * Returns how many rows moved.
 */
export async function moveLinks(
  tx: Tx,
  move: {
    orgId: string;
    actorUserId: string;
    at: Date;
    table: string;
    idColumn: string;
    linkColumn: 'company_id' | 'contact_id' | 'merged_into_id';
    entity: string;
    field: string;
    fromId: string;
    toId: string;
    /** The table keeps `version` / `updated_at`: a moved row is a changed row. */
    versioned: boolean;
    timestamped: boolean;
  },
): Promise<number> {
  const { orgId, table, idColumn, linkColumn, fromId, toId } = move;
  const change = JSON.stringify([{ field: move.field, old: fromId, new: toId }]);
  const bumps = [
    ...(move.versioned ? [sql`version = version + 1`] : []),
    ...(move.timestamped ? [sql`updated_at = ${move.at}`] : []),
  ];
  const { rows } = await sql<{ moved: number }>`
    WITH moved AS (
      UPDATE ${sql.table(table)} SET ${sql.join([sql`${sql.ref(linkColumn)} = ${toId}`, ...bumps])}
      WHERE org_id = ${orgId} AND ${sql.ref(linkColumn)} = ${fromId}
      RETURNING ${sql.ref(idColumn)} AS id),
    audited AS (
      INSERT INTO audit_log (org_id, actor_user_id, action, entity, entity_id, changes, at)
      SELECT ${orgId}, ${move.actorUserId}, 'update', ${move.entity}, moved.id::text, ${change}::jsonb, ${move.at}
      FROM moved RETURNING 1)
    SELECT count(*)::int AS moved FROM audited`.execute(tx);
  return rows[0]?.moved ?? 0;
}
