import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';

/** How a column travels: 'ms' is an instant as epoch milliseconds, turned into timestamptz in SQL. */
type ColumnType = 'uuid' | 'text' | 'int' | 'bigint' | 'numeric' | 'bool' | 'date' | 'ms' | 'jsonb';

const ARRAY_TYPE: Record<ColumnType, string> = {
  uuid: 'uuid[]',
  text: 'text[]',
  int: 'int[]',
  bigint: 'bigint[]',
  numeric: 'numeric[]',
  bool: 'boolean[]',
  date: 'date[]',
  ms: 'bigint[]',
  jsonb: 'text[]',
};

const c = (spec: string): (readonly [string, ColumnType])[] =>
  spec
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [name, type] = pair.split(':') as [string, ColumnType];
      return [name, type] as const;
    });

/**
 * The columns the generator fills, per table, in the order rows are given. Listed parents
 * first: a flush writes tables in this order, so a row never arrives before what it points to.
 */
export const TABLES = {
  product_groups: c('group_id:uuid parent_id:uuid name:text is_priority:bool created_at:ms updated_at:ms'),
  products: c(`product_id:uuid group_id:uuid name:text sku:text unit:text price_minor:bigint is_priority:bool
    created_at:ms updated_at:ms`),
  competitors: c('competitor_id:uuid name:text'),
  companies: c(`company_id:uuid name:text legal_name:text inn:text kpp:text industry:text size:text region:text
    city:text channel:text segment:text source:text owner_id:uuid is_key_account:bool notes:text
    created_at:ms updated_at:ms`),
  contacts: c(`contact_id:uuid company_id:uuid full_name:text position:text is_decision_maker:bool owner_id:uuid
    source:text created_at:ms updated_at:ms`),
  phones: c('phone_id:uuid company_id:uuid contact_id:uuid e164:text raw:text label:text position:int'),
  emails: c('email_id:uuid company_id:uuid contact_id:uuid email:text label:text position:int'),
  leads: c(`lead_id:uuid title:text source:text status:text company_name:text inn:text contact_name:text
    phone_e164:text email:text created_by:uuid qualifier_id:uuid assignee_id:uuid unit_id:uuid arrived_at:ms
    first_touch_at:ms response_ms:bigint qualification:jsonb unqualified_reason:text handed_off_at:ms
    converted_at:ms company_id:uuid contact_id:uuid created_at:ms updated_at:ms`),
  deals: c(`deal_id:uuid title:text pipeline_id:uuid stage_id:uuid status:text company_id:uuid contact_id:uuid
    owner_id:uuid amount_minor:bigint expected_close_date:date channel:text territory:text source:text
    next_step:text lost_reason_id:uuid lost_comment:text competitor_id:uuid lead_id:uuid stage_entered_at:ms
    closed_at:ms version:int created_at:ms updated_at:ms`),
  deal_lines: c(`deal_line_id:uuid deal_id:uuid product_id:uuid quantity:numeric unit_price_minor:bigint
    discount_percent:numeric amount_minor:bigint position:int`),
  deal_stage_changes: c(
    'change_id:uuid deal_id:uuid from_stage_id:uuid to_stage_id:uuid changed_at:ms changed_by:uuid',
  ),
  sales: c(`sale_id:uuid sale_date:date company_id:uuid product_id:uuid deal_id:uuid deal_line_id:uuid
    quantity:numeric amount_minor:bigint owner_id:uuid channel:text territory:text created_by:uuid created_at:ms`),
  activities: c(`activity_id:uuid kind:text direction:text status:text subject:text body:text occurred_at:ms
    duration_sec:int result:text recording_url:text phone_e164:text user_id:uuid company_id:uuid contact_id:uuid
    lead_id:uuid deal_id:uuid created_by:uuid created_at:ms updated_at:ms`),
  tasks: c(`task_id:uuid title:text description:text due_at:ms priority:text status:text assignee_id:uuid
    created_by:uuid completed_at:ms company_id:uuid contact_id:uuid lead_id:uuid deal_id:uuid
    source_activity_id:uuid created_at:ms updated_at:ms`),
} as const;

export type BulkTable = keyof typeof TABLES;
type Value = string | number | boolean | null;

const ORDER = Object.keys(TABLES) as BulkTable[];

/** Called after each chunk is written: the table and how many of its rows are in so far. */
export type ProgressListener = (table: BulkTable, rowsSoFar: number) => void;

/**
 * Buffers generated rows per table and writes them in chunks with one multi-row
 * `INSERT … SELECT FROM unnest($1::uuid[], …)` per table and chunk, inside the caller's
 * tenant transaction (so RLS applies). One chunk is written while the next is generated;
 * memory stays bounded by two chunks per table whatever the dataset size.
 *
 * The first write sets `pulse.kpi_bulk` for the rest of the transaction: the KPI rollup's triggers
 * (0013_kpi_rollups.sql) then mark nothing, and the caller must rebuild the organisation's rollup
 * (rebuildOrgKpiRollups) before it commits — one pass instead of a trigger call per row.
 */
export class BulkWriter {
  private readonly buffers = new Map<BulkTable, Value[][]>();
  private readonly written = new Map<BulkTable, number>();
  private pending: Promise<void> = Promise.resolve();
  private buffered = 0;
  private bulkFlagSet = false;

  constructor(
    private readonly tx: Tx,
    private readonly orgId: string,
    private readonly chunkRows: number,
    private readonly onProgress?: ProgressListener,
  ) {}

  /** Adds one row; values in the order of TABLES[table]. */
  add(table: BulkTable, ...values: Value[]): void {
    const columns = TABLES[table];
    if (values.length !== columns.length) {
      throw new RangeError(`${table}: ${values.length} values for ${columns.length} columns`);
    }
    let buffer = this.buffers.get(table);
    if (!buffer) {
      buffer = columns.map(() => []);
      this.buffers.set(table, buffer);
    }
    for (let i = 0; i < values.length; i++) (buffer[i] as Value[]).push(values[i] as Value);
    this.buffered += 1;
  }

  /** Starts writing once a chunk's worth is buffered; call it often from the generating loops. */
  async maybeFlush(): Promise<void> {
    if (this.buffered >= this.chunkRows) await this.flush();
  }

  /** Waits for the chunk in flight, then starts writing everything buffered. */
  async flush(): Promise<void> {
    await this.pending;
    const batch = ORDER.flatMap((table) => {
      const buffer = this.buffers.get(table);
      return buffer && (buffer[0]?.length ?? 0) > 0 ? [{ table, buffer }] : [];
    });
    this.buffers.clear();
    this.buffered = 0;
    const run = (async () => {
      for (const { table, buffer } of batch) await this.insert(table, buffer);
    })();
    // Kept for the next flush to await; the no-op catch only stops an "unhandled" warning meanwhile.
    run.catch(() => {});
    this.pending = run;
  }

  /** Writes what is left and returns the rows written per table. */
  async close(): Promise<Record<string, number>> {
    await this.flush();
    await this.pending;
    return Object.fromEntries(this.written);
  }

  private async insert(table: BulkTable, buffer: Value[][]): Promise<void> {
    if (!this.bulkFlagSet) {
      await sql`SELECT set_config('pulse.kpi_bulk', 'on', true)`.execute(this.tx);
      this.bulkFlagSet = true;
    }
    const columns = TABLES[table];
    const names = columns.map(([name]) => name).join(', ');
    const selectList = columns
      .map(([name, type]) =>
        type === 'ms'
          ? `timestamptz 'epoch' + u.${name} * interval '1 millisecond'`
          : type === 'jsonb'
            ? `u.${name}::jsonb`
            : `u.${name}`,
      )
      .join(', ');
    const arrays = columns.map(([, type], i) => sql`${buffer[i]}::${sql.raw(ARRAY_TYPE[type])}`);
    await sql`INSERT INTO ${sql.raw(table)} (org_id, ${sql.raw(names)})
      SELECT ${this.orgId}::uuid, ${sql.raw(selectList)}
      FROM unnest(${sql.join(arrays)}) AS u(${sql.raw(names)})`.execute(this.tx);
    const total = (this.written.get(table) ?? 0) + (buffer[0]?.length ?? 0);
    this.written.set(table, total);
    this.onProgress?.(table, total);
  }
}
