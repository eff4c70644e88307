import { russianProductionCalendar } from '@pulse/domain';
import type { Tx } from '../../db/tenant.ts';

const PRE_HOLIDAY = 'Предпраздничный день, сокращён на час';

/** The Russian production calendar's days for a year, as rows; undefined when we ship none. */
export function russianDays(
  year: number,
): { day: string; kind: 'holiday' | 'working' | 'short'; name: string }[] | undefined {
  const data = russianProductionCalendar(year);
  if (!data) return undefined;
  // A short day is a working day by definition, so a transferred working Saturday that is also
  // shortened is stored once, as 'short' (loadWorkCalendar counts short days as working).
  const short = new Set(data.shortDays);
  return [
    ...data.holidays.map((h) => ({ day: h.day, kind: 'holiday' as const, name: h.name })),
    ...data.workingDays.map((w) => ({
      day: w.day,
      kind: short.has(w.day) ? ('short' as const) : ('working' as const),
      name: w.name,
    })),
    ...data.shortDays
      .filter((day) => !data.workingDays.some((w) => w.day === day))
      .map((day) => ({ day, kind: 'short' as const, name: PRE_HOLIDAY })),
  ];
}

/** Replaces a year's days with the Russian production calendar. */
export async function applyRussianYear(tx: Tx, orgId: string, year: number): Promise<boolean> {
  const days = russianDays(year);
  if (!days) return false;
  await tx
    .deleteFrom('calendar_days')
    .where('org_id', '=', orgId)
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .execute();
  if (days.length > 0) {
    await tx
      .insertInto('calendar_days')
      .values(days.map((d) => ({ org_id: orgId, ...d })))
      .execute();
  }
  return true;
}
