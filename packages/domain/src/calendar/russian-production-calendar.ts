/*
 * The official Russian production calendar (производственный календарь), five-day week.
 *
 * Legal basis:
 * - Трудовой кодекс РФ, ст. 112: the non-working holidays (1–8 January, 23 February,
 *   8 March, 1 and 9 May, 12 June, 4 November) and the rule that a day off falling on a
 *   holiday moves to the next working day, except for the 1–8 January ones, which the
 *   Government moves by decree; ст. 95: the working day before a non-working holiday is
 *   one hour shorter.
 * - 2025: Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году».
 * - 2026: Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году».
 * - 2027: Постановление Правительства РФ от 17.09.2026 № 1187 «О переносе выходных дней в 2027 году».
 *
 * The days were cross-checked one by one against independent machine-readable copies:
 * xmlcalendar/data (ru/<year>/calendar.xml), d10xa/holidays-calendar
 * (json/consultant<year>.json, taken from КонсультантПлюс), isdayoff/calendars (2025, 2026)
 * and vacanza/holidays (the 2025 transfers), and against the published totals for 2025 and
 * 2026: 247 working days, 118 days off and a 1972-hour norm for a 40-hour week, with the
 * monthly counts the tests pin. 2027 gives the same 247 / 118 / 1972 when counted from the
 * day lists of xmlcalendar and КонсультантПлюс, which agree day for day with each other and
 * with the transfers other projects cite from decree № 1187; no published 2027 table was found.
 * (isdayoff's 2025 file lacks the 30 April short day; ст. 95 and every other source have it.)
 *
 * Only days that differ from the plain Monday–Friday pattern are listed: a holiday that
 * falls on a weekend (8 March 2026 is a Sunday) is already a day off, and appears here
 * only through the weekday it was moved to.
 */

/** A calendar day with the reason it is special, e.g. the holiday's official name. */
export interface NamedDay {
  day: string;
  name: string;
}

/** One year of the Russian production calendar, as days that break the Monday–Friday pattern. */
export interface RussianProductionYear {
  /** Weekdays that are days off: public holidays and days off moved onto weekdays. */
  holidays: NamedDay[];
  /** Weekend days that are working days because their day off was moved. */
  workingDays: NamedDay[];
  /** Pre-holiday working days, one hour shorter. */
  shortDays: string[];
}

/** The years this module has official data for. */
export const RUSSIAN_CALENDAR_YEARS = [2025, 2026, 2027] as const;

const NEW_YEAR = 'Новогодние каникулы';
const CHRISTMAS = 'Рождество Христово';
const DEFENDER = 'День защитника Отечества';
const WOMEN = 'Международный женский день';
const LABOUR = 'Праздник Весны и Труда';
const VICTORY = 'День Победы';
const RUSSIA = 'День России';
const UNITY = 'День народного единства';

const movedFrom = (from: string): string => `Выходной день, перенесённый с ${from}`;
const workingInsteadOf = (to: string): string => `Рабочий день, выходной перенесён на ${to}`;

const YEARS: ReadonlyMap<number, RussianProductionYear> = new Map([
  [
    2025,
    {
      holidays: [
        { day: '2025-01-01', name: NEW_YEAR },
        { day: '2025-01-02', name: NEW_YEAR },
        { day: '2025-01-03', name: NEW_YEAR },
        { day: '2025-01-06', name: NEW_YEAR },
        { day: '2025-01-07', name: CHRISTMAS },
        { day: '2025-01-08', name: NEW_YEAR },
        { day: '2025-05-01', name: LABOUR },
        { day: '2025-05-02', name: movedFrom('субботы 4 января') },
        { day: '2025-05-08', name: movedFrom('воскресенья 23 февраля') },
        { day: '2025-05-09', name: VICTORY },
        { day: '2025-06-12', name: RUSSIA },
        { day: '2025-06-13', name: movedFrom('субботы 8 марта') },
        { day: '2025-11-03', name: movedFrom('субботы 1 ноября') },
        { day: '2025-11-04', name: UNITY },
        { day: '2025-12-31', name: movedFrom('воскресенья 5 января') },
      ],
      workingDays: [{ day: '2025-11-01', name: workingInsteadOf('понедельник 3 ноября') }],
      shortDays: ['2025-03-07', '2025-04-30', '2025-06-11', '2025-11-01'],
    },
  ],
  [
    2026,
    {
      holidays: [
        { day: '2026-01-01', name: NEW_YEAR },
        { day: '2026-01-02', name: NEW_YEAR },
        { day: '2026-01-05', name: NEW_YEAR },
        { day: '2026-01-06', name: NEW_YEAR },
        { day: '2026-01-07', name: CHRISTMAS },
        { day: '2026-01-08', name: NEW_YEAR },
        { day: '2026-01-09', name: movedFrom('субботы 3 января') },
        { day: '2026-02-23', name: DEFENDER },
        // Moved by ТК ст. 112 itself, not by the decree: 8 March is a Sunday.
        { day: '2026-03-09', name: movedFrom('воскресенья 8 марта') },
        { day: '2026-05-01', name: LABOUR },
        // Likewise by ст. 112: 9 May is a Saturday.
        { day: '2026-05-11', name: movedFrom('субботы 9 мая') },
        { day: '2026-06-12', name: RUSSIA },
        { day: '2026-11-04', name: UNITY },
        { day: '2026-12-31', name: movedFrom('воскресенья 4 января') },
      ],
      workingDays: [],
      shortDays: ['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03'],
    },
  ],
  [
    2027,
    {
      holidays: [
        { day: '2027-01-01', name: NEW_YEAR },
        { day: '2027-01-04', name: NEW_YEAR },
        { day: '2027-01-05', name: NEW_YEAR },
        { day: '2027-01-06', name: NEW_YEAR },
        { day: '2027-01-07', name: CHRISTMAS },
        { day: '2027-01-08', name: NEW_YEAR },
        { day: '2027-02-22', name: movedFrom('субботы 20 февраля') },
        { day: '2027-02-23', name: DEFENDER },
        { day: '2027-03-08', name: WOMEN },
        // 3 May, 10 May and 14 June are moved by ТК ст. 112: 1 May and 12 June are
        // Saturdays, 9 May a Sunday.
        { day: '2027-05-03', name: movedFrom('субботы 1 мая') },
        { day: '2027-05-10', name: movedFrom('воскресенья 9 мая') },
        { day: '2027-06-14', name: movedFrom('субботы 12 июня') },
        { day: '2027-11-04', name: UNITY },
        { day: '2027-11-05', name: movedFrom('субботы 2 января') },
        { day: '2027-12-31', name: movedFrom('воскресенья 3 января') },
      ],
      workingDays: [{ day: '2027-02-20', name: workingInsteadOf('понедельник 22 февраля') }],
      // 20 February is a working Saturday and the last working day before the
      // 22–23 February days off, so ст. 95 shortens it.
      shortDays: ['2027-02-20', '2027-04-30', '2027-06-11', '2027-11-03'],
    },
  ],
]);

/**
 * The official production calendar of a year, or undefined for a year without data
 * (see {@link RUSSIAN_CALENDAR_YEARS}). Returns fresh arrays the caller may keep or change.
 */
export function russianProductionCalendar(year: number): RussianProductionYear | undefined {
  const data = YEARS.get(year);
  if (data === undefined) return undefined;
  return {
    holidays: data.holidays.map((entry) => ({ ...entry })),
    workingDays: data.workingDays.map((entry) => ({ ...entry })),
    shortDays: [...data.shortDays],
  };
}
