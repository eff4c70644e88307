import type { CalendarDay, CalendarSettings } from '@pulse/contracts';
import { countWorkingDays, listWorkingDays } from '@pulse/domain';
import type { AppDeps } from '../../app-deps.ts';
import type { Tx } from '../../db/tenant.ts';
import { forbidden, notFound, unprocessable } from '../../http/errors.ts';
import type { Actor } from '../access/actor.ts';
import { auditChange } from '../audit/record-audit.ts';
import { canManageCalendar } from './calendar.policy.ts';
import { findCalendarDays, getCalendarSettings, loadWorkCalendar } from './calendar.queries.ts';
import { applyRussianYear } from './russian-defaults.ts';

interface Ctx {
  tx: Tx;
  actor: Actor;
  deps: AppDeps;
}

/** A summary spans at most this many days, so one request cannot ask for centuries. */
export const MAX_SUMMARY_DAYS = 366 * 3;

export async function updateCalendarSettings(
  ctx: Ctx,
  input: { timeZone?: string; workWeek?: number[]; businessHours?: { start: string; end: string } },
): Promise<CalendarSettings> {
  const { tx, actor } = ctx;
  if (!canManageCalendar(actor)) throw forbidden();
  const before = await getCalendarSettings(tx, actor.orgId);
  await tx
    .updateTable('work_calendars')
    .set({
      time_zone: input.timeZone ?? before.timeZone,
      work_week: input.workWeek ? [...input.workWeek].sort() : before.workWeek,
      business_start: input.businessHours?.start ?? before.businessHours.start,
      business_end: input.businessHours?.end ?? before.businessHours.end,
      updated_at: ctx.deps.now(),
    })
    .where('org_id', '=', actor.orgId)
    .execute();
  const after = await getCalendarSettings(tx, actor.orgId);
  await audit(ctx, 'update', 'settings', before, after);
  return after;
}

export async function findDaysOfYear({ tx, actor }: Ctx, year: number): Promise<CalendarDay[]> {
  return findCalendarDays(tx, actor.orgId, `${year}-01-01`, `${year}-12-31`);
}

/** Marks a day as a holiday, a transferred working day or a shortened pre-holiday day. */
export async function putCalendarDay(
  ctx: Ctx,
  day: string,
  input: { kind: 'holiday' | 'working' | 'short'; name: string },
): Promise<CalendarDay> {
  const { tx, actor } = ctx;
  if (!canManageCalendar(actor)) throw forbidden();
  const [before] = await findCalendarDays(tx, actor.orgId, day, day);
  await tx
    .insertInto('calendar_days')
    .values({ org_id: actor.orgId, day, kind: input.kind, name: input.name })
    .onConflict((oc) => oc.columns(['org_id', 'day']).doUpdateSet({ kind: input.kind, name: input.name }))
    .execute();
  const after = { day, kind: input.kind, name: input.name };
  await audit(ctx, before ? 'update' : 'create', day, before ?? null, after);
  return after;
}

export async function deleteCalendarDay(ctx: Ctx, day: string): Promise<void> {
  const { tx, actor } = ctx;
  if (!canManageCalendar(actor)) throw forbidden();
  const [before] = await findCalendarDays(tx, actor.orgId, day, day);
  if (!before) throw notFound('Calendar day');
  await tx.deleteFrom('calendar_days').where('org_id', '=', actor.orgId).where('day', '=', day).execute();
  await audit(ctx, 'delete', day, before, null);
}

/** Restores a year to the Russian production calendar, dropping that year's own edits. */
export async function resetYear(ctx: Ctx, year: number): Promise<CalendarDay[]> {
  const { tx, actor } = ctx;
  if (!canManageCalendar(actor)) throw forbidden();
  const before = await findDaysOfYear(ctx, year);
  if (!(await applyRussianYear(tx, actor.orgId, year))) {
    throw unprocessable(`Pulse has no Russian production calendar for ${year}`, [
      { path: 'body.year', message: 'No calendar shipped for this year' },
    ]);
  }
  const after = await findDaysOfYear(ctx, year);
  await audit(ctx, 'update', `year:${year}`, { days: before }, { days: after });
  return after;
}

/** Working days in a range, in total and per month, from the organisation's calendar. */
export async function summarise({ tx, actor }: Ctx, from: string, to: string) {
  if (from > to) {
    throw unprocessable('The range ends before it starts', [{ path: 'query.to', message: 'Must not be before from' }]);
  }
  const calendarDays = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  if (calendarDays > MAX_SUMMARY_DAYS) {
    throw unprocessable(`A summary spans at most ${MAX_SUMMARY_DAYS} days`, [
      { path: 'query.to', message: 'Range too long' },
    ]);
  }
  const calendar = await loadWorkCalendar(tx, actor.orgId);
  const perMonth = new Map<string, number>();
  for (const day of listWorkingDays(calendar, from, to)) {
    const month = day.slice(0, 7);
    perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
  }
  const months = monthsFrom(from, to).map((month) => ({ month, workingDays: perMonth.get(month) ?? 0 }));
  return { from, to, workingDays: countWorkingDays(calendar, from, to), calendarDays, months };
}

/**
 * The 'YYYY-MM' months a range touches, in order. Months are stepped as numbers because, as
 * strings, '100-01' sorts before '0099-12' and '10000-01' before '9999-12': a string loop drops
 * months before year 1000 and runs a December 9999 range on for a million months.
 */
function monthsFrom(from: string, to: string): string[] {
  const index = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let i = index(from); i <= index(to); i++) {
    months.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

function audit(
  ctx: Ctx,
  action: 'create' | 'update' | 'delete',
  entityId: string,
  before: object | null,
  after: object | null,
) {
  return auditChange(ctx, {
    action,
    entity: 'calendar',
    entityId,
    before: before as Record<string, unknown> | null,
    after: after as Record<string, unknown> | null,
  });
}
