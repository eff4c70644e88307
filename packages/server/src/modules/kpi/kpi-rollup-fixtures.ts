import { ROLLUP_MEASURES } from '@pulse/domain';
import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.ts';
import { computeEverything, organisationZone } from './kpi-rollup.queries.ts';

// Test helpers of the rollup: writing source rows with plain SQL (as an import would), and
// reading kpi_daily next to a fresh full recomputation. Used by kpi-rollups.test.ts only.

/** The default pipeline's stages: a deal's status must match its stage's kind. */
export interface Stages {
  pipelineId: string;
  open: string;
  won: string;
  lost: string;
  /** Every open stage of the pipeline, in stage order. */
  opens: string[];
}

export async function loadStages(tx: Tx, orgId: string): Promise<Stages> {
  const rows = await tx
    .selectFrom('stages')
    .select(['pipeline_id', 'stage_id', 'kind'])
    .where('org_id', '=', orgId)
    .orderBy('position')
    .execute();
  const of = (kind: string) => rows.find((r) => r.kind === kind) as (typeof rows)[number];
  return {
    pipelineId: of('won').pipeline_id,
    open: of('open').stage_id,
    won: of('won').stage_id,
    lost: of('lost').stage_id,
    opens: rows.filter((r) => r.kind === 'open' && r.pipeline_id === of('won').pipeline_id).map((r) => r.stage_id),
  };
}

export interface ActivityInput {
  userId: string | null;
  kind: 'call' | 'meeting' | 'email' | 'note';
  direction?: 'inbound' | 'outbound';
  status: 'planned' | 'done' | 'missed' | 'cancelled';
  at: string;
  durationSec?: number | null;
}

export async function addActivity(tx: Tx, orgId: string, a: ActivityInput): Promise<string> {
  const direction = a.kind === 'call' || a.kind === 'email' ? (a.direction ?? 'outbound') : null;
  const row = await tx
    .insertInto('activities')
    .values({
      org_id: orgId,
      kind: a.kind,
      direction,
      status: a.status,
      occurred_at: new Date(a.at),
      duration_sec: a.durationSec ?? null,
      user_id: a.userId,
    })
    .returning('activity_id')
    .executeTakeFirstOrThrow();
  return row.activity_id;
}

export interface TaskInput {
  assigneeId: string;
  due: string;
  status: 'open' | 'done' | 'cancelled';
  completed?: string;
}

export async function addTask(tx: Tx, orgId: string, t: TaskInput): Promise<string> {
  const row = await tx
    .insertInto('tasks')
    .values({
      org_id: orgId,
      title: 'Task',
      due_at: new Date(t.due),
      status: t.status,
      assignee_id: t.assigneeId,
      completed_at: t.status === 'done' ? new Date(t.completed ?? t.due) : null,
    })
    .returning('task_id')
    .executeTakeFirstOrThrow();
  return row.task_id;
}

export interface LeadInput {
  assigneeId: string | null;
  qualifierId: string | null;
  arrived: string;
  handedOff?: string | null;
  firstTouch?: string | null;
  responseMs?: number | null;
}

export async function addLead(tx: Tx, orgId: string, l: LeadInput): Promise<string> {
  const at = (value: string | null | undefined) => (value ? new Date(value) : null);
  const row = await tx
    .insertInto('leads')
    .values({
      org_id: orgId,
      title: 'Lead',
      source: 'web_form',
      status: l.handedOff ? 'handed_off' : 'new',
      assignee_id: l.assigneeId,
      qualifier_id: l.qualifierId,
      arrived_at: new Date(l.arrived),
      handed_off_at: at(l.handedOff),
      first_touch_at: at(l.firstTouch),
      response_ms: l.responseMs ?? null,
    })
    .returning('lead_id')
    .executeTakeFirstOrThrow();
  return row.lead_id;
}

export interface DealInput {
  ownerId: string;
  status: 'open' | 'won' | 'lost';
  closed?: string | null;
  amountMinor: number;
  leadId?: string | null;
}

export async function addDeal(tx: Tx, orgId: string, stages: Stages, d: DealInput): Promise<string> {
  const row = await tx
    .insertInto('deals')
    .values({
      org_id: orgId,
      title: 'Deal',
      pipeline_id: stages.pipelineId,
      stage_id: stages[d.status === 'open' ? 'open' : d.status],
      status: d.status,
      owner_id: d.ownerId,
      amount_minor: d.amountMinor,
      closed_at: d.status === 'open' || !d.closed ? null : new Date(d.closed),
      lead_id: d.leadId ?? null,
    })
    .returning('deal_id')
    .executeTakeFirstOrThrow();
  return row.deal_id;
}

/**
 * Moves a deal to a stage at an instant as the deals service does (deal-stage.ts): the deal's
 * stage, status, entry instant and close date, and a row of its stage history.
 */
export async function moveDeal(tx: Tx, orgId: string, stages: Stages, dealId: string, stageId: string, at: string) {
  const kind = stageId === stages.won ? 'won' : stageId === stages.lost ? 'lost' : 'open';
  await sql`UPDATE deals SET stage_id = ${stageId}, status = ${kind}, stage_entered_at = ${new Date(at)},
      closed_at = CASE WHEN ${kind} = 'open' THEN NULL WHEN status = ${kind} THEN closed_at ELSE ${new Date(at)} END
    WHERE org_id = ${orgId} AND deal_id = ${dealId}`.execute(tx);
  await tx
    .insertInto('deal_stage_changes')
    .values({ org_id: orgId, deal_id: dealId, to_stage_id: stageId, changed_at: new Date(at) })
    .execute();
}

export async function addSale(
  tx: Tx,
  orgId: string,
  s: { ownerId: string | null; day: string; amountMinor: number },
): Promise<string> {
  const row = await tx
    .insertInto('sales')
    .values({ org_id: orgId, sale_date: s.day, quantity: 1, amount_minor: s.amountMinor, owner_id: s.ownerId })
    .returning('sale_id')
    .executeTakeFirstOrThrow();
  return row.sale_id;
}

/** A kpi_daily row as the tests compare it: user, day and every measure. */
export type RollupRow = Record<string, string | number>;

const ORDERED = (rows: Record<string, unknown>[]): RollupRow[] =>
  rows
    .map((row) => ({
      user_id: String(row.user_id),
      day: String(row.day),
      ...Object.fromEntries(ROLLUP_MEASURES.map((m) => [m, Number(row[m])])),
    }))
    .sort((a, b) => `${a.user_id}${a.day}`.localeCompare(`${b.user_id}${b.day}`));

/** The organisation's kpi_daily as stored. */
export async function storedRollup(tx: Tx, orgId: string): Promise<RollupRow[]> {
  const result = await sql<Record<string, unknown>>`SELECT * FROM kpi_daily WHERE org_id = ${orgId}`.execute(tx);
  return ORDERED(result.rows);
}

/** The organisation's rollup recomputed from scratch, without touching kpi_daily. */
export async function recomputedRollup(tx: Tx, orgId: string): Promise<RollupRow[]> {
  const zone = await organisationZone(tx, orgId);
  const result = await sql<Record<string, unknown>>`${computeEverything(orgId, zone)}`.execute(tx);
  return ORDERED(result.rows);
}

/** One expected row: the measures not named are 0. */
export function expectedRow(userId: string, day: string, measures: Record<string, number>): RollupRow {
  return {
    user_id: userId,
    day,
    ...Object.fromEntries(ROLLUP_MEASURES.map((m) => [m, measures[m] ?? 0])),
  };
}
