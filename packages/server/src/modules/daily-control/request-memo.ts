import type { UnitNode, WorkCalendar } from '@pulse/domain';
import type { Tx } from '../../db/tenant.ts';
import { loadWorkCalendar } from '../calendar/calendar.queries.ts';
import { type KpiDailyQuery, type RepFigures, sumKpiDaily } from '../kpi/kpi-rollup-read.ts';
import { refreshKpiRollups } from '../kpi/refresh-kpi-rollups.ts';
import type { Subjects } from './daily-control.policy.ts';
import { findUnitRows, type UnitRow } from './dashboard.queries.ts';
import {
  type DailySettings,
  findApprovedPlansOn,
  findSubjectUsers,
  getDailySettings,
  type SubjectRow,
} from './red-flags.queries.ts';

type ApprovedPlanRow = Awaited<ReturnType<typeof findApprovedPlansOn>>[number];

// A daily-control request reads the work calendar, the units tree and the approved plans from
// several places (the period, the live KPIs, the flags, each plan's progress). They do not change
// within a read-only request, so each is read once per transaction and shared: the memo is keyed
// on the transaction object and dies with it. Only daily-control's read paths use it; writers
// keep reading straight from the tables.

const memos = new WeakMap<Tx, Map<string, Promise<unknown>>>();

function memo<T>(tx: Tx, key: string, load: () => Promise<T>): Promise<T> {
  let byKey = memos.get(tx);
  if (!byKey) {
    byKey = new Map();
    memos.set(tx, byKey);
  }
  const known = byKey.get(key);
  if (known) return known as Promise<T>;
  const loading = load();
  byKey.set(key, loading);
  // A failed read is not remembered: the next caller sees the table again.
  loading.catch(() => byKey?.delete(key));
  return loading;
}

/** The organisation's daily-control settings and currency: one read of its row per transaction. */
export function dailySettingsOf(tx: Tx, orgId: string): Promise<DailySettings> {
  return memo(tx, `settings:${orgId}`, () => getDailySettings(tx, orgId));
}

/** The active people the subjects stand for (the dashboard's rows and its flags), read once per transaction. */
export async function subjectUsersOf(
  tx: Tx,
  orgId: string,
  subjects: Subjects,
  roles: readonly string[],
): Promise<SubjectRow[]> {
  const key = `users:${orgId}:${JSON.stringify(subjects)}:${[...roles].join(',')}`;
  return [...(await memo(tx, key, () => findSubjectUsers(tx, orgId, subjects, roles)))];
}

/** The organisation's work calendar, read once per transaction. */
export function workCalendarOf(tx: Tx, orgId: string): Promise<WorkCalendar> {
  return memo(tx, `calendar:${orgId}`, () => loadWorkCalendar(tx, orgId));
}

/** Every unit of the organisation by name, read once per transaction. */
export function unitRowsOf(tx: Tx, orgId: string): Promise<UnitRow[]> {
  return memo(tx, `units:${orgId}`, () => findUnitRows(tx, orgId));
}

/** The units as the domain's tree helpers take them, from the same single read. */
export async function unitNodesOf(tx: Tx, orgId: string): Promise<UnitNode[]> {
  return unitNodes(await unitRowsOf(tx, orgId));
}

/** Units as the domain's tree helpers take them. */
export function unitNodes(rows: readonly UnitRow[]): UnitNode[] {
  return rows.map((row) => ({
    id: row.unit_id,
    parentId: row.parent_id,
    kind: row.kind as UnitNode['kind'],
    headUserId: row.head_user_id,
  }));
}

/** The approved plans covering a day, read once per transaction and day (callers get a copy to sort). */
export async function approvedPlansOn(tx: Tx, orgId: string, day: string): Promise<ApprovedPlanRow[]> {
  return [...(await memo(tx, `plans:${orgId}:${day}`, () => findApprovedPlansOn(tx, orgId, day)))];
}

/**
 * The rollup summed over a period, as readKpiDaily, refreshing it only on the transaction's first
 * read: the dashboard's figures and its no-calls flag both read it, and nothing is written between.
 */
export async function kpiDailyOf(tx: Tx, query: KpiDailyQuery): Promise<RepFigures[]> {
  if (query.userIds.length === 0) return [];
  await memo(tx, `rollup:${query.orgId}`, () => refreshKpiRollups(tx, query.orgId));
  return sumKpiDaily(tx, query);
}
