import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, openTestDatabase, testBackends } from '../test/databases.ts';
import type { DatabaseHandle } from './connection.ts';

/**
 * Tables without org_id: data found before the organisation is known (login directory,
 * login throttling) and the migration ledger. Each is justified in ARCHITECTURE.md.
 */
const GLOBAL_TABLES = ['schema_migrations', 'user_logins', 'login_failures'];

interface Constraint {
  table: string;
  name: string;
  type: 'p' | 'u' | 'f';
  columns: string[];
  refTable: string | null;
  refColumns: string[] | null;
}

for (const backend of testBackends()) {
  describe(`schema rules over the catalog [${backend}]`, () => {
    let database: DatabaseHandle;
    let tables: {
      name: string;
      hasOrgId: boolean;
      orgIdNullable: boolean;
      rls: boolean;
      forced: boolean;
      policies: number;
    }[];
    let constraints: Constraint[];
    let uniqueIndexes: { table: string; name: string; firstColumn: string }[];

    beforeAll(async () => {
      database = await openTestDatabase(backend as Backend);
      const q = <T>(text: string) => database.pool.query(text).then((r) => r.rows as T[]);
      tables = await q(`
        SELECT c.relname AS name,
               EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped) AS "hasOrgId",
               COALESCE((SELECT NOT a.attnotnull FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id'), false) AS "orgIdNullable",
               c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
               (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`);
      constraints = await q(`
        SELECT cl.relname AS table, co.conname AS name, co.contype AS type,
               ARRAY(SELECT a.attname FROM unnest(co.conkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
               rc.relname AS "refTable",
               CASE WHEN co.confrelid = 0 THEN NULL ELSE
                 ARRAY(SELECT a.attname FROM unnest(co.confkey) WITH ORDINALITY k(attnum, ord)
                       JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] END AS "refColumns"
        FROM pg_constraint co
        JOIN pg_class cl ON cl.oid = co.conrelid
        JOIN pg_namespace n ON n.oid = cl.relnamespace
        LEFT JOIN pg_class rc ON rc.oid = co.confrelid
        WHERE n.nspname = 'public' AND co.contype IN ('p', 'u', 'f')`);
      uniqueIndexes = await q(`
        SELECT t.relname AS table, i.relname AS name, a.attname AS "firstColumn"
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
        WHERE n.nspname = 'public' AND x.indisunique`);
    });
    afterAll(async () => database?.close());

    const tenantTables = () => tables.filter((t) => !GLOBAL_TABLES.includes(t.name));

    it('has no table without org_id except the listed global tables', () => {
      const offenders = tables.filter((t) => !t.hasOrgId && !GLOBAL_TABLES.includes(t.name)).map((t) => t.name);
      expect(offenders).toEqual([]);
      expect(tenantTables().length).toBeGreaterThanOrEqual(8);
    });

    it('declares org_id NOT NULL on every tenant table', () => {
      expect(
        tenantTables()
          .filter((t) => t.orgIdNullable)
          .map((t) => t.name),
      ).toEqual([]);
    });

    it('leads every primary key of a tenant table with org_id', () => {
      const offenders = tenantTables()
        .map((t) => ({ t: t.name, pk: constraints.find((c) => c.table === t.name && c.type === 'p') }))
        .filter(({ pk }) => pk?.columns[0] !== 'org_id')
        .map(({ t }) => t);
      expect(offenders).toEqual([]);
    });

    it('leads every unique constraint and unique index of a tenant table with org_id', () => {
      const tenant = new Set(tenantTables().map((t) => t.name));
      const badConstraints = constraints
        .filter((c) => c.type === 'u' && tenant.has(c.table) && c.columns[0] !== 'org_id')
        .map((c) => c.name);
      const badIndexes = uniqueIndexes
        .filter((i) => tenant.has(i.table) && i.firstColumn !== 'org_id')
        .map((i) => i.name);
      expect([...badConstraints, ...badIndexes]).toEqual([]);
    });

    it('makes every foreign key between tenant tables composite on (org_id, …)', () => {
      const tenant = new Set(tenantTables().map((t) => t.name));
      expect(constraints.filter((c) => c.type === 'f').length).toBeGreaterThan(10);
      const offenders = constraints
        .filter((c) => c.type === 'f' && tenant.has(c.table))
        .filter((c) => {
          if (!c.refTable || !tenant.has(c.refTable)) return true; // tenant rows may not point at global tables
          const toOrganizations = c.refTable === 'organizations' && c.columns.join() === 'org_id';
          return (
            !toOrganizations && (c.columns[0] !== 'org_id' || c.refColumns?.[0] !== 'org_id' || c.columns.length < 2)
          );
        })
        .map((c) => `${c.table}.${c.name}`);
      expect(offenders).toEqual([]);
    });

    it('enables and forces row-level security with a policy on every tenant table', () => {
      const offenders = tenantTables()
        .filter((t) => !t.rls || !t.forced || t.policies === 0)
        .map((t) => t.name);
      expect(offenders).toEqual([]);
    });
  });
}
