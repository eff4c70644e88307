import fc from 'fast-check';
import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { addActivity, addDeal, addLead, addSale, addTask, moveDeal, type Stages } from './kpi-rollup-fixtures.ts';

// The random writes of the rollup's equivalence property (kpi-rollups.test.ts): inserts into every
// source, and moves (another rep, another instant, or both), status changes and deletes of rows
// already there; deals moved through their pipeline's stages (history included) and stage history
// rows deleted — applied with plain SQL, as an import would, so only the triggers see them.

const BASE = Date.parse('2026-03-01T00:00:00Z');
const minute = fc.integer({ min: 0, max: 4 * 1440 });
const user = fc.integer({ min: 0, max: 2 });
const pick = fc.nat();
const TABLES = ['activities', 'tasks', 'leads', 'deals', 'sales'] as const;
type Table = (typeof TABLES)[number];

export const operation = fc.oneof(
  fc.record({
    t: fc.constant('activity' as const),
    user,
    kind: fc.constantFrom('call', 'meeting', 'email', 'note') as fc.Arbitrary<'call' | 'meeting' | 'email' | 'note'>,
    inbound: fc.boolean(),
    status: fc.constantFrom('planned', 'done', 'done', 'missed', 'cancelled') as fc.Arbitrary<'planned' | 'done'>,
    minute,
    duration: fc.option(fc.integer({ min: 0, max: 3600 })),
  }),
  fc.record({
    t: fc.constant('task' as const),
    user,
    status: fc.integer({ min: 0, max: 2 }),
    minute,
    late: fc.integer({ min: -600, max: 600 }),
  }),
  fc.record({
    t: fc.constant('lead' as const),
    assignee: fc.option(user),
    qualifier: fc.option(user),
    minute,
    handed: fc.option(minute),
    touch: fc.option(fc.integer({ min: 0, max: 3000 })),
    responded: fc.boolean(),
  }),
  fc.record({
    t: fc.constant('deal' as const),
    user,
    status: fc.integer({ min: 0, max: 2 }),
    minute,
    amount: fc.nat(1_000_000),
    lead: fc.option(pick),
  }),
  fc.record({ t: fc.constant('sale' as const), owner: fc.option(user), minute, amount: fc.nat(1_000_000) }),
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('move' as const),
      table: fc.constantFrom(...TABLES),
      pick,
      user,
      minute,
      what: fc.integer({ min: 0, max: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('status' as const),
      table: fc.constantFrom(...TABLES),
      pick,
      variant: fc.nat(11),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('delete' as const), table: fc.constantFrom(...TABLES), pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('stage' as const),
      pick,
      // A new open deal of that rep first, so that histories build up across moves.
      fresh: fc.option(user),
      // An open stage by its index, or won / lost past the last.
      stage: fc.integer({ min: 0, max: 6 }),
      // Same-instant moves (an import recording several stages at once) are exercised too.
      minute: fc.oneof(minute, fc.constant(0)),
    }),
  },
  fc.record({ t: fc.constant('unstage' as const), pick }),
  // A deal passed to another rep: its stage entries' days move with it.
  { weight: 2, arbitrary: fc.record({ t: fc.constant('owner' as const), pick, user }) },
  fc.record({ t: fc.constant('refresh' as const) }),
);
export type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

const at = (m: number) => new Date(BASE + m * 60_000);
const dayAt = (m: number) => at(m).toISOString().slice(0, 10);
const ID: Record<Table, string> = {
  activities: 'activity_id',
  tasks: 'task_id',
  leads: 'lead_id',
  deals: 'deal_id',
  sales: 'sale_id',
};

async function pickRow(tx: Tx, orgId: string, table: Table, index: number): Promise<string | null> {
  const ids = await sql<{ id: string }>`SELECT ${sql.ref(ID[table])} AS id FROM ${sql.table(table)}
    WHERE org_id = ${orgId} ORDER BY 1`.execute(tx);
  return ids.rows.length === 0 ? null : (ids.rows[index % ids.rows.length]?.id ?? null);
}

/** Applies one random write with plain SQL, as an import or a service would. */
export async function applyOperation(
  tx: Tx,
  orgId: string,
  stages: Stages,
  users: string[],
  op: Exclude<Operation, { t: 'refresh' }>,
) {
  const u = (i: number | null) => (i === null ? null : (users[i] as string));
  switch (op.t) {
    case 'activity':
      await addActivity(tx, orgId, {
        userId: u(op.user),
        kind: op.kind,
        direction: op.inbound ? 'inbound' : 'outbound',
        status: op.status,
        at: at(op.minute).toISOString(),
        durationSec: op.duration,
      });
      return;
    case 'task': {
      const status = (['open', 'done', 'cancelled'] as const)[op.status] ?? 'open';
      const completed = at(op.minute + op.late).toISOString();
      await addTask(tx, orgId, {
        assigneeId: u(op.user) as string,
        due: at(op.minute).toISOString(),
        status,
        completed,
      });
      return;
    }
    case 'lead':
      await addLead(tx, orgId, {
        assigneeId: u(op.assignee),
        qualifierId: u(op.qualifier),
        arrived: at(op.minute).toISOString(),
        handedOff: op.handed === null ? null : at(op.handed).toISOString(),
        firstTouch: op.touch === null ? null : at(op.minute + op.touch).toISOString(),
        responseMs: op.touch !== null && op.responded ? op.touch * 60_000 : null,
      });
      return;
    case 'deal': {
      const status = (['open', 'won', 'lost'] as const)[op.status] ?? 'open';
      const leadId = op.lead === null ? null : await pickRow(tx, orgId, 'leads', op.lead);
      await addDeal(tx, orgId, stages, {
        ownerId: u(op.user) as string,
        status,
        closed: at(op.minute).toISOString(),
        amountMinor: op.amount,
        leadId,
      });
      return;
    }
    case 'sale':
      await addSale(tx, orgId, { ownerId: u(op.owner), day: dayAt(op.minute), amountMinor: op.amount });
      return;
    case 'stage': {
      const dealId =
        op.fresh === null
          ? await pickRow(tx, orgId, 'deals', op.pick)
          : await addDeal(tx, orgId, stages, { ownerId: u(op.fresh) as string, status: 'open', amountMinor: 1 });
      if (dealId === null) return;
      const beyond = op.stage - stages.opens.length;
      const stageId = beyond < 0 ? stages.opens[op.stage] : beyond === 0 ? stages.won : stages.lost;
      await moveDeal(tx, orgId, stages, dealId, stageId as string, at(op.minute).toISOString());
      return;
    }
    case 'owner': {
      const dealId = await pickRow(tx, orgId, 'deals', op.pick);
      if (dealId !== null) {
        await sql`UPDATE deals SET owner_id = ${u(op.user)} WHERE org_id = ${orgId} AND deal_id = ${dealId}`.execute(
          tx,
        );
      }
      return;
    }
    case 'unstage': {
      const ids = await sql<{ id: string }>`SELECT change_id AS id FROM deal_stage_changes
        WHERE org_id = ${orgId} ORDER BY 1`.execute(tx);
      const id = ids.rows[op.pick % Math.max(ids.rows.length, 1)]?.id;
      if (id !== undefined) {
        await sql`DELETE FROM deal_stage_changes WHERE org_id = ${orgId} AND change_id = ${id}`.execute(tx);
      }
      return;
    }
  }
  const id = await pickRow(tx, orgId, op.table, op.pick);
  if (id === null) return;
  const where = sql`WHERE org_id = ${orgId} AND ${sql.ref(ID[op.table])} = ${id}`;
  const table = sql.table(op.table);
  if (op.t === 'delete') {
    if (op.table === 'leads')
      await sql`UPDATE deals SET lead_id = NULL WHERE org_id = ${orgId} AND lead_id = ${id}`.execute(tx);
    // A deal's stage history goes first (foreign key), as a deal's deletion would take it.
    if (op.table === 'deals')
      await sql`DELETE FROM deal_stage_changes WHERE org_id = ${orgId} AND deal_id = ${id}`.execute(tx);
    await sql`DELETE FROM ${table} ${where}`.execute(tx);
    return;
  }
  if (op.t === 'move') {
    // 0: another rep only, 1: another instant only, 2: both.
    const to = u(op.user);
    const when = at(op.minute);
    const set = {
      activities: [sql`user_id = ${to}`, sql`occurred_at = ${when}`],
      tasks: [
        sql`assignee_id = ${to}`,
        sql`due_at = ${when}, completed_at = CASE WHEN status = 'done' THEN completed_at END`,
      ],
      leads: [
        sql`assignee_id = CASE WHEN assignee_id IS NULL THEN NULL ELSE ${to}::uuid END, qualifier_id = ${to}`,
        sql`arrived_at = ${when}`,
      ],
      deals: [
        sql`owner_id = ${to}`,
        sql`closed_at = CASE WHEN status = 'open' THEN NULL ELSE ${when}::timestamptz END`,
      ],
      sales: [sql`owner_id = ${to}`, sql`sale_date = ${dayAt(op.minute)}`],
    }[op.table];
    const chosen = op.what === 2 ? set : [set[op.what] as (typeof set)[number]];
    await sql`UPDATE ${table} SET ${sql.join(chosen)} ${where}`.execute(tx);
    return;
  }
  const v = op.variant;
  const set = {
    activities: sql`status = ${['planned', 'done', 'missed', 'cancelled'][v % 4]}, duration_sec = ${v * 10}`,
    tasks: sql`status = ${['open', 'done', 'cancelled'][v % 3]},
      completed_at = CASE WHEN ${v % 3}::int = 1 THEN due_at + ${v - 5}::int * interval '30 minutes' END`,
    leads: sql`handed_off_at = CASE WHEN ${v % 2}::int = 0 THEN arrived_at + ${v}::int * interval '1 hour' END,
      first_touch_at = arrived_at + ${v}::int * interval '20 minutes',
      response_ms = CASE WHEN ${v % 3}::int = 0 THEN NULL ELSE ${v * 1_200_000}::bigint END`,
    deals: sql`status = ${['open', 'won', 'lost'][v % 3]},
      stage_id = ${[stages.open, stages.won, stages.lost][v % 3]},
      closed_at = CASE WHEN ${v % 3}::int = 0 THEN NULL ELSE coalesce(closed_at, ${at(v * 300)}::timestamptz) END`,
    sales: sql`amount_minor = ${v * 1_000}`,
  }[op.table];
  await sql`UPDATE ${table} SET ${set} ${where}`.execute(tx);
}
