import type { CalendarDay, CalendarSettings } from '@pulse/contracts';
import { CalendarDayKind } from '@pulse/contracts';
import type { WorkCalendar } from '@pulse/domain';
import type { Tx } from '../../db/tenant.ts';

export async function getCalendarSettings(tx: Tx, orgId: string): Promise<CalendarSettings> {
  const row = await tx.selectFrom('work_calendars').selectAll().where('org_id', '=', orgId).executeTakeFirstOrThrow();
  return {
    timeZone: row.time_zone,
    workWeek: [...row.work_week].sort(),
    businessHours: { start: row.business_start, end: row.business_end },
    country: row.country,
  };
}

export async function findCalendarDays(tx: Tx, orgId: string, from: string, to: string): Promise<CalendarDay[]> {
  const rows = await tx
    .selectFrom('calendar_days')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ day: r.day, kind: CalendarDayKind.parse(r.kind), name: r.name }));
}

/** The organisation's calendar as the domain's calendar functions take it. */
export async function loadWorkCalendar(tx: Tx, orgId: string): Promise<WorkCalendar> {
  const settings = await getCalendarSettings(tx, orgId);
  const days = await tx.selectFrom('calendar_days').select(['day', 'kind']).where('org_id', '=', orgId).execute();
  const of = (kind: string) => new Set(days.filter((d) => d.kind === kind).map((d) => d.day));
  return {
    timeZone: settings.timeZone,
    workWeek: settings.workWeek,
    businessHours: settings.businessHours,
    holidays: of('holiday'),
    // A shortened day is still a working day, even when it falls on a weekend.
    workingDays: new Set([...of('working'), ...of('short')]),
    shortDays: of('short'),
  };
}
